"""VAPID (RFC 8292): the signed header that tells a push service who sends.

One header is signed per push-service origin and reused until shortly before it expires, so a
fan-out of thousands of messages costs one ECDSA signature per origin, not one per message.
The claims are a new dict on every signature: pywebpush's `webpush()` writes `aud` and `exp`
into the dict it is given, and a dict shared between origins would carry the first origin's
`aud` to the next one.
"""

from __future__ import annotations

import base64
import json
import threading

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

LIFETIME = 12 * 3600  # seconds a signed header is valid (push services accept up to 24 h)
RENEW_BEFORE = 3600  # sign a new one this long before the old one expires


def load_private_key(value: str) -> ec.EllipticCurvePrivateKey:
    """A P-256 key as PEM or as the raw private number in URL-safe base64.

    :raise ValueError: not an EC P-256 key
    """
    value = value.strip()
    if value.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(value.encode(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError("must be an EC P-256 key")
        return key
    raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    return ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class VapidSigner:
    """Signs and caches `Authorization: vapid t=…, k=…` headers per origin."""

    def __init__(self, private_key: str, subject: str) -> None:
        self._key = load_private_key(private_key)
        self.public_key = b64url(self._key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint))
        self.subject = subject
        self.signatures = 0  # how many headers were signed (the benchmark and tests read it)
        self._cache: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def claims(self, origin: str, now: float) -> dict[str, str | int]:
        """A fresh claims dict for `origin` (never shared, so never mutated behind our back)."""
        return {"aud": origin, "exp": int(now) + LIFETIME, "sub": self.subject}

    def header(self, origin: str, now: float) -> str:
        cached = self._cache.get(origin)
        if cached and cached[1] - RENEW_BEFORE > now:
            return cached[0]
        with self._lock:
            cached = self._cache.get(origin)
            if cached and cached[1] - RENEW_BEFORE > now:
                return cached[0]
            claims = self.claims(origin, now)
            value = f"vapid t={self._jwt(claims)}, k={self.public_key}"
            self._cache[origin] = (value, float(claims["exp"]))
            self.signatures += 1
            return value

    def _jwt(self, claims: dict[str, str | int]) -> str:
        def part(value: dict) -> str:
            return b64url(json.dumps(value, separators=(",", ":")).encode())

        signing_input = f"{part({'typ': 'JWT', 'alg': 'ES256'})}.{part(claims)}"
        der = self._key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return f"{signing_input}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"
