"""Task bodies: one task list for every source (staff, rights, own).

What a client may change depends on the source (api/tasks/service.py): everything of an own
task; the ticks and due date of a rights task; `done` of a staff task. A device may send the
whole record back: fields it may not change are accepted when they equal the server's.
"""

from __future__ import annotations

from marshmallow import fields, validate

from schemas.base import Schema

TITLE = validate.Length(max=200)
EXPLANATION = validate.Length(max=5_000)
STEPS_MAX = 20


class StepSchema(Schema):
    text = fields.Str(allow_none=True, load_default=None, validate=TITLE, metadata={
        "description": "an own task's step; null for a rights task (the words are the right's)"})
    done = fields.Bool(required=True)


class TaskWriteSchema(Schema):
    """The body of POST /api/tasks, PATCH /api/tasks/{id} and a `task` sync mutation."""

    id = fields.UUID(metadata={"description": "made on the phone (POST); a new one when left out"})
    source = fields.Str(validate=validate.OneOf(("staff", "rights", "own")), metadata={
        "description": "own (default) or rights; staff tasks come from the contact person"})
    right_id = fields.Str(allow_none=True, validate=validate.Length(max=8))
    todo_key = fields.Str(allow_none=True, validate=validate.Length(max=16), metadata={
        "description": "a rights task: which to-do of the right (e.g. R13-1)"})
    title = fields.Str(allow_none=True, validate=TITLE)
    explanation = fields.Str(allow_none=True, validate=EXPLANATION)
    steps = fields.List(fields.Nested(StepSchema), allow_none=True,
                        validate=validate.Length(max=STEPS_MAX))
    due_date = fields.Date(allow_none=True)
    done = fields.Bool()


class TaskSchema(Schema):
    id = fields.UUID()
    source = fields.Str(metadata={"description": "staff | rights | own"})
    dossier_id = fields.UUID(allow_none=True)
    right_id = fields.Str(allow_none=True)
    todo_key = fields.Str(allow_none=True)
    title = fields.Str(allow_none=True, metadata={"description": "null for a rights task"})
    explanation = fields.Str(allow_none=True)
    steps = fields.List(fields.Nested(StepSchema))
    due_date = fields.Date(allow_none=True)
    done = fields.Bool()
    done_at = fields.DateTime(allow_none=True)
    version = fields.Int()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    deleted = fields.Bool()
