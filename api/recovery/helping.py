"""Samen, the helper's side of the recovery meter: how it is going with someone they help, when
that person switched it on for them (api/recovery/sharing.py). Any other id is None: the
same as one that does not exist."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from api.auth.models import User
from api.db import db
from api.helpers.models import HelperLink
from api.recovery import service


def _links(helper: User) -> list[HelperLink]:
    return list(db.session.scalars(select(HelperLink).where(
        HelperLink.helper_id == helper.id, HelperLink.shares_recovery.is_(True))))


def _shared(link: HelperLink) -> dict[str, Any]:
    return {"id": link.id, "helping_id": link.id, "version": link.recovery_version,
            "tests": service.band_trend(link.client_id)}


def shared_recovery(helper: User, link_id: uuid.UUID) -> dict[str, Any] | None:
    """The bands and trend of the person behind `link_id`, or None when not shared."""
    link = next((found for found in _links(helper) if found.id == link_id), None)
    return None if link is None else _shared(link)


def shared_by_link(helper: User) -> dict[uuid.UUID, dict[str, Any]]:
    """{link id: what shared_recovery gives} for every person who lets `helper` see it."""
    return {link.id: _shared(link) for link in _links(helper)}


def shared_recovery_ids(helper: User) -> list[uuid.UUID]:
    return [link.id for link in _links(helper)]
