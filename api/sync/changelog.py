"""The change log: every write to a synced record appends one row, in the same transaction.

Sequence numbers grow per owner. `lock_owner` takes a row lock on the owner's counter, so writes
for one owner are serialised: on PostgreSQL sequence values could otherwise commit out of
order, and a device that pulled up to seq 12 would never see a seq 11 that committed later.
Call `lock_owner` at the start of a write (before reading the record to change) and
`record_change` after it; both are no-ops for atomicity purposes until the caller commits.

The log is pruned (`prune`, run daily by `flask sync prune`): changes older than
CHANGE_RETENTION are deleted and the owner's `pruned_seq` remembers the newest deleted seq, so a
device whose cursor is older than that gets a full snapshot instead of a feed with holes.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    String,
    delete,
    event,
    func,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column
from sqlalchemy.schema import Table

from api.db import GUID, Base, UTCDateTime, db, utcnow


class OwnerSequence(Base):
    __tablename__ = "sync_owner_sequences"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    # Changes up to this seq were pruned: a cursor below it cannot be served from the log.
    pruned_seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class Change(Base):
    __tablename__ = "sync_changes"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[uuid.UUID] = mapped_column(GUID)
    version: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_sync_changes_record", "owner_id", "entity", "record_id"),)


def transaction_cache(name: str) -> dict:
    """A dict that lives as long as the session's current (outermost) transaction: for what a
    request may remember while it holds the owner lock (which is held until it ends)."""
    session = db.session()
    caches = session.info.setdefault("transaction_caches", {})
    transaction = session.get_transaction()
    if caches.get("transaction") is not transaction:
        caches.clear()
        caches["transaction"] = transaction
    return caches.setdefault(name, {})


def queue_insert(table: Table, row: dict) -> None:
    """Buffer a new row for `write_queued`: many new rows of a sync batch cost far less as one
    multi-row INSERT per table than as ORM objects. They are written by `write_queued` at the
    end of the sync batch's savepoint, or before the session's next query, whichever is first.
    (An object fetched by primary key that is already in the identity map needs no query; the
    buffered rows never are.)"""
    transaction_cache("queued_rows").setdefault(table, []).append(row)


def write_queued() -> None:
    """Insert the buffered rows (tables in the order they were first queued). The buffer is
    emptied first: if the insert fails, its savepoint rolls back and the rows are gone."""
    queued = transaction_cache("queued_rows")
    batches = list(queued.items())
    queued.clear()
    for table, rows in batches:
        db.session.execute(table.insert(), rows)


@event.listens_for(Session, "do_orm_execute")
def _write_queued_before_a_read(state: ORMExecuteState) -> None:
    """Buffered rows are written before any query of the session reads, so no service has to
    remember to: a read always sees the rows written before it in the transaction."""
    caches = state.session.info.get("transaction_caches")
    if (state.is_select and caches and caches.get("queued_rows")
            and caches.get("transaction") is state.session.get_transaction()):
        write_queued()


def discard_queued() -> None:
    """Forget buffered rows, as a rolled-back savepoint forgets its writes."""
    transaction_cache("queued_rows").clear()


def _sequence_row(owner_id: int) -> OwnerSequence | None:
    # populate_existing: the row as it is now that it is locked, not as an earlier read saw it.
    return db.session.scalars(
        select(OwnerSequence).where(OwnerSequence.owner_id == owner_id)
        .with_for_update().execution_options(populate_existing=True)
    ).first()


def _locked_row(owner_id: int) -> OwnerSequence:
    row = transaction_cache("locked_owners").get(owner_id)
    if row is not None:
        return row
    row = _sequence_row(owner_id)
    if row is None:
        try:
            with db.session.begin_nested():
                db.session.add(OwnerSequence(owner_id=owner_id, last_seq=0))
        except IntegrityError:
            pass  # a concurrent first write created it; lock that row
        row = _sequence_row(owner_id)
    if not db.session().in_nested_transaction():
        transaction_cache("locked_owners")[owner_id] = row
    return row


def lock_owner(owner_id: int) -> int:
    """Serialise this transaction's writes for `owner_id`; returns the last sequence number.

    One statement per transaction: a lock taken outside a savepoint is held until commit or
    rollback, so later calls cost nothing. (One taken inside a savepoint is not remembered:
    rolling the savepoint back releases it on PostgreSQL.)
    """
    return _locked_row(owner_id).last_seq


def record_change(
    owner_id: int, entity: str, record_id: uuid.UUID, version: int, deleted: bool = False,
    *, queued: bool = False,
) -> int:
    """Append a change for `owner_id` and return its sequence number.

    The counter and the change are written by the next flush (for a sync mutation, its
    savepoint's release): no statement of their own. A savepoint that rolls back expires the
    counter, so its numbers are given out again: a seq belongs to one committed change only.
    With `queued`, the change is buffered for `write_queued` instead.
    """
    row = _locked_row(owner_id)
    row.last_seq += 1
    change = {"owner_id": owner_id, "seq": row.last_seq, "entity": entity,
              "record_id": record_id, "version": version, "deleted": deleted}
    if queued:
        queue_insert(Change.__table__, {**change, "created_at": utcnow()})
    else:
        db.session.add(Change(**change))
    return row.last_seq


# How long the change log is kept. A device offline for longer gets a full snapshot.
CHANGE_RETENTION = timedelta(days=90)


def prune(now: datetime | None = None) -> int:
    """Delete changes older than CHANGE_RETENTION; returns how many. The caller commits.

    Per owner, everything up to the newest old change goes (seq order is commit order, so that
    is a clean prefix), and `pruned_seq` moves up so older cursors are answered with a reset.
    This scans sync_changes once: it is a daily batch job, not a request path.
    """
    cutoff = (now or utcnow()) - CHANGE_RETENTION
    newest_old = (
        select(Change.owner_id, func.max(Change.seq))
        .where(Change.created_at < cutoff)
        .group_by(Change.owner_id)
    )
    deleted = 0
    for owner_id, upto in db.session.execute(newest_old).all():
        db.session.execute(
            update(OwnerSequence)
            .where(OwnerSequence.owner_id == owner_id, OwnerSequence.pruned_seq < upto)
            .values(pruned_seq=upto)
        )
        result = db.session.execute(
            delete(Change).where(Change.owner_id == owner_id, Change.seq <= upto)
        )
        deleted += result.rowcount  # type: ignore[attr-defined]
    return deleted
