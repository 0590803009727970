"""What each part of the app costs to load on first open, compressed (gzip -9, as served): its
views, its own modules and rules, plus the public content it fetches. The service worker
precaches the files; the figures go to bench/results/<part>_size.json, each with its target.

Targets: the recovery meter at most 30 KB (its issue); the rights at most 48 KB, about two
seconds on a slow 3G connection, because its content is 24 rights with their to-dos, steps and
sources in two languages (about 16,000 words) [project decision]. The helpers' training (its
issue): everything for offline use (its views and the whole training in one language) at most
300 KB, and the first lesson screen at most 60 KB with the shell (index.html, the CSS and every
module the app imports at start-up), the step's view and the module it opens."""

from __future__ import annotations

import gzip
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = {
    "recovery": {
        "files": ["pwa/js/views/recovery.js", "pwa/js/views/recovery-test.js",
                  "pwa/js/views/recovery-result.js", "pwa/js/recovery-data.js",
                  "pwa/js/recovery-chart.js", "pwa/js/recovery-ics.js",
                  "pwa/js/rules/recovery.js"],
        "content": "/api/recovery/instruments",
        "target_bytes": 30 * 1024,
    },
    "rights": {
        "files": ["pwa/js/views/rights.js", "pwa/js/views/rights-questions.js",
                  "pwa/js/views/right.js", "pwa/js/rights-data.js",
                  "pwa/js/personal-record.js", "pwa/js/rules/rights.js"],
        "content": "/api/rights/questions",
        "target_bytes": 48 * 1024,
    },
    "training": {
        "files": ["pwa/js/views/training.js", "pwa/js/views/training-step.js",
                  "pwa/js/views/checklists.js", "pwa/js/views/checklist.js",
                  "pwa/js/views/referral.js", "pwa/js/views/selfscan.js",
                  "pwa/js/training-data.js", "pwa/js/personal-record.js"],
        "content": "/api/training/bundle?lang=nl",
        "target_bytes": 300 * 1024,
    },
    "training_first_lesson": {
        "files": ["pwa/index.html", "pwa/css/app.css", "pwa/js/views/training-step.js",
                  "pwa/js/training-data.js", "pwa/js/personal-record.js", "@shell"],
        "content": "/api/training/basis?lang=nl",
        "target_bytes": 60 * 1024,
    },
}
IMPORT = re.compile(r"""^\s*import\s[^;]*?from\s+['"](\.{1,2}/[^'"]+)['"]""", re.M)


def shell_modules() -> list[str]:
    """app.js and every module it imports statically, however deep (import() is left out:
    those load when a screen opens)."""
    found: list[str] = []
    todo = [ROOT / "pwa" / "js" / "app.js"]
    while todo:
        path = todo.pop().resolve()
        name = str(path.relative_to(ROOT))
        if name in found:
            continue
        found.append(name)
        todo += [(path.parent / target) for target in IMPORT.findall(path.read_text())]
    return sorted(found)


def files_of(part: dict) -> list[str]:
    names = [n for n in part["files"] if n != "@shell"]
    if "@shell" in part["files"]:
        names += [n for n in shell_modules() if n not in names]
    return names


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def measure(client, part: dict) -> dict:
    answer = client.get(part["content"]).data
    files = files_of(part)
    code = compressed(b"".join((ROOT / name).read_bytes() for name in files))
    content = compressed(answer)
    return {"code_gzip_bytes": code, "content_gzip_bytes": content,
            "total_gzip_bytes": code + content, "target_bytes": part["target_bytes"],
            "within_target": code + content <= part["target_bytes"],
            "per_file_gzip_bytes": {name: compressed((ROOT / name).read_bytes())
                                    for name in files},
            "content_raw_bytes": len(answer)}


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from api import create_app  # noqa: PLC0415 (only when run)
    from tests.factories import make_settings  # noqa: PLC0415

    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as instance:
        client = create_app(make_settings(Path(instance))).test_client()
        for name, part in PARTS.items():
            result = measure(client, part)
            (out / f"{name}_size.json").write_text(json.dumps(result, indent=2) + "\n")
            print(name, json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
