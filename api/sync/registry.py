"""The registry of syncable entities.

Each domain declares its entities in its own `sync.py` (`ENTITIES`) and lists them in its
`domain.py`; `create_app` registers them. The sync module knows nothing else about them. A
mutation's `data` is loaded with the entity's schema (the same body as its REST POST), so a
record is valid or invalid the same way on both paths.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from api.auth.models import User


@dataclass(frozen=True)
class SyncEntity:
    name: str
    # Marshmallow schema class of the REST POST body; a mutation's `data` is loaded with it.
    schema: type
    # (owner, id, loaded data, base_version) -> new version. Creates when the id is new for this
    # owner, updates when it exists. Raises NotFound, Conflict or Invalid (api/domain.py), or a
    # marshmallow ValidationError.
    upsert: Callable[[User, uuid.UUID, dict[str, Any], int | None], int]
    # (owner, id, base_version) -> version of the tombstone. Raises NotFound or Conflict.
    delete: Callable[[User, uuid.UUID, int | None], int]
    # (owner, id) -> the record as the client keeps it (the REST GET shape, with its `version`;
    # `"deleted": true` marks a tombstone), None when purged or not the owner's.
    snapshot: Callable[[User, uuid.UUID], dict[str, Any] | None]
    # (owner) -> ids of all live records, for a full snapshot after a reset.
    list_ids: Callable[[User], Iterable[uuid.UUID]]
    # Optional, for speed: (owner, ids) -> {id: snapshot} for up to 500 ids in a few queries
    # (ids that are purged or not the owner's are left out). Without it, a pull calls
    # `snapshot` once per record.
    snapshots: Callable[[User, list[uuid.UUID]], dict[uuid.UUID, dict[str, Any]]] | None = None
    # Optional, for speed: (owner, ids) -> None, called once per sync request (the owner lock is
    # held) with the ids of its mutations of this entity, before any is applied; may load them
    # and remember what it found until the transaction ends.
    prefetch: Callable[[User, list[uuid.UUID]], None] | None = None


_entities: dict[str, SyncEntity] = {}


def register(entity: SyncEntity) -> None:
    """Called by create_app for each domain's entities; registering one again replaces it."""
    _entities[entity.name] = entity


def entity(name: str) -> SyncEntity | None:
    return _entities.get(name)


def entities() -> dict[str, SyncEntity]:
    return dict(_entities)
