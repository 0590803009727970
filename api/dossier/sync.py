"""Sync entities of the dossier: the client reads them (its tasks are in the task list,
api/tasks/sync.py).

The owner of every record is the client the dossier is linked to; staff writes append to that
client's change log (see service.py), so events reach the device on its next pull.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from api.auth.models import User
from api.db import db
from api.dossier import service
from api.dossier.models import DOSSIER_ENTITY, EVENT_ENTITY, Dossier, DossierEvent
from api.sync.registry import AnyData, SyncEntity, read_only
from schemas.dossier import DossierEventSchema, DossierHeaderSchema


def _event(user: User, record_id: uuid.UUID) -> DossierEvent | None:
    return db.session.scalar(
        select(DossierEvent).join(Dossier, Dossier.id == DossierEvent.dossier_id)
        .where(DossierEvent.id == record_id, Dossier.client_id == user.id)
    )


def _event_ids(user: User) -> Iterable[uuid.UUID]:
    return db.session.scalars(
        select(DossierEvent.id).join(Dossier, Dossier.id == DossierEvent.dossier_id)
        .where(Dossier.client_id == user.id, DossierEvent.deleted.is_(False))
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
    event = _event(user, record_id)
    return None if event is None else DossierEventSchema().dump(service.event_dict(event))


STAFF_WRITES = "Only your contact person can change the dossier."
EVENT_WRITES = "Dossier events can only be changed by your contact person."

# Staff write dossiers and events over REST only (/api/staff/...); through sync nobody writes
# them (roles=(): rejected with `refused`). The read-only functions stay as a second line for
# direct calls.
ENTITIES = (
    SyncEntity(
        name=DOSSIER_ENTITY, schema=AnyData, upsert=read_only(STAFF_WRITES),
        delete=read_only(STAFF_WRITES), snapshot=dossier_snapshot, list_ids=dossier_ids,
        roles=(), refused=STAFF_WRITES,
    ),
    SyncEntity(
        name=EVENT_ENTITY, schema=AnyData,
        upsert=read_only(EVENT_WRITES), delete=read_only(EVENT_WRITES),
        snapshot=event_snapshot, list_ids=_event_ids,
        roles=(), refused=EVENT_WRITES,
    ),
)
