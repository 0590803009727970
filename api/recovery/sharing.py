"""Samen for the recovery meter: a client lets some of the people who help them see how it is
going, per person (`HelperLink.shares_recovery`, switched on the Samen screen). What they see is
one record per link (`SHARED_RECOVERY_ENTITY`, the link's id): the bands of the tests and their
trend, never an answer, the safety question, a note or the advice (api/recovery/service.py
`band_trend`).

Each change of the client's results is appended to the change log of every helper who sees
them, with the link's own version of the record; switching it off, or the link's end, appends a
deletion, so their phone drops it at its next sync. Nothing here commits; nothing here imports
the recovery service (it imports this).
"""

from __future__ import annotations

from sqlalchemy import select

from api.db import db
from api.helpers.models import HelperLink
from api.sync.changelog import lock_owner, record_change

SHARED_RECOVERY_ENTITY = "shared_recovery"


def links_sharing(client_id: int) -> list[HelperLink]:
    return list(db.session.scalars(select(HelperLink).where(
        HelperLink.client_id == client_id, HelperLink.shares_recovery.is_(True))
        .order_by(HelperLink.helper_id)))


def _append(link: HelperLink, deleted: bool = False) -> None:
    lock_owner(link.helper_id)
    link.recovery_version += 1
    record_change(link.helper_id, SHARED_RECOVERY_ENTITY, link.id, link.recovery_version,
                  deleted=deleted)


def changed(client_id: int) -> None:
    """The client's results changed (a test added or removed): tell the phones that see them."""
    for link in links_sharing(client_id):
        _append(link)


def share(link: HelperLink, on: bool) -> bool:
    """Switch it on or off for one helper; whether anything changed."""
    if link.shares_recovery == on:
        return False
    link.shares_recovery = on
    _append(link, deleted=not on)
    return True


def forget_link(link: HelperLink) -> None:
    """The link ends (api/helpers/service.py `_end`): the helper's phone drops what it saw."""
    if link.shares_recovery:
        _append(link, deleted=True)
