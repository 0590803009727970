"""The task list's sync entity: `task`. A new id is a task the client adds (own or rights); an
id the client has is a change by the rules of its source (api/tasks/service.py), checked
against its base version like every other record."""

from __future__ import annotations

import uuid
from typing import Any

from api.auth.models import User
from api.sync.registry import SyncEntity
from api.tasks import service
from api.tasks.models import TASK_ENTITY
from schemas.tasks import TaskSchema, TaskWriteSchema

_schema = TaskSchema()


def upsert(owner: User, id: uuid.UUID, data: dict[str, Any], base: int | None) -> int:
    data = {k: v for k, v in data.items() if k != "id"}
    if service.client_task(owner.id, id, deleted=True) is None:
        return service.create_task(owner, id, data).version
    # A task made offline and ticked before it was ever sent comes without a base version in
    # the same batch: then there is nothing to be stale against.
    return service.update_task(owner, id, data, base, check_base=base is not None).version


def delete(owner: User, id: uuid.UUID, _base: int | None) -> int:
    return service.delete_task(owner, id).version


def snapshot(owner: User, id: uuid.UUID) -> dict[str, Any] | None:
    task = service.client_task(owner.id, id, deleted=True)
    return None if task is None else _schema.dump(service.task_dict(task))


def ids(owner: User) -> list[uuid.UUID]:
    return service.task_ids(owner.id)


ENTITIES = (SyncEntity(TASK_ENTITY, TaskWriteSchema, upsert, delete, snapshot, ids,
                       roles=("client",)),)
