"""Dossier bodies (staff and client) and the shapes the API answers with."""

from __future__ import annotations

from datetime import UTC

from marshmallow import fields, validate

from schemas.base import Schema
from schemas.tasks import TaskSchema

# The event kinds are content (api/content/dossier.py, served by GET /api/content/dossier);
# the service checks them.
KIND_DOC = {"description": "one of the `event_kinds` from GET /api/content/dossier"}

_label = validate.Length(min=1, max=200)


def _optional(length: int) -> fields.Str:
    return fields.Str(allow_none=True, validate=validate.Length(max=length))


class DossierCreateSchema(Schema):
    label = fields.Str(required=True, validate=_label)
    contact_name = _optional(64)
    contact_phone = _optional(32)
    contact_hours = _optional(120)


class DossierUpdateSchema(DossierCreateSchema):
    label = fields.Str(validate=_label)


class DossierEventCreateSchema(Schema):
    kind = fields.Str(required=True, metadata=KIND_DOC)
    title = fields.Str(required=True, validate=_label)
    body = fields.Str(load_default="", validate=validate.Length(max=10_000))
    occurred_at = fields.AwareDateTime(required=True, default_timezone=UTC)
    link = fields.Url(allow_none=True, schemes={"https"}, validate=validate.Length(max=2000))


class DossierTaskCreateSchema(Schema):
    title = fields.Str(required=True, validate=_label)
    explanation = fields.Str(load_default="", validate=validate.Length(max=5_000))
    due_date = fields.Date(allow_none=True)


class DossierLinkSchema(Schema):
    code = fields.Str(required=True, validate=validate.Length(min=1, max=40))


# -- answers -------------------------------------------------------------------------------


class DossierEventSchema(Schema):
    id = fields.UUID()
    dossier_id = fields.UUID()
    kind = fields.Str()
    source = fields.Str(metadata={"description": "police, prosecutor, court or organisation"})
    title = fields.Str()
    body = fields.Str()
    link = fields.Str(allow_none=True)
    occurred_at = fields.DateTime()
    version = fields.Int()
    updated_at = fields.DateTime()
    deleted = fields.Bool()


class DossierContactSchema(Schema):
    organisation = fields.Str()
    name = fields.Str(allow_none=True)
    phone = fields.Str(allow_none=True)
    hours = fields.Str(allow_none=True)


class DossierHeaderSchema(Schema):
    """The dossier as the client keeps it (sync entity `dossier`): never the staff label."""

    id = fields.UUID()
    contact = fields.Nested(DossierContactSchema)
    linked_at = fields.DateTime()
    version = fields.Int()
    updated_at = fields.DateTime()


class DossierSourceGroupSchema(Schema):
    source = fields.Str()
    event_ids = fields.List(fields.UUID())


class ClientDossierSchema(DossierHeaderSchema):
    timeline = fields.List(fields.Nested(DossierEventSchema),
                           metadata={"description": "newest first"})
    groups = fields.List(fields.Nested(DossierSourceGroupSchema),
                         metadata={"description": "per source, the group with the newest "
                                                  "event first; ids in timeline order"})
    tasks = fields.List(fields.Nested(TaskSchema))


class StaffDossierSummarySchema(Schema):
    id = fields.UUID()
    label = fields.Str()
    linked = fields.Bool()
    invite_expires_at = fields.DateTime(allow_none=True)
    open_tasks = fields.Int()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class StaffDossierSchema(StaffDossierSummarySchema):
    contact = fields.Nested(DossierContactSchema)
    linked_at = fields.DateTime(allow_none=True)
    version = fields.Int()
    events = fields.List(fields.Nested(DossierEventSchema))
    tasks = fields.List(fields.Nested(TaskSchema))


class DossierInviteSchema(Schema):
    id = fields.UUID()
    invite_code = fields.Str(metadata={"description": "shown once; read it to the client"})
    invite_expires_at = fields.DateTime()


class StaffDossierCreatedSchema(StaffDossierSchema, DossierInviteSchema):
    pass


# -- content ---------------------------------------------------------------------------------


class EventKindSchema(Schema):
    kind = fields.Str()
    source = fields.Str(metadata={"description": "what the client's timeline groups it under: "
                                                 "police, prosecutor, court or organisation"})
    has_time = fields.Bool(metadata={"description": "true: the time of day matters (a hearing, "
                                                    "an appointment); false: only the day"})


class DossierContentSchema(Schema):
    event_kinds = fields.List(fields.Nested(EventKindSchema), metadata={
        "description": "the kinds staff can choose, in this order; the words are the PWA's"})
