"""Samen's bodies and answers: invites, links, the help message."""

from __future__ import annotations

from marshmallow import fields, validate

from schemas.base import Schema
from schemas.recovery import SharedRecoverySchema
from schemas.tasks import SharedTaskSchema

NAME_MAX = 40  # "mam", "Sanne", "buurman Piet"
MESSAGE_MAX = 500  # a short message: "boodschappen deze week"


class InviteCreateSchema(Schema):
    name = fields.Str(required=True, validate=validate.Length(min=1, max=NAME_MAX),
                      metadata={"description": "what you call this person, e.g. 'mam'"})


class InviteSchema(Schema):
    id = fields.UUID()
    name = fields.Str()
    expires_at = fields.DateTime()


class InviteCreatedSchema(InviteSchema):
    code = fields.Str(metadata={"description": "shown once; give it to the person"})
    link = fields.Str(metadata={"description": "the same code as a link to open on their phone"})


class HelperLinkSchema(Schema):
    code = fields.Str(required=True, validate=validate.Length(min=1, max=40))


class HelperSeesSchema(Schema):
    help_message = fields.Bool()
    recovery = fields.Bool(metadata={"description": "how it is going: your tests' bands"})


class HelperUpdateSchema(Schema):
    shares_recovery = fields.Bool(required=True, metadata={
        "description": "they see how it is going: the bands of your tests and their trend, "
                       "never your answers"})


class HelperSchema(Schema):
    """A person who helps you, as you see them."""

    id = fields.UUID()
    name = fields.Str()
    since = fields.DateTime()
    last_sync_at = fields.DateTime(allow_none=True)
    version = fields.Int()
    sees = fields.Nested(HelperSeesSchema)


class HelpMessageUpdateSchema(Schema):
    text = fields.Str(allow_none=True, validate=validate.Length(max=MESSAGE_MAX))
    to_all = fields.Bool(metadata={"description": "every person who helps you sees it"})
    helper_ids = fields.List(fields.UUID(), validate=validate.Length(max=20), metadata={
        "description": "when not to_all: the ids of the people who help you that see it"})


class HelpMessageSchema(Schema):
    """Your "Waar ik hulp bij kan gebruiken", and who sees it."""

    id = fields.UUID()
    text = fields.Str(allow_none=True)
    to_all = fields.Bool()
    helper_ids = fields.List(fields.Str())
    version = fields.Int()
    updated_at = fields.DateTime(allow_none=True)


class SharedHelpMessageSchema(Schema):
    """A help message as a person who helps sees it."""

    id = fields.UUID()
    helping_id = fields.UUID(metadata={"description": "the id of the person you help (GET "
                                                       "/api/helping)"})
    text = fields.Str(allow_none=True)
    version = fields.Int()
    updated_at = fields.DateTime(allow_none=True)


class HelpingSchema(Schema):
    """A person you help, and what they share with you."""

    id = fields.UUID()
    name = fields.Str()
    since = fields.DateTime()
    version = fields.Int()
    help_message = fields.Nested(SharedHelpMessageSchema, allow_none=True)
    tasks = fields.List(fields.Nested(SharedTaskSchema), metadata={
        "description": "GET /api/helping: the tasks they share with you (also GET "
                       "/api/shared-tasks); not in the sync record, which has its own"})
    recovery = fields.Nested(SharedRecoverySchema, allow_none=True, metadata={
        "description": "GET /api/helping: how it is going, when they let you see it; not in "
                       "the sync record (sync `shared_recovery`)"})
