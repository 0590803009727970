"""`flask keys new`, `flask keys rotate` and `flask keys prune`: the keys of encryption at rest.

Rotation never needs downtime: new data is written under the newest key at once, old data stays
readable under the old key until `rotate` has re-encrypted it. With account keys (envelope
encryption) a new master key only means re-wrapping each account's data key in the key store;
`rotate` also moves values still sealed by a master key directly (written before account keys)
to their owner's data key, and `--to-master-keys` moves everything back (before running a
release older than account keys). Counts are printed, never content.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import click
from flask.cli import AppGroup
from sqlalchemy import inspect, select, update

from api import crypto, keystore
from api.config import new_data_key
from api.db import db, utcnow
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


def rotate_column(column: crypto.EncryptedColumn, batch_size: int = 500,
                  to_master: bool = False) -> Counts:
    """Re-encrypt one registered column: to its owners' data keys (or, `to_master`, under the
    newest master key); commits once per batch."""
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
                where = column.aad(row)
                if not crypto.needs_rotation(old, where, to_master):
                    counts.current += 1
                    continue
                new = crypto.reencrypt(old, where, to_master)
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


def rotate_blobs(to_master: bool = False) -> Counts:
    """Re-encrypt every blob in the store like `rotate_column` (owner from the key's folder)."""
    counts = Counts()
    store = blob_store()
    for key in store.keys():  # noqa: SIM118 - a BlobStore, not a dict
        try:
            data = store.get(key)
            where = blob_aad(key, owner_of(key))
            if not crypto.needs_rotation(data, where, to_master):
                counts.current += 1
                continue
            store.put(key, crypto.reencrypt(data, where, to_master))
            counts.rotated += 1
        except crypto.DecryptionError:
            counts.failed += 1
    return counts


def rewrap_account_keys() -> Counts:
    """Wrap every account's data key in the key store under the newest master key."""
    counts = Counts()
    for kid, owner, wrapped in keystore.rows():
        try:
            new = crypto.rewrap(kid, owner, wrapped)
        except crypto.DecryptionError:
            counts.failed += 1
            continue
        if new is not None and keystore.replace_wrapped(kid, wrapped, new):
            counts.rotated += 1
        else:
            counts.current += 1
    return counts


def live_owners() -> set[str]:
    """The owners that still exist in the data database (`user:12`, `dossier:<uuid>`)."""
    from api.auth.models import User
    from api.dossier.models import Dossier

    users = {f"user:{i}" for i in db.session.scalars(select(User.id))}
    return users | {f"dossier:{i}" for i in db.session.scalars(select(Dossier.id))}


def prune_account_keys() -> int:
    """Destroy the data keys of owners that are gone (an erasure that stopped between deleting
    the rows and the key, an account deleted by other means). -> keys destroyed.

    A key is made (and committed) just before the first value is sealed with it, in a
    transaction that may not have committed its new owner yet: keys younger than a day stay."""
    made_before = utcnow() - timedelta(days=1)
    gone = keystore.owners_made_before(made_before) - live_owners()
    return sum(crypto.destroy_account_key(owner) for owner in sorted(gone))


keys = AppGroup(
    "keys",
    help="""Data keys for encryption at rest (HOUVAST_DATA_KEYS, 'kid:key,...', newest last).

    \b
    To rotate:
      1. flask keys new              -> prints a new 'kid:key'
      2. append it LAST to HOUVAST_DATA_KEYS and restart: new data uses it
      3. flask keys rotate           -> re-wraps the account keys and re-encrypts old data
                                        (safe to stop and run again)
      4. when rotate reports 0 re-encrypted and 0 failed, remove the old key and restart

    Account keys live in the key store (HOUVAST_KEYSTORE_URL), apart from the data.
    """,
)


@keys.command("new")
def new_key() -> None:
    """Print a fresh 'kid:key' to append (last) to HOUVAST_DATA_KEYS."""
    click.echo(f"k{secrets.token_hex(4)}:{new_data_key()}")


@keys.command("rotate")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(min=1),
              help="Rows per commit.")
@click.option("--to-master-keys", "to_master", is_flag=True,
              help="Move everything from account keys back under the newest master key "
                   "(before running a release older than account keys).")
def rotate(batch_size: int, to_master: bool) -> None:
    """Re-wrap every account key under the newest master key, and re-encrypt every encrypted
    column and blob that is not yet under its owner's account key.

    Idempotent and resumable: values already where they belong are skipped. Exits with
    status 1 when something could not be decrypted (it is left as it was).
    """
    import api.domains  # noqa: F401  (every domain registers its encrypted columns on import)

    click.echo(f"newest key: {crypto.newest_key_id()}")
    counts = rewrap_account_keys()
    click.echo(f"account keys: {counts}".replace("re-encrypted", "re-wrapped"))
    failed = counts.failed
    for column in crypto.encrypted_columns():
        counts = rotate_column(column, batch_size, to_master)
        click.echo(f"{column.model.__tablename__}.{column.column}: {counts}")
        failed += counts.failed
    counts = rotate_blobs(to_master)
    click.echo(f"blobs: {counts}")
    if failed + counts.failed:
        raise click.ClickException("some values did not decrypt with the configured keys")


@keys.command("prune")
def prune() -> None:
    """Destroy the account keys of accounts (and dossiers) that no longer exist."""
    click.echo(f"account keys destroyed: {prune_account_keys()}")


commands = [keys]
