"""The kinds of dossier events: data, not code. Served by GET /api/content/dossier (no login),
checked and grouped by api/dossier/service.py, read by the PWA.

Every kind has `kind`, the `source` the client's timeline groups it under, and `has_time`:
whether the time of day matters (a hearing, an appointment) or only the day. The words for a
kind are UI text and live in the PWA (`dossier.kind.<kind>` in pwa/i18n/).
"""

from __future__ import annotations

from typing import Any


def _kind(kind: str, source: str, *, has_time: bool = False) -> dict[str, Any]:
    return {"kind": kind, "source": source, "has_time": has_time}


EVENT_KINDS: list[dict[str, Any]] = [
    _kind("from_police", "police"),
    _kind("from_prosecutor", "prosecutor"),
    _kind("court_date", "court", has_time=True),
    _kind("from_us", "organisation"),
    _kind("appointment", "organisation", has_time=True),
    _kind("call_summary", "organisation"),
]
KINDS = tuple(k["kind"] for k in EVENT_KINDS)
SOURCE_OF_KIND = {k["kind"]: k["source"] for k in EVENT_KINDS}
