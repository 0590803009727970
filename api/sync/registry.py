"""The registry of syncable entities.

Each domain registers its entities in its own `sync.py`, listed in SYNC_MODULES; the sync
module knows nothing else about them. A mutation's `data` is loaded with the entity's schema
(the same body as its REST POST), so a record is valid or invalid the same way on both paths.
"""

from __future__ import annotations

import functools
import importlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from api.auth.models import User

# Modules that call `register(...)` when imported.
SYNC_MODULES: tuple[str, ...] = (
    "api.logbook.sync",
    "api.dossier.sync",
)


class NotFound(Exception):
    """The record (or its parent) does not exist for this owner. Never says which."""


class Conflict(Exception):
    """The mutation's base_version is stale; `current` is the server's record (snapshot)."""

    def __init__(self, current: dict[str, Any] | None, version: int) -> None:
        super().__init__("conflict")
        self.current = current
        self.version = version


@dataclass(frozen=True)
class SyncEntity:
    name: str
    # Marshmallow schema class of the REST POST body; a mutation's `data` is loaded with it.
    schema: type
    # (owner, id, loaded data, base_version) -> new version. Creates when the id is new for this
    # owner, updates when it exists. Raises NotFound, Conflict, or marshmallow.ValidationError.
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
    _entities[entity.name] = entity


def entity(name: str) -> SyncEntity | None:
    load()
    return _entities.get(name)


def entities() -> dict[str, SyncEntity]:
    load()
    return dict(_entities)


@functools.cache  # importing once is enough; not on every lookup of a 500-mutation batch
def load() -> None:
    for module in SYNC_MODULES:
        importlib.import_module(module)
