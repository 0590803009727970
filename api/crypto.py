"""Encryption at rest: AES-256-GCM with keys from configuration, and key rotation support.

Free text, self-test answers and photos are stored only as ciphertext made here. The keys are
`current_app.config["DATA_KEYS"]`, an ordered mapping `{kid: 32-byte key}` read from
HOUVAST_DATA_KEYS; the LAST key encrypts new data, every listed key can still decrypt.

Ciphertext format (all bytes, stored in LargeBinary columns and in the blob store):

    +---------+---------+-----------+----------------+---------------------------+
    | version | kid_len | kid       | nonce          | AES-GCM ciphertext + tag  |
    | 1 byte  | 1 byte  | kid_len B | 12 bytes       | len(plaintext) + 16 bytes |
    +---------+---------+-----------+----------------+---------------------------+

`version` is 1. The nonce is random per encryption (96 bits; safe for far more messages per
key than Houvast writes). The associated data given to AES-GCM is the header
(`version, kid_len, kid`) followed by the caller's `aad` string in UTF-8, so:

- the key id cannot be swapped or edited without the tag failing;
- a ciphertext only decrypts in the place it was made for: callers build `aad` from the table,
  row id, owner and column (`aad("logbook_entries", id, owner_id, "text")`), so copying a value
  to another row, owner or column fails to decrypt instead of leaking it there.

Every failure (unknown kid, truncated data, wrong aad, a flipped bit) raises DecryptionError
with no detail about which check failed.

Domains register their encrypted columns (`register_encrypted_column`) so `flask keys rotate`
can re-encrypt everything under the newest key without knowing the domains.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import current_app

VERSION = 1
NONCE_SIZE = 12
TAG_SIZE = 16


class DecryptionError(Exception):
    """The data cannot be decrypted here: wrong key, place (aad) or damaged bytes."""


def _keys() -> Mapping[str, bytes]:
    keys: Mapping[str, bytes] = current_app.config["DATA_KEYS"]
    if not keys:
        raise RuntimeError("DATA_KEYS is empty")
    return keys


def newest_key_id() -> str:
    return next(reversed(_keys()))


def aad(*parts: object) -> str:
    """Join the parts that name where a value lives: aad("blob", key, owner) -> "blob|key|owner"."""
    return "|".join(str(part) for part in parts)


def _header(kid: str) -> bytes:
    raw = kid.encode()
    if not 0 < len(raw) < 256:
        raise ValueError("a key id must be 1..255 bytes")
    return bytes((VERSION, len(raw))) + raw


def _split(ciphertext: bytes) -> tuple[bytes, str, bytes, bytes]:
    """-> (header, kid, nonce, sealed); DecryptionError when the framing is wrong."""
    if len(ciphertext) < 2 or ciphertext[0] != VERSION:
        raise DecryptionError("unknown ciphertext format")
    end = 2 + ciphertext[1]
    if len(ciphertext) < end + NONCE_SIZE + TAG_SIZE:
        raise DecryptionError("ciphertext is truncated")
    try:
        kid = ciphertext[2:end].decode()
    except UnicodeDecodeError as exc:
        raise DecryptionError("unknown ciphertext format") from exc
    return ciphertext[:end], kid, ciphertext[end : end + NONCE_SIZE], ciphertext[end + NONCE_SIZE :]


def encrypt(plaintext: bytes, aad: str) -> bytes:
    """Encrypt under the newest key, bound to `aad` (where the value will be stored)."""
    kid = newest_key_id()
    header = _header(kid)
    nonce = os.urandom(NONCE_SIZE)
    sealed = AESGCM(_keys()[kid]).encrypt(nonce, plaintext, header + aad.encode())
    return header + nonce + sealed


def decrypt(ciphertext: bytes, aad: str) -> bytes:
    """Decrypt with the key named in the ciphertext. :raise DecryptionError: on any failure."""
    header, kid, nonce, sealed = _split(bytes(ciphertext))
    key = _keys().get(kid)
    if key is None:
        raise DecryptionError("the key for this data is not configured")
    try:
        return AESGCM(key).decrypt(nonce, sealed, header + aad.encode())
    except InvalidTag as exc:
        raise DecryptionError("the data does not decrypt here") from exc


def encrypt_text(text: str | None, aad: str) -> bytes | None:
    return None if text is None else encrypt(text.encode(), aad)


def decrypt_text(blob: bytes | None, aad: str) -> str | None:
    return None if blob is None else decrypt(blob, aad).decode()


def encrypt_json(value: Any, aad: str) -> bytes:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return encrypt(text.encode(), aad)


def decrypt_json(blob: bytes, aad: str) -> Any:
    return json.loads(decrypt(blob, aad).decode())


def key_id(ciphertext: bytes) -> str:
    """The id of the key that encrypted this. :raise DecryptionError: when not our format."""
    return _split(bytes(ciphertext))[1]


def needs_rotation(ciphertext: bytes) -> bool:
    """True when not under the newest key (so `keys rotate` should re-encrypt it)."""
    return key_id(ciphertext) != newest_key_id()


def reencrypt(ciphertext: bytes, aad: str) -> bytes:
    """The same plaintext under the newest key (or the input when it already is)."""
    if not needs_rotation(ciphertext):
        return ciphertext
    return encrypt(decrypt(ciphertext, aad), aad)


@dataclass(frozen=True)
class EncryptedColumn:
    model: type  # SQLAlchemy model class
    column: str  # attribute holding ciphertext bytes (LargeBinary), may be NULL
    aad: Callable[[Any], str]  # row -> aad string


_REGISTRY: dict[tuple[type, str], EncryptedColumn] = {}


def register_encrypted_column(model: type, column: str, aad_fn: Callable[[Any], str]) -> None:
    """Tell `keys rotate` about a column; registering the same column again replaces it."""
    _REGISTRY[(model, column)] = EncryptedColumn(model, column, aad_fn)


def encrypted_columns() -> list[EncryptedColumn]:
    return list(_REGISTRY.values())
