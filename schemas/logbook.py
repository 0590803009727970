"""Request and response bodies of the logbook API (and of its sync entities)."""

from __future__ import annotations

from datetime import UTC

from marshmallow import fields, validate

from api.content.logbook_templates import TYPES
from api.smorest import Schema

NOTE_MAX = 5000


class LogbookCreateSchema(Schema):
    id = fields.UUID(metadata={"description": "Client-made UUID; an existing one updates."})
    type = fields.Str(required=True, validate=validate.OneOf(TYPES))
    title = fields.Str(required=True, validate=validate.Length(min=1, max=120))


class LogbookUpdateSchema(Schema):
    type = fields.Str(validate=validate.OneOf(TYPES))
    title = fields.Str(validate=validate.Length(min=1, max=120))
    version = fields.Int(metadata={"description": "The version you changed; 409 when stale."})


class DeleteArgsSchema(Schema):
    version = fields.Int(metadata={"description": "The version you saw; 409 when stale."})


class EntryCreateSchema(Schema):
    id = fields.UUID(metadata={"description": "Client-made UUID; an existing one adds a "
                                              "revision."})
    occurred_at = fields.AwareDateTime(required=True, default_timezone=UTC)
    answers = fields.Dict(keys=fields.Str(), required=True, metadata={
        "description": "question key -> answer, checked against the logbook type's questions "
                       "(GET /api/logbook-templates). Money is integer cents."})
    note = fields.Str(allow_none=True, validate=validate.Length(max=NOTE_MAX))


class EntryUpdateSchema(Schema):
    occurred_at = fields.AwareDateTime(default_timezone=UTC)
    answers = fields.Dict(keys=fields.Str(), metadata={
        "description": "Replaces all answers (not merged per question)."})
    note = fields.Str(allow_none=True, validate=validate.Length(max=NOTE_MAX))


class EntrySyncSchema(EntryCreateSchema):
    """The `data` of a `logbook_entry` sync mutation: the POST body plus its logbook."""

    logbook_id = fields.UUID(required=True)


class EntryListArgsSchema(Schema):
    deleted = fields.Bool(load_default=False, metadata={
        "description": "true: the deleted entries that can still be restored."})


class ExportArgsSchema(Schema):
    lang = fields.Str(load_default="nl", validate=validate.OneOf(("nl", "en")))


class PhotoUploadSchema(Schema):
    keep_original = fields.Bool(load_default=False, metadata={
        "description": "Also keep the file exactly as sent. WARNING: an original photo often "
                       "contains the time and place it was taken (and the phone's model). "
                       "Default false: only a cleaned copy without that data is kept."})


class PhotoFileSchema(Schema):
    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class PhotoSchema(Schema):
    id = fields.UUID()
    entry_id = fields.UUID()
    width = fields.Int()
    height = fields.Int()
    sha256 = fields.Str(metadata={"description": "SHA-256 of the cleaned image"})
    original_sha256 = fields.Str(metadata={"description": "SHA-256 of the upload as received"})
    has_original = fields.Bool()
    created_at = fields.DateTime()


class LogbookSchema(Schema):
    id = fields.UUID()
    type = fields.Str()
    title = fields.Str(allow_none=True)
    damaged = fields.Bool(metadata={"description": "true: stored data does not decrypt"})
    version = fields.Int()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    deleted = fields.Bool()
    chain_head = fields.Str(metadata={"description": "Hash of the newest chain event"})


class Money(Schema):
    amount_cents = fields.Int()
    reimbursed_cents = fields.Int()
    outstanding_cents = fields.Int()


class TotalsSchema(Schema):
    per_category = fields.Dict(keys=fields.Str(), values=fields.Nested(Money))
    overall = fields.Nested(Money)
    damaged_entries = fields.Int()


class LogbookDetailSchema(LogbookSchema):
    entry_count = fields.Int()
    totals = fields.Nested(TotalsSchema, allow_none=True,
                           metadata={"description": "Only for type damages"})


class RevisionSchema(Schema):
    revision = fields.Int()
    created_at = fields.DateTime(metadata={"description": "Server time of this revision"})
    hash = fields.Str()
    damaged = fields.Bool()
    occurred_at = fields.Str(allow_none=True)
    answers = fields.Dict(allow_none=True)
    note = fields.Str(allow_none=True)


class EntrySchema(Schema):
    id = fields.UUID()
    logbook_id = fields.UUID()
    occurred_at = fields.DateTime()
    answers = fields.Dict(allow_none=True)
    note = fields.Str(allow_none=True)
    damaged = fields.Bool(metadata={"description": "true: stored data does not decrypt"})
    revision = fields.Int(metadata={"description": "Number of revisions (1 = never edited)"})
    hash = fields.Str(allow_none=True, metadata={"description": "Chain hash of the newest "
                                                                "revision"})
    version = fields.Int()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    deleted = fields.Bool()
    photos = fields.List(fields.Nested(PhotoSchema))


class EntryDetailSchema(EntrySchema):
    revisions = fields.List(fields.Nested(RevisionSchema))


class ChainProblemSchema(Schema):
    seq = fields.Int()
    entry_id = fields.Str(allow_none=True)
    problem = fields.Str()


class VerifySchema(Schema):
    intact = fields.Bool()
    events = fields.Int()
    head = fields.Str()
    purged_events = fields.Int()
    broken_at = fields.Int(allow_none=True, metadata={"description": "First bad event (seq)"})
    problems = fields.List(fields.Nested(ChainProblemSchema))


class TemplatesSchema(Schema):
    templates = fields.List(fields.Dict())
