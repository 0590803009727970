"""Encryption at rest: AES-256-GCM with keys from configuration, and key rotation support.

Free text, self-test answers and photos are stored only as ciphertext made here. The keys are
`current_app.config["DATA_KEYS"]`, an ordered mapping `{kid: 32-byte key}` read from
HOUVAST_DATA_KEYS; the LAST key encrypts new data, every listed key can still decrypt.

Ciphertext format (all bytes, stored in LargeBinary columns and in the blob store):

    +---------+---------+-----------+----------------+---------------------------+
    | version | kid_len | kid       | nonce          | AES-GCM ciphertext + tag  |
    | 1 byte  | 1 byte  | kid_len B | 12 bytes       | len(plaintext) + 16 bytes |
    +---------+---------+-----------+----------------+---------------------------+

`version` is 1 (a master key) or 2 (an owner's data key, below). The nonce is random per
encryption (96 bits; safe for far more messages per key than Houvast writes). The associated
data given to AES-GCM is the header (`version, kid_len, kid`) followed by the caller's
`aad` string in UTF-8, so:

- the key id cannot be swapped or edited without the tag failing;
- a ciphertext only decrypts in the place it was made for: callers build `aad` from the table,
  row id, owner and column (`aad("logbook_entries", id, owner_id, "text")`), so copying a value
  to another row, owner or column fails to decrypt instead of leaking it there.

Every failure (unknown kid, truncated data, wrong aad, a flipped bit) raises DecryptionError
with no detail about which check failed.

Domains register their encrypted columns (`register_encrypted_column`) so `flask keys rotate`
can re-encrypt everything under the newest key without knowing the domains.

Per-account keys (envelope encryption, see docs/encryption.md): a value whose aad names an
owner (`aad(..., user=12)`, `aad(..., dossier=d)`) is sealed under that owner's own data key,
and the header then says version 2 with the data key's id instead of a master key id. The data
keys live, wrapped by the master keys, in the key store (`api/keystore.py`), a database apart
from the data; destroying an owner's key there makes every copy of their data unreadable.
Version 1 values (sealed by a master key directly, as everything was before account keys) stay
readable; `flask keys rotate` moves them to account keys.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import current_app, g

from api import keystore

VERSION = 1  # sealed by a master key of DATA_KEYS
ACCOUNT_VERSION = 2  # sealed by the owner's data key from the key store
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


class Place(str):
    """The associated data of a value (where it lives, as a string), and whose data key seals
    it (`owner`, e.g. "user:12"; None: a master key, only for the key store's own wrapping)."""

    owner: str | None

    def __new__(cls, text: str, owner: str | None = None) -> Place:
        place = super().__new__(cls, text)
        place.owner = owner
        return place


def aad(*parts: object, user: object = None, dossier: object = None) -> Place:
    """Join the parts that name where a value lives: aad("blob", key, 12, user=12) is
    "blob|key|12", sealed under user 12's data key. `user` or `dossier` says whose data it is
    (a person's, when both are given)."""
    owner = (f"user:{user}" if user is not None
             else f"dossier:{dossier}" if dossier is not None else None)
    return Place("|".join(str(part) for part in parts), owner)


def owner_of_place(where: str) -> str | None:
    return getattr(where, "owner", None)


def _header(kid: str, version: int = VERSION) -> bytes:
    raw = kid.encode()
    if not 0 < len(raw) < 256:
        raise ValueError("a key id must be 1..255 bytes")
    return bytes((version, len(raw))) + raw


def _split(ciphertext: bytes) -> tuple[bytes, str, bytes, bytes]:
    """-> (header, kid, nonce, sealed); DecryptionError when the framing is wrong."""
    if len(ciphertext) < 2 or ciphertext[0] not in (VERSION, ACCOUNT_VERSION):
        raise DecryptionError("unknown ciphertext format")
    end = 2 + ciphertext[1]
    if len(ciphertext) < end + NONCE_SIZE + TAG_SIZE:
        raise DecryptionError("ciphertext is truncated")
    try:
        kid = ciphertext[2:end].decode()
    except UnicodeDecodeError as exc:
        raise DecryptionError("unknown ciphertext format") from exc
    return ciphertext[:end], kid, ciphertext[end : end + NONCE_SIZE], ciphertext[end + NONCE_SIZE :]


def _seal(key: bytes, header: bytes, plaintext: bytes, where: str) -> bytes:
    nonce = os.urandom(NONCE_SIZE)
    return header + nonce + AESGCM(key).encrypt(nonce, plaintext, header + where.encode())


def _master_encrypt(plaintext: bytes, where: str) -> bytes:
    kid = newest_key_id()
    return _seal(_keys()[kid], _header(kid), plaintext, where)


def _master_decrypt(header: bytes, kid: str, nonce: bytes, sealed: bytes, where: str) -> bytes:
    key = _keys().get(kid)
    if key is None:
        raise DecryptionError("the key for this data is not configured")
    return _open(key, header, nonce, sealed, where)


def _open(key: bytes, header: bytes, nonce: bytes, sealed: bytes, where: str) -> bytes:
    try:
        return AESGCM(key).decrypt(nonce, sealed, header + where.encode())
    except InvalidTag as exc:
        raise DecryptionError("the data does not decrypt here") from exc


# -- account data keys ------------------------------------------------------------------------

_CACHE_LIMIT = 4096  # unwrapped keys kept per app context (a long CLI run or the dispatcher)


def _cache() -> dict[str, tuple[str, bytes]]:
    """Unwrapped keys of this app context (one request, one command), by kid and by owner."""
    if "houvast_data_keys" not in g:
        g.houvast_data_keys = {}
    cache: dict[str, tuple[str, bytes]] = g.houvast_data_keys
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    return cache


def _wrap_place(kid: str, owner: str) -> str:
    return aad("data_keys", kid, owner)


def _unwrap(kid: str, owner: str, wrapped: bytes) -> bytes:
    header, master_kid, nonce, sealed = _split(wrapped)
    return _master_decrypt(header, master_kid, nonce, sealed, _wrap_place(kid, owner))


def _owner_from_kid(kid: str) -> str:
    return kid.rpartition(".")[0]


def account_key(owner: str) -> tuple[str, bytes]:
    """-> (kid, key) of the owner's data key, made and stored first when they have none."""
    cache = _cache()
    if (hit := cache.get(owner)) is not None:
        return hit
    found = keystore.find(owner)
    if found is None:
        kid, key = keystore.new_kid(owner), AESGCM.generate_key(bit_length=256)
        found = keystore.add(kid, owner, _master_encrypt(key, _wrap_place(kid, owner)))
        if found[0] == kid:
            cache[owner] = cache[kid] = (kid, key)
            return kid, key
    kid, wrapped = found
    cache[owner] = cache[kid] = (kid, _unwrap(kid, owner, wrapped))
    return cache[kid]


def _key_by_id(kid: str) -> bytes:
    cache = _cache()
    if (hit := cache.get(kid)) is not None:
        return hit[1]
    wrapped = keystore.get(kid)
    if wrapped is None:
        raise DecryptionError("the key for this data is gone")
    key = _unwrap(kid, _owner_from_kid(kid), wrapped)
    cache[kid] = (kid, key)
    return key


def destroy_account_key(owner: str) -> int:
    """Crypto-shredding: delete the owner's data key from the key store. -> keys deleted."""
    kids = keystore.destroy(owner)
    cache = _cache()
    for name in (owner, *kids):
        cache.pop(name, None)
    return len(kids)


def rewrap(kid: str, owner: str, wrapped: bytes) -> bytes | None:
    """The wrapped key under the newest master key, or None when it already is."""
    header, master_kid, nonce, sealed = _split(wrapped)
    if master_kid == newest_key_id():
        return None
    key = _master_decrypt(header, master_kid, nonce, sealed, _wrap_place(kid, owner))
    return _master_encrypt(key, _wrap_place(kid, owner))


# -- values ----------------------------------------------------------------------------------


def encrypt(plaintext: bytes, aad: str) -> bytes:
    """Encrypt bound to `aad` (where the value will be stored): under its owner's data key when
    the place names one (`aad(..., user=…)`), else under the newest master key."""
    owner = owner_of_place(aad)
    if owner is None:
        return _master_encrypt(plaintext, aad)
    kid, key = account_key(owner)
    return _seal(key, _header(kid, ACCOUNT_VERSION), plaintext, aad)


def decrypt(ciphertext: bytes, aad: str) -> bytes:
    """Decrypt with the key named in the ciphertext. :raise DecryptionError: on any failure,
    also when the owner's data key was destroyed."""
    header, kid, nonce, sealed = _split(bytes(ciphertext))
    if header[0] == VERSION:
        return _master_decrypt(header, kid, nonce, sealed, aad)
    return _open(_key_by_id(kid), header, nonce, sealed, aad)


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


def is_account_sealed(ciphertext: bytes) -> bool:
    return _split(bytes(ciphertext))[0][0] == ACCOUNT_VERSION


def needs_rotation(ciphertext: bytes, aad: str | None = None, to_master: bool = False) -> bool:
    """True when `keys rotate` should re-encrypt this: a master-sealed value that has an owner
    (to move to their data key) or is not under the newest master key; with `to_master`, a
    value under a data key, or one under an older master key."""
    account = is_account_sealed(ciphertext)
    if account:
        return to_master
    if not to_master and owner_of_place(aad or "") is not None:
        return True
    return key_id(ciphertext) != newest_key_id()


def reencrypt(ciphertext: bytes, aad: str, to_master: bool = False) -> bytes:
    """The same plaintext where `keys rotate` wants it (or the input when it already is)."""
    if not needs_rotation(ciphertext, aad, to_master):
        return ciphertext
    plaintext = decrypt(ciphertext, aad)
    return _master_encrypt(plaintext, aad) if to_master else encrypt(plaintext, aad)


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
