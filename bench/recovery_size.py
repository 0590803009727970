"""What the recovery meter costs to load on first open, compressed (gzip -9, as served): its
views, its own modules and the rules, plus the instruments and texts from
/api/recovery/instruments. The service worker precaches the files; the target is at most 30 KB
for the view (bench/results/recovery_size.json)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_BYTES = 30 * 1024
FILES = ["pwa/js/views/recovery.js", "pwa/js/views/recovery-test.js",
         "pwa/js/views/recovery-result.js", "pwa/js/recovery-data.js",
         "pwa/js/recovery-chart.js", "pwa/js/recovery-ics.js", "pwa/js/rules/recovery.js"]


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def main() -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    import tempfile

    from api import create_app  # noqa: PLC0415 (only when run)
    from tests.factories import make_settings  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as instance:
        app = create_app(make_settings(Path(instance)))
        answer = app.test_client().get("/api/recovery/instruments").data
    sizes = {name: compressed((ROOT / name).read_bytes()) for name in FILES}
    code = compressed(b"".join((ROOT / name).read_bytes() for name in FILES))
    content = compressed(answer)
    result = {"code_gzip_bytes": code, "instruments_gzip_bytes": content,
              "total_gzip_bytes": code + content, "target_bytes": TARGET_BYTES,
              "within_target": code + content <= TARGET_BYTES, "per_file_gzip_bytes": sizes,
              "instruments_raw_bytes": len(answer)}
    out = ROOT / "bench" / "results" / "recovery_size.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
