"""The registry of syncable entities.

Each domain declares its entities in its own `sync.py` (`ENTITIES`) and lists them in its
`domain.py`; `create_app` registers them. The sync module knows nothing else about them. A
mutation's `data` is loaded with the entity's schema (the same body as its REST POST), so a
record is valid or invalid the same way on both paths.

Every entity says which account roles may write it (`roles`, required: there is no default that
lets everybody write). The sync service checks it before anything else of a mutation, in the one
place it applies mutations, so a role the REST routes answer 403 is `rejected` here with
`refused` and nothing is written. `roles=()` is read-only through sync.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from marshmallow import INCLUDE, ValidationError

from api.auth.models import ROLES, User
from schemas.base import Schema

# What a role that may not write an entity gets, in the words of the REST routes' 403.
NOT_FOR_YOUR_ACCOUNT = ("This part of Houvast is not available for your account, so this "
                        "change was not saved.")


class AnyData(Schema):
    """The schema of a read-only entity: any body, so the phone gets the clear rejection."""

    class Meta:
        unknown = INCLUDE


def read_only(message: str) -> Callable[..., int]:
    """upsert and delete of a `roles=()` entity: the sync service refuses its mutations before
    they reach these; a direct call gets `message` all the same (a ValidationError, as a rule's
    Invalid is: api.domain imports this module)."""
    def reject(*_args: Any) -> int:
        raise ValidationError({"_schema": [message]})

    return reject


def no_own_records(_owner: User) -> list[uuid.UUID]:
    """`own_ids` of an entity that only shows someone what another person shared."""
    return []


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
    # Required, by keyword: the roles (schemas/auth.py ROLES) whose mutations of this entity
    # are applied, e.g. ("client",); () for an entity nobody writes through sync. Any other
    # role's mutation is rejected with `refused` before its data is read.
    roles: tuple[str, ...] = field(kw_only=True)
    # The message of that rejection, for a person.
    refused: str = field(default=NOT_FOR_YOUR_ACCOUNT, kw_only=True)
    # Optional, for an entity of one record per person (the recovery profile, the rights
    # situation): (user id) -> that record's id. The account answer names it under `records`
    # (fixed_records), so a phone writes the record offline from its first login on. The sync
    # service answers a mutation of any other id as not found, before upsert or delete run.
    fixed_id: Callable[[int], uuid.UUID] | None = field(default=None, kw_only=True)
    # Optional: (owner) -> ids of the records that are the person's own, for "Download al mijn
    # gegevens" (api/export); default `list_ids`. What others share with them (a client's task
    # seen by a helper) is the other person's to take along: `no_own_records`.
    own_ids: Callable[[User], Iterable[uuid.UUID]] | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        if not isinstance(self.roles, tuple) or not set(self.roles) <= set(ROLES):
            raise ValueError(f"sync entity {self.name!r}: roles must be a tuple of {ROLES}, "
                             f"not {self.roles!r}")

    def writable_by(self, user: User) -> bool:
        return user.role in self.roles


_entities: dict[str, SyncEntity] = {}
_on_sync: list[Callable[[User], None]] = []


def register(entity: SyncEntity) -> None:
    """Called by create_app for each domain's entities; registering one again replaces it."""
    _entities[entity.name] = entity


def entity(name: str) -> SyncEntity | None:
    return _entities.get(name)


def entities() -> dict[str, SyncEntity]:
    return dict(_entities)


def fixed_records(user: User) -> dict[str, uuid.UUID]:
    """{entity: id} of the one-per-person records `user` may write (see SyncEntity.fixed_id)."""
    return {name: e.fixed_id(user.id) for name, e in _entities.items()
            if e.fixed_id is not None and e.writable_by(user)}


def register_on_sync(hook: Callable[[User], None]) -> None:
    """A domain's hook (Domain.on_sync), run for each sync request; registering it again does
    nothing."""
    if hook not in _on_sync:
        _on_sync.append(hook)


def run_on_sync(user: User) -> None:
    for hook in _on_sync:
        hook(user)
