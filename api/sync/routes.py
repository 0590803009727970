"""POST /api/sync: a device sends its outbox and receives what changed (see service.py)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from flask_jwt_extended import current_user
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from api.db import db
from api.smorest import Blueprint, abort
from api.sync import service
from schemas.sync import SyncRequestSchema, SyncResponseSchema

log = logging.getLogger(__name__)

blp = Blueprint("sync", __name__, url_prefix="/api", description="Offline sync")

RETRY_AFTER_SECONDS = 5


@contextmanager
def transient_errors_as_503() -> Iterator[None]:
    """A lock wait that timed out or a lost database connection: roll everything back (nothing
    is consumed) and ask the device to retry, in the usual JSON error shape."""
    try:
        yield
    except (OperationalError, PoolTimeout) as error:
        db.session.rollback()
        log.warning("sync: transient database error (%s); rolled back", type(error).__name__)
        abort(503, message="Houvast is busy. Your changes are kept on your device and will be "
                           "sent again in a moment.",
              headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


@blp.post("/sync")
@blp.login_required()
@blp.arguments(SyncRequestSchema)
@blp.response(200, SyncResponseSchema)
def sync(body: dict):
    """Send a device's changes, receive what changed since its cursor"""
    if len(body["mutations"]) > service.MAX_MUTATIONS:
        abort(413, message=f"At most {service.MAX_MUTATIONS} changes per request. Send the "
                           "rest in a next request.")
    with transient_errors_as_503():
        results = service.apply(current_user, body["mutations"])
        db.session.commit()
        page = service.pull(current_user, body["cursor"])
        db.session.rollback()  # read only; ends the transaction (and SQLite's write lock) now
    return {"results": results, **page}
