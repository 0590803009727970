"""The logbook rules. No Flask request code; the caller commits.

Writes start with `lock_owner` and end with `record_change` (entities "logbook" and
"logbook_entry"), so REST and sync behave the same. Every lookup is scoped to the owner: a
record of another owner raises NotFound, exactly like a missing one.

Decisions:
- An edit of an entry is a new revision (a chain event); nothing is overwritten. A sync edit
  with a stale base version is not a conflict: it becomes a revision too.
- Deleting an entry is a tombstone; it can be restored for RESTORE_DAYS. `purge` then clears
  the content of its events (hashes stay, a `purged` event is added) and deletes its photos.
  A deleted logbook is purged as a whole (rows and photos) after the same time.
- Amounts live only inside the encrypted answers; totals are computed after decrypting.
- Content that does not decrypt (damaged or moved bytes) is shown as `damaged`, never a 500.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import func, select

from api import crypto, storage
from api.content.logbook_templates import TEMPLATES
from api.db import db, utcnow
from api.domain import Conflict, Gone, Invalid, NotFound, TooLarge
from api.images import process_photo
from api.logbook import answers as answer_rules
from api.logbook import chain, rules
from api.logbook.models import (
    ENTRY_ENTITY,
    LOGBOOK_ENTITY,
    Entry,
    Logbook,
    LogbookEvent,
    Photo,
    title_aad,
)
from api.sync.changelog import (
    lock_owner,
    queue_insert,
    record_change,
    transaction_cache,
)
from schemas.logbook import LogbookSchema

log = logging.getLogger(__name__)  # ids and counts only, never content

RESTORE_DAYS = 30
DEFAULT_PHOTO_QUOTA = 500 * 1024 * 1024
PRINT_SIDE = 1280  # the PDF's photo size (~270 dpi at 12 cm): keeps a 50-photo export quick


CHANGED_ELSEWHERE = "This was changed elsewhere. The current version is in 'errors.current'."
QUOTA_FULL = "Your photo storage is full. Delete some photos before adding new ones."
PHOTO_DAMAGED = "This photo is damaged and cannot be shown."


# ---------------------------------------------------------------- logbooks


def _logbook(owner_id: int, logbook_id: uuid.UUID, *, deleted: bool = False) -> Logbook:
    logbook = db.session.get(Logbook, logbook_id)
    if logbook is None or logbook.owner_id != owner_id or (logbook.deleted_at and not deleted):
        raise NotFound()
    return logbook


def get_logbook(owner_id: int, logbook_id: uuid.UUID) -> Logbook:
    return _logbook(owner_id, logbook_id)


def list_logbooks(owner_id: int) -> list[Logbook]:
    return list(db.session.scalars(
        select(Logbook).where(Logbook.owner_id == owner_id, Logbook.deleted_at.is_(None))
        .order_by(Logbook.created_at)
    ))


def title_of(logbook: Logbook) -> str | None:
    try:
        return crypto.decrypt_text(logbook.title, title_aad(logbook))
    except crypto.DecryptionError:
        return None


def _check_version(base_version: int | None, logbook: Logbook) -> None:
    # The snapshot (a decrypt) is made only for the rare conflict.
    if base_version is not None and base_version != logbook.version:
        current = LogbookSchema().dump(logbook_dict(logbook))
        raise Conflict(CHANGED_ELSEWHERE, {"current": current}, version=logbook.version)


def upsert_logbook(owner_id: int, logbook_id: uuid.UUID | None, data: dict[str, Any],
                   base_version: int | None = None, *,
                   create: bool = True) -> tuple[Logbook, bool]:
    """Create, or update when the id exists for this owner. -> (logbook, created)

    With `create=False` (an update such as PATCH) an unknown id raises NotFound instead.
    """
    lock_owner(owner_id)
    logbook_id = logbook_id or uuid.uuid4()
    existing = db.session.get(Logbook, logbook_id)
    if existing is None and not create:
        raise NotFound()
    if existing is None:
        if "type" not in data or "title" not in data:
            raise Invalid({k: ["Missing data for required field."]
                                   for k in ("type", "title") if k not in data})
        logbook = Logbook(id=logbook_id, owner_id=owner_id, type=data["type"], version=1,
                          chain_seq=0, chain_head=chain.GENESIS)
        logbook.title = crypto.encrypt_text(data["title"], title_aad(logbook))
        db.session.add(logbook)
        db.session.flush()
        record_change(owner_id, LOGBOOK_ENTITY, logbook.id, logbook.version)
        return logbook, True
    logbook = _logbook(owner_id, logbook_id)
    _check_version(base_version, logbook)
    if "type" in data and data["type"] != logbook.type and _has_entries(logbook):
        raise Invalid({"type": ["The type cannot change once there are entries."]})
    logbook.type = data.get("type", logbook.type)
    if "title" in data:
        logbook.title = crypto.encrypt_text(data["title"], title_aad(logbook))
    _bump(logbook)
    record_change(owner_id, LOGBOOK_ENTITY, logbook.id, logbook.version)
    return logbook, False


def _has_entries(logbook: Logbook) -> bool:
    return db.session.scalar(
        select(func.count()).select_from(Entry).where(Entry.logbook_id == logbook.id)
    ) > 0


def _bump(record: Logbook | Entry) -> None:
    record.version += 1
    record.updated_at = utcnow()


def delete_logbook(owner_id: int, logbook_id: uuid.UUID, base_version: int | None = None) -> int:
    lock_owner(owner_id)
    logbook = _logbook(owner_id, logbook_id)
    _check_version(base_version, logbook)
    logbook.deleted_at = utcnow()
    _bump(logbook)
    record_change(owner_id, LOGBOOK_ENTITY, logbook.id, logbook.version, deleted=True)
    return logbook.version


def logbook_dict(logbook: Logbook) -> dict[str, Any]:
    title = title_of(logbook)
    return {
        "id": logbook.id, "type": logbook.type, "title": title, "damaged": title is None,
        "version": logbook.version, "created_at": logbook.created_at,
        "updated_at": logbook.updated_at, "deleted": logbook.deleted_at is not None,
        "chain_head": logbook.chain_head,
    }


# ---------------------------------------------------------------- entries


@dataclass
class Revision:
    number: int
    created_at: datetime
    hash: str
    content: dict[str, Any] | None  # None: damaged (does not decrypt) or purged


@dataclass
class EntryView:
    """An entry with its decrypted revisions and its photos, as read for one response."""

    entry: Entry
    revisions: list[Revision] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)

    @property
    def current(self) -> dict[str, Any] | None:
        return self.revisions[-1].content if self.revisions else None


def _decrypt_or_none(event: LogbookEvent) -> dict[str, Any] | None:
    try:
        return chain.read_content(event)
    except (crypto.DecryptionError, ValueError):
        return None


def views(entries: list[Entry]) -> list[EntryView]:
    """Attach revisions and photos to entries with two queries."""
    views = {e.id: EntryView(e) for e in entries}
    if not views:
        return []
    ids = list(views)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        events = db.session.scalars(
            select(LogbookEvent).where(LogbookEvent.entry_id.in_(chunk),
                                       LogbookEvent.kind == "revision")
            .order_by(LogbookEvent.seq)
        )
        for event in events:
            views[event.entry_id].revisions.append(Revision(
                event.revision or 0, event.created_at, event.hash, _decrypt_or_none(event)))
        photos = db.session.scalars(
            select(Photo).where(Photo.entry_id.in_(chunk)).order_by(Photo.created_at)
        )
        for photo in photos:
            views[photo.entry_id].photos.append(photo)
    return list(views.values())


def view_of(entry: Entry) -> EntryView:
    return views([entry])[0]


def _entry(owner_id: int, entry_id: uuid.UUID, *, deleted: bool = False) -> Entry:
    entry = db.session.get(Entry, entry_id)
    if (entry is None or entry.owner_id != owner_id or entry.purged_at
            or (entry.deleted_at and not deleted)):
        raise NotFound()
    _logbook(owner_id, entry.logbook_id)  # entries of a deleted logbook are gone with it
    return entry


def get_entry(owner_id: int, entry_id: uuid.UUID) -> EntryView:
    return view_of(_entry(owner_id, entry_id))


def list_entries(owner_id: int, logbook_id: uuid.UUID, *, deleted: bool = False) -> list[EntryView]:
    """Live entries in time order; with `deleted`, the ones that can still be restored."""
    logbook = _logbook(owner_id, logbook_id)
    query = select(Entry).where(Entry.logbook_id == logbook.id, Entry.purged_at.is_(None))
    query = query.where(Entry.deleted_at.is_not(None) if deleted else Entry.deleted_at.is_(None))
    return views(list(db.session.scalars(query.order_by(Entry.occurred_at, Entry.created_at))))


def _revision_content(logbook: Logbook, data: dict[str, Any], current: dict | None = None,
                      occurred_at: datetime | None = None) -> dict[str, Any]:
    merged = {**(current or {}), **{k: v for k, v in data.items() if k in ("answers", "note")}}
    when = data.get("occurred_at") or occurred_at
    if when is None:
        raise Invalid({"occurred_at": ["Missing data for required field."]})
    if "answers" not in merged:
        raise Invalid({"answers": ["Missing data for required field."]})
    note = merged.get("note")
    return {
        "occurred_at": when.isoformat(),
        "answers": answer_rules.validate(logbook.type, merged["answers"]),
        "note": note if note and note.strip() else None,
    }


def prefetch_entries(owner_id: int, entry_ids: list[uuid.UUID]) -> None:
    """Before a batch of entry writes in this transaction (a sync request): load the entries
    and the owner's logbooks in two queries, and remember which ids are new, so that each write
    reads nothing and new entries are buffered for one multi-row insert (written when the
    batch's savepoint ends, or before the next query). Valid until the transaction ends; the caller
    holds the owner lock."""
    keep = transaction_cache("prefetched")  # strong references: the identity map is weak
    keep["logbooks"] = list(db.session.scalars(select(Logbook).where(
        Logbook.owner_id == owner_id)))
    new_ids = transaction_cache("new_entry_ids")
    for start in range(0, len(entry_ids), 500):
        chunk = entry_ids[start:start + 500]
        found = list(db.session.scalars(select(Entry).where(Entry.id.in_(chunk))))
        keep.setdefault("entries", []).extend(found)
        new_ids.update(dict.fromkeys(set(chunk) - {e.id for e in found}))


def upsert_entry(owner_id: int, entry_id: uuid.UUID | None, logbook_id: uuid.UUID | None,
                 data: dict[str, Any]) -> tuple[Entry, bool]:
    """Create an entry, or add a revision when the id exists for this owner.

    `data` may be partial for an existing entry (answers replace the answers as a whole).
    -> (entry, created); a created entry of a sync batch is a detached copy of the buffered
    row (id and version). :raise NotFound: :raise Invalid:
    """
    lock_owner(owner_id)
    entry_id = entry_id or uuid.uuid4()
    new_ids = transaction_cache("new_entry_ids")
    queued = entry_id in new_ids  # new in this sync batch: buffered, see prefetch_entries
    new_ids.pop(entry_id, None)  # a second write of it in the batch reads it back
    existing = None if queued else _existing_entry(entry_id)
    if existing is None:
        if logbook_id is None:
            raise NotFound()
        logbook = _logbook(owner_id, logbook_id)
        content = _revision_content(logbook, data)
        row = {"id": entry_id, "logbook_id": logbook.id, "owner_id": owner_id, "version": 1,
               "revision_count": 1, "occurred_at": data["occurred_at"]}
        entry = Entry(**row)
        event = chain.append(logbook, "revision", content, entry_id=entry_id, revision=1,
                             add=not queued)
        # Written by the caller's next flush (or `write_queued`), with its change: an id
        # another owner already uses fails there (IntegrityError), like a concurrent create.
        if queued:  # one multi-row insert per table for the whole batch: no ORM flush
            now = utcnow()
            queue_insert(Entry.__table__, {**row, "created_at": now, "updated_at": now})
            queue_insert(LogbookEvent.__table__, {k: getattr(event, k) for k in _EVENT_COLUMNS})
        else:
            db.session.add(entry)
        log.debug("logbook entry %s created", entry_id)  # a sync batch logs one summary
        record_change(owner_id, ENTRY_ENTITY, entry_id, 1, queued=queued)
        return entry, True
    entry = _entry(owner_id, entry_id)
    if logbook_id is not None and logbook_id != entry.logbook_id:
        raise Invalid({"logbook_id": ["An entry cannot move to another logbook."]})
    logbook = _logbook(owner_id, entry.logbook_id)
    current = view_of(entry).current or {}
    content = _revision_content(logbook, data, current, entry.occurred_at)
    entry.occurred_at = datetime.fromisoformat(content["occurred_at"])
    entry.revision_count += 1
    _bump(entry)
    chain.append(logbook, "revision", content, entry_id=entry.id, revision=entry.revision_count)
    log.debug("logbook entry %s revision %d", entry.id, entry.revision_count)
    record_change(owner_id, ENTRY_ENTITY, entry.id, entry.version)
    return entry, False


_EVENT_COLUMNS = [c.key for c in LogbookEvent.__table__.columns if c.key != "id"]


def _existing_entry(entry_id: uuid.UUID) -> Entry | None:
    # An entry created earlier in this sync batch may still be buffered: the query writes it
    # first (api/sync/changelog.py).
    return db.session.get(Entry, entry_id)


def _event(entry: Entry, kind: str, content: dict[str, Any], *, deleted: bool = False) -> int:
    logbook = _logbook(entry.owner_id, entry.logbook_id)
    chain.append(logbook, kind, content, entry_id=entry.id)
    _bump(entry)
    record_change(entry.owner_id, ENTRY_ENTITY, entry.id, entry.version, deleted=deleted)
    return entry.version


def delete_entry(owner_id: int, entry_id: uuid.UUID) -> int:
    """Tombstone; restorable for RESTORE_DAYS. -> the tombstone's version"""
    lock_owner(owner_id)
    entry = _entry(owner_id, entry_id)
    entry.deleted_at = utcnow()
    return _event(entry, "deleted", {"at": entry.deleted_at.isoformat()}, deleted=True)


def restore_entry(owner_id: int, entry_id: uuid.UUID) -> Entry:
    lock_owner(owner_id)
    entry = _entry(owner_id, entry_id, deleted=True)
    if entry.deleted_at is None:
        return entry
    entry.deleted_at = None
    _event(entry, "restored", {"at": utcnow().isoformat()})
    return entry


def purge(now: datetime | None = None) -> dict[str, int]:
    """Remove what was deleted more than RESTORE_DAYS ago (entries and whole logbooks)."""
    cutoff = (now or utcnow()) - timedelta(days=RESTORE_DAYS)
    counts = {"entries": 0, "logbooks": 0}
    for entry in db.session.scalars(select(Entry).where(
            Entry.deleted_at < cutoff, Entry.purged_at.is_(None))).all():
        lock_owner(entry.owner_id)
        logbook = db.session.get(Logbook, entry.logbook_id)
        events = db.session.scalars(select(LogbookEvent).where(
            LogbookEvent.entry_id == entry.id, LogbookEvent.content.is_not(None))).all()
        for event in events:
            event.content = None
        _delete_photos(entry)
        entry.purged_at = utcnow()
        chain.append(logbook, "purged", {"events": sorted(e.seq for e in events)},
                     entry_id=entry.id)
        counts["entries"] += 1
    for logbook in db.session.scalars(select(Logbook).where(Logbook.deleted_at < cutoff)).all():
        lock_owner(logbook.owner_id)
        for entry in db.session.scalars(select(Entry).where(Entry.logbook_id == logbook.id)):
            _delete_photos(entry)
        db.session.delete(logbook)  # entries and events go with it (ON DELETE CASCADE)
        counts["logbooks"] += 1
    db.session.flush()
    return counts


def _delete_photos(entry: Entry) -> None:
    for photo in db.session.scalars(select(Photo).where(Photo.entry_id == entry.id)).all():
        for key in photo.keys:
            storage.blob_store().delete(key)
        db.session.delete(photo)


def entry_dict(view: EntryView, *, revisions: bool = False) -> dict[str, Any]:
    entry, current = view.entry, view.current
    out: dict[str, Any] = {
        "id": entry.id, "logbook_id": entry.logbook_id, "occurred_at": entry.occurred_at,
        "answers": current["answers"] if current else None,
        "note": current["note"] if current else None,
        "damaged": current is None, "revision": entry.revision_count,
        "hash": view.revisions[-1].hash if view.revisions else None,
        "version": entry.version, "created_at": entry.created_at,
        "updated_at": entry.updated_at, "deleted": entry.deleted_at is not None,
        "photos": [photo_dict(p) for p in view.photos],
    }
    if revisions:
        out["revisions"] = [
            {"revision": r.number, "created_at": r.created_at, "hash": r.hash,
             "damaged": r.content is None, **(r.content or {"answers": None, "note": None,
                                                            "occurred_at": None})}
            for r in view.revisions
        ]
    return out


def damage_totals(views: list[EntryView]) -> dict[str, Any]:
    """Sums in cents per category and overall: amount, reimbursed, outstanding (the rule is
    api/logbook/rules.py, which the phone shares)."""
    categories = next(q for q in TEMPLATES["damages"]["questions"] if q["key"] == "category")
    return rules.damage_totals([v.current["answers"] if v.current else None for v in views],
                               [o["value"] for o in categories["options"]])


def logbook_detail(owner_id: int, logbook_id: uuid.UUID) -> dict[str, Any]:
    logbook = _logbook(owner_id, logbook_id)
    views = list_entries(owner_id, logbook_id)
    out = logbook_dict(logbook)
    out["entry_count"] = len(views)
    out["totals"] = damage_totals(views) if logbook.type == "damages" else None
    return out


# ---------------------------------------------------------------- photos


def _quota() -> int:
    return int(current_app.config.get("PHOTO_QUOTA_BYTES", DEFAULT_PHOTO_QUOTA))


def add_photo(owner_id: int, entry_id: uuid.UUID, raw: bytes, keep_original: bool) -> Photo:
    """Clean, store encrypted, and chain a photo. :raise ImageRejected: :raise TooLarge:"""
    _entry(owner_id, entry_id)  # 404 before the work; read only, no lock yet
    # Decoding and re-encoding take about a second: done before the owner lock (on SQLite the
    # database's write lock), so no other write waits for it.
    image = process_photo(raw, print_side=PRINT_SIDE)
    lock_owner(owner_id)
    db.session.expire_all()  # read again under the lock: the entry may have gone meanwhile
    entry = _entry(owner_id, entry_id)
    blobs = {"image_key": image.data, "thumb_key": image.thumbnail, "print_key": image.print_data}
    if keep_original:
        blobs["original_key"] = raw
    used = db.session.scalar(
        select(func.coalesce(func.sum(Photo.stored_bytes), 0)).where(Photo.owner_id == owner_id)
    )
    if used + sum(len(b) for b in blobs.values()) > _quota():
        raise TooLarge(QUOTA_FULL)
    photo = Photo(id=uuid.uuid4(), entry_id=entry.id, owner_id=owner_id,
                  sha256=hashlib.sha256(image.data).hexdigest(),
                  original_sha256=image.original_sha256,
                  width=image.width, height=image.height, stored_bytes=0)
    for attr, data in blobs.items():
        key = storage.new_key(owner_id)
        storage.put_encrypted(key, owner_id, data)
        setattr(photo, attr, key)
        photo.stored_bytes += storage.blob_store().size(key)
    db.session.add(photo)
    _event(entry, "photo_added", {"photo_id": str(photo.id), "sha256": photo.sha256,
                                  "original_sha256": photo.original_sha256,
                                  "original_kept": keep_original})
    return photo


def get_photo(owner_id: int, photo_id: uuid.UUID) -> Photo:
    photo = db.session.get(Photo, photo_id)
    if photo is None or photo.owner_id != owner_id:
        raise NotFound()
    _entry(owner_id, photo.entry_id)
    return photo


def photo_bytes(owner_id: int, photo_id: uuid.UUID, variant: str) -> bytes:
    """variant: image | thumb | print | original.

    :raise NotFound: not this owner's photo, or no such variant kept
    :raise Gone: the stored file is missing or does not decrypt (damaged)
    """
    photo = get_photo(owner_id, photo_id)
    key = getattr(photo, f"{variant}_key")
    if key is None:
        raise NotFound()
    try:
        return storage.get_encrypted(key, owner_id)
    except (storage.BlobNotFound, crypto.DecryptionError) as exc:
        raise Gone(PHOTO_DAMAGED) from exc


def delete_photo(owner_id: int, photo_id: uuid.UUID) -> None:
    lock_owner(owner_id)
    photo = get_photo(owner_id, photo_id)
    entry = _entry(owner_id, photo.entry_id)
    for key in photo.keys:
        storage.blob_store().delete(key)
    db.session.delete(photo)
    _event(entry, "photo_removed", {"photo_id": str(photo.id), "sha256": photo.sha256})


def photo_dict(photo: Photo) -> dict[str, Any]:
    return {"id": photo.id, "entry_id": photo.entry_id, "width": photo.width,
            "height": photo.height, "sha256": photo.sha256,
            "original_sha256": photo.original_sha256,
            "has_original": photo.original_key is not None, "created_at": photo.created_at}


def verify(owner_id: int, logbook_id: uuid.UUID) -> dict[str, Any]:
    return chain.verify(_logbook(owner_id, logbook_id)).as_dict()
