"""Dossier endpoints: /api/staff/dossiers/... for staff, /api/dossier/... for the client."""

from __future__ import annotations

import uuid

from flask import Response
from flask_jwt_extended import current_user
from flask_limiter.util import get_remote_address

from api.content.dossier import EVENT_KINDS
from api.db import db
from api.dossier import service
from api.extensions import limiter
from api.smorest import Blueprint
from api.tasks import service as tasks
from schemas.dossier import (
    ClientDossierSchema,
    DossierContentSchema,
    DossierCreateSchema,
    DossierEventCreateSchema,
    DossierEventSchema,
    DossierInviteSchema,
    DossierLinkSchema,
    DossierTaskCreateSchema,
    DossierUpdateSchema,
    StaffDossierCreatedSchema,
    StaffDossierSchema,
    StaffDossierSummarySchema,
)
from schemas.tasks import TaskSchema

blp = Blueprint("dossier", __name__, url_prefix="/api", description="Case dossier and tasks")
staff_only = blp.login_required(roles=["staff"])
client_only = blp.login_required(roles=["client"])


def _failed(response: Response) -> bool:
    return response.status_code >= 400


# Only failed attempts count: guessing codes is slow, a person who typed well is never blocked.
link_limit_per_user = limiter.limit("5 per 15 minutes;20 per day", deduct_when=_failed,
                                    key_func=lambda: f"dossier-link:user:{current_user.id}")
link_limit_per_ip = limiter.limit("30 per hour", deduct_when=_failed,
                                  key_func=lambda: f"dossier-link:ip:{get_remote_address()}")


# -- content (public: nothing personal, cached by the service worker) -------------------------


@blp.get("/content/dossier")
@blp.response(200, DossierContentSchema)
def content():
    """The kinds of timeline events, their source and whether their time of day matters; no
    login needed. The PWA reads them from here (the staff form, the client's timeline)"""
    return {"event_kinds": EVENT_KINDS}


# -- staff -----------------------------------------------------------------------------------


@blp.get("/staff/dossiers")
@staff_only
@blp.response(200, StaffDossierSummarySchema(many=True))
def list_dossiers():
    """Dossiers assigned to me"""
    return service.list_dossiers(current_user)


@blp.post("/staff/dossiers")
@staff_only
@blp.arguments(DossierCreateSchema)
@blp.response(201, StaffDossierCreatedSchema)
def create_dossier(body: dict):
    """Create a dossier and its one-time invite code"""
    dossier, code = service.create_dossier(current_user, body)
    db.session.commit()
    return {**service.staff_view(dossier), "invite_code": code}


@blp.get("/staff/dossiers/<uuid:dossier_id>")
@staff_only
@blp.response(200, StaffDossierSchema)
def get_dossier(dossier_id: uuid.UUID):
    """One of my dossiers, with its events and tasks"""
    return service.staff_view(service.staff_dossier(current_user, dossier_id))


@blp.patch("/staff/dossiers/<uuid:dossier_id>")
@staff_only
@blp.arguments(DossierUpdateSchema)
@blp.response(200, StaffDossierSchema)
def update_dossier(body: dict, dossier_id: uuid.UUID):
    """Change the label or how the client reaches me"""
    dossier = service.update_dossier(current_user, dossier_id, body)
    db.session.commit()
    return service.staff_view(dossier)


@blp.post("/staff/dossiers/<uuid:dossier_id>/invite")
@staff_only
@blp.response(201, DossierInviteSchema)
def renew_invite(dossier_id: uuid.UUID):
    """Make a new invite code (the previous one stops working)"""
    dossier, code = service.renew_invite(current_user, dossier_id)
    db.session.commit()
    return {"id": dossier.id, "invite_code": code,
            "invite_expires_at": dossier.invite_expires_at}


@blp.post("/staff/dossiers/<uuid:dossier_id>/events")
@staff_only
@blp.arguments(DossierEventCreateSchema)
@blp.response(201, DossierEventSchema)
def add_event(body: dict, dossier_id: uuid.UUID):
    """Add an event to the client's timeline"""
    event = service.add_event(current_user, dossier_id, body)
    db.session.commit()
    return service.event_dict(event)


@blp.delete("/staff/dossiers/<uuid:dossier_id>/events/<uuid:event_id>")
@staff_only
@blp.response(204)
def delete_event(dossier_id: uuid.UUID, event_id: uuid.UUID):
    """Delete an event (its text is erased)"""
    service.delete_event(current_user, dossier_id, event_id)
    db.session.commit()


@blp.post("/staff/dossiers/<uuid:dossier_id>/tasks")
@staff_only
@blp.arguments(DossierTaskCreateSchema)
@blp.response(201, TaskSchema)
def add_task(body: dict, dossier_id: uuid.UUID):
    """Give the client a task (it joins their task list)"""
    task = service.add_task(current_user, dossier_id, body)
    db.session.commit()
    return tasks.task_dict(task)


@blp.delete("/staff/dossiers/<uuid:dossier_id>/tasks/<uuid:task_id>")
@staff_only
@blp.response(204)
def delete_task(dossier_id: uuid.UUID, task_id: uuid.UUID):
    """Delete a task (its text is erased)"""
    service.delete_task(current_user, dossier_id, task_id)
    db.session.commit()


# -- client ----------------------------------------------------------------------------------


@blp.get("/dossier")
@client_only
@blp.response(200, ClientDossierSchema)
def my_dossier():
    """My dossier: contact, timeline (newest first) and tasks"""
    return service.client_view(current_user)


@blp.post("/dossier/link")
@client_only
@link_limit_per_user
@link_limit_per_ip
@blp.arguments(DossierLinkSchema)
@blp.response(200, ClientDossierSchema)
def link_dossier(body: dict):
    """Link my dossier with the code my contact person gave me"""
    service.link(current_user, body["code"])
    db.session.commit()
    return service.client_view(current_user)
