"""The rights' sync entities: `rights_situation`, one record per person with a fixed id
(models.situation_id; the sync service refuses any other id), whose base_version is not
checked: the last write wins, field by field, as for the recovery profile (one person,
answering on one phone at a time); and
`rights_suggestion`, read-only: the contact person's suggestions, owned by the dossier's
client."""

from __future__ import annotations

import uuid
from typing import Any

from api.auth.models import User
from api.domain import Invalid
from api.rights import service
from api.rights.models import SITUATION_ENTITY, SUGGESTION_ENTITY, situation_id
from api.sync.registry import SyncEntity
from schemas.rights import SituationSchema, SituationUpdateSchema, SuggestionSchema

_schema = SituationSchema()


def upsert(owner: User, _id: uuid.UUID, data: dict[str, Any], _base: int | None) -> int:
    return service.update_situation(owner.id, data).version


def delete(owner: User, _id: uuid.UUID, _base: int | None) -> int:
    """Forgetting the situation is every answer back to "weet ik niet" and no choices."""
    return service.update_situation(
        owner.id, {**dict.fromkeys(service.FIELDS), "choices": {}}).version


def snapshot(owner: User, id: uuid.UUID) -> dict[str, Any] | None:
    if id != situation_id(owner.id) or not service.has_situation(owner.id):
        return None
    return _schema.dump(service.situation_dict(owner.id))


def ids(owner: User) -> list[uuid.UUID]:
    """The situation once the person answered something (an empty account syncs nothing)."""
    return [situation_id(owner.id)] if service.has_situation(owner.id) else []


def suggestion_snapshot(owner: User, id: uuid.UUID) -> dict[str, Any] | None:
    row = service.client_suggestion(owner.id, id)
    return None if row is None else SuggestionSchema().dump(service.suggestion_dict(row))


def suggestion_ids(owner: User) -> list[uuid.UUID]:
    return [row.id for row in service.client_suggestion_rows(owner.id)]


STAFF_SUGGESTS = "Only your contact person can suggest a right; you choose on its page."


def _refuse(*_args: Any) -> int:
    raise Invalid({"_schema": [STAFF_SUGGESTS]})


# The client writes the situation; suggestions come from the contact person over REST only
# (roles=(): a client's mutation of one is rejected with `refused`).
ENTITIES = (
    SyncEntity(SITUATION_ENTITY, SituationUpdateSchema, upsert, delete, snapshot, ids,
               roles=("client",), fixed_id=situation_id),
    SyncEntity(SUGGESTION_ENTITY, SuggestionSchema, _refuse, _refuse, suggestion_snapshot,
               suggestion_ids, roles=(), refused=STAFF_SUGGESTS),
)
