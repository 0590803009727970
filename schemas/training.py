"""Training bodies: the language of the public content, and the two personal records (the
progress through the training, the ticked checklist items).

Every entry of a record carries `at`, when the phone last changed it: the server merges what a
phone sends into what it has entry by entry (the later `at` wins; a step once done stays done),
so two phones and a phone that was a guest before never conflict. Which steps, exercises and
checklist items exist is the content's (api/content/training.py): the service checks the ids.
"""

from __future__ import annotations

from datetime import UTC

from marshmallow import fields, validate

from schemas.base import Schema

LANGS = ("nl", "en")
KEY = validate.Regexp(r"^[a-z0-9-]{1,40}(/[a-z0-9-]{1,40})?$",
                      error="An id of the training's content, e.g. basis/luisteren.")
AT = {"description": "when the phone last changed this entry (the later one wins)"}


def _at() -> fields.AwareDateTime:
    return fields.AwareDateTime(required=True, default_timezone=UTC, metadata=AT)


class LangQuerySchema(Schema):
    lang = fields.Str(load_default="nl", validate=validate.OneOf(LANGS))


class StepStateSchema(Schema):
    done_at = fields.AwareDateTime(allow_none=True, load_default=None, default_timezone=UTC,
                                   metadata={"description": "null: opened, not finished"})
    answers = fields.Dict(keys=fields.Str(validate=KEY), values=fields.Raw(), load_default=dict,
                          metadata={"description": "exercise id -> the answer as the phone "
                                                   "keeps it (a reflection's words too)"})
    at = _at()


class LastSchema(Schema):
    step = fields.Str(required=True, validate=KEY, metadata={"description": "module/step"})
    screen = fields.Int(load_default=0, validate=validate.Range(min=0, max=50))
    at = _at()


class ToolStateSchema(Schema):
    answers = fields.Dict(keys=fields.Str(validate=KEY), values=fields.Raw(), load_default=dict)
    at = _at()


class ProgressUpdateSchema(Schema):
    steps = fields.Dict(keys=fields.Str(validate=KEY), values=fields.Nested(StepStateSchema),
                        metadata={"description": "module/step -> its state"})
    last = fields.Nested(LastSchema, allow_none=True, metadata={
        "description": "where the person stopped (\"verder met stap 4\")"})
    tools = fields.Dict(keys=fields.Str(validate=validate.OneOf(("selfscan", "referral"))),
                        values=fields.Nested(ToolStateSchema))


class ItemStateSchema(Schema):
    done = fields.Bool(required=True)
    at = _at()


class ChecklistUpdateSchema(Schema):
    checked = fields.Dict(keys=fields.Str(validate=KEY), values=fields.Nested(ItemStateSchema),
                          metadata={"description": "checklist item id -> ticked or not"})


class _Record(Schema):
    id = fields.UUID(metadata={"description": "the record's fixed id (one per person)"})
    version = fields.Int()
    updated_at = fields.DateTime(allow_none=True)


class ProgressSchema(_Record):
    steps = fields.Dict(keys=fields.Str(), values=fields.Raw())
    last = fields.Raw(allow_none=True)
    tools = fields.Dict(keys=fields.Str(), values=fields.Raw())


class ChecklistStateSchema(_Record):
    checked = fields.Dict(keys=fields.Str(), values=fields.Raw())


class OutlineSchema(Schema):
    version = fields.Str(metadata={"description": "changes whenever any content changes"})
    lang = fields.Str()
    modules = fields.List(fields.Raw(), metadata={
        "description": "{id, kind (basic or deepening), title, summary, minutes, steps: "
                       "[{id, number, title, minutes}]}"})
    checklists = fields.List(fields.Raw(), metadata={"description": "{id, title}"})
    tools = fields.List(fields.Raw(), metadata={"description": "{id, title}"})


class ModuleSchema(Schema):
    id = fields.Str()
    kind = fields.Str()
    title = fields.Str()
    summary = fields.Str()
    minutes = fields.Int()
    steps = fields.List(fields.Raw(), metadata={
        "description": "{id, number, title, minutes, goals, screens: [{title, blocks} or "
                       "{exercise}], takeaways, sources} (api/content/training/FORMAT.md)"})


class ChecklistSummarySchema(Schema):
    id = fields.Str()
    title = fields.Str()
    intro = fields.Str()


class ChecklistSchema(ChecklistSummarySchema):
    items = fields.List(fields.Raw(), metadata={
        "description": "{id, group (first_days, call, deadlines), text, detail?, contact?, "
                       "source?}"})
    sources = fields.Dict(keys=fields.Str(), values=fields.Raw())


class ToolSchema(Schema):
    id = fields.Str()
    title = fields.Str()
    intro = fields.Str()
    start = fields.Str()
    nodes = fields.Dict(keys=fields.Str(), values=fields.Raw())
    results = fields.Raw()
    questions = fields.List(fields.Raw())
    advice = fields.List(fields.Raw())
    sources = fields.Dict(keys=fields.Str(), values=fields.Raw())


class BundleSchema(Schema):
    version = fields.Str()
    lang = fields.Str()
    modules = fields.List(fields.Nested(ModuleSchema))
    checklists = fields.List(fields.Nested(ChecklistSchema))
    tools = fields.Dict(keys=fields.Str(), values=fields.Nested(ToolSchema))
    contacts = fields.Dict(keys=fields.Str(), values=fields.Raw())
