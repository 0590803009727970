"""A person's logbooks in their export (api/export): per logbook its entries with every
revision (also the removed ones that can still be restored), its PDF, and its photos (the
cleaned ones and the originals kept on purpose). One entry batch or one file is read at a time,
each in its own short read."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from api.auth.models import User
from api.db import db
from api.domain import DomainError
from api.logbook import pdf, service
from api.logbook.models import Entry, Photo

BATCH = 200  # entries, with their revisions and photos' details, read at once


def _suffix(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "png"
    return "webp" if data[8:12] == b"WEBP" else "jpg"


def _entries(owner_id: int, logbook_id: uuid.UUID) -> Iterator[dict[str, Any]]:
    order = (Entry.occurred_at, Entry.created_at)
    ids = list(db.session.scalars(select(Entry.id).where(
        Entry.logbook_id == logbook_id, Entry.owner_id == owner_id, Entry.purged_at.is_(None))
        .order_by(*order)))
    for start in range(0, len(ids), BATCH):
        rows = db.session.scalars(select(Entry).where(Entry.id.in_(ids[start:start + BATCH]))
                                  .order_by(*order)).all()
        found = [service.entry_dict(view, revisions=True) for view in service.views(list(rows))]
        db.session.rollback()
        yield from found


def export_files(user: User, lang: str) -> Iterator[tuple[str, Any]]:
    owner_id = user.id
    logbook_ids = [found.id for found in service.list_logbooks(owner_id)]
    for logbook_id in logbook_ids:
        folder = f"logbooks/{logbook_id}"
        yield f"{folder}/entries.json", _entries(owner_id, logbook_id)
        try:
            yield f"{folder}/logbook.pdf", pdf.export(owner_id, logbook_id, lang)
        except DomainError:  # removed in the meantime
            continue
        photos = db.session.execute(select(Photo.id, Photo.original_key.is_not(None)).join(
            Entry, Photo.entry_id == Entry.id).where(
            Entry.logbook_id == logbook_id, Photo.owner_id == owner_id)
            .order_by(Photo.created_at, Photo.id)).all()
        for photo_id, kept in photos:
            for variant, name in (("image", ""), ("original", "-original")):
                if variant == "original" and not kept:
                    continue
                try:
                    data = service.photo_bytes(owner_id, photo_id, variant)
                except DomainError:  # removed meanwhile, or damaged: entries.json says so
                    continue
                yield f"{folder}/photos/{photo_id}{name}.{_suffix(data)}", data
