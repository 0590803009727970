"""`flask keys new` and `flask keys rotate`: data-key rotation for encryption at rest.

Rotation never needs downtime: new data is written under the newest key at once, old data stays
readable under the old key until `rotate` has re-encrypted it. Counts are printed, never content.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import click
from flask.cli import AppGroup
from sqlalchemy import inspect, select, update

from api import crypto
from api.config import new_data_key
from api.db import db
from api.storage import blob_aad, blob_store, owner_of


@dataclass
class Counts:
    rotated: int = 0
    current: int = 0  # already under the newest key (or changed meanwhile by the app)
    failed: int = 0  # does not decrypt with any configured key: left untouched

    def __str__(self) -> str:
        return f"{self.rotated} re-encrypted, {self.current} already current, {self.failed} failed"


def _batches(column: crypto.EncryptedColumn, size: int) -> Iterator[list]:
    """Rows with a value in the column, in primary-key order, `size` at a time (keyset paging)."""
    (pk,) = inspect(column.model).primary_key  # rotation pages by a single-column key
    attr = getattr(column.model, column.column)
    last = None
    while True:
        query = select(column.model).where(attr.is_not(None)).order_by(pk).limit(size)
        if last is not None:
            query = query.where(pk > last)
        rows = list(db.session.scalars(query))
        if not rows:
            return
        yield rows
        last = getattr(rows[-1], inspect(column.model).get_property_by_column(pk).key)


def rotate_column(column: crypto.EncryptedColumn, batch_size: int = 500) -> Counts:
    """Re-encrypt one registered column under the newest key; commits once per batch."""
    counts = Counts()
    table = column.model.__table__
    mapper = inspect(column.model)
    target = mapper.columns[column.column]
    (pk,) = mapper.primary_key
    # Setting an `onupdate` column (updated_at, version) to itself keeps rotation invisible:
    # the record has not changed for its owner or for sync.
    keep = {c.name: c for c in table.columns if c.onupdate is not None}
    for rows in _batches(column, batch_size):
        for row in rows:
            old = getattr(row, column.column)
            try:
                if not crypto.needs_rotation(old):
                    counts.current += 1
                    continue
                new = crypto.reencrypt(old, column.aad(row))
            except crypto.DecryptionError:
                counts.failed += 1
                continue
            pk_value = getattr(row, mapper.get_property_by_column(pk).key)
            # Compare-and-set: if the app wrote a new value meanwhile, that one is already
            # under the newest key and must not be overwritten with the old text.
            result = db.session.execute(
                update(table)
                .where(pk == pk_value, target == old)
                .values({target.name: new, **keep})
            )
            if result.rowcount:
                counts.rotated += 1
            else:
                counts.current += 1
        db.session.commit()
        db.session.expunge_all()  # keep memory flat over millions of rows
    return counts


def rotate_blobs() -> Counts:
    """Re-encrypt every blob in the store under the newest key (owner from the key's folder)."""
    counts = Counts()
    store = blob_store()
    for key in store.keys():  # noqa: SIM118 - a BlobStore, not a dict
        try:
            data = store.get(key)
            if not crypto.needs_rotation(data):
                counts.current += 1
                continue
            store.put(key, crypto.reencrypt(data, blob_aad(key, owner_of(key))))
            counts.rotated += 1
        except crypto.DecryptionError:
            counts.failed += 1
    return counts


keys = AppGroup(
    "keys",
    help="""Data keys for encryption at rest (HOUVAST_DATA_KEYS, 'kid:key,...', newest last).

    \b
    To rotate:
      1. flask keys new              -> prints a new 'kid:key'
      2. append it LAST to HOUVAST_DATA_KEYS and restart: new data uses it
      3. flask keys rotate           -> re-encrypts old data (safe to stop and run again)
      4. when rotate reports 0 re-encrypted and 0 failed, remove the old key and restart
    """,
)


@keys.command("new")
def new_key() -> None:
    """Print a fresh 'kid:key' to append (last) to HOUVAST_DATA_KEYS."""
    click.echo(f"k{secrets.token_hex(4)}:{new_data_key()}")


@keys.command("rotate")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(min=1),
              help="Rows per commit.")
def rotate(batch_size: int) -> None:
    """Re-encrypt every encrypted column and blob under the newest key.

    Idempotent and resumable: values already under the newest key are skipped. Exits with
    status 1 when something could not be decrypted (it is left as it was).
    """
    import api.domains  # noqa: F401  (every domain registers its encrypted columns on import)

    click.echo(f"newest key: {crypto.newest_key_id()}")
    failed = 0
    for column in crypto.encrypted_columns():
        counts = rotate_column(column, batch_size)
        click.echo(f"{column.model.__tablename__}.{column.column}: {counts}")
        failed += counts.failed
    counts = rotate_blobs()
    click.echo(f"blobs: {counts}")
    if failed + counts.failed:
        raise click.ClickException("some values did not decrypt with the configured keys")


commands = [keys]
