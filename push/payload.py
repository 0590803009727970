"""What a push message carries to the service worker.

Discreet by default: the lock screen shows only "Houvast" and "Er is iets nieuws voor je" — no
event, task, crime or name, because someone else may see the phone. The detailed title and body
are used only when the person chose `detailed`. `view` tells the service worker which screen to
open; `topic` doubles as the notification tag, so a newer message replaces the older one.
"""

from __future__ import annotations

import json
import re
from typing import Any

URGENCIES = ("very-low", "low", "normal", "high")
MAX_TTL = 28 * 24 * 3600  # the longest TTL push services keep a message
DISCREET_TITLE = "Houvast"
DISCREET_BODY = "Er is iets nieuws voor je"
# RFC 8030 §5.4: a Topic is at most 32 characters of the URL-safe base64 alphabet.
TOPIC = re.compile(r"[A-Za-z0-9_-]{1,32}")


def discreet(kind: str, view: str, topic: str) -> dict[str, str]:
    return {"title": DISCREET_TITLE, "body": DISCREET_BODY, "view": view, "topic": topic,
            "kind": kind}


def build(kind: str, view: str, topic: str, detail: dict[str, Any] | None) -> bytes:
    """The JSON the service worker receives; `detail` (title/body) only for detailed users."""
    message = discreet(kind, view, topic)
    if detail:
        message["title"] = str(detail.get("title") or DISCREET_TITLE)
        message["body"] = str(detail.get("body") or DISCREET_BODY)
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode()
