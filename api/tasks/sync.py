"""The task list's sync entities. `task`: a new id is a task the client adds (own or rights); an
id the client has is a change by the rules of its source (api/tasks/service.py), checked
against its base version like every other record. `shared_task`: a task as a person who helps
sees it (api/tasks/helping.py); they write only their own part of it, without a base version
(each field is a choice of its own), and cannot delete it."""

from __future__ import annotations

import uuid
from typing import Any

from api.auth.models import User
from api.domain import Invalid, NotFound
from api.sync.registry import SyncEntity, no_own_records
from api.tasks import helping, service
from api.tasks.models import TASK_ENTITY
from api.tasks.sharing import SHARED_TASK_ENTITY
from schemas.tasks import SharedTaskSchema, SharedTaskWriteSchema, TaskSchema, TaskWriteSchema

_schema = TaskSchema()
_shared_schema = SharedTaskSchema()


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
    return None if task is None else _schema.dump(service.client_task_dict(task))


def ids(owner: User) -> list[uuid.UUID]:
    return service.task_ids(owner.id)


def help_with(helper: User, id: uuid.UUID, data: dict[str, Any], _base: int | None) -> int:
    return helping.help_with(helper, id, data).version


def refuse_delete(helper: User, id: uuid.UUID, _base: int | None) -> int:
    if helping.visible_task(helper, id) is None:
        raise NotFound(helping.NOT_SHARED)
    raise Invalid({"_schema": [helping.NOT_REMOVED_HERE]}, helping.NOT_REMOVED_HERE)


def shared_snapshot(helper: User, id: uuid.UUID) -> dict[str, Any] | None:
    visible = helping.visible_task(helper, id)
    return None if visible is None else _shared_schema.dump(helping.shared_task_dict(*visible))


def shared_ids(helper: User) -> list[uuid.UUID]:
    return helping.visible_task_ids(helper)


ENTITIES = (
    SyncEntity(TASK_ENTITY, TaskWriteSchema, upsert, delete, snapshot, ids, roles=("client",)),
    SyncEntity(SHARED_TASK_ENTITY, SharedTaskWriteSchema, help_with, refuse_delete,
               shared_snapshot, shared_ids, roles=("helper",), own_ids=no_own_records),
)
