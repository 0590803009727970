"""JWT settings and loaders: tokens in cookies, each tied to a server-side session.

Access tokens (15 minutes) and refresh tokens carry the session id (`sid`). Every token is
checked against its session on every request (revoked, idle, past its 12 hours, reused
refresh token). The check fails closed: a token it cannot read counts as revoked (401), and a
database that is busy or down refuses the request with 503 and Retry-After (api/errors.py),
never with "your session has ended", which would send the person to the login screen.
Noting the activity (`last_seen_at`, once a minute) waits a moment for SQLite's write lock at
most, then is skipped: it is a write that a read request should not queue behind.
Every flask-jwt-extended error answers in the project's JSON error shape, with 401; a
missing or wrong CSRF header is a 401 too (flask-jwt-extended's choice), with its own message.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from flask import Flask, Response
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    set_access_cookies,
    set_refresh_cookies,
)
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from api.auth import service
from api.auth.models import AuthSession, User
from api.db import db, utcnow
from api.errors import error_response
from api.extensions import jwt

log = logging.getLogger(__name__)

ACCESS_EXPIRES = timedelta(minutes=15)
ISSUER = "houvast"
AUDIENCE = "houvast-api"

MESSAGES = {
    "login": "Please log in to continue.",
    "csrf": "This request is missing its security token (the X-CSRF-TOKEN header), or the "
            "token does not match. Reload the page and try again.",
    "invalid": "Your session is not valid. Please log in again.",
    "expired": "Your session has expired. Please log in again.",
    "ended": "Your session has ended. Please log in again.",
    "fresh": "Please enter your password again to do this.",
}


def init_app(app: Flask) -> None:
    production = app.config["PRODUCTION"]
    for key, value in {
        "JWT_SECRET_KEY": app.config["SECRET_KEY"],
        "JWT_ALGORITHM": "HS256",
        "JWT_DECODE_ALGORITHMS": ["HS256"],  # never "none", never a key-confusion algorithm
        "JWT_ENCODE_ISSUER": ISSUER,
        "JWT_DECODE_ISSUER": ISSUER,
        "JWT_ENCODE_AUDIENCE": AUDIENCE,
        "JWT_DECODE_AUDIENCE": AUDIENCE,
        "JWT_TOKEN_LOCATION": ["cookies", "headers"],
        "JWT_COOKIE_SECURE": production,
        "JWT_COOKIE_SAMESITE": "Strict",
        "JWT_COOKIE_CSRF_PROTECT": True,
        "JWT_ACCESS_TOKEN_EXPIRES": ACCESS_EXPIRES,
        "JWT_REFRESH_TOKEN_EXPIRES": service.ABSOLUTE_TIMEOUT,
        # The refresh token travels only to the endpoints that need it.
        "JWT_REFRESH_COOKIE_PATH": "/api/auth/",
        # No X-RateLimit-*/Retry-After on ordinary answers: api/errors.py puts Retry-After on
        # the 429 itself, where it means something.
        "RATELIMIT_HEADERS_ENABLED": False,
    }.items():
        app.config.setdefault(key, value)


def set_session_cookies(response: Response, user: User, session: AuthSession) -> Response:
    """Put a new access token and the session's current refresh token in cookies."""
    claims = {"sid": str(session.id)}
    remaining = session.expires_at - utcnow()
    set_access_cookies(response, create_access_token(
        identity=user, additional_claims=claims, expires_delta=min(ACCESS_EXPIRES, remaining)))
    set_refresh_cookies(response, create_refresh_token(
        identity=user, additional_claims={**claims, "jti": session.refresh_jti},
        expires_delta=remaining))
    return response


@jwt.user_identity_loader
def _identity(user: User) -> str:
    return str(user.id)


# How long a read request waits for SQLite's write lock to note the activity, then skips it.
TOUCH_WAIT_SECONDS = 0.2


def _database_error(error: SQLAlchemyError) -> None:
    """Re-raise a database error as the OperationalError api/errors.py answers with 503."""
    try:
        db.session.rollback()
    except Exception:
        log.exception("rollback after a failed session check failed")
    if isinstance(error, OperationalError):
        raise error
    raise OperationalError("session check", None, error) from error


@jwt.user_lookup_loader
def _lookup(_header: dict[str, Any], payload: dict[str, Any]) -> User | None:
    try:
        return db.session.get(User, int(payload["sub"]))
    except SQLAlchemyError as error:  # a busy or lost database: 503, not "log in again"
        log.warning("user lookup failed: %s", type(error).__name__)
        _database_error(error)
    except (KeyError, TypeError, ValueError):  # a token we cannot read belongs to nobody
        log.exception("user lookup failed")
    return None


@jwt.token_in_blocklist_loader
def _revoked(_header: dict[str, Any], payload: dict[str, Any]) -> bool:
    try:
        if payload["type"] == "refresh":
            usable = service.check_refresh(payload["sid"], payload["jti"])
        else:
            usable = service.check_access(payload["sid"])
            if usable and db.session.dirty and not _noted_activity():
                return False
        db.session.commit()  # keeps last_seen_at, or the revocation of a reused token
        return not usable
    except SQLAlchemyError as error:
        log.warning("session check failed: %s; answering 503", type(error).__name__)
        _database_error(error)
    except (KeyError, TypeError, ValueError):  # no sid or jti, or not a uuid: not our token
        log.exception("session check failed; treating the token as revoked")
        db.session.rollback()
    return True


def _noted_activity() -> bool:
    """Take the write lock for the `last_seen_at` touch if it comes quickly; else forget the
    touch (rolled back) and say so. The next request a minute later tries again."""
    try:
        db.write_lock(timeout=TOUCH_WAIT_SECONDS)
    except OperationalError:
        db.session.rollback()
        log.info("database busy: last_seen_at not noted this time")
        return False
    return True


def _answer(key: str):
    def loader(*_args: Any):
        return error_response(401, MESSAGES[key])

    return loader


@jwt.unauthorized_loader
def _unauthorized(reason: str):
    return _answer("csrf" if "CSRF" in reason else "login")()


jwt.invalid_token_loader(_answer("invalid"))
jwt.expired_token_loader(_answer("expired"))
jwt.revoked_token_loader(_answer("ended"))
jwt.needs_fresh_token_loader(_answer("fresh"))
jwt.user_lookup_error_loader(_answer("ended"))
jwt.token_verification_failed_loader(_answer("invalid"))
