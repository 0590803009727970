"""The training's sync entities: `training_progress` and `checklist_state`, one record per
person each (fixed ids, models.record_id). A mutation is merged into the record entry by entry
(service.merge), so its base_version is not checked and two phones never conflict. Every role
may follow the training: helpers, and clients and staff who help someone too."""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

from api.auth.models import ROLES, User
from api.sync.registry import SyncEntity
from api.training import service
from api.training.models import CHECKLIST_ENTITY, PROGRESS_ENTITY, record_id
from schemas.training import (
    ChecklistStateSchema,
    ChecklistUpdateSchema,
    ProgressSchema,
    ProgressUpdateSchema,
)

_dump = {PROGRESS_ENTITY: ProgressSchema().dump, CHECKLIST_ENTITY: ChecklistStateSchema().dump}


def _upsert(entity: str, owner: User, _id: uuid.UUID, data: dict[str, Any],
            _base: int | None) -> int:
    return service.merge(owner.id, entity, data).version


def _delete(entity: str, owner: User, _id: uuid.UUID, _base: int | None) -> int:
    return service.forget(owner.id, entity).version


def _snapshot(entity: str, owner: User, id: uuid.UUID) -> dict[str, Any] | None:
    if id != record_id(entity, owner.id) or not service.has_record(owner.id, entity):
        return None
    return _dump[entity](service.record_dict(owner.id, entity))


def _ids(entity: str, owner: User) -> list[uuid.UUID]:
    return service.ids(owner.id, entity)


def _entity(name: str, schema: type) -> SyncEntity:
    return SyncEntity(name, schema, partial(_upsert, name), partial(_delete, name),
                      partial(_snapshot, name), partial(_ids, name), roles=tuple(ROLES),
                      fixed_id=partial(record_id, name))


ENTITIES = (_entity(PROGRESS_ENTITY, ProgressUpdateSchema),
            _entity(CHECKLIST_ENTITY, ChecklistUpdateSchema))
