"""POST /api/sync: a device sends its outbox and receives what changed (see service.py)."""

from __future__ import annotations

from flask_jwt_extended import current_user

from api.db import db
from api.smorest import Blueprint, abort
from api.sync import registry, service
from schemas.sync import SyncRequestSchema, SyncResponseSchema

blp = Blueprint("sync", __name__, url_prefix="/api", description="Offline sync")


@blp.post("/sync")
@blp.login_required()
@blp.arguments(SyncRequestSchema)
@blp.response(200, SyncResponseSchema)
def sync(body: dict):
    """Send a device's changes, receive what changed since its cursor"""
    if len(body["mutations"]) > service.MAX_MUTATIONS:
        abort(413, message=f"At most {service.MAX_MUTATIONS} changes per request. Send the "
                           "rest in a next request.")
    # A busy or lost database is answered 503 with Retry-After by api/errors.py, after a
    # rollback: nothing is consumed and the device sends the same mutations again.
    results = service.apply(current_user, body["mutations"])
    registry.run_on_sync(current_user)
    db.session.commit()
    page = service.pull(current_user, body["cursor"])
    db.session.rollback()  # read only; ends the transaction (and SQLite's write lock) now
    return {"results": results, **page}
