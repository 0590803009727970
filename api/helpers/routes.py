"""Samen endpoints: /api/helpers/... for the client (who helps me, invites, my help message),
/api/helping/... for the helper (whom I help)."""

from __future__ import annotations

import uuid

from flask import request
from flask_jwt_extended import current_user
from flask_limiter.util import get_remote_address

from api.db import db
from api.extensions import limiter
from api.helpers import service
from api.recovery import helping as recovery_helping
from api.smorest import Blueprint
from api.tasks import helping
from schemas.helpers import (
    HelperLinkSchema,
    HelperSchema,
    HelperUpdateSchema,
    HelpingSchema,
    HelpMessageSchema,
    HelpMessageUpdateSchema,
    InviteCreatedSchema,
    InviteCreateSchema,
    InviteSchema,
)

blp = Blueprint("helpers", __name__, url_prefix="/api",
                description="Samen: the people who help a client, and what the client shares")
client_only = blp.login_required(roles=["client"])
helper_only = blp.login_required(roles=["helper"])

invite_limit = limiter.limit("10 per hour;30 per day",
                             key_func=lambda: f"helper-invite:user:{current_user.id}")
# Only failed attempts count: guessing codes is slow, a person who typed well is never blocked.
link_limit_per_user = limiter.limit(
    "5 per 15 minutes;20 per day", deduct_when=lambda response: response.status_code >= 400,
    key_func=lambda: f"helper-link:user:{current_user.id}")
link_limit_per_ip = limiter.limit(
    "30 per hour", deduct_when=lambda response: response.status_code >= 400,
    key_func=lambda: f"helper-link:ip:{get_remote_address()}")


# -- the client ---------------------------------------------------------------------------------


@blp.post("/helpers/invites")
@client_only
@invite_limit
@blp.arguments(InviteCreateSchema)
@blp.response(201, InviteCreatedSchema)
def create_invite(body: dict):
    """Invite someone to help you: a one-time code and a link with it, valid 7 days"""
    invite, code = service.create_invite(current_user, body["name"])
    db.session.commit()
    # The code goes in the fragment: a browser never sends it to a server, nor to a log.
    link = f"{request.host_url}#/help-invite/{code}"
    return {**service.invite_dict(invite), "code": code, "link": link}


@blp.get("/helpers/invites")
@client_only
@blp.response(200, InviteSchema(many=True))
def list_invites():
    """Invites not used yet"""
    return service.open_invites(current_user)


@blp.delete("/helpers/invites/<uuid:invite_id>")
@client_only
@blp.response(204)
def cancel_invite(invite_id: uuid.UUID):
    """Take back an invite before it is used"""
    service.cancel_invite(current_user, invite_id)
    db.session.commit()


@blp.get("/helpers")
@client_only
@blp.response(200, HelperSchema(many=True))
def list_helpers():
    """Who helps you, since when, when their phone last synced, and what they see"""
    return service.helpers(current_user)


@blp.delete("/helpers/<uuid:link_id>")
@client_only
@blp.response(204)
def remove_helper(link_id: uuid.UUID):
    """Take someone's access away, at once; they are not told why"""
    service.remove(current_user, link_id)
    db.session.commit()


@blp.patch("/helpers/<uuid:link_id>")
@client_only
@blp.arguments(HelperUpdateSchema)
@blp.response(200, HelperSchema)
def update_helper(body: dict, link_id: uuid.UUID):
    """Let this person see how it is going (your tests' bands and trend, never your answers)"""
    found = service.share_recovery(current_user, link_id, body["shares_recovery"])
    db.session.commit()
    return service.helper_dict(found, service.message_row(current_user.id))


@blp.get("/helpers/message")
@client_only
@blp.response(200, HelpMessageSchema)
def get_message():
    """Your "Waar ik hulp bij kan gebruiken" and who sees it"""
    return service.message_dict(current_user)


@blp.put("/helpers/message")
@client_only
@blp.arguments(HelpMessageUpdateSchema)
@blp.response(200, HelpMessageSchema)
def put_message(body: dict):
    """Write what you could use help with (empty: nothing), for everyone or for some"""
    service.set_message(current_user, body)
    db.session.commit()
    return service.message_dict(current_user)


# -- the helper ---------------------------------------------------------------------------------


@blp.post("/helpers/link")
@helper_only
@link_limit_per_user
@link_limit_per_ip
@blp.arguments(HelperLinkSchema)
@blp.response(200, HelpingSchema)
def link(body: dict):
    """Use the code someone gave you: from now on you help them with what they share"""
    found = service.link(current_user, body["code"])
    db.session.commit()
    return service.helping_dict(found, service.message_row(found.client_id))


@blp.get("/helping")
@helper_only
@blp.response(200, HelpingSchema(many=True))
def list_helping():
    """The people you help, and what each of them shares with you"""
    tasks, recovery = (helping.shared_with(current_user),
                       recovery_helping.shared_by_link(current_user))
    return [{**person, "tasks": [helping.shared_task_dict(task, link) for task, link in tasks
                                 if link.id == person["id"]],
             "recovery": recovery.get(person["id"])}
            for person in service.helping(current_user)]


@blp.delete("/helping/<uuid:link_id>")
@helper_only
@blp.response(204)
def stop_helping(link_id: uuid.UUID):
    """Stop helping this person; their shared data leaves your phone at its next sync"""
    service.stop(current_user, link_id)
    db.session.commit()
