"""One-time invite codes, read aloud or typed on a phone: the dossier's (staff to client) and
the helpers' (client to helper). Only an HMAC of a code is stored; the code is shown once."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from flask import current_app

# Readable aloud on the phone: no 0/O, 1/I/L. 31**8 ≈ 8.5e11 codes, and linking is rate-limited.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(code: str) -> str:
    """Case, spaces and dashes do not matter: "k7m4 x9pq" is "K7M4-X9PQ"."""
    return re.sub(r"[\s\-]+", "", code).upper()


def code_hash(code: str, purpose: str) -> str:
    """HMAC-SHA256 under the app secret, per purpose: a leaked table cannot be brute-forced
    offline, and a dossier code is never a helper's code."""
    key = current_app.config["SECRET_KEY"].encode()
    message = f"{purpose}|".encode() + normalise(code).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()
