"""Request and response bodies of the logbook API (and of its sync entities)."""

from __future__ import annotations

from datetime import UTC

from marshmallow import fields, validate

from schemas.base import Schema

# Lengths the phone applies too: served as `limits` by GET /api/logbook-templates, so this is
# their one source (the PWA's maxlength and checks read them from there).
LIMITS = {"note_max_length": 5000, "title_max_length": 120}
NOTE_MAX, TITLE_MAX = LIMITS["note_max_length"], LIMITS["title_max_length"]


# The logbook types; their questions are content (api/content/logbook_templates.py), which
# checks at import that it has exactly these.
TYPES = ("wellbeing", "damages", "stalking")


class LogbookCreateSchema(Schema):
    id = fields.UUID(metadata={"description": "Client-made UUID; an existing one updates."})
    type = fields.Str(required=True, validate=validate.OneOf(TYPES))
    title = fields.Str(required=True, validate=validate.Length(min=1, max=TITLE_MAX))


class LogbookUpdateSchema(Schema):
    type = fields.Str(validate=validate.OneOf(TYPES))
    title = fields.Str(validate=validate.Length(min=1, max=TITLE_MAX))
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


# -- content: the guided questions (api/content/logbook_templates.py) -------------------------

_TEXT = {"description": "{nl, en}"}


def _text(**extra) -> fields.Dict:
    return fields.Dict(keys=fields.Str(), values=fields.Str(), metadata=_TEXT, **extra)


class ConditionSchema(Schema):
    key = fields.Str(metadata={"description": "The question whose answer decides"})
    equals = fields.Raw(metadata={"description": "The answer (a string, number or boolean) "
                                                 "that makes this question asked"})


class OptionSchema(Schema):
    value = fields.Raw(metadata={"description": "The answer value (a string or, for a scale, "
                                                "an integer)"})
    label = _text()


class QuestionSchema(Schema):
    key = fields.Str()
    type = fields.Str(metadata={"description": "scale, choice, multi_choice, text, boolean, "
                                               "money or report_number"})
    required = fields.Bool(metadata={"description": "Required when it is asked"})
    step = fields.Int(metadata={"description": "The PWA asks one step per screen"})
    label = _text()
    help = _text()
    warning = _text()
    options = fields.List(fields.Nested(OptionSchema))
    min = fields.Int()
    max = fields.Int()
    max_length = fields.Int(metadata={"description": "text: at most this many characters"})
    pattern = fields.Str(metadata={"description": "report_number: a regular expression"})
    shown_if = fields.Nested(ConditionSchema, metadata={
        "description": "Asked only when this other answer was given; otherwise hidden on the "
                       "phone and an answer to it is refused (422). Absent: always asked."})
    at_most = fields.Str(metadata={"description": "money: the key of another money question "
                                                  "this answer may not exceed"})


class TemplateSchema(Schema):
    type = fields.Str()
    title = _text()
    description = _text()
    occurred_at = fields.Dict(metadata={"description": "{type: date|datetime, label}"})
    photos = fields.Dict(allow_none=True, metadata={"description": "{label, help}; null: "
                                                                   "no photos asked"})
    questions = fields.List(fields.Nested(QuestionSchema))


class LimitsSchema(Schema):
    note_max_length = fields.Int(metadata={"description": "An entry's note"})
    title_max_length = fields.Int(metadata={"description": "A logbook's title"})


class TemplatesSchema(Schema):
    templates = fields.List(fields.Nested(TemplateSchema))
    limits = fields.Nested(LimitsSchema, metadata={
        "description": "Lengths the API checks outside the questions"})
