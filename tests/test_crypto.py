"""Encryption at rest (api/crypto.py) with real AES-GCM and keys like the configuration's."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from flask import Flask

from api import crypto
from api.crypto import DecryptionError

MARKER = "Aangifte-7f3c-geheim-é"


@pytest.fixture
def keyed() -> Iterator[Flask]:
    """A bare app context with one data key: crypto needs only the configuration."""
    app = Flask(__name__)
    app.config["DATA_KEYS"] = {"k1": os.urandom(32)}
    with app.app_context():
        yield app


def add_key(app: Flask, kid: str, key: bytes | None = None) -> None:
    app.config["DATA_KEYS"] = {**app.config["DATA_KEYS"], kid: key or os.urandom(32)}


def test_round_trips(keyed: Flask) -> None:
    where = crypto.aad("logbook_entries", 1, "owner", "text")
    assert crypto.decrypt(crypto.encrypt(b"\x00bytes\xff", where), where) == b"\x00bytes\xff"
    assert crypto.decrypt_text(crypto.encrypt_text(MARKER, where), where) == MARKER
    assert crypto.encrypt_text(None, where) is None
    assert crypto.decrypt_text(None, where) is None
    value = {"b": [1, 2], "a": MARKER, "c": None}
    assert crypto.decrypt_json(crypto.encrypt_json(value, where), where) == value


def test_json_is_canonical(keyed: Flask) -> None:
    blob = crypto.encrypt_json({"b": 1, "a": "é"}, "x")
    assert crypto.decrypt(blob, "x") == '{"a":"é","b":1}'.encode()


def test_aad_joins_parts() -> None:
    assert crypto.aad("logbook_entry_revisions", 7, "u-1", "answers") == (
        "logbook_entry_revisions|7|u-1|answers"
    )


def test_format_and_fresh_nonces(keyed: Flask) -> None:
    first = crypto.encrypt(b"same", "x")
    second = crypto.encrypt(b"same", "x")
    assert first != second
    assert first[0] == crypto.VERSION and first[1] == 2 and first[2:4] == b"k1"
    assert len(first) == 2 + 2 + crypto.NONCE_SIZE + len(b"same") + crypto.TAG_SIZE
    assert crypto.key_id(first) == "k1"


def test_plaintext_never_appears_in_ciphertext(keyed: Flask) -> None:
    blob = crypto.encrypt_text(MARKER * 20, "x")
    assert blob is not None
    assert MARKER.encode() not in blob
    assert MARKER[:8].encode() not in blob


def test_wrong_aad_fails(keyed: Flask) -> None:
    blob = crypto.encrypt(b"secret", crypto.aad("t", 1, "owner-a", "text"))
    with pytest.raises(DecryptionError):
        crypto.decrypt(blob, crypto.aad("t", 1, "owner-b", "text"))
    with pytest.raises(DecryptionError):
        crypto.decrypt(blob, crypto.aad("t", 1, "owner-a", "title"))


def test_swapping_values_between_rows_fails_both(keyed: Flask) -> None:
    row1, row2 = crypto.aad("t", 1, "o", "text"), crypto.aad("t", 2, "o", "text")
    blob1, blob2 = crypto.encrypt(b"one", row1), crypto.encrypt(b"two", row2)
    for blob, where in ((blob2, row1), (blob1, row2)):
        with pytest.raises(DecryptionError):
            crypto.decrypt(blob, where)


def test_flipping_any_byte_fails(keyed: Flask) -> None:
    blob = crypto.encrypt(b"short secret", "x")
    for i in range(len(blob)):
        damaged = bytearray(blob)
        damaged[i] ^= 0x01
        with pytest.raises(DecryptionError):
            crypto.decrypt(bytes(damaged), "x")


def test_truncated_or_foreign_data_fails(keyed: Flask) -> None:
    blob = crypto.encrypt(b"secret", "x")
    for end in range(len(blob)):
        with pytest.raises(DecryptionError):
            crypto.decrypt(blob[:end], "x")
    with pytest.raises(DecryptionError):
        crypto.decrypt(b"plain text that was never encrypted", "x")


def test_unknown_key_id_fails(keyed: Flask) -> None:
    blob = crypto.encrypt(b"secret", "x")
    keyed.config["DATA_KEYS"] = {"k2": os.urandom(32)}
    with pytest.raises(DecryptionError):
        crypto.decrypt(blob, "x")


def test_key_id_is_bound_into_the_tag(keyed: Flask) -> None:
    # Two ids for the same key material: only the header differs, and that alone must fail.
    add_key(keyed, "k2", keyed.config["DATA_KEYS"]["k1"])
    blob = crypto.encrypt(b"secret", "x")
    assert crypto.key_id(blob) == "k2"
    swapped = blob[:2] + b"k1" + blob[4:]
    assert crypto.key_id(swapped) == "k1"
    with pytest.raises(DecryptionError):
        crypto.decrypt(swapped, "x")


def test_old_key_still_decrypts_after_a_new_key_is_added(keyed: Flask) -> None:
    old = crypto.encrypt(b"written under k1", "x")
    assert not crypto.needs_rotation(old)
    add_key(keyed, "k2")
    new = crypto.encrypt(b"written under k2", "x")
    assert crypto.key_id(old) == "k1" and crypto.key_id(new) == "k2"
    assert crypto.needs_rotation(old) and not crypto.needs_rotation(new)
    assert crypto.decrypt(old, "x") == b"written under k1"
    rotated = crypto.reencrypt(old, "x")
    assert crypto.key_id(rotated) == "k2"
    assert crypto.reencrypt(rotated, "x") is rotated
    del keyed.config["DATA_KEYS"]["k1"]
    assert crypto.decrypt(rotated, "x") == b"written under k1"
    with pytest.raises(DecryptionError):
        crypto.decrypt(old, "x")


def test_registry_lists_each_column_once() -> None:
    class Model:
        pass

    before = len(crypto.encrypted_columns())
    crypto.register_encrypted_column(Model, "text", lambda row: "first")
    crypto.register_encrypted_column(Model, "text", lambda row: "second")
    try:
        mine = [c for c in crypto.encrypted_columns() if c.model is Model]
        assert len(mine) == 1 and mine[0].aad(None) == "second"
        assert len(crypto.encrypted_columns()) == before + 1
    finally:
        crypto._REGISTRY.pop((Model, "text"))
