"""Samen: a client lets the people who help them in, and decides what each of them sees.

- A client makes an invite for a helper, with a name for them ("mam"): a one-time code, valid
  INVITE_VALID, shown once (only its HMAC is stored). At most MAX_HELPERS links and open
  invites together per client; a helper may help several people.
- A helper account enters the code: the invite is used up and a link made. The client removes a
  link, or the helper stops: at once, and nobody is told why.
- What a helper sees of a client is only what the client shares with them: the help message
  ("Waar ik hulp bij kan gebruiken") when it is for every helper or names their link. Nothing
  else of the client reaches a helper.

Visibility in sync: every change a helper may see is appended to the helper's own change log
too (a record can be seen by others than its owner), and when they may no longer see it, a
deletion is. So a helper's pull is as small as what changed for them, and the next pull after
access ends removes the data from their phone. A write locks every owner whose log it appends
to: the writer's own first when it is theirs to write (as the sync does), the others in id
order. (On PostgreSQL two writers that still wait on each other crosswise get a deadlock error:
a 503, and the phone sends again.)

Services never commit: the route (or the sync endpoint) owns the transaction.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select, update

from api import invite_codes
from api.auth.models import User
from api.crypto import decrypt_text, encrypt_text
from api.db import db, utcnow
from api.domain import Conflict, Invalid, NotFound
from api.helpers.locks import lock_circle
from api.helpers.models import (
    HELPER_ENTITY,
    HELPING_ENTITY,
    MESSAGE_ENTITY,
    HelperInvite,
    HelperLink,
    HelpMessage,
    message_id,
    name_aad,
    text_aad,
)
from api.helpers.push import tell_helper
from api.recovery import sharing as recovery_sharing
from api.sync.changelog import lock_owner, record_change
from api.tasks import sharing

MAX_HELPERS = 5
INVITE_VALID = timedelta(days=7)
CODE_PURPOSE = "helper-invite"
# How often a helper's sync moves "last synced" on (a write per sync would be a write too many).
LAST_SYNC_STEP = timedelta(minutes=5)

TOO_MANY = (f"You can let at most {MAX_HELPERS} people help you. Remove someone, or an open "
            "invite, first.")
BAD_CODE = ("This code is not valid or has expired. Ask the person who sent it for a new "
            "one.")
ALREADY_HELPING = "You already help this person."
NOT_FOUND = "This was not found."
UNKNOWN_HELPERS = "These are not people who help you: {ids}."


# -- small pieces -------------------------------------------------------------------------------


def _lock(*owner_ids: int) -> None:
    """Lock the change logs of these owners, lowest id first, so two writers never wait on each
    other crosswise."""
    for owner_id in sorted(set(owner_ids)):
        lock_owner(owner_id)


def _name(row: HelperInvite | HelperLink) -> str:
    return decrypt_text(row.name, name_aad(row)) or ""


def message_row(client_id: int) -> HelpMessage | None:
    return db.session.scalar(select(HelpMessage).where(HelpMessage.client_id == client_id))


def _links(client_id: int) -> list[HelperLink]:
    return list(db.session.scalars(select(HelperLink).where(HelperLink.client_id == client_id)
                                   .order_by(HelperLink.created_at, HelperLink.id)))


def sees_message(message: HelpMessage | None, link: HelperLink) -> bool:
    return (message is not None and message.text is not None
            and (message.to_all or str(link.id) in message.link_ids))


def _open_invites(client_id: int) -> list[HelperInvite]:
    return list(db.session.scalars(
        select(HelperInvite).where(HelperInvite.client_id == client_id,
                                   HelperInvite.expires_at > utcnow())
        .order_by(HelperInvite.created_at)))


# -- invites and links --------------------------------------------------------------------------


def invite_dict(invite: HelperInvite) -> dict[str, Any]:
    return {"id": invite.id, "name": _name(invite), "expires_at": invite.expires_at}


def create_invite(client: User, name: str) -> tuple[HelperInvite, str]:
    """-> the invite and its code (shown once). :raise Conflict: MAX_HELPERS reached"""
    lock_owner(client.id)  # two invites at once count each other
    db.session.execute(delete(HelperInvite).where(HelperInvite.client_id == client.id,
                                                  HelperInvite.expires_at <= utcnow()))
    if len(_links(client.id)) + len(_open_invites(client.id)) >= MAX_HELPERS:
        raise Conflict(TOO_MANY)
    code = invite_codes.new_code()
    invite = HelperInvite(id=uuid.uuid4(), client_id=client.id,
                          code_hash=invite_codes.code_hash(code, CODE_PURPOSE),
                          expires_at=utcnow() + INVITE_VALID)
    invite.name = encrypt_text(name, name_aad(invite))
    db.session.add(invite)
    db.session.flush()
    return invite, code


def open_invites(client: User) -> list[dict[str, Any]]:
    return [invite_dict(invite) for invite in _open_invites(client.id)]


def cancel_invite(client: User, invite_id: uuid.UUID) -> None:
    deleted = db.session.execute(delete(HelperInvite).where(
        HelperInvite.id == invite_id, HelperInvite.client_id == client.id))
    if not deleted.rowcount:  # type: ignore[attr-defined]
        raise NotFound(NOT_FOUND)


def _invite_by_code(code: str) -> HelperInvite | None:
    return db.session.scalar(
        select(HelperInvite).where(
            HelperInvite.code_hash == invite_codes.code_hash(code, CODE_PURPOSE),
            HelperInvite.expires_at > utcnow())
        .execution_options(populate_existing=True))


def link(helper: User, code: str) -> HelperLink:
    """Use up an invite: `helper` now helps its client.

    :raise NotFound: no such open invite (wrong, used or expired: one answer for all three)
    :raise Conflict: already helping this client, or the client has MAX_HELPERS
    """
    invite = _invite_by_code(code)
    if invite is None:
        raise NotFound(BAD_CODE)
    client_id = invite.client_id
    _lock(helper.id, client_id)
    invite = _invite_by_code(code)  # as it is now that both logs are locked: maybe used
    if invite is None:
        raise NotFound(BAD_CODE)
    links = _links(client_id)
    if any(existing.helper_id == helper.id for existing in links):
        raise Conflict(ALREADY_HELPING)
    if len(links) >= MAX_HELPERS:
        raise Conflict(TOO_MANY)
    link = HelperLink(id=uuid.uuid4(), client_id=client_id, helper_id=helper.id, version=1,
                      created_at=utcnow())
    link.name = encrypt_text(_name(invite), name_aad(link))
    db.session.delete(invite)
    db.session.add(link)
    db.session.flush()
    record_change(client_id, HELPER_ENTITY, link.id, link.version)
    record_change(helper.id, HELPING_ENTITY, link.id, link.version)
    message = message_row(client_id)
    if sees_message(message, link):
        assert message is not None
        record_change(helper.id, MESSAGE_ENTITY, message.id, message.version)
    return link


def _end(link: HelperLink) -> None:
    """The link is gone: both phones drop it at their next sync, and the helper's phone drops
    everything it saw of the client. A client's message that named the link forgets it."""
    _lock(link.client_id, link.helper_id)
    message = message_row(link.client_id)
    gone = link.version + 1
    record_change(link.client_id, HELPER_ENTITY, link.id, gone, deleted=True)
    record_change(link.helper_id, HELPING_ENTITY, link.id, gone, deleted=True)
    if message is not None:
        if sees_message(message, link):
            record_change(link.helper_id, MESSAGE_ENTITY, message.id, message.version,
                          deleted=True)
        if str(link.id) in message.link_ids:
            message.link_ids = [i for i in message.link_ids if i != str(link.id)]
            _touch(message)
            record_change(link.client_id, MESSAGE_ENTITY, message.id, message.version)
    sharing.forget_link(link)
    recovery_sharing.forget_link(link)
    db.session.delete(link)
    db.session.flush()


def client_link(client: User, link_id: uuid.UUID) -> HelperLink:
    found = db.session.scalar(select(HelperLink).where(HelperLink.id == link_id,
                                                       HelperLink.client_id == client.id))
    if found is None:
        raise NotFound(NOT_FOUND)
    return found


def helper_link(helper: User, link_id: uuid.UUID) -> HelperLink:
    found = db.session.scalar(select(HelperLink).where(HelperLink.id == link_id,
                                                       HelperLink.helper_id == helper.id))
    if found is None:
        raise NotFound(NOT_FOUND)
    return found


def remove(client: User, link_id: uuid.UUID) -> None:
    """The client takes someone's access away (the helper is not told why)."""
    _end(client_link(client, link_id))


def share_recovery(client: User, link_id: uuid.UUID, on: bool) -> HelperLink:
    """Let one helper see how it is going (the bands of the tests and their trend), or not;
    the helper gets a discreet push when it is switched on.

    :raise NotFound: not a link of the client
    """
    lock_circle(client.id)
    link = client_link(client, link_id)
    if recovery_sharing.share(link, on):
        link.version += 1
        record_change(client.id, HELPER_ENTITY, link.id, link.version)
        if on:
            tell_helper(link, client.username)
        db.session.flush()
    return link


def stop(helper: User, link_id: uuid.UUID) -> None:
    """The helper stops helping this person."""
    _end(helper_link(helper, link_id))


def forget_person(user: User) -> None:
    """The account is being deleted: every link it has, as client or as helper, ends as if
    they had stopped it themselves."""
    for found in db.session.scalars(select(HelperLink).where(
            (HelperLink.client_id == user.id) | (HelperLink.helper_id == user.id))).all():
        _end(found)


def saw_sync(user: User) -> None:
    """A sync of a helper's phone: "last synced" for the clients they help (at most every
    LAST_SYNC_STEP, so a sync is not a write each time)."""
    if user.role != "helper":
        return
    now = utcnow()
    db.session.execute(
        update(HelperLink)
        .where(HelperLink.helper_id == user.id,
               (HelperLink.last_sync_at.is_(None))
               | (HelperLink.last_sync_at < now - LAST_SYNC_STEP))
        .values(last_sync_at=now))


# -- what each side sees -----------------------------------------------------------------------


def helper_dict(link: HelperLink, message: HelpMessage | None) -> dict[str, Any]:
    """The client's view of a link: who, since when, what they see."""
    return {"id": link.id, "name": _name(link), "since": link.created_at,
            "last_sync_at": link.last_sync_at, "version": link.version,
            "sees": {"help_message": sees_message(message, link),
                     "recovery": link.shares_recovery}}


def helpers(client: User) -> list[dict[str, Any]]:
    message = message_row(client.id)
    return [helper_dict(found, message) for found in _links(client.id)]


def helping_dict(link: HelperLink, message: HelpMessage | None) -> dict[str, Any]:
    """The helper's view of a link: whom they help (the client's username: the name the client
    chose for Houvast) and what the client shares with them."""
    client = db.session.get(User, link.client_id)
    shared = shared_message_dict(message, link) if sees_message(message, link) else None
    return {"id": link.id, "name": client.username if client else "", "since": link.created_at,
            "version": link.version, "help_message": shared}


def helping(helper: User) -> list[dict[str, Any]]:
    links = db.session.scalars(select(HelperLink).where(HelperLink.helper_id == helper.id)
                               .order_by(HelperLink.created_at, HelperLink.id)).all()
    return [helping_dict(found, message_row(found.client_id)) for found in links]


# -- the help message ---------------------------------------------------------------------------


def _touch(message: HelpMessage) -> None:
    message.version += 1
    message.updated_at = utcnow()


def message_dict(client: User) -> dict[str, Any]:
    """The client's own view (empty, version 0, before anything was written)."""
    message = message_row(client.id)
    if message is None:
        return {"id": message_id(client.id), "text": None, "to_all": True, "helper_ids": [],
                "version": 0, "updated_at": None}
    return {"id": message.id, "text": decrypt_text(message.text, text_aad(message)),
            "to_all": message.to_all, "helper_ids": list(message.link_ids),
            "version": message.version, "updated_at": message.updated_at}


def shared_message_dict(message: HelpMessage | None, link: HelperLink) -> dict[str, Any]:
    """What a helper sees: the text and when it changed, with the link it came through."""
    assert message is not None
    return {"id": message.id, "helping_id": link.id,
            "text": decrypt_text(message.text, text_aad(message)),
            "version": message.version, "updated_at": message.updated_at}


def set_message(client: User, data: dict[str, Any]) -> HelpMessage:
    """Write the help message and who it is for; the helpers who see it (and those who no
    longer do) get a change. The later write wins: it is one short text.

    :raise Invalid: `helper_ids` names a link that is not the client's
    """
    lock_circle(client.id)
    links = _links(client.id)
    wanted = [str(i) for i in data.get("helper_ids", [])]
    unknown = sorted(set(wanted) - {str(found.id) for found in links})
    if unknown:
        raise Invalid({"helper_ids": [UNKNOWN_HELPERS.format(ids=", ".join(unknown))]})
    message = message_row(client.id)
    if message is None:
        message = HelpMessage(id=message_id(client.id), client_id=client.id, to_all=True,
                              link_ids=[], version=0, created_at=utcnow())
        db.session.add(message)
    before = {found.id for found in links if sees_message(message, found)}
    old_text = decrypt_text(message.text, text_aad(message)) if message.text else None
    text = (data.get("text") or "").strip() or None
    message.text = encrypt_text(text, text_aad(message))
    if "to_all" in data:
        message.to_all = data["to_all"]
    if "helper_ids" in data:
        message.link_ids = sorted(set(wanted))
    _touch(message)
    db.session.flush()
    after = {found.id for found in links if sees_message(message, found)}
    _lock(client.id, *(found.helper_id for found in links if found.id in before | after))
    for found in links:
        if found.id in after:
            record_change(found.helper_id, MESSAGE_ENTITY, message.id, message.version)
            if found.id not in before or text != old_text:
                tell_helper(found, client.username)
        elif found.id in before:
            record_change(found.helper_id, MESSAGE_ENTITY, message.id, message.version,
                          deleted=True)
    record_change(client.id, MESSAGE_ENTITY, message.id, message.version)
    return message


def visible_message(viewer: User, record_id: uuid.UUID) -> tuple[HelpMessage, HelperLink] | None:
    """The message `record_id` and the link through which `viewer` (a helper) sees it."""
    message = db.session.get(HelpMessage, record_id)
    if message is None:
        return None
    found = db.session.scalar(select(HelperLink).where(HelperLink.client_id == message.client_id,
                                                       HelperLink.helper_id == viewer.id))
    if found is None or not sees_message(message, found):
        return None
    return message, found


def visible_message_ids(viewer: User) -> list[uuid.UUID]:
    rows = db.session.execute(
        select(HelpMessage, HelperLink).join(HelperLink,
                                             HelperLink.client_id == HelpMessage.client_id)
        .where(HelperLink.helper_id == viewer.id)).all()
    return [message.id for message, found in rows if sees_message(message, found)]
