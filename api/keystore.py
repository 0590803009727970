"""The key store: each owner's data key, wrapped, in a database apart from the data.

Envelope encryption (docs/encryption.md): a person's records and photos are encrypted under
their own data key, and that key is stored here only wrapped (encrypted) by the master keys of
HOUVAST_DATA_KEYS. The key store is its own database (`HOUVAST_KEYSTORE_URL`, by default a
SQLite file in the instance folder), so a backup of the data database never carries the keys:
deleting an account deletes its key here, and every copy of the data made before that, backups
included, can no longer be read ("crypto-shredding").

This module only stores and finds wrapped keys; `api/crypto.py` wraps and unwraps them. One row
per owner (`user:12`, `dossier:<uuid>`); the key id (`kid`) is the owner with a random suffix,
so an owner made again later (a reused user id) never gets a key an old backup was sealed with.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from flask import Flask, current_app
from sqlalchemy import (
    Column,
    LargeBinary,
    MetaData,
    String,
    Table,
    create_engine,
    event,
    select,
    update,
)
from sqlalchemy import delete as sql_delete
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from api.db import UTCDateTime, utcnow

metadata = MetaData()

data_keys = Table(
    "data_keys",
    metadata,
    Column("kid", String(120), primary_key=True),
    Column("owner", String(100), nullable=False, unique=True),
    Column("wrapped", LargeBinary, nullable=False),  # the data key sealed by a master key
    Column("created_at", UTCDateTime, nullable=False, default=utcnow),
)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")
    # A deleted key is overwritten with zeros in the file, not only marked free; the rollback
    # journal (no WAL) leaves no older copy of the page behind once the deletion commits.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=FULL")  # a lost key is lost data: no shortcuts
    cursor.close()


def init_app(app: Flask) -> None:
    url = app.config["KEYSTORE_URL"]
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
    metadata.create_all(engine)  # one small table; it has no migrations of its own
    app.extensions["houvast_keystore"] = engine


def _engine() -> Engine:
    engine: Engine = current_app.extensions["houvast_keystore"]
    return engine


def new_kid(owner: str) -> str:
    return f"{owner}.{secrets.token_hex(4)}"


def find(owner: str) -> tuple[str, bytes] | None:
    """-> (kid, wrapped key) of the owner, or None when they have none (yet, or any more)."""
    with _engine().connect() as conn:
        row = conn.execute(select(data_keys.c.kid, data_keys.c.wrapped)
                           .where(data_keys.c.owner == owner)).first()
    return None if row is None else (row.kid, bytes(row.wrapped))


def get(kid: str) -> bytes | None:
    """The wrapped key with this id, or None when it was destroyed (or never existed)."""
    with _engine().connect() as conn:
        wrapped = conn.scalar(select(data_keys.c.wrapped).where(data_keys.c.kid == kid))
    return None if wrapped is None else bytes(wrapped)


def add(kid: str, owner: str, wrapped: bytes) -> tuple[str, bytes]:
    """Store a new key for `owner`, committed at once (before any data is sealed with it).
    Two requests racing for the same new owner both get the one that was stored first."""
    try:
        with _engine().begin() as conn:
            conn.execute(data_keys.insert().values(kid=kid, owner=owner, wrapped=wrapped))
    except IntegrityError:
        found = find(owner)
        if found is None:  # pragma: no cover - destroyed between the two statements
            raise
        return found
    return kid, wrapped


def destroy(owner: str) -> list[str]:
    """Delete the owner's key for good. -> the ids of the keys that were deleted."""
    with _engine().begin() as conn:
        kids = list(conn.scalars(select(data_keys.c.kid).where(data_keys.c.owner == owner)))
        conn.execute(sql_delete(data_keys).where(data_keys.c.owner == owner))
    return kids


def rows() -> Iterator[tuple[str, str, bytes]]:
    """Every (kid, owner, wrapped), for rewrapping and pruning."""
    with _engine().connect() as conn:
        found = conn.execute(select(data_keys.c.kid, data_keys.c.owner, data_keys.c.wrapped)
                             .order_by(data_keys.c.kid)).all()
    for row in found:
        yield row.kid, row.owner, bytes(row.wrapped)


def owners_made_before(cutoff: datetime) -> set[str]:
    with _engine().connect() as conn:
        return set(conn.scalars(select(data_keys.c.owner)
                                .where(data_keys.c.created_at < cutoff)))


def replace_wrapped(kid: str, old: bytes, new: bytes) -> bool:
    """Compare-and-set a rewrapped key (rotation of the master keys)."""
    with _engine().begin() as conn:
        result = conn.execute(update(data_keys).where(data_keys.c.kid == kid,
                                                      data_keys.c.wrapped == old)
                              .values(wrapped=new))
    return bool(result.rowcount)
