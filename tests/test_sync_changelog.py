"""The change log's buffered rows (the sync batch's fast path) are never missed by a read."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from api.db import db, utcnow
from api.sync.changelog import Change, lock_owner, queue_insert


def test_a_query_sees_the_rows_buffered_before_it(make_user) -> None:
    user = make_user()
    lock_owner(user.id)
    queue_insert(Change.__table__, {"owner_id": user.id, "seq": 999, "entity": "logbook",
                                    "record_id": uuid.uuid4(), "version": 1, "deleted": False,
                                    "created_at": utcnow()})
    seen = db.session.scalar(select(func.count()).select_from(Change).where(Change.seq == 999))
    assert seen == 1
