"""The rights' sync entity: `rights_situation`, one record per person with a fixed id
(models.situation_id). Its base_version is not checked: the last write wins, field by field,
as for the recovery profile (one person, answering on one phone at a time)."""

from __future__ import annotations

import uuid
from typing import Any

from api.auth.models import User
from api.domain import NotFound
from api.rights import service
from api.rights.models import SITUATION_ENTITY, situation_id
from api.sync.registry import SyncEntity
from schemas.rights import SituationSchema, SituationUpdateSchema

_schema = SituationSchema()
NOT_YOURS = "This is not your situation: its id is fixed per person."


def upsert(owner: User, id: uuid.UUID, data: dict[str, Any], _base: int | None) -> int:
    if id != situation_id(owner.id):
        raise NotFound(NOT_YOURS)
    return service.update_situation(owner.id, data).version


def delete(owner: User, id: uuid.UUID, _base: int | None) -> int:
    """Forgetting the situation is every answer back to "weet ik niet" and no choices."""
    if id != situation_id(owner.id):
        raise NotFound(NOT_YOURS)
    return service.update_situation(
        owner.id, {**dict.fromkeys(service.FIELDS), "choices": {}}).version


def snapshot(owner: User, id: uuid.UUID) -> dict[str, Any] | None:
    if id != situation_id(owner.id) or not service.has_situation(owner.id):
        return None
    return _schema.dump(service.situation_dict(owner.id))


def ids(owner: User) -> list[uuid.UUID]:
    """The situation once the person answered something (an empty account syncs nothing)."""
    return [situation_id(owner.id)] if service.has_situation(owner.id) else []


ENTITIES = (SyncEntity(SITUATION_ENTITY, SituationUpdateSchema, upsert, delete, snapshot, ids,
                       roles=("client",), fixed_id=situation_id),)
