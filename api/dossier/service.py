"""Dossier rules: staff write a client's timeline and give tasks; the client reads. The tasks
themselves are in the client's task list (api/tasks/service.py).

A staff member creates a dossier and reads a one-time invite code to the client (by phone);
the client enters it to link the dossier to their account. Only the assigned staff member
sees a dossier (anyone else gets 404). Every staff write lands in the audit log (ids and
action names only) and, once linked, in the client's sync change log, so the timeline reaches
the device like the client's own records.

Services never commit: the route (or the sync endpoint) owns the transaction.
"""

from __future__ import annotations

import uuid
from datetime import UTC, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select

from api import invite_codes
from api.auth.models import User
from api.content.dossier import KINDS, SOURCE_OF_KIND
from api.crypto import decrypt_text, encrypt_text
from api.db import db, utcnow
from api.domain import Conflict, Invalid, NotFound
from api.dossier.models import (
    DOSSIER_ENTITY,
    EVENT_ENTITY,
    Dossier,
    DossierAudit,
    DossierEvent,
    text_aad,
)
from api.notifications.service import notify
from api.sync.changelog import lock_owner, record_change
from api.tasks import service as tasks
from api.tasks.models import Task

# Push kinds (a person can switch each off) and the views their notifications open.
DOSSIER_KIND, DOSSIER_VIEW = "dossier", "/dossier"

INVITE_VALID = timedelta(days=14)

# A placeholder organisation: a deployment sets ORG_NAME and ORG_PHONE to its own.
DEFAULT_ORG_NAME = "Houvast Slachtofferhulp (demo)"
DEFAULT_ORG_PHONE = "0000 000 000 (demo)"

# The event kinds and their sources are content: api/content/dossier.py (also served).
UNKNOWN_KIND = "Must be one of: " + ", ".join(KINDS) + "."

DOSSIER_NOT_FOUND = "This dossier was not found."
ITEM_NOT_FOUND = "This was not found in the dossier."
LINKED_ALREADY = "This dossier is already linked to a client's account."
NO_DOSSIER = ("You do not have a dossier yet. When your contact person gives you a code, "
              "you can enter it here. Everything else in Houvast works without one.")
BAD_CODE = ("This code is not valid or has expired. "
            "Ask your contact person for a new code.")
ALREADY_LINKED = ("Your account already has a dossier. If this code is for a different case, "
                  "talk to your contact person.")


# -- invite codes --------------------------------------------------------------------------


new_invite_code = invite_codes.new_code
normalise_code = invite_codes.normalise


def code_hash(code: str) -> str:
    return invite_codes.code_hash(code, "dossier-invite")


def _issue_invite(dossier: Dossier) -> str:
    code = new_invite_code()
    dossier.invite_hash = code_hash(code)
    dossier.invite_expires_at = utcnow() + INVITE_VALID
    return code


# -- shared helpers --------------------------------------------------------------------------


def _encrypt(row: Dossier | DossierEvent, column: str, value: str | None) -> None:
    setattr(row, column, encrypt_text(value, text_aad(row, column)))


def _decrypt(row: Dossier | DossierEvent, column: str) -> str | None:
    return decrypt_text(getattr(row, column), text_aad(row, column))


def _touch(row: Dossier | DossierEvent) -> None:
    row.version += 1
    row.updated_at = utcnow()


def _audit(actor: User, action: str, dossier_id: uuid.UUID,
           target_id: uuid.UUID | None = None) -> None:
    db.session.add(DossierAudit(actor_id=actor.id, action=action, dossier_id=dossier_id,
                                target_id=target_id))


def _changed(dossier: Dossier, entity: str, row: Dossier | DossierEvent) -> None:
    """Append to the client's change log (nothing to sync before the dossier is linked)."""
    if dossier.client_id is not None:
        record_change(dossier.client_id, entity, row.id, row.version,
                      bool(getattr(row, "deleted", False)))


def _notify(user_id: int, kind: str, view: str, title: str | None, body: str | None) -> None:
    """Queue a push; the words go only in `detail` (encrypted, shown to those who opted in)."""
    text = (body or "").strip()
    notify(user_id, kind, view,
           detail={"title": title, "body": text[:197] + "…" if len(text) > 200 else text})


def contact(dossier: Dossier) -> dict[str, Any]:
    config = current_app.config
    return {
        "organisation": config.get("ORG_NAME") or DEFAULT_ORG_NAME,
        "name": dossier.contact_name,
        "phone": dossier.contact_phone or config.get("ORG_PHONE") or DEFAULT_ORG_PHONE,
        "hours": dossier.contact_hours,
    }


def event_dict(event: DossierEvent) -> dict[str, Any]:
    return {
        "id": event.id, "dossier_id": event.dossier_id, "kind": event.kind,
        "source": SOURCE_OF_KIND[event.kind], "title": _decrypt(event, "title"),
        "body": _decrypt(event, "body"), "link": _decrypt(event, "link"),
        "occurred_at": event.occurred_at, "version": event.version,
        "updated_at": event.updated_at, "deleted": event.deleted,
    }


def header_dict(dossier: Dossier) -> dict[str, Any]:
    """The dossier as its client sees it: never the staff label."""
    return {"id": dossier.id, "contact": contact(dossier), "linked_at": dossier.linked_at,
            "version": dossier.version, "updated_at": dossier.updated_at}


def _events(dossier: Dossier) -> list[DossierEvent]:
    return list(db.session.scalars(
        select(DossierEvent)
        .where(DossierEvent.dossier_id == dossier.id, DossierEvent.deleted.is_(False))
        .order_by(DossierEvent.occurred_at.desc(), DossierEvent.created_at.desc())
    ))


# -- staff -----------------------------------------------------------------------------------


def staff_dossier(staff: User, dossier_id: uuid.UUID, *, lock: bool = False) -> Dossier:
    """The staff member's own dossier, row-locked for a write when `lock`.

    :raise NotFound: missing, or assigned to someone else
    """
    stmt = select(Dossier).where(Dossier.id == dossier_id, Dossier.staff_id == staff.id)
    dossier = db.session.scalar(stmt.with_for_update() if lock else stmt)
    if dossier is None:
        raise NotFound(DOSSIER_NOT_FOUND)
    if lock and dossier.client_id is not None:
        lock_owner(dossier.client_id)
    return dossier


def _summary(dossier: Dossier, open_tasks: int) -> dict[str, Any]:
    return {
        "id": dossier.id, "label": _decrypt(dossier, "label"),
        "linked": dossier.client_id is not None, "invite_expires_at": dossier.invite_expires_at,
        "open_tasks": open_tasks, "created_at": dossier.created_at,
        "updated_at": dossier.updated_at,
    }


def list_dossiers(staff: User) -> list[dict[str, Any]]:
    dossiers = list(db.session.scalars(
        select(Dossier).where(Dossier.staff_id == staff.id).order_by(Dossier.updated_at.desc())
    ))
    counts = tasks.open_counts([d.id for d in dossiers])
    return [_summary(d, counts.get(d.id, 0)) for d in dossiers]


def staff_view(dossier: Dossier) -> dict[str, Any]:
    listed = tasks.dossier_tasks(dossier.id)
    return {
        **_summary(dossier, sum(not t.done for t in listed)),
        "contact": contact(dossier), "linked_at": dossier.linked_at, "version": dossier.version,
        "events": [event_dict(e) for e in _events(dossier)],
        "tasks": [tasks.task_dict(t) for t in listed],
    }


def create_dossier(staff: User, data: dict[str, Any]) -> tuple[Dossier, str]:
    """A new dossier assigned to `staff`, and its invite code (shown once)."""
    dossier = Dossier(id=uuid.uuid4(), staff_id=staff.id, version=1,
                      contact_name=data.get("contact_name"),
                      contact_phone=data.get("contact_phone"),
                      contact_hours=data.get("contact_hours"))
    _encrypt(dossier, "label", data["label"])
    code = _issue_invite(dossier)
    db.session.add(dossier)
    _audit(staff, "dossier.create", dossier.id)
    db.session.flush()
    return dossier, code


def update_dossier(staff: User, dossier_id: uuid.UUID, data: dict[str, Any]) -> Dossier:
    dossier = staff_dossier(staff, dossier_id, lock=True)
    if "label" in data:
        _encrypt(dossier, "label", data["label"])
    for name in ("contact_name", "contact_phone", "contact_hours"):
        if name in data:
            setattr(dossier, name, data[name])
    _touch(dossier)
    _audit(staff, "dossier.update", dossier.id)
    _changed(dossier, DOSSIER_ENTITY, dossier)
    db.session.flush()
    return dossier


def renew_invite(staff: User, dossier_id: uuid.UUID) -> tuple[Dossier, str]:
    """A new code; the previous one stops working.

    :raise Conflict: the dossier is already linked to a client
    """
    dossier = staff_dossier(staff, dossier_id, lock=True)
    if dossier.client_id is not None:
        raise Conflict(LINKED_ALREADY)
    code = _issue_invite(dossier)
    _audit(staff, "dossier.invite", dossier.id)
    db.session.flush()
    return dossier, code


def add_event(staff: User, dossier_id: uuid.UUID, data: dict[str, Any]) -> DossierEvent:
    """:raise Invalid: a kind that is not in api/content/dossier.py"""
    if data["kind"] not in KINDS:
        raise Invalid({"kind": [UNKNOWN_KIND]})
    dossier = staff_dossier(staff, dossier_id, lock=True)
    event = DossierEvent(id=uuid.uuid4(), dossier_id=dossier.id, kind=data["kind"],
                         occurred_at=data["occurred_at"].astimezone(UTC), created_by=staff.id,
                         version=1, deleted=False)
    for column in ("title", "body", "link"):
        _encrypt(event, column, data.get(column))
    db.session.add(event)
    db.session.flush()
    _audit(staff, "event.create", dossier.id, event.id)
    _changed(dossier, EVENT_ENTITY, event)
    if dossier.client_id is not None:
        _notify(dossier.client_id, DOSSIER_KIND, DOSSIER_VIEW, data["title"], data.get("body"))
    return event


def add_task(staff: User, dossier_id: uuid.UUID, data: dict[str, Any]) -> Task:
    """A task for the client, in their task list (api/tasks/service.py), with a push once
    linked."""
    dossier = staff_dossier(staff, dossier_id, lock=True)
    task = tasks.add_staff_task(dossier, staff, data)
    _audit(staff, "task.create", dossier.id, task.id)
    return task


def delete_task(staff: User, dossier_id: uuid.UUID, task_id: uuid.UUID) -> None:
    """Delete a task of the dossier: its text is erased and a tombstone syncs to the client.

    :raise NotFound: missing, already deleted, or not in this staff member's dossier
    """
    dossier = staff_dossier(staff, dossier_id, lock=True)
    if tasks.delete_staff_task(dossier, task_id) is None:
        raise NotFound(ITEM_NOT_FOUND)
    _audit(staff, "task.delete", dossier.id, task_id)


def delete_event(staff: User, dossier_id: uuid.UUID, event_id: uuid.UUID) -> None:
    """Delete an event: its text is erased and a tombstone syncs to the client.

    :raise NotFound: missing, already deleted, or not in this staff member's dossier
    """
    dossier = staff_dossier(staff, dossier_id, lock=True)
    item = db.session.get(DossierEvent, event_id)
    if item is None or item.dossier_id != dossier.id or item.deleted:
        raise NotFound(ITEM_NOT_FOUND)
    for column in ("title", "body", "link"):
        setattr(item, column, None)
    item.deleted = True
    _touch(item)
    _audit(staff, "event.delete", dossier.id, item.id)
    _changed(dossier, EVENT_ENTITY, item)
    db.session.flush()


# -- client ----------------------------------------------------------------------------------


def client_dossier(user: User) -> Dossier | None:
    return db.session.scalar(select(Dossier).where(Dossier.client_id == user.id))


def link(user: User, code: str) -> Dossier:
    """Link the dossier whose invite `code` this is to `user` (single use).

    :raise Conflict: the user already has a dossier
    :raise NotFound: unknown, expired or used code (one answer for all three)
    """
    lock_owner(user.id)  # also serialises two links by one client: the second sees the first
    if client_dossier(user) is not None:
        raise Conflict(ALREADY_LINKED)
    # Looked up by its keyed hash: equality on a digest reveals nothing about the code, so
    # the lookup is the comparison (a second compare_digest of the same values cannot fail).
    dossier = db.session.scalar(
        select(Dossier).where(Dossier.invite_hash == code_hash(code)).with_for_update()
    )
    if (dossier is None or dossier.invite_expires_at is None
            or dossier.invite_expires_at <= utcnow()):
        raise NotFound(BAD_CODE)
    dossier.client_id = user.id
    dossier.linked_at = utcnow()
    dossier.invite_hash = None
    dossier.invite_expires_at = None
    _touch(dossier)
    db.session.flush()
    _audit(user, "dossier.link", dossier.id)
    # The device gets everything written before the link, through its next sync.
    _changed(dossier, DOSSIER_ENTITY, dossier)
    for row in db.session.scalars(select(DossierEvent).where(
            DossierEvent.dossier_id == dossier.id, DossierEvent.deleted.is_(False))):
        _changed(dossier, EVENT_ENTITY, row)
    tasks.announce_linked(dossier)
    return dossier


def client_erased(user: User) -> None:
    """The client deletes their account: the dossier stays with its staff member (their notes
    are the organisation's, under the dossier's own key), now without a client. The audit
    line keeps no trace of who it was (its actor is set NULL with the account)."""
    dossier = client_dossier(user)
    if dossier is None:
        return
    dossier.client_id = None
    dossier.linked_at = None
    _touch(dossier)
    _audit(user, "dossier.client_erased", dossier.id)
    db.session.flush()


def client_view(user: User) -> dict[str, Any]:
    """:raise NotFound: the user has no dossier (a kind message; everything else still works)"""
    dossier = client_dossier(user)
    if dossier is None:
        raise NotFound(NO_DOSSIER)
    timeline = [event_dict(e) for e in _events(dossier)]
    groups: dict[str, list[uuid.UUID]] = {}
    for event in timeline:
        groups.setdefault(event["source"], []).append(event["id"])
    return {
        **header_dict(dossier), "timeline": timeline,
        "groups": [{"source": s, "event_ids": ids} for s, ids in groups.items()],
        "tasks": [tasks.task_dict(t) for t in tasks.dossier_tasks(dossier.id)],
    }
