"""The personal logbook API: logbooks, entries with revisions, photos, export and verify.

Only clients use it. Another person's logbook, entry or photo is answered 404, exactly like
one that does not exist. The service raises the domain errors (api/domain.py); api/errors.py
answers them and rolls back, so a view only parses, calls, commits and returns.
"""

from __future__ import annotations

import uuid
from typing import Any

from flask import Response
from flask_jwt_extended import current_user

from api.content.logbook_templates import TEMPLATES
from api.db import db, utcnow
from api.images import MAX_BYTES
from api.logbook import pdf, service
from api.smorest import Blueprint
from schemas.logbook import (
    LIMITS,
    DeleteArgsSchema,
    EntryCreateSchema,
    EntryDetailSchema,
    EntryListArgsSchema,
    EntrySchema,
    EntryUpdateSchema,
    ExportArgsSchema,
    LogbookCreateSchema,
    LogbookDetailSchema,
    LogbookSchema,
    LogbookUpdateSchema,
    PhotoFileSchema,
    PhotoSchema,
    PhotoUploadSchema,
    TemplatesSchema,
    VerifySchema,
)

blp = Blueprint("logbook", __name__, url_prefix="/api", description="The personal logbook")
client_only = blp.login_required(roles=["client"])


def _me() -> int:
    return current_user.id


def _committed(value: Any) -> Any:
    db.session.commit()
    return value


@blp.get("/logbook-templates")
@blp.response(200, TemplatesSchema)
def templates():
    """The logbook types and their guided questions (nl and en), with the rules between
    answers (`shown_if`, `at_most`) and the `limits`; no login needed. The phone applies
    these same data, so they are the one source of those rules."""
    return {"templates": list(TEMPLATES.values()), "limits": LIMITS}


@blp.get("/logbooks")
@client_only
@blp.response(200, LogbookSchema(many=True))
def list_logbooks():
    """Your logbooks"""
    return [service.logbook_dict(lb) for lb in service.list_logbooks(_me())]


@blp.post("/logbooks")
@client_only
@blp.arguments(LogbookCreateSchema)
@blp.response(201, LogbookSchema)
def create_logbook(body: dict):
    """Start a logbook (an existing client `id` of yours updates it)"""
    logbook, _ = service.upsert_logbook(_me(), body.pop("id", None), body)
    return _committed(service.logbook_dict(logbook))


@blp.get("/logbooks/<uuid:logbook_id>")
@client_only
@blp.response(200, LogbookDetailSchema)
def get_logbook(logbook_id: uuid.UUID):
    """One logbook, with totals per category and overall for a damages logbook"""
    return service.logbook_detail(_me(), logbook_id)


@blp.patch("/logbooks/<uuid:logbook_id>")
@client_only
@blp.arguments(LogbookUpdateSchema)
@blp.response(200, LogbookSchema)
def update_logbook(body: dict, logbook_id: uuid.UUID):
    """Rename a logbook (the type can only change while it has no entries); 404 for an
    unknown id (creating is POST's)"""
    base = body.pop("version", None)
    logbook, _ = service.upsert_logbook(_me(), logbook_id, body, base, create=False)
    return _committed(service.logbook_dict(logbook))


@blp.delete("/logbooks/<uuid:logbook_id>")
@client_only
@blp.arguments(DeleteArgsSchema, location="query")
@blp.response(204)
def delete_logbook(args: dict, logbook_id: uuid.UUID):
    """Delete a logbook (removed for good after 30 days)"""
    service.delete_logbook(_me(), logbook_id, args.get("version"))
    db.session.commit()


@blp.get("/logbooks/<uuid:logbook_id>/entries")
@client_only
@blp.arguments(EntryListArgsSchema, location="query")
@blp.response(200, EntrySchema(many=True))
def list_entries(args: dict, logbook_id: uuid.UUID):
    """Entries in time order (`deleted=true`: the ones you can still restore)"""
    views = service.list_entries(_me(), logbook_id, deleted=args["deleted"])
    return [service.entry_dict(v) for v in views]


@blp.post("/logbooks/<uuid:logbook_id>/entries")
@client_only
@blp.arguments(EntryCreateSchema)
@blp.response(201, EntrySchema)
def create_entry(body: dict, logbook_id: uuid.UUID):
    """Add an entry; answers are checked against the type's questions (422 names the field)"""
    entry, _ = service.upsert_entry(_me(), body.pop("id", None), logbook_id, body)
    db.session.commit()
    return service.entry_dict(service.get_entry(_me(), entry.id))


@blp.get("/entries/<uuid:entry_id>")
@client_only
@blp.response(200, EntryDetailSchema)
def get_entry(entry_id: uuid.UUID):
    """One entry with all its revisions (oldest first)"""
    return service.entry_dict(service.get_entry(_me(), entry_id), revisions=True)


@blp.patch("/entries/<uuid:entry_id>")
@client_only
@blp.arguments(EntryUpdateSchema)
@blp.response(200, EntryDetailSchema)
def update_entry(body: dict, entry_id: uuid.UUID):
    """Edit an entry: the edit becomes a new revision, the earlier ones stay"""
    service.upsert_entry(_me(), entry_id, None, body)
    db.session.commit()
    return service.entry_dict(service.get_entry(_me(), entry_id), revisions=True)


@blp.delete("/entries/<uuid:entry_id>")
@client_only
@blp.response(204)
def delete_entry(entry_id: uuid.UUID):
    """Delete an entry; it can be restored for 30 days"""
    service.delete_entry(_me(), entry_id)
    db.session.commit()


@blp.post("/entries/<uuid:entry_id>/restore")
@client_only
@blp.response(200, EntrySchema)
def restore_entry(entry_id: uuid.UUID):
    """Bring back an entry deleted less than 30 days ago"""
    service.restore_entry(_me(), entry_id)
    db.session.commit()
    return service.entry_dict(service.get_entry(_me(), entry_id))


@blp.post("/entries/<uuid:entry_id>/photos")
@client_only
@blp.arguments(PhotoUploadSchema, location="form")
@blp.arguments(PhotoFileSchema, location="files")
@blp.response(201, PhotoSchema)
def add_photo(form: dict, files: dict, entry_id: uuid.UUID):
    """Attach a photo (JPEG, PNG or WebP, at most 15 MB; multipart field `file`)

    The photo is cleaned (re-encoded, all metadata such as place and time removed). With
    `keep_original=true` the file as sent is kept too, encrypted: it often contains the time
    and place it was taken. Storage per person is limited (413 when full).
    """
    try:
        raw = files["file"].stream.read(MAX_BYTES + 1)
    finally:
        files["file"].close()  # werkzeug's temporary file for a large upload
    photo = service.add_photo(_me(), entry_id, raw, form["keep_original"])
    return _committed(service.photo_dict(photo))


def _image_response(data: bytes, name: str, disposition: str = "inline") -> Response:
    mime = "image/jpeg"
    if data.startswith(b"\x89PNG"):
        mime, name = "image/png", name.replace(".jpg", ".png")
    elif data[8:12] == b"WEBP":
        mime, name = "image/webp", name.replace(".jpg", ".webp")
    return Response(data, mimetype=mime, headers={
        "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
        "Content-Disposition": f'{disposition}; filename="{name}"'})


@blp.get("/photos/<uuid:photo_id>")
@client_only
def get_photo(photo_id: uuid.UUID):
    """The cleaned photo (JPEG)"""
    data = service.photo_bytes(_me(), photo_id, "image")
    return _image_response(data, f"houvast-photo-{str(photo_id)[:8]}.jpg")


@blp.get("/photos/<uuid:photo_id>/thumbnail")
@client_only
def get_thumbnail(photo_id: uuid.UUID):
    """A small copy of the cleaned photo (JPEG)"""
    data = service.photo_bytes(_me(), photo_id, "thumb")
    return _image_response(data, f"houvast-thumb-{str(photo_id)[:8]}.jpg")


@blp.get("/photos/<uuid:photo_id>/original")
@client_only
def get_original(photo_id: uuid.UUID):
    """The file exactly as sent, only when you chose to keep it (may show time and place)"""
    data = service.photo_bytes(_me(), photo_id, "original")
    return _image_response(data, f"houvast-original-{str(photo_id)[:8]}.jpg", "attachment")


@blp.delete("/photos/<uuid:photo_id>")
@client_only
@blp.response(204)
def delete_photo(photo_id: uuid.UUID):
    """Remove a photo (its hash stays in the chain)"""
    service.delete_photo(_me(), photo_id)
    db.session.commit()


@blp.get("/logbooks/<uuid:logbook_id>/verify")
@client_only
@blp.response(200, VerifySchema)
def verify(logbook_id: uuid.UUID):
    """Recompute the logbook's hash chain: is it intact, and where does it break?"""
    return service.verify(_me(), logbook_id)


@blp.get("/logbooks/<uuid:logbook_id>/export.pdf")
@client_only
@blp.arguments(ExportArgsSchema, location="query")
def export_pdf(args: dict, logbook_id: uuid.UUID):
    """The logbook as a PDF (`lang=nl|en`), with photos, totals and the chain head"""
    data = pdf.export(_me(), logbook_id, args["lang"])
    name = f"houvast-logbook-{utcnow():%Y-%m-%d}.pdf"
    return Response(data, mimetype="application/pdf", headers={
        "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
        "Content-Disposition": f'attachment; filename="{name}"'})
