"""Download al mijn gegevens: POST starts it, GET says how far it is, GET …/zip gives it once.

Starting needs the password (5 wrong ones per account in 15 minutes, then 429): someone who
holds the person's unlocked phone must not take everything along in one file.
"""

from __future__ import annotations

from flask import Response, current_app, stream_with_context
from flask_jwt_extended import current_user

from api.auth import service as accounts
from api.db import db, utcnow
from api.export import service
from api.extensions import limiter
from api.smorest import Blueprint
from schemas.export import ExportStartSchema, ExportStateSchema

blp = Blueprint("export", __name__, url_prefix="/api", description="Download al mijn gegevens")

# Staff data is the organisation's: its own request procedure applies.
people_only = blp.login_required(roles=["client", "helper"])


def _account_key() -> str:
    return f"account:{current_user.id}"


@blp.post("/me/export")
@people_only
@limiter.limit("5 per 15 minutes", key_func=_account_key,
               deduct_when=lambda response: response.status_code == 422)
@blp.arguments(ExportStartSchema)
@blp.response(202, ExportStateSchema)
def start_export(body: dict):
    """Make a ZIP of all your data (needs your password); it is made in the background, so ask
    `GET /api/me/export` how far it is. While one is being made, this answers its state"""
    accounts.confirm_password(current_user, body["password"])
    found, new = service.start(current_user, body["lang"])
    user_id, token = current_user.id, found.token
    db.session.commit()
    if new:
        service.run_in_background(current_app._get_current_object(), user_id, token)
    return service.state(user_id)


@blp.get("/me/export")
@people_only
@blp.response(200, ExportStateSchema)
def export_state():
    """How far your export is, and until when a ready one waits for you"""
    return service.state(current_user.id)


@blp.get("/me/export/zip")
@people_only
@blp.response(200, description="The ZIP (application/zip); wiped from the server once sent")
@blp.alt_response(404, description="There is no export waiting")
@blp.alt_response(409, description="It is not ready yet")
def download_export():
    """Your data as a ZIP (the format: docs/export.md). It can be downloaded once: when it has
    been sent, it is wiped from the server"""
    size, chunks = service.download(current_user)
    return Response(stream_with_context(chunks), mimetype="application/zip", headers={
        "Content-Length": str(size), "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": f'attachment; filename="mijn-gegevens-{_today()}.zip"'})


@blp.delete("/me/export")
@people_only
@blp.response(204)
def discard_export():
    """Wipe your export from the server now (also one being made)"""
    service.discard(current_user)


def _today() -> str:
    return utcnow().strftime("%Y-%m-%d")
