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
    shared_to_all = fields.Bool(metadata={
        "description": "Samen: every person who helps you sees this task"})
    shared_helper_ids = fields.List(fields.UUID(), allow_none=True,
                                    validate=validate.Length(max=20), metadata={
        "description": "Samen: the people who help you (GET /api/helpers ids) that see it"})
    helpers_may_tick = fields.Bool(metadata={
        "description": "Samen: the people who see it may tick it and its steps off"})


class TaskHelpSchema(Schema):
    """What a person who helps you added to a task you shared with them."""

    helper_id = fields.UUID(metadata={"description": "their id in GET /api/helpers"})
    helping = fields.Bool(metadata={"description": "they said \"Ik help hiermee\""})
    note = fields.Str(allow_none=True)
    updated_at = fields.DateTime()


class TaskCoreSchema(Schema):
    """What every view of a task has: the client's, the contact person's, a helper's."""

    id = fields.UUID()
    source = fields.Str(metadata={"description": "staff | rights | own"})
    right_id = fields.Str(allow_none=True)
    todo_key = fields.Str(allow_none=True)
    title = fields.Str(allow_none=True, metadata={"description": "null for a rights task"})
    explanation = fields.Str(allow_none=True)
    steps = fields.List(fields.Nested(StepSchema))
    due_date = fields.Date(allow_none=True)
    done = fields.Bool()
    done_at = fields.DateTime(allow_none=True)
    version = fields.Int()
    updated_at = fields.DateTime()


class TaskSchema(TaskCoreSchema):
    dossier_id = fields.UUID(allow_none=True)
    created_at = fields.DateTime()
    deleted = fields.Bool()
    shared_to_all = fields.Bool()
    shared_helper_ids = fields.List(fields.Str())
    helpers_may_tick = fields.Bool()
    done_by = fields.UUID(allow_none=True, metadata={
        "description": "the person who helps you that ticked it done (null: you, or nobody)"})
    helps = fields.List(fields.Nested(TaskHelpSchema))


NOTE = validate.Length(max=300)  # a short note: "ik bel zaterdag voor je"


class SharedTaskWriteSchema(Schema):
    """What a person who helps sends about a task shared with them (PATCH
    /api/shared-tasks/{id} and a `shared_task` sync mutation): only what they change. Each field
    is a choice of its own, so nothing is stale: a tick is a tick of that step, the later wins."""

    helping = fields.Bool(metadata={"description": "\"Ik help hiermee\" (or not any more)"})
    note = fields.Str(allow_none=True, validate=NOTE, metadata={
        "description": "a short note for the person you help"})
    done = fields.Bool(metadata={"description": "tick the task (if they let you)"})
    step_ticks = fields.Dict(keys=fields.Str(validate=validate.Regexp(r"^\d{1,2}$")),
                             values=fields.Bool(), validate=validate.Length(max=STEPS_MAX),
                             metadata={"description": "{step number from 0: ticked}"})


class SharedTaskSchema(TaskCoreSchema):
    """A task someone shares with you, as you see it."""

    helping_id = fields.UUID(metadata={"description": "the person you help (GET /api/helping)"})
    may_tick = fields.Bool(metadata={"description": "you may tick it and its steps off"})
    helping = fields.Bool()
    note = fields.Str(allow_none=True)
