"""The order in which Samen's writes lock change logs.

A write that a helper may see appends to the client's log and to each helper's; a helper's write
appends to theirs and to the client's. Two such writes at once would wait on each other
crosswise (a deadlock on PostgreSQL) if each took its own log first. So both take the whole
circle, the client and everyone who helps them, lowest id first, before anything else.
"""

from __future__ import annotations

from sqlalchemy import select

from api.db import db
from api.helpers.models import HelperLink
from api.sync.changelog import lock_owner


def lock_circle(client_id: int, *more: int) -> None:
    """Lock the change logs of `client_id`, of the people who help them and of `more`."""
    helpers = db.session.scalars(select(HelperLink.helper_id)
                                 .where(HelperLink.client_id == client_id))
    for owner_id in sorted({client_id, *helpers, *more}):
        lock_owner(owner_id)
