"""JWT settings and loaders (minimal core; being extended)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask

from api.auth.models import User
from api.db import db
from api.extensions import jwt


def init_app(app: Flask) -> None:
    production = app.config["PRODUCTION"]
    app.config.setdefault("JWT_SECRET_KEY", app.config["SECRET_KEY"])
    app.config.setdefault("JWT_TOKEN_LOCATION", ["cookies", "headers"])
    app.config.setdefault("JWT_COOKIE_SECURE", production)
    app.config.setdefault("JWT_COOKIE_SAMESITE", "Strict")
    app.config.setdefault("JWT_COOKIE_CSRF_PROTECT", True)
    app.config.setdefault("JWT_ACCESS_TOKEN_EXPIRES", timedelta(minutes=15))


@jwt.user_identity_loader
def _identity(user: User) -> str:
    return str(user.id)


@jwt.user_lookup_loader
def _lookup(_header: dict[str, Any], payload: dict[str, Any]) -> User | None:
    return db.session.get(User, int(payload["sub"]))
