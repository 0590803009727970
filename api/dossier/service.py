"""Dossier rules: staff write a client's timeline and tasks; the client reads and ticks off.

A staff member creates a dossier and reads a one-time invite code to the client (by phone);
the client enters it to link the dossier to their account. Only the assigned staff member
sees a dossier (anyone else gets 404). Every staff write lands in the audit log (ids and
action names only) and, once linked, in the client's sync change log, so the timeline reaches
the device like the client's own records.

Services never commit: the route (or the sync endpoint) owns the transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import func, select

from api.auth.models import User
from api.content.dossier import KINDS, SOURCE_OF_KIND
from api.crypto import decrypt_text, encrypt_text
from api.db import db, utcnow
from api.domain import Conflict, Invalid, NotFound, Reminder
from api.dossier.models import (
    DOSSIER_ENTITY,
    EVENT_ENTITY,
    TASK_ENTITY,
    Dossier,
    DossierAudit,
    DossierEvent,
    DossierTask,
    text_aad,
)
from api.notifications.service import notify
from api.sync.changelog import lock_owner, record_change

# Push kinds (a person can switch each off) and the views their notifications open.
DOSSIER_KIND, DOSSIER_VIEW = "dossier", "/dossier"
TASKS_KIND, TASKS_VIEW = "tasks", "/tasks"

# Readable aloud on the phone: no 0/O, 1/I/L. 31**8 ≈ 8.5e11 codes, and linking is rate-limited.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
INVITE_VALID = timedelta(days=14)

# A placeholder organisation: a deployment sets ORG_NAME and ORG_PHONE to its own.
DEFAULT_ORG_NAME = "Houvast Slachtofferhulp (demo)"
DEFAULT_ORG_PHONE = "0000 000 000 (demo)"

# The event kinds and their sources are content: api/content/dossier.py (also served).
UNKNOWN_KIND = "Must be one of: " + ", ".join(KINDS) + "."

DOSSIER_NOT_FOUND = "This dossier was not found."
ITEM_NOT_FOUND = "This was not found in the dossier."
TASK_NOT_FOUND = "This task was not found."
LINKED_ALREADY = "This dossier is already linked to a client's account."
NO_DOSSIER = ("You do not have a dossier yet. When your contact person gives you a code, "
              "you can enter it here. Everything else in Houvast works without one.")
BAD_CODE = ("This code is not valid or has expired. "
            "Ask your contact person for a new code.")
ALREADY_LINKED = ("Your account already has a dossier. If this code is for a different case, "
                  "talk to your contact person.")
STAFF_ONLY = "Only your contact person can change this."


# -- invite codes --------------------------------------------------------------------------


def new_invite_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(code: str) -> str:
    """Case, spaces and dashes do not matter: "k7m4 x9pq" is "K7M4-X9PQ"."""
    return re.sub(r"[\s\-]+", "", code).upper()


def code_hash(code: str) -> str:
    """HMAC-SHA256 under the app secret: a leaked table cannot be brute-forced offline."""
    key = current_app.config["SECRET_KEY"].encode()
    message = b"dossier-invite|" + normalise_code(code).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _issue_invite(dossier: Dossier) -> str:
    code = new_invite_code()
    dossier.invite_hash = code_hash(code)
    dossier.invite_expires_at = utcnow() + INVITE_VALID
    return code


# -- shared helpers --------------------------------------------------------------------------


def _encrypt(row: Dossier | DossierEvent | DossierTask, column: str, value: str | None) -> None:
    setattr(row, column, encrypt_text(value, text_aad(row, column)))


def _decrypt(row: Dossier | DossierEvent | DossierTask, column: str) -> str | None:
    return decrypt_text(getattr(row, column), text_aad(row, column))


def _touch(row: Dossier | DossierEvent | DossierTask) -> None:
    row.version += 1
    row.updated_at = utcnow()


def _audit(actor: User, action: str, dossier_id: uuid.UUID,
           target_id: uuid.UUID | None = None) -> None:
    db.session.add(DossierAudit(actor_id=actor.id, action=action, dossier_id=dossier_id,
                                target_id=target_id))


def _changed(dossier: Dossier, entity: str, row: Dossier | DossierEvent | DossierTask) -> None:
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


def task_dict(task: DossierTask) -> dict[str, Any]:
    return {
        "id": task.id, "dossier_id": task.dossier_id, "source": task.source,
        "title": _decrypt(task, "title"), "explanation": _decrypt(task, "explanation"),
        "due_date": task.due_date, "done": task.done, "done_at": task.done_at,
        "version": task.version, "updated_at": task.updated_at, "deleted": task.deleted,
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


def _tasks(dossier: Dossier) -> list[DossierTask]:
    tasks = db.session.scalars(select(DossierTask).where(
        DossierTask.dossier_id == dossier.id, DossierTask.deleted.is_(False)))
    # Open first, then by due date (none last), then oldest first.
    return sorted(tasks, key=lambda t: (t.done, t.due_date is None, t.due_date or date.min,
                                        t.created_at))


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


def _open_task_counts(dossier_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not dossier_ids:
        return {}
    rows = db.session.execute(
        select(DossierTask.dossier_id, func.count())
        .where(DossierTask.dossier_id.in_(dossier_ids), DossierTask.deleted.is_(False),
               DossierTask.done.is_(False))
        .group_by(DossierTask.dossier_id)
    )
    return {dossier_id: count for dossier_id, count in rows}


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
    counts = _open_task_counts([d.id for d in dossiers])
    return [_summary(d, counts.get(d.id, 0)) for d in dossiers]


def staff_view(dossier: Dossier) -> dict[str, Any]:
    tasks = _tasks(dossier)
    return {
        **_summary(dossier, sum(not t.done for t in tasks)),
        "contact": contact(dossier), "linked_at": dossier.linked_at, "version": dossier.version,
        "events": [event_dict(e) for e in _events(dossier)],
        "tasks": [task_dict(t) for t in tasks],
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


def add_task(staff: User, dossier_id: uuid.UUID, data: dict[str, Any]) -> DossierTask:
    dossier = staff_dossier(staff, dossier_id, lock=True)
    task = DossierTask(id=uuid.uuid4(), dossier_id=dossier.id, source="staff",
                       due_date=data.get("due_date"), created_by=staff.id, version=1,
                       done=False, deleted=False)
    _encrypt(task, "title", data["title"])
    _encrypt(task, "explanation", data.get("explanation"))
    db.session.add(task)
    db.session.flush()
    _audit(staff, "task.create", dossier.id, task.id)
    _changed(dossier, TASK_ENTITY, task)
    if dossier.client_id is not None:
        _notify(dossier.client_id, TASKS_KIND, TASKS_VIEW, data["title"],
                data.get("explanation"))
    return task


def delete_item(staff: User, dossier_id: uuid.UUID, model: type[DossierEvent | DossierTask],
                item_id: uuid.UUID) -> None:
    """Delete an event or task: its text is erased and a tombstone syncs to the client.

    :raise NotFound: missing, already deleted, or not in this staff member's dossier
    """
    dossier = staff_dossier(staff, dossier_id, lock=True)
    item = db.session.get(model, item_id)
    if item is None or item.dossier_id != dossier.id or item.deleted:
        raise NotFound(ITEM_NOT_FOUND)
    entity = EVENT_ENTITY if model is DossierEvent else TASK_ENTITY
    columns = ("title", "body", "link") if model is DossierEvent else ("title", "explanation")
    for column in columns:
        setattr(item, column, None)
    item.deleted = True
    _touch(item)
    _audit(staff, entity.removeprefix("dossier_") + ".delete", dossier.id, item.id)
    _changed(dossier, entity, item)
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
    for model, entity in ((DossierEvent, EVENT_ENTITY), (DossierTask, TASK_ENTITY)):
        for row in db.session.scalars(select(model).where(model.dossier_id == dossier.id,
                                                          model.deleted.is_(False))):
            _changed(dossier, entity, row)
    return dossier


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
        "tasks": [task_dict(t) for t in _tasks(dossier)],
    }


def client_task(user: User, task_id: uuid.UUID) -> tuple[Dossier, DossierTask]:
    """:raise NotFound: missing, deleted, or not in the user's dossier"""
    row = db.session.execute(
        select(Dossier, DossierTask).join(DossierTask, DossierTask.dossier_id == Dossier.id)
        .where(DossierTask.id == task_id, Dossier.client_id == user.id,
               DossierTask.deleted.is_(False))
    ).first()
    if row is None:
        raise NotFound(TASK_NOT_FOUND)
    return row[0], row[1]


def set_task_done(user: User, task_id: uuid.UUID, data: dict[str, Any],
                  base_version: int | None, *, check_base: bool = True) -> DossierTask:
    """The client ticks a task off (or on again). Only `done` may change.

    :raise NotFound: see `client_task`
    :raise Conflict: `check_base` and `base_version` is not the current version
    :raise Invalid: another field differs from the server's
    """
    lock_owner(user.id)
    dossier, task = client_task(user, task_id)
    if check_base and base_version != task.version:
        raise Conflict(version=task.version)
    current = task_dict(task)
    errors = {name: [STAFF_ONLY] for name in ("title", "explanation", "due_date")
              if name in data and data[name] != current[name]}
    if errors:
        raise Invalid(errors, STAFF_ONLY)
    if task.done != data["done"]:
        task.done = data["done"]
        task.done_at = utcnow() if task.done else None
        _touch(task)
        _changed(dossier, TASK_ENTITY, task)
        db.session.flush()
    return task


# -- reminders -------------------------------------------------------------------------------

OPEN_TASKS_AFTER = timedelta(days=3)  # a task open this long is worth a reminder


def open_tasks_per_client() -> Iterable[tuple[int, int, datetime]]:
    """(client user id, open task count, oldest open task's creation) for linked dossiers."""
    rows = db.session.execute(
        select(Dossier.client_id, func.count(), func.min(DossierTask.created_at))
        .join(DossierTask, DossierTask.dossier_id == Dossier.id)
        .where(Dossier.client_id.is_not(None), DossierTask.done.is_(False),
               DossierTask.deleted.is_(False))
        .group_by(Dossier.client_id)
    )
    return [(user_id, count, oldest) for user_id, count, oldest in rows]


def clients_with_old_open_tasks(now: datetime) -> dict[int, int]:
    """{client user id: open tasks} for clients with a task open for more than 3 days."""
    return {user_id: count for user_id, count, oldest in open_tasks_per_client()
            if oldest <= now - OPEN_TASKS_AFTER}


def open_tasks_text(count: int) -> str:
    return f"Je hebt nog {count} open {'taak' if count == 1 else 'taken'}"


# One message for all open tasks, at most one per person in 3 days.
OPEN_TASKS_REMINDER = Reminder(kind=TASKS_KIND, topic="open-tasks", view=TASKS_VIEW,
                               due=clients_with_old_open_tasks, text=open_tasks_text,
                               every=timedelta(days=3))
