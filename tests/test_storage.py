"""The blob store (api/storage.py) on a real folder, and its encrypted helpers."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from api import crypto, keystore
from api.storage import (
    BlobNotFound,
    FileBlobStore,
    InvalidBlobKey,
    blob_store,
    get_encrypted,
    new_key,
    owner_of,
    put_encrypted,
)

MARKER = b"foto-van-de-dader-91c2"


@pytest.fixture
def store(tmp_path: Path) -> FileBlobStore:
    return FileBlobStore(tmp_path / "media")


@pytest.fixture
def media_app(tmp_path: Path) -> Iterator[Flask]:
    app = Flask(__name__)
    app.config.update(DATA_KEYS={"k1": os.urandom(32)}, MEDIA_DIR=str(tmp_path / "media"),
                      KEYSTORE_URL=f"sqlite:///{tmp_path / 'keystore.sqlite3'}")
    keystore.init_app(app)
    with app.app_context():
        yield app


def test_put_get_size_delete(store: FileBlobStore) -> None:
    store.put("owner/a.bin", b"first")
    store.put("owner/a.bin", b"second, longer")
    assert store.get("owner/a.bin") == b"second, longer"
    assert store.size("owner/a.bin") == len(b"second, longer")
    assert (store.root / "owner" / "a.bin").read_bytes() == b"second, longer"
    store.delete("owner/a.bin")
    store.delete("owner/a.bin")  # missing is fine
    with pytest.raises(BlobNotFound):
        store.get("owner/a.bin")
    with pytest.raises(BlobNotFound):
        store.size("owner/a.bin")


def test_put_leaves_no_temporary_files(store: FileBlobStore) -> None:
    store.put("o/x.bin", b"data")
    assert sorted(p.name for p in (store.root / "o").iterdir()) == ["x.bin"]


def test_failed_put_keeps_the_old_blob(store: FileBlobStore) -> None:
    store.put("o/x.bin", b"old")
    with pytest.raises(TypeError):  # fails half-way: after the temporary file was created
        store.put("o/x.bin", "not bytes")  # type: ignore[arg-type]
    assert store.get("o/x.bin") == b"old"
    assert list(store.keys()) == ["o/x.bin"]  # noqa: SIM118


def test_keys_lists_blobs_with_prefix(store: FileBlobStore) -> None:
    assert list(store.keys()) == []  # noqa: SIM118 - an empty, not yet created root
    for key in ("b/2.bin", "a/1.bin", "b/1.bin", "top.bin"):
        store.put(key, b"x")
    (store.root / "b" / ".2.bin.half.tmp").write_bytes(b"crash leftover")
    assert sorted(store.keys()) == ["a/1.bin", "b/1.bin", "b/2.bin", "top.bin"]  # noqa: SIM118
    assert list(store.keys("b/")) == ["b/1.bin", "b/2.bin"]
    assert list(store.keys("b/1")) == ["b/1.bin"]
    assert list(store.keys("c/")) == []
    with pytest.raises(InvalidBlobKey):
        list(store.keys("../"))


@pytest.mark.parametrize(
    "key",
    ["../x.bin", "o/../../x.bin", "/etc/passwd", "o\\..\\x.bin", "o/x\x00.bin", "", "o//x.bin",
     "o/./x.bin", ".hidden", "o/", "..", "C:/x.bin"],
)
def test_traversal_and_odd_keys_are_rejected(store: FileBlobStore, key: str) -> None:
    for call in (lambda: store.put(key, b"x"), lambda: store.get(key),
                 lambda: store.delete(key), lambda: store.size(key)):
        with pytest.raises(InvalidBlobKey):
            call()
    assert not (store.root.parent / "x.bin").exists()


def test_new_key_is_in_the_owner_folder() -> None:
    owner = uuid.uuid4()
    key = new_key(owner)
    assert key.startswith(f"{owner}/") and key.endswith(".bin")
    assert owner_of(key) == str(owner)
    assert new_key(owner) != key


def test_put_encrypted_stores_only_ciphertext(media_app: Flask) -> None:
    owner = uuid.uuid4()
    key = new_key(owner)
    put_encrypted(key, owner, MARKER * 10)
    raw = (Path(media_app.config["MEDIA_DIR"]) / key).read_bytes()
    assert MARKER not in raw
    assert crypto.key_id(raw).startswith(f"user:{owner}.")  # the owner's own data key
    assert get_encrypted(key, owner) == MARKER * 10
    assert blob_store() is blob_store()


def test_encrypted_blob_is_bound_to_key_and_owner(media_app: Flask) -> None:
    owner, other = uuid.uuid4(), uuid.uuid4()
    key = new_key(owner)
    put_encrypted(key, owner, MARKER)
    with pytest.raises(crypto.DecryptionError):
        get_encrypted(key, other)
    moved = new_key(owner)
    blob_store().put(moved, blob_store().get(key))  # a file copied to another name
    with pytest.raises(crypto.DecryptionError):
        get_encrypted(moved, owner)
    with pytest.raises(InvalidBlobKey):
        put_encrypted(new_key(other), owner, MARKER)
