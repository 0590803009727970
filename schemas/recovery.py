"""Recovery meter bodies: the profile, a self-test, a call-back request, and the answers.

How many items an instrument has and which answers are in range is data
(api/content/recovery_rules.json); the service checks answers against it and names the item
(`answers.phq4.2`, 0-based), so the phone and the server apply the same numbers.
"""

from __future__ import annotations

from datetime import UTC

from marshmallow import fields, validate

from schemas.base import Schema

REMINDERS = ("2w", "4w", "monthly")
NO_DATE = ("unknown", "rather_not")
CALLBACK_NOTE_MAX = 500

_item = fields.Int(allow_none=True, strict=True)


class AnswersSchema(Schema):
    """An unanswered item is null. `pcl5` is left out (or null) when it was not offered."""

    phq4 = fields.List(_item, required=True, metadata={"description": "4 items, 0-3"})
    who5 = fields.List(_item, required=True, metadata={"description": "5 items, 0-5"})
    safety = fields.Int(allow_none=True, strict=True, load_default=None,
                        metadata={"description": "PHQ-9 item 9, 0-3"})
    pcl5 = fields.List(_item, allow_none=True, metadata={"description": "20 items, 0-4"})


class ProfileUpdateSchema(Schema):
    """Only the fields sent change. `no_date` says why there is no `event_date` (the app then
    stops asking); setting a date clears it."""

    event_date = fields.Date(allow_none=True)
    no_date = fields.Str(allow_none=True, validate=validate.OneOf(NO_DATE))
    reminder = fields.Str(allow_none=True, validate=validate.OneOf(REMINDERS))


class ProfileSchema(Schema):
    id = fields.UUID(metadata={"description": "the fixed id of the `recovery_profile` record"})
    event_date = fields.Date(allow_none=True)
    no_date = fields.Str(allow_none=True)
    reminder = fields.Str(allow_none=True)
    weeks_since_event = fields.Int(allow_none=True, metadata={"description": "as of today"})
    next_due = fields.Date(allow_none=True, metadata={
        "description": "when the reminder is due after the last test (null: no reminder)"})
    callback_requested_at = fields.DateTime(allow_none=True)
    version = fields.Int()
    updated_at = fields.DateTime(allow_none=True)


class SelfTestCreateSchema(Schema):
    id = fields.UUID(metadata={"description": "made on the phone; a new one when left out"})
    taken_at = fields.AwareDateTime(required=True, default_timezone=UTC, metadata={
        "description": "when it was taken on the phone; at most 5 minutes in the future"})
    answers = fields.Nested(AnswersSchema, required=True)
    shared = fields.Bool(load_default=False, metadata={
        "description": "show the bands to your contact person (needs a linked dossier)"})


class SelfTestSyncSchema(SelfTestCreateSchema):
    """The `data` of a `recovery_test` sync mutation."""

    id = fields.UUID()


class SelfTestUpdateSchema(Schema):
    shared = fields.Bool(required=True)


class SelfTestSchema(Schema):
    id = fields.UUID()
    version = fields.Int()
    taken_at = fields.DateTime()
    answers = fields.Nested(AnswersSchema)
    weeks_since_event = fields.Int(allow_none=True)
    phase = fields.Str(metadata={"description": "early, middle, late or unknown"})
    early = fields.Bool(metadata={"description": "sooner than the advised interval"})
    scores = fields.Dict(metadata={"description": "phq4, who5 and pcl5 as the rules score them"})
    safety = fields.Bool(allow_none=True)
    facets = fields.Dict(metadata={"description": "facet: ok, raised or null"})
    advice = fields.List(fields.Str())
    shared = fields.Bool()
    shared_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class InstrumentsSchema(Schema):
    version = fields.Int()
    rules = fields.Dict(metadata={"description": "api/content/recovery_rules.json, whole"})
    instruments = fields.List(fields.Dict())
    texts = fields.Dict()


class CallbackSchema(Schema):
    note = fields.Str(load_default="", validate=validate.Length(max=CALLBACK_NOTE_MAX), metadata={
        "description": "optional: when and how to call (stays between you and your contact)"})


class CallbackStateSchema(Schema):
    callback_requested_at = fields.DateTime(allow_none=True)


class SummaryArgsSchema(Schema):
    lang = fields.Str(load_default="nl", validate=validate.OneOf(("nl", "en")))


class SharedResultSchema(Schema):
    id = fields.UUID()
    taken_at = fields.DateTime()
    shared_at = fields.DateTime()
    weeks_since_event = fields.Int(allow_none=True)
    phq4_band = fields.Str(allow_none=True)
    who5_low = fields.Bool(allow_none=True)
    pcl5_band = fields.Str(allow_none=True)
    safety = fields.Bool(allow_none=True)


CHANGE = validate.OneOf(("better", "worse"))


class BandsSchema(Schema):
    """One test as a person who helps sees it: its bands, never an answer."""

    taken_at = fields.DateTime()
    phq4_band = fields.Str(allow_none=True, metadata={
        "description": "worry and mood: none | mild | moderate | severe (null: not complete)"})
    who5_low = fields.Bool(allow_none=True, metadata={"description": "low well-being"})
    pcl5_band = fields.Str(allow_none=True, metadata={
        "description": "stress after the event: low | raised | high (null: not taken)"})
    who5_change = fields.Str(allow_none=True, validate=CHANGE, metadata={
        "description": "since the test before: better | worse | null (no clear change)"})
    pcl5_change = fields.Str(allow_none=True, validate=CHANGE)


class SharedRecoverySchema(Schema):
    """How it is going with someone you help, when they let you see it (sync `shared_recovery`,
    with the id of the person in GET /api/helping)."""

    id = fields.UUID()
    helping_id = fields.UUID()
    version = fields.Int()
    tests = fields.List(fields.Nested(BandsSchema), metadata={
        "description": "the latest tests, oldest first"})


class StaffRecoverySchema(Schema):
    dossier_id = fields.UUID()
    callback_requested_at = fields.DateTime(allow_none=True)
    callback_note = fields.Str(allow_none=True)
    shared = fields.List(fields.Nested(SharedResultSchema),
                         metadata={"description": "newest first"})


class StaffRecoverySummarySchema(Schema):
    dossier_id = fields.UUID()
    callback_requested_at = fields.DateTime(allow_none=True)
    shared_results = fields.Int()
    last_shared_at = fields.DateTime(allow_none=True)
