"""Export benchmark ("Download al mijn gegevens"): the ZIP of a small account (1 logbook of 100
entries, 6 photos) and of a large one (3 logbooks of 1,000 entries with notes of 500
characters, 60 photos of which 20 with the original kept), made by `api.export.service.build`
and then downloaded chunk by chunk, as the server does. Writes bench/results/export.json.

Each measurement runs in a child process of its own, so its peak memory (peak resident set
size, ru_maxrss, read at the end) is not mixed with the set-up; `baseline` is a child that only
starts the app. The claim is that memory stays flat: the large account's peak above the
baseline stays near the small one's, because one file (the largest: a 1,000-entry logbook's
PDF) is in memory at a time and the ZIP goes to sealed 1 MiB chunks as it is written, not to
memory; the download holds one chunk. Target: the large account's build under 250 MB above
the baseline, its download under 20 MB above it. Wall and CPU seconds are recorded too.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.logbook import long_note, make_app, photo_jpeg  # noqa: E402

ACCOUNTS = {"small": (1, 100, 6, 0), "large": (3, 1000, 60, 20)}  # books, entries, photos, kept


def _fill(user_id: int, books: int, entries: int, photos: int, kept: int) -> None:
    from api.db import db
    from api.logbook import service

    rnd = random.Random(2026)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    every = max(1, books * entries // max(photos, 1))
    made = 0
    for book in range(books):
        logbook, _ = service.upsert_logbook(user_id, None,
                                            {"type": "wellbeing", "title": f"Logboek {book}"})
        for number in range(entries):
            entry, _ = service.upsert_entry(user_id, None, logbook.id, {
                "occurred_at": start + timedelta(hours=number), "answers": {"feeling": 3},
                "note": long_note(500, rnd)})
            if (book * entries + number) % every == 0 and made < photos:
                db.session.commit()
                service.add_photo(user_id, entry.id, photo_jpeg((2560, 1920)),
                                  keep_original=made < kept)
                made += 1
        db.session.commit()


def setup(folder: Path) -> dict:
    from alembic import command

    from api.auth import service as accounts
    from api.cli import alembic_config

    app = make_app(folder)
    ids = {}
    with app.app_context():
        command.upgrade(alembic_config(), "heads")
        for name, shape in ACCOUNTS.items():
            user = accounts.create_user(f"bench-{name}", "a calm walk by the river", "client",
                                        terms_version="bench")
            _fill(user.id, *shape)
            ids[name] = user.id
    return ids


def child(kind: str, folder: Path, user_id: int) -> None:
    from api.auth.models import User
    from api.db import db
    from api.export import service
    from api.export.models import AccountExport

    app = make_app(folder)
    detail: dict = {}
    with app.app_context():
        cpu_before, started = _cpu(), time.perf_counter()
        if kind == "build":
            found, _ = service.start(db.session.get(User, user_id), "nl")
            token = found.token
            db.session.commit()
            service.build(user_id, token)
            row = db.session.get(AccountExport, user_id)
            detail = {"state": row.state, "files": row.files, "zip_bytes": row.size,
                      "chunks": row.chunks}
        elif kind == "download":
            size, chunks = service.download(db.session.get(User, user_id))
            received = sum(len(chunk) for chunk in chunks)
            detail = {"zip_bytes": size, "received": received}
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu_before
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak_mb, **detail}))


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ids = run("SETUP", str(folder))
        baseline = run("CHILD", "baseline", str(folder), "0")
        result: dict = {"baseline_peak_mb": round(baseline["peak_mb"], 1)}
        for name in ACCOUNTS:
            build = run("CHILD", "build", str(folder), str(ids[name]))
            download = run("CHILD", "download", str(folder), str(ids[name]))
            assert build["state"] == "ready" and download["received"] == build["zip_bytes"]
            books, entries, photos, kept = ACCOUNTS[name]
            result[name] = {
                "logbooks": books, "entries": books * entries, "photos": photos,
                "originals_kept": kept, "files": build["files"],
                "zip_mb": round(build["zip_bytes"] / 1e6, 1), "chunks": build["chunks"],
                "build_s": round(build["seconds"], 2),
                "build_cpu_s": round(build["cpu_seconds"], 2),
                "build_peak_above_baseline_mb": round(build["peak_mb"] - baseline["peak_mb"], 1),
                "download_s": round(download["seconds"], 2),
                "download_peak_above_baseline_mb": round(
                    download["peak_mb"] - baseline["peak_mb"], 1),
            }
    result["load_average_1m"] = round(os.getloadavg()[0], 2)
    out = ROOT / "bench" / "results" / "export.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "SETUP":
        print(json.dumps(setup(Path(sys.argv[2]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "CHILD":
        child(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]))
    else:
        main()
