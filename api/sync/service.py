"""Offline sync: apply a device's mutations exactly once, then send what changed since its cursor.

Apply (the route commits once, after all mutations of a request):

1. `lock_owner` first: one person's sync requests run one after the other, so a retry that
   arrives while the original is still running waits and then finds its results stored.
2. The stored results of all mutation_ids in the request are read in one query.
3. Each mutation: a stored mutation_id is answered `duplicate` with the stored result (also
   when it repeats within the request). Otherwise it is validated (schemas/sync.py) and run in
   its own savepoint through the entity's service functions (api/sync/registry.py), giving
   `applied` (new version), `conflict` (the server's record and version) or `rejected` (a
   message and field errors; the record's own fields under `errors.data`). A record that is
   missing, belongs to someone else, or whose parent is either, gets one identical rejection.
   For speed, all mutations are first tried in ONE savepoint (one flush writes them all, with
   multi-row inserts). If any entity write fails, or that flush does, the savepoint is rolled
   back and step 3 runs again with a savepoint per mutation: the same results, only slower.
   Before that, each entity's optional `prefetch` loads the records the mutations name.
   A mutation of an entity the person's role may not write (`SyncEntity.roles`) is rejected
   first, before its data is read: the same rule as the REST routes' 403, for every entity.
4. The results of the new mutations go into the mutation log (models.py) in one statement,
   in the same transaction as their changes: exactly once.

Rejections and conflicts are final, like applied mutations: they are stored too, so a
mutation_id always gets the answer it got the first time and one bad item never blocks a queue.
Transient database errors (OperationalError: locks, timeouts, a lost connection) are not
caught here: the route rolls the whole request back and answers 503, and nothing is consumed.

Pull: the change log after the cursor, PAGE_SIZE changes at a time (`has_more`), each record
once per page with its current data (null when deleted), read by the (owner_id, seq) key.

The cursor is an opaque string for the device. Today it is either the last seq sent ("42"), or,
while a full snapshot is paged, "snapshot.<seq at its start>.<entity>.<last id sent>". A null,
unreadable, pruned (older than the kept log) or future cursor starts a full snapshot: every live
record of every entity, parents' entities first, with `reset: true` on its first page (the device
drops what it had from the server, keeping its unsent outbox). After the last snapshot page the
cursor is the seq the snapshot started at, so whatever changed while it was paged follows as
ordinary changes.
"""

from __future__ import annotations

import base64
import bisect
import logging
import uuid
from contextlib import nullcontext
from datetime import datetime
from functools import cache
from typing import Any

from marshmallow import Schema, ValidationError
from sqlalchemy import delete, insert, select, text
from sqlalchemy.exc import DataError, IntegrityError

from api import crypto
from api.auth.models import User
from api.db import db, utcnow
from api.domain import Conflict, NotFound
from api.sync import changelog, registry
from api.sync.changelog import Change, OwnerSequence, lock_owner
from api.sync.models import MUTATION_RETENTION, MutationLog
from api.sync.registry import SyncEntity
from schemas.sync import MutationSchema

log = logging.getLogger(__name__)

MAX_MUTATIONS = 500
PAGE_SIZE = 500
SNAPSHOT_PREFIX = "snapshot"

NOT_FOUND = "This record, or the record it belongs to, was not found. It may have been deleted."
INVALID = "This change is not valid. See 'errors' for what to change."
NOT_SAVED = "This change could not be saved: a value is not valid."
CONFLICT = ("This record was changed on another device in the meantime. Compare it with the "
            "current version and save again.")

_mutation_schema = MutationSchema()


@cache
def _schema(schema_class: type[Schema]) -> Schema:
    return schema_class()


def apply(owner: User, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply `mutations` (already checked to carry a mutation_id) for `owner`; one result each.

    The caller commits. :raise sqlalchemy.exc.OperationalError: transient; roll back, retry.
    """
    if not mutations:
        return []
    if db.session.get_bind().dialect.name == "postgresql":
        # Wait for the owner's lock as long as SQLite's busy_timeout, then answer 503.
        db.session.execute(text("SET LOCAL lock_timeout = '10s'"))
    lock_owner(owner.id)
    stored: dict[str, dict[str, Any]] = {
        mutation_id: _unseal(owner, mutation_id, result)
        for mutation_id, result in db.session.execute(
            select(MutationLog.mutation_id, MutationLog.result).where(
                MutationLog.owner_id == owner.id,
                MutationLog.mutation_id.in_(list({m["mutation_id"] for m in mutations})),
            )
        ).all()
    }
    todo = [m for m in mutations if m["mutation_id"] not in stored]
    _prefetch(owner, todo)
    known = set(db.session.identity_map.keys())
    try:
        with db.session.begin_nested():
            results, new = _apply_all(owner, mutations, stored, isolate=False)
            changelog.write_queued()
    except (_NotAllApplied, IntegrityError, DataError):
        # A write failed, or the batch's flush did: nothing of that attempt is kept (its
        # savepoint rolled back). Objects it loaded may be rows it inserted itself, which
        # SQLAlchemy keeps: forget them. Then again, each mutation in its own savepoint.
        changelog.discard_queued()
        for key, record in list(db.session.identity_map.items()):
            if key not in known:
                db.session.expunge(record)
        _prefetch(owner, todo)
        results, new = _apply_all(owner, mutations, stored, isolate=True)
    if new:
        now = utcnow()
        db.session.execute(insert(MutationLog), [
            {"owner_id": owner.id, "mutation_id": k, "result": _seal(owner, k, v),
             "created_at": now}
            for k, v in new.items()
        ])
    counts: dict[str, int] = {}
    for result in results:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    log.info("sync for user %s: %s", owner.id,
             ", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
    return results


def _sealed_place(owner: User, mutation_id: str) -> str:
    return crypto.aad("sync_mutations", owner.id, mutation_id, user=owner.id)


def _seal(owner: User, mutation_id: str, result: dict[str, Any]) -> dict[str, Any]:
    """The stored copy of a result: field errors encrypted, since their keys can be whatever the
    person typed (an unknown field named after someone, say)."""
    errors = result.get("errors")
    if not errors:
        return result
    sealed = crypto.encrypt_json(errors, _sealed_place(owner, mutation_id))
    return {**{k: v for k, v in result.items() if k != "errors"},
            "errors_sealed": base64.b64encode(sealed).decode()}


def _unseal(owner: User, mutation_id: str, result: dict[str, Any]) -> dict[str, Any]:
    sealed = result.get("errors_sealed")
    if sealed is None:
        return result
    try:
        errors = crypto.decrypt_json(base64.b64decode(sealed), _sealed_place(owner, mutation_id))
    except crypto.DecryptionError:
        errors = {}  # the key that sealed it is gone; the status and message still stand
    return {**{k: v for k, v in result.items() if k != "errors_sealed"}, "errors": errors}


class _NotAllApplied(Exception):
    """A mutation of the one-savepoint attempt was not applied; its writes may be partial."""


def _apply_all(owner: User, mutations: list[dict[str, Any]], stored: dict[str, dict[str, Any]],
               isolate: bool) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    results, new = [], {}
    for raw in mutations:
        mutation_id = raw["mutation_id"]
        earlier = stored.get(mutation_id) or new.get(mutation_id)
        if earlier is not None:
            results.append(_duplicate(owner, raw, earlier))
            continue
        result = _apply_one(owner, raw, isolate)
        # Only status, version, message and errors are kept: never a record's content.
        new[mutation_id] = {k: v for k, v in result.items() if k != "current"}
        results.append({"mutation_id": mutation_id, **result})
    return results, new


def _prefetch(owner: User, mutations: list[dict[str, Any]]) -> None:
    ids: dict[str, list[uuid.UUID]] = {}
    for raw in mutations:
        record_id = _uuid(raw.get("id"))
        if record_id is not None and isinstance(raw.get("entity"), str):
            ids.setdefault(raw["entity"], []).append(record_id)
    for name, entity in registry.entities().items():
        if entity.prefetch is not None and name in ids and entity.writable_by(owner):
            entity.prefetch(owner, ids[name])


def _apply_one(owner: User, raw: dict[str, Any], isolate: bool) -> dict[str, Any]:
    """One mutation; with `isolate`, its writes in a savepoint of their own. Without, a write
    that fails raises _NotAllApplied (the caller rolls back the whole attempt)."""
    try:
        mutation = _mutation_schema.load(raw)
    except ValidationError as error:
        return _rejected(error.messages)
    entity = registry.entity(mutation["entity"])
    if entity is None:
        return _rejected({"entity": ["Houvast does not know this kind of record."]})
    if not entity.writable_by(owner):
        # The role check of every entity, here and nowhere else: nothing is read or written.
        return {"status": "rejected", "message": entity.refused, "errors": {}}
    delete = mutation["op"] == "delete"
    try:
        data = None if delete else _schema(entity.schema).load(mutation["data"])
    except ValidationError as error:
        return _rejected({"data": error.messages})
    try:
        with db.session.begin_nested() if isolate else nullcontext():
            if entity.fixed_id is not None and mutation["id"] != entity.fixed_id(owner.id):
                # One record per person: any other id is someone else's, or nobody's.
                raise NotFound("This record's id is fixed per person.")
            if delete:
                version = entity.delete(owner, mutation["id"], mutation["base_version"])
            else:
                version = entity.upsert(owner, mutation["id"], data, mutation["base_version"])
            if isolate:
                changelog.write_queued()
    except (ValidationError, NotFound, IntegrityError, DataError, Conflict) as error:
        if not isolate:
            raise _NotAllApplied() from error
        changelog.discard_queued()
        return _failure(owner, entity, mutation, error)
    return {"status": "applied", "version": version}


def _failure(owner: User, entity: SyncEntity, mutation: dict[str, Any],
             error: Exception) -> dict[str, Any]:
    if isinstance(error, ValidationError):
        return _rejected({"data": error.messages})
    if isinstance(error, NotFound | IntegrityError):
        # IntegrityError: a parent that does not exist, or an id another owner already uses.
        # Both are answered exactly like a missing record, so nothing leaks about others.
        if isinstance(error, IntegrityError):
            log.info("sync: %s %s hit a database constraint", entity.name, mutation["op"])
        return {"status": "rejected", "message": NOT_FOUND, "errors": {}}
    if isinstance(error, DataError):
        log.warning("sync: %s %s passed validation but the database refused a value",
                    entity.name, mutation["op"])
        return {"status": "rejected", "message": NOT_SAVED, "errors": {}}
    assert isinstance(error, Conflict)
    # `current` in the shape the feed sends (the REST GET shape), not the service's own.
    return {"status": "conflict", "version": error.version,
            "current": entity.snapshot(owner, mutation["id"]), "message": CONFLICT}


def _rejected(errors: Any) -> dict[str, Any]:
    return {"status": "rejected", "message": INVALID, "errors": errors}


def _duplicate(owner: User, raw: dict[str, Any], earlier: dict[str, Any]) -> dict[str, Any]:
    answer = {"mutation_id": raw["mutation_id"], "status": "duplicate", "result": earlier}
    if earlier.get("status") == "conflict":
        # The record was not stored with the result; send the server's record as it is now.
        entity = registry.entity(str(raw.get("entity")))
        record_id = _uuid(raw.get("id"))
        if entity is not None and record_id is not None:
            answer["current"] = entity.snapshot(owner, record_id)
    return answer


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


# --- pull --------------------------------------------------------------------------------------


def pull(owner: User, cursor: str | None) -> dict[str, Any]:
    """The next page of changes after `cursor`: {"changes", "cursor", "has_more", "reset"}.

    A seq is ASCII digits up to 2^63-1 (the columns are 64-bit); a larger one is a future
    cursor and gets the reset like any other unreadable cursor, without reaching the database.
    """
    def is_seq(part: str) -> bool:
        return part.isascii() and part.isdigit() and int(part) <= 2**63 - 1

    if cursor is not None and is_seq(cursor):
        return _feed(owner, int(cursor))
    if cursor is not None and cursor.startswith(SNAPSHOT_PREFIX + "."):
        _prefix, start, name, last_id = (cursor.split(".") + ["", "", ""])[:4]
        entities = registry.entities()
        record_id = _uuid(last_id)
        if is_seq(start) and name in entities and record_id is not None:
            last_seq, pruned_seq = _sequence(owner.id)
            if pruned_seq <= int(start) <= last_seq:
                return _snapshot(owner, int(start), after=(name, record_id))
    return _snapshot(owner, _sequence(owner.id)[0], after=None)


def _sequence(owner_id: int) -> tuple[int, int]:
    row = db.session.execute(
        select(OwnerSequence.last_seq, OwnerSequence.pruned_seq)
        .where(OwnerSequence.owner_id == owner_id)
    ).first()
    return (row.last_seq, row.pruned_seq) if row else (0, 0)


def _feed(owner: User, since: int) -> dict[str, Any]:
    rows = db.session.execute(
        select(Change.seq, Change.entity, Change.record_id, Change.version, Change.deleted)
        .where(Change.owner_id == owner.id, Change.seq > since)
        .order_by(Change.seq)
        .limit(PAGE_SIZE + 1)
    ).all()
    # Read after the changes: a prune that committed before them shows here and forces a reset.
    last_seq, pruned_seq = _sequence(owner.id)
    if since < pruned_seq or since > last_seq:
        return _snapshot(owner, last_seq, after=None)
    page = rows[:PAGE_SIZE]
    newest: dict[tuple[str, uuid.UUID], Any] = {}
    for row in page:  # a record keeps its first place in the page and its newest change
        newest[(row.entity, row.record_id)] = row
    return {
        "changes": _changes(owner, [(r.entity, r.record_id, r.version, r.deleted)
                                    for r in newest.values()]),
        "cursor": str(page[-1].seq if page else since),
        "has_more": len(rows) > PAGE_SIZE,
        "reset": False,
    }


def _snapshot(owner: User, start: int, after: tuple[str, uuid.UUID] | None) -> dict[str, Any]:
    """A page of all live records, in registry order then by id, continuing after `after`."""
    names = list(registry.entities().items())
    keys = sorted((position, str(record_id))
                  for position, (_name, entity) in enumerate(names)
                  for record_id in entity.list_ids(owner))
    begin = 0
    if after is not None:
        position = next(i for i, (name, _entity) in enumerate(names) if name == after[0])
        begin = bisect.bisect_right(keys, (position, str(after[1])))
    page = [(names[position][0], uuid.UUID(key)) for position, key in keys[begin:begin + PAGE_SIZE]]
    has_more = begin + PAGE_SIZE < len(keys)
    cursor = str(start)
    if has_more:
        name, record_id = page[-1]
        cursor = f"{SNAPSHOT_PREFIX}.{start}.{name}.{record_id}"
    return {
        "changes": _changes(owner, [(name, record_id, 0, False) for name, record_id in page]),
        "cursor": cursor,
        "has_more": has_more,
        "reset": after is None,
    }


def _changes(owner: User, items: list[tuple[str, uuid.UUID, int, bool]]) -> list[dict[str, Any]]:
    """Change records with the current data of each live record (entities that are no longer
    synced are left out)."""
    entities: dict[str, SyncEntity] = registry.entities()
    data = _snapshots(owner, entities, [(name, record_id)
                                        for name, record_id, _v, deleted in items if not deleted])
    out = []
    for name, record_id, version, _deleted in items:
        if name not in entities:
            continue
        record = data.get((name, record_id))
        if record is not None:
            # The data may be newer than this change (a later one follows): send its version.
            version = record.get("version", version)
            if record.get("deleted"):  # deleted since; its tombstone change follows too
                record = None
        out.append({"entity": name, "id": str(record_id), "version": version,
                    "deleted": record is None, "data": record})
    return out


def _snapshots(owner: User, entities: dict[str, SyncEntity],
               wanted: list[tuple[str, uuid.UUID]]) -> dict[tuple[str, uuid.UUID], Any]:
    by_entity: dict[str, list[uuid.UUID]] = {}
    for name, record_id in wanted:
        if name in entities:
            by_entity.setdefault(name, []).append(record_id)
    found: dict[tuple[str, uuid.UUID], Any] = {}
    for name, ids in by_entity.items():
        entity = entities[name]
        if entity.snapshots is not None:
            found.update(((name, i), record) for i, record in entity.snapshots(owner, ids).items())
        else:
            found.update(((name, i), entity.snapshot(owner, i)) for i in ids)
    return found


# --- retention ---------------------------------------------------------------------------------


def prune(now: datetime | None = None) -> dict[str, int]:
    """Forget mutation results older than MUTATION_RETENTION and changes older than
    changelog.CHANGE_RETENTION. The caller commits."""
    now = now or utcnow()
    mutations = db.session.execute(
        delete(MutationLog).where(MutationLog.created_at < now - MUTATION_RETENTION)
    ).rowcount  # type: ignore[attr-defined]
    return {"mutations": mutations, "changes": changelog.prune(now)}
