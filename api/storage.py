"""Blob storage for photos: a small interface, a filesystem implementation, encrypted helpers.

The store holds ciphertext only. `put_encrypted` / `get_encrypted` encrypt with `api.crypto`
bound to `aad("blob", key, owner_id)`, so a file copied to another key or owner does not
decrypt. Keys look like `<owner_id>/<uuid>.bin` (`new_key`): the owner is the first segment,
which lets `flask keys rotate` rebuild the aad of every blob without asking a domain.

`BlobStore` is what callers rely on, so an object store (S3 and the like) can replace
`FileBlobStore` later by implementing the same five methods.
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from flask import current_app

from api import crypto

_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class BlobNotFound(KeyError):
    """No blob under this key."""


class InvalidBlobKey(ValueError):
    """The key could escape the store or is not in the `a/b.bin` shape."""


class BlobStore(Protocol):
    def put(self, key: str, data: bytes) -> None: ...
    def get(self, key: str) -> bytes: ...
    def delete(self, key: str) -> None: ...
    def size(self, key: str) -> int: ...
    def keys(self, prefix: str = "") -> Iterator[str]: ...


def check_key(key: str) -> str:
    """The key itself when safe. :raise InvalidBlobKey: for "..", absolute paths, "\\", NUL."""
    # Every segment starts with a letter or digit: that rules out "", ".", "..", hidden temp
    # files, and with the character set also "/" at the start, backslashes and NUL.
    if not isinstance(key, str) or not all(_SEGMENT.fullmatch(s) for s in key.split("/")):
        raise InvalidBlobKey(f"invalid blob key {key!r}")
    return key


class FileBlobStore:
    """Blobs as files below `root`; writes are atomic (temporary file + os.replace)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root.joinpath(*check_key(key).split("/"))

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # The leading dot keeps a half-written file out of keys(); a crash leaves only it.
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as exc:
            raise BlobNotFound(key) from exc

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def size(self, key: str) -> int:
        try:
            return self._path(key).stat().st_size
        except FileNotFoundError as exc:
            raise BlobNotFound(key) from exc

    def keys(self, prefix: str = "") -> Iterator[str]:
        """Keys starting with `prefix`, folder by folder; temporary files are not listed."""
        folder = prefix.rpartition("/")[0]  # "owner/" walks only that owner's folder
        top = self._path(folder) if folder else self.root
        if not top.is_dir():
            return
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames.sort()
            rel = Path(dirpath).relative_to(self.root).as_posix()
            for name in sorted(filenames):
                key = name if rel == "." else f"{rel}/{name}"
                if not name.startswith(".") and key.startswith(prefix):
                    yield key


def blob_store() -> BlobStore:
    """The app's store (one per app, kept in app.extensions)."""
    store: BlobStore | None = current_app.extensions.get("houvast_blob_store")
    if store is None:
        store = current_app.extensions["houvast_blob_store"] = FileBlobStore(
            current_app.config["MEDIA_DIR"]
        )
    return store


def new_key(owner_id: object) -> str:
    """A fresh key in the owner's folder: `<owner_id>/<uuid>.bin`."""
    return check_key(f"{owner_id}/{uuid.uuid4()}.bin")


def owner_of(key: str) -> str:
    """The owner segment of a key made by `new_key`."""
    return check_key(key).split("/", 1)[0]


def blob_aad(key: str, owner_id: object) -> str:
    return crypto.aad("blob", key, owner_id, user=owner_id)


def put_encrypted(key: str, owner_id: object, data: bytes) -> None:
    """Encrypt `data` for this key and owner and store it. The key must be in the owner's folder."""
    if owner_of(key) != str(owner_id):
        raise InvalidBlobKey("a blob key must start with its owner's id")
    blob_store().put(key, crypto.encrypt(data, blob_aad(key, owner_id)))


def get_encrypted(key: str, owner_id: object) -> bytes:
    """:raise BlobNotFound: when missing; crypto.DecryptionError when not this owner's blob."""
    return crypto.decrypt(blob_store().get(key), blob_aad(key, owner_id))
