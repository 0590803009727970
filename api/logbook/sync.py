"""The logbook's sync entities: `logbook` and `logbook_entry` (see api/sync/registry.py).

A logbook update with a stale base_version is a Conflict. An entry edit with a stale base is
not: it becomes a new revision, and the history keeps both. Photos are not synced records;
they are uploaded over REST once the entry exists on the server.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from api.auth.models import User
from api.db import db
from api.logbook import service
from api.logbook.models import ENTRY_ENTITY, LOGBOOK_ENTITY, Entry, Logbook
from api.sync.registry import SyncEntity
from schemas.logbook import EntrySchema, EntrySyncSchema, LogbookCreateSchema, LogbookSchema

_logbook_schema = LogbookSchema()
_entry_schema = EntrySchema()


def upsert_logbook(owner: User, id: uuid.UUID, data: dict[str, Any],
                   base_version: int | None) -> int:
    data = {k: v for k, v in data.items() if k != "id"}
    logbook, _ = service.upsert_logbook(owner.id, id, data, base_version)
    return logbook.version


def delete_logbook(owner: User, id: uuid.UUID, base_version: int | None) -> int:
    return service.delete_logbook(owner.id, id, base_version)


def logbook_snapshot(owner: User, id: uuid.UUID) -> dict[str, Any] | None:
    return logbook_snapshots(owner, [id]).get(id)


def logbook_snapshots(owner: User, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    rows = db.session.scalars(select(Logbook).where(Logbook.id.in_(ids),
                                                    Logbook.owner_id == owner.id))
    return {lb.id: _logbook_schema.dump(service.logbook_dict(lb)) for lb in rows}


def logbook_ids(owner: User) -> list[uuid.UUID]:
    return [lb.id for lb in service.list_logbooks(owner.id)]


def upsert_entry(owner: User, id: uuid.UUID, data: dict[str, Any],
                 base_version: int | None) -> int:
    body = {k: v for k, v in data.items() if k not in ("id", "logbook_id")}
    entry, _ = service.upsert_entry(owner.id, id, data["logbook_id"], body)
    return entry.version


def prefetch_entries(owner: User, ids: list[uuid.UUID]) -> None:
    service.prefetch_entries(owner.id, ids)


def delete_entry(owner: User, id: uuid.UUID, base_version: int | None) -> int:
    return service.delete_entry(owner.id, id)


def entry_snapshot(owner: User, id: uuid.UUID) -> dict[str, Any] | None:
    return entry_snapshots(owner, [id]).get(id)


def entry_snapshots(owner: User, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    entries = list(db.session.scalars(select(Entry).where(
        Entry.id.in_(ids), Entry.owner_id == owner.id, Entry.purged_at.is_(None))))
    return {v.entry.id: _entry_schema.dump(service.entry_dict(v))
            for v in service.views(entries)}


def entry_ids(owner: User) -> list[uuid.UUID]:
    return list(db.session.scalars(
        select(Entry.id).join(Logbook, Logbook.id == Entry.logbook_id)
        .where(Entry.owner_id == owner.id, Entry.deleted_at.is_(None),
               Logbook.deleted_at.is_(None))
    ))


# Only clients keep a logbook, as on the REST routes (403 for helpers and staff).
ENTITIES = (
    SyncEntity(LOGBOOK_ENTITY, LogbookCreateSchema, upsert_logbook, delete_logbook,
               logbook_snapshot, logbook_ids, logbook_snapshots, roles=("client",)),
    SyncEntity(ENTRY_ENTITY, EntrySyncSchema, upsert_entry, delete_entry,
               entry_snapshot, entry_ids, entry_snapshots, prefetch_entries,
               roles=("client",)),
)
