"""Accounts and sessions: what the auth domain brings to the app (see api/domain.py)."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from api.auth import cli, models, routes
from api.auth.models import AuthSession, User
from api.db import db
from api.domain import Domain


def export_account(user: User, _lang: str) -> Iterator[tuple[str, Any]]:
    """For the person's export: the account and every sign-in still on record (never the
    password's or the recovery code's hash, never an address)."""
    sessions = db.session.scalars(select(AuthSession).where(AuthSession.user_id == user.id)
                                  .order_by(AuthSession.created_at)).all()
    yield "account.json", {
        "username": user.username, "role": user.role, "created_at": user.created_at,
        "terms_version": user.terms_version, "terms_accepted_at": user.terms_accepted_at,
        "has_recovery_code": user.recovery_hash is not None,
        "sign_ins": [{"at": found.created_at, "last_seen_at": found.last_seen_at,
                      "device": found.device, "ended_at": found.revoked_at,
                      "expires_at": found.expires_at} for found in sessions],
    }


domain = Domain(
    name="auth",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    models=(models,),
    # A sign-in from a device the account was not used on lately: the other devices are told.
    push_kinds=(routes.PUSH_KIND,),
    exports=(export_account,),
)
