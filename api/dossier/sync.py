"""Sync entities of the dossier: the client reads them; of tasks it may change `done` only.

The owner of every record is the client the dossier is linked to; staff writes append to that
client's change log (see service.py), so events and tasks reach the device on its next pull.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from marshmallow import INCLUDE
from sqlalchemy import select

from api.auth.models import User
from api.db import db
from api.domain import Invalid
from api.dossier import service
from api.dossier.models import (
    DOSSIER_ENTITY,
    EVENT_ENTITY,
    TASK_ENTITY,
    Dossier,
    DossierEvent,
    DossierTask,
)
from api.sync.registry import SyncEntity
from schemas.base import Schema
from schemas.dossier import (
    DossierEventSchema,
    DossierHeaderSchema,
    DossierTaskDoneSchema,
    DossierTaskSchema,
)


class AnyData(Schema):
    """Read-only entities: accept any body, so the client gets the clear rejection below."""

    class Meta:
        unknown = INCLUDE


def _read_only(message: str):
    def reject(*_args: Any) -> int:
        raise Invalid({"_schema": [message]})

    return reject


def _row(user: User, model: type[DossierEvent | DossierTask],
         record_id: uuid.UUID) -> DossierEvent | DossierTask | None:
    return db.session.scalar(
        select(model).join(Dossier, Dossier.id == model.dossier_id)
        .where(model.id == record_id, Dossier.client_id == user.id)
    )


def _ids(user: User, model: type[DossierEvent | DossierTask]) -> Iterable[uuid.UUID]:
    return db.session.scalars(
        select(model.id).join(Dossier, Dossier.id == model.dossier_id)
        .where(Dossier.client_id == user.id, model.deleted.is_(False))
    )


def dossier_snapshot(user: User, record_id: uuid.UUID) -> dict[str, Any] | None:
    dossier = service.client_dossier(user)
    if dossier is None or dossier.id != record_id:
        return None
    return DossierHeaderSchema().dump(service.header_dict(dossier))


def dossier_ids(user: User) -> Iterable[uuid.UUID]:
    dossier = service.client_dossier(user)
    return [] if dossier is None else [dossier.id]


def event_snapshot(user: User, record_id: uuid.UUID) -> dict[str, Any] | None:
    event = _row(user, DossierEvent, record_id)
    return None if event is None else DossierEventSchema().dump(service.event_dict(event))


def task_snapshot(user: User, record_id: uuid.UUID) -> dict[str, Any] | None:
    task = _row(user, DossierTask, record_id)
    return None if task is None else DossierTaskSchema().dump(service.task_dict(task))


def task_upsert(user: User, record_id: uuid.UUID, data: dict[str, Any],
                base_version: int | None) -> int:
    if _row(user, DossierTask, record_id) is None:
        raise Invalid({"_schema": ["Tasks can only be added by your contact person."]})
    return service.set_task_done(user, record_id, data, base_version).version


STAFF_WRITES = "Only your contact person can change the dossier."
EVENT_WRITES = "Dossier events can only be changed by your contact person."

# Staff write dossiers, events and tasks over REST only (/api/staff/...); through sync nobody
# writes the dossier or its events (roles=(): rejected with `refused`), and of tasks only the
# client ticks `done`. The read-only functions stay as a second line for direct calls.
ENTITIES = (
    SyncEntity(
        name=DOSSIER_ENTITY, schema=AnyData, upsert=_read_only(STAFF_WRITES),
        delete=_read_only(STAFF_WRITES), snapshot=dossier_snapshot, list_ids=dossier_ids,
        roles=(), refused=STAFF_WRITES,
    ),
    SyncEntity(
        name=EVENT_ENTITY, schema=AnyData,
        upsert=_read_only(EVENT_WRITES), delete=_read_only(EVENT_WRITES),
        snapshot=event_snapshot, list_ids=lambda user: _ids(user, DossierEvent),
        roles=(), refused=EVENT_WRITES,
    ),
    SyncEntity(
        name=TASK_ENTITY, schema=DossierTaskDoneSchema, upsert=task_upsert,
        delete=_read_only("Tasks can only be removed by your contact person."),
        snapshot=task_snapshot, list_ids=lambda user: _ids(user, DossierTask),
        roles=("client",),
    ),
)
