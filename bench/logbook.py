"""Logbook benchmarks: PDF export of a 500-entry logbook with 50 photos and short notes, of a
realistic big one (500 damages entries whose notes run from 200 to 5,000 characters, 50 photos;
also its first 250 entries, to show the time grows linearly), and one 12-megapixel JPEG through
the photo upload path. Writes bench/results/logbook.json.

Each measurement runs in a child process of its own (`python bench/logbook.py CHILD ...`), so
its peak memory is not mixed up with the set-up. Peak memory is the child's peak resident set
size, `resource.getrusage(RUSAGE_SELF).ru_maxrss` read in the child at the end (it includes the
Python interpreter and the imported app, ~100 MB). Wall time is time.perf_counter around the
measured call only; its CPU time (user + system) is recorded too, with the load average, because
wall time on a busy 2-core machine says more about the neighbours than about this code.
Targets: export < 3 s and < 300 MB (short notes), < 5 s and < 300 MB (long notes, where the
250-entry export takes about half as long); one photo < 1 s and < 250 MB (the photo: median of
PHOTO_RUNS uploads of the same file in one process; the first, with its warm-up, is kept too).
For the long-notes export the reading (the only part that holds a transaction) and the
rendering are timed apart too.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ENTRIES, PHOTOS = 500, 50
NOTE_MIN, NOTE_MAX = 200, 5000  # the long-notes logbook: lengths spread evenly, in random order
# Common words, and made-up words of 2-4 syllables (so the vocabulary is as large as a real
# diary's, and caching the widths of words helps no more than it would there).
COMMON = ["ik", "was", "op", "weg", "naar", "huis", "toen", "hij", "weer", "bij", "de", "deur",
          "stond", "en", "dat", "het", "een", "van", "niet", "maar", "politie", "rekening"]
SYLLABLES = ["ver", "ge", "be", "ont", "sla", "pen", "loop", "huis", "deur", "bus", "ra", "ken",
             "ter", "mijn", "oud", "zorg", "angst", "stil", "ne", "lig", "vriend", "kost", "baar"]
PHOTO_RUNS = 5  # the same upload 5 times in one process: median (the first one is kept too)


def make_app(folder: Path):
    from api import create_app

    return create_app({"HOUVAST_INSTANCE": str(folder), "RATELIMIT_STORAGE_URI": "memory://",
                       "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}"})


def photo_jpeg(size: tuple[int, int], quality: int = 90) -> bytes:
    """A photo-like JPEG: smooth gradients with sensor-like noise (compresses like a photo)."""
    from PIL import Image

    grad = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 30)
    img = Image.merge("RGB", (grad, noise, grad.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    out = BytesIO()
    img.save(out, "JPEG", quality=quality)
    return out.getvalue()


def long_note(length: int, rnd: random.Random) -> str:
    """Plain sentences with a blank line now and then, cut to `length` characters."""
    parts: list[str] = []
    size = 0
    while size < length:
        sentence = " ".join(
            rnd.choice(COMMON) if rnd.random() < 0.5
            else "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4)))
            for _ in range(rnd.randint(6, 18)))
        parts.append(sentence.capitalize() + (".\n\n" if rnd.random() < 0.1 else ". "))
        size += len(parts[-1])
    return "".join(parts)[:length].strip()


def _fill(user_id: int, title: str, notes: list[str]) -> tuple[str, list]:
    from api.db import db
    from api.logbook import service

    logbook, _ = service.upsert_logbook(user_id, None, {"type": "damages", "title": title})
    start = datetime(2026, 1, 1, tzinfo=UTC)
    entry_ids = []
    for i, note in enumerate(notes):
        answers = {"category": ["medical", "travel", "material"][i % 3],
                   "amount_cents": 1000 + i, "reimbursed": i % 2 == 0,
                   "description": f"Kosten nummer {i}, met wat uitleg erbij."}
        entry, _ = service.upsert_entry(user_id, None, logbook.id, {
            "occurred_at": start + timedelta(hours=i), "answers": answers, "note": note})
        entry_ids.append(entry.id)
    db.session.commit()
    for entry_id in entry_ids[:: ENTRIES // PHOTOS]:  # every photo different, like real ones
        service.add_photo(user_id, entry_id, photo_jpeg((2560, 1920)), keep_original=False)
        db.session.commit()
    return str(logbook.id), entry_ids


def setup(folder: Path) -> dict:
    from alembic import command

    from api.auth import service as accounts
    from api.cli import alembic_config

    app = make_app(folder)
    with app.app_context():
        command.upgrade(alembic_config(), "heads")
        user = accounts.create_user("bench-client", "a calm walk by the river", "client",
                                    terms_version="bench")
        logbook_id, entry_ids = _fill(user.id, "Benchmark",
                                      ["Een notitie van een paar woorden."] * ENTRIES)
        rnd = random.Random(2026)
        lengths = [NOTE_MIN + (NOTE_MAX - NOTE_MIN) * i // (ENTRIES - 1) for i in range(ENTRIES)]
        rnd.shuffle(lengths)
        long_id, _ = _fill(user.id, "Lange notities", [long_note(n, rnd) for n in lengths])
        (folder / "big.jpg").write_bytes(photo_jpeg((4000, 3000)))
        return {"owner_id": user.id, "logbook_id": logbook_id, "long_logbook_id": long_id,
                "entry_id": str(entry_ids[1])}


def child(kind: str, folder: Path, ids: dict) -> None:
    from api.db import db
    from api.logbook import pdf, service

    app = make_app(folder)
    with app.app_context():
        if kind == "pdf":
            cpu_before, started = _cpu(), time.perf_counter()
            data = pdf.export(ids["owner_id"], uuid.UUID(ids["logbook_id"]), "nl")
            seconds, cpu = time.perf_counter() - started, _cpu() - cpu_before
            detail = {"pdf_bytes": len(data)}
        elif kind.startswith("pdf_long"):  # pdf.export's steps, timed apart
            entries = int(kind.rpartition("_")[2])
            cpu_before, started = _cpu(), time.perf_counter()
            snapshot = pdf.read(ids["owner_id"], uuid.UUID(ids["long_logbook_id"]))
            db.session.close()
            read_s = time.perf_counter() - started
            snapshot.views = snapshot.views[:entries]
            data = pdf.render(snapshot, "nl")
            seconds, cpu = time.perf_counter() - started, _cpu() - cpu_before
            detail = {"pdf_bytes": len(data), "entries": len(snapshot.views),
                      "note_chars": sum(len((v.current or {}).get("note") or "")
                                        for v in snapshot.views),
                      "photos": sum(len(v.photos) for v in snapshot.views),
                      "read_s": read_s, "render_s": seconds - read_s}
        else:
            raw = (folder / "big.jpg").read_bytes()
            runs = []
            for _ in range(PHOTO_RUNS):
                cpu_before, started = _cpu(), time.perf_counter()
                photo = service.add_photo(ids["owner_id"], uuid.UUID(ids["entry_id"]), raw,
                                          False)
                db.session.commit()
                runs.append((time.perf_counter() - started, _cpu() - cpu_before))
            seconds, cpu = statistics.median(r[0] for r in runs), statistics.median(
                r[1] for r in runs)
            detail = {"input_bytes": len(raw), "output_size": [photo.width, photo.height],
                      "runs": PHOTO_RUNS, "first_seconds": runs[0][0],
                      "first_cpu_seconds": runs[0][1]}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak_mb, **detail}))


def _cpu() -> float:
    """CPU time of this process (user + system): steadier than wall time on a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_child(kind: str, folder: Path, ids: dict) -> dict:
    out = subprocess.run([sys.executable, __file__, "CHILD", kind, str(folder), json.dumps(ids)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ids = json.loads(subprocess.run(
            [sys.executable, __file__, "SETUP", str(folder)], check=True, capture_output=True,
            text=True).stdout.strip().splitlines()[-1])
        export = run_child("pdf", folder, ids)
        long_export = run_child(f"pdf_long_{ENTRIES}", folder, ids)
        half_export = run_child(f"pdf_long_{ENTRIES // 2}", folder, ids)
        photo = run_child("photo", folder, ids)
    result = {
        "pdf_export_s": round(export["seconds"], 3),
        "pdf_export_peak_mb": round(export["peak_mb"], 1),
        "pdf_long_notes_s": round(long_export["seconds"], 3),
        "pdf_long_notes_peak_mb": round(long_export["peak_mb"], 1),
        "pdf_long_notes_half_s": round(half_export["seconds"], 3),
        "pdf_long_notes_ratio_500_to_250": round(long_export["cpu_seconds"]
                                                 / max(half_export["cpu_seconds"], 1e-9), 2),
        "photo_s": round(photo["seconds"], 3),
        "photo_peak_mb": round(photo["peak_mb"], 1),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "memory_method": "peak RSS of the measuring child process "
                         "(getrusage(RUSAGE_SELF).ru_maxrss in the child)",
        "targets": {"pdf_export_s": 3, "pdf_export_peak_mb": 300, "pdf_long_notes_s": 5,
                    "pdf_long_notes_peak_mb": 300, "photo_s": 1, "photo_peak_mb": 250},
        "details": {"entries": ENTRIES, "photos": PHOTOS, "export": export,
                    "long_notes": {"note_chars": [NOTE_MIN, NOTE_MAX], "export": long_export,
                                   "first_half": half_export,
                                   "ratio": "CPU seconds of 500 entries / 250 entries"},
                    "photo": photo,
                    "photo_input": "4000x3000 JPEG q90 through service.add_photo (clean, "
                                   "thumbnail, print copy, encrypt, store); median of "
                                   f"{PHOTO_RUNS} uploads in one process, first one in "
                                   "details.photo.first_seconds"},
    }
    path = ROOT / "bench" / "results" / "logbook.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "SETUP":
        print(json.dumps(setup(Path(sys.argv[2]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "CHILD":
        child(sys.argv[2], Path(sys.argv[3]), json.loads(sys.argv[4]))
    else:
        main()
