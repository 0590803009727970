"""Samen's sync entities. `helper` (the client's list of who helps them) and `helping` (the
helper's list of whom they help) are read-only through sync: links are made and ended over REST,
which needs the server at that moment anyway. `help_message` is the client's one record (a
fixed id), written offline too; the helpers it is for read it through their own change log."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from api.auth.models import User
from api.db import db
from api.helpers import service
from api.helpers.models import (
    HELPER_ENTITY,
    HELPING_ENTITY,
    MESSAGE_ENTITY,
    HelperLink,
    message_id,
)
from api.sync.registry import AnyData, SyncEntity, no_own_records, read_only
from schemas.helpers import (
    HelperSchema,
    HelpingSchema,
    HelpMessageSchema,
    HelpMessageUpdateSchema,
    SharedHelpMessageSchema,
)

LINKS_BY_REST = "People who help are invited and removed on the Samen screen, online."
_by_rest = read_only(LINKS_BY_REST)


def _helper(user: User, record_id: uuid.UUID) -> dict[str, Any] | None:
    found = db.session.scalar(select(HelperLink).where(HelperLink.id == record_id,
                                                       HelperLink.client_id == user.id))
    if found is None:
        return None
    return HelperSchema().dump(service.helper_dict(found, service.message_row(user.id)))


def _helper_ids(user: User) -> list[uuid.UUID]:
    return list(db.session.scalars(select(HelperLink.id).where(HelperLink.client_id == user.id)))


def _helping(user: User, record_id: uuid.UUID) -> dict[str, Any] | None:
    found = db.session.scalar(select(HelperLink).where(HelperLink.id == record_id,
                                                       HelperLink.helper_id == user.id))
    if found is None:
        return None
    return HelpingSchema().dump(service.helping_dict(found, service.message_row(found.client_id)))


def _helping_ids(user: User) -> list[uuid.UUID]:
    return list(db.session.scalars(select(HelperLink.id).where(HelperLink.helper_id == user.id)))


def _message_upsert(owner: User, _id: uuid.UUID, data: dict[str, Any], _base: int | None) -> int:
    return service.set_message(owner, data).version


def _message_delete(owner: User, _id: uuid.UUID, _base: int | None) -> int:
    return service.set_message(owner, {"text": None}).version


def _message(user: User, record_id: uuid.UUID) -> dict[str, Any] | None:
    """The client's own message, or one a helper may see (in its shared shape)."""
    if record_id == message_id(user.id):
        if service.message_row(user.id) is None:
            return None
        return HelpMessageSchema().dump(service.message_dict(user))
    visible = service.visible_message(user, record_id)
    if visible is None:
        return None
    return SharedHelpMessageSchema().dump(service.shared_message_dict(*visible))


def _own_message_ids(user: User) -> list[uuid.UUID]:
    return [message_id(user.id)] if service.message_row(user.id) is not None else []


def _message_ids(user: User) -> list[uuid.UUID]:
    return _own_message_ids(user) + service.visible_message_ids(user)


ENTITIES = (
    SyncEntity(HELPER_ENTITY, AnyData, _by_rest, _by_rest, _helper, _helper_ids,
               roles=(), refused=LINKS_BY_REST),
    # A helper's own part of helping (their notes) is in their export as helping.json.
    SyncEntity(HELPING_ENTITY, AnyData, _by_rest, _by_rest, _helping, _helping_ids,
               roles=(), refused=LINKS_BY_REST, own_ids=no_own_records),
    SyncEntity(MESSAGE_ENTITY, HelpMessageUpdateSchema, _message_upsert, _message_delete,
               _message, _message_ids, roles=("client",), fixed_id=message_id,
               own_ids=_own_message_ids),
)
