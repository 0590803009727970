"""Accounts and sessions: register, log in, refresh, log out, who am I, and the recovery code.

Rate limits (flask-limiter, counted per IP and per username; `deduct_when` makes only the
attempts that count cost anything):
- log in: 5 failed attempts per username and 20 per IP address in 15 minutes;
- register: 10 attempts per IP address an hour (each one may create an account), and
  5 failed attempts per username in 15 minutes;
- recover (with the recovery code): as logging in; a new recovery code and deleting the
  account: 5 failed attempts (a wrong password) per account in 15 minutes.
Past a limit the answer is 429 with Retry-After. A per-username limit lets someone lock an
account out for 15 minutes by guessing; that is the price of stopping password guessing.
"""

from __future__ import annotations

import uuid

from flask import Response, current_app, jsonify, request
from flask_jwt_extended import current_user, get_jwt, unset_jwt_cookies
from flask_limiter.util import get_remote_address

from api.auth import devices, erasure, recovery, service, tokens
from api.auth.models import AuthSession
from api.db import db
from api.extensions import limiter
from api.notifications import service as notifications
from api.notifications.service import notify
from api.smorest import Blueprint, abort
from api.sync.registry import fixed_records
from schemas.auth import (
    AccountSchema,
    EndedSchema,
    LoginSchema,
    LogoutEverywhereSchema,
    PasswordSchema,
    RecoverSchema,
    RecoveryCodeSchema,
    RegisterSchema,
    SessionSchema,
)
from schemas.base import text_problem

blp = Blueprint("auth", __name__, url_prefix="/api", description="Accounts and sessions")

WINDOW = "15 minutes"
PUSH_KIND = "account"
WRONG_RECOVERY = "Username or recovery code is not correct."


def _ip_key() -> str:
    return "ip:" + (get_remote_address() or "unknown")


def _username_key() -> str:
    body = request.get_json(silent=True)
    name = body.get("username") if isinstance(body, dict) else None
    # A name that cannot be stored is refused by the schema (422); it never becomes a key of
    # the limiter's storage (Redis refuses a lone surrogate).
    if not isinstance(name, str) or not name.strip() or text_problem(name, key=True):
        return _ip_key()
    return "user:" + service.username_key(name)[:64]


def _failed(response: Response) -> bool:
    return response.status_code >= 400 and response.status_code != 429


def _limited(limit: str, key, count=_failed):
    """`count=None` counts every attempt."""
    return limiter.limit(limit, key_func=key, deduct_when=count)


def _account(user) -> dict:
    """The account as every answer about it gives it: with the ids of its one-per-person
    records (api/sync/registry.py fixed_records)."""
    return {"username": user.username, "role": user.role, "terms_version": user.terms_version,
            "terms_accepted_at": user.terms_accepted_at, "created_at": user.created_at,
            "records": fixed_records(user), "has_recovery_code": user.recovery_hash is not None}


def _device() -> str:
    return devices.describe(request.headers.get("User-Agent"))


def _tell_other_devices(user, session) -> None:
    """A sign-in from a new device: a discreet push to the person's other devices (the new
    one has no subscription yet). The detailed text names only the coarse device."""
    if session.new_device:
        browser, _, system = (session.device or "?|?").partition("|")
        notify(user.id, PUSH_KIND, "/account", topic="new-sign-in", detail={
            "title": "Houvast", "body": f"Er is ingelogd op een nieuw apparaat ({browser}, "
                                        f"{system}). Was jij dat niet? Log overal uit."})


def _signed_in(user, session, status: int, recovery_code: str | None = None) -> Response:
    answer = _account(user) | ({"recovery_code": recovery_code} if recovery_code else {})
    response = jsonify(AccountSchema().dump(answer))
    response.status_code = status
    return tokens.set_session_cookies(response, user, session)


@blp.post("/auth/register")
@_limited("10 per hour", _ip_key, count=None)
@_limited(f"5 per {WINDOW}", _username_key)
@blp.arguments(RegisterSchema)
@blp.response(201, AccountSchema)
def register(body: dict):
    """Create a client or helper account and log in"""
    user = service.register(body["username"], body["password"], body["role"],
                            current_app.config["TERMS_VERSION"])
    code = recovery.new_code(user)
    session = service.start_session(user, _device())
    db.session.commit()
    return _signed_in(user, session, 201, code)


@blp.post("/auth/login")
@_limited(f"20 per {WINDOW}", _ip_key)
@_limited(f"5 per {WINDOW}", _username_key)
@blp.arguments(LoginSchema)
@blp.response(200, AccountSchema)
def login(body: dict):
    """Log in"""
    user = service.authenticate(body["username"], body["password"])
    if user is None:
        abort(401, message="Username or password is not correct.")
    session = service.start_session(user, _device())
    _tell_other_devices(user, session)
    db.session.commit()  # also keeps an upgraded password hash
    return _signed_in(user, session, 200)


@blp.post("/auth/recover")
@_limited(f"20 per {WINDOW}", _ip_key)
@_limited(f"5 per {WINDOW}", _username_key)
@blp.arguments(RecoverSchema)
@blp.response(200, AccountSchema)
def recover(body: dict):
    """Forgot your password: set a new one with your recovery code. Every other session of the
    account ends (and its devices' notifications); you are logged in, with a new code"""
    found = recovery.recover(body["username"], body["recovery_code"], body["new_password"])
    if found is None:
        abort(401, message=WRONG_RECOVERY)
    user, code = found
    notifications.forget_devices(user.id)
    session = service.start_session(user, _device())
    db.session.commit()  # nobody else to tell: every other device was logged out
    return _signed_in(user, session, 200, code)


def _user_key() -> str:
    return f"account:{current_user.id}"


@blp.post("/auth/recovery-code")
@blp.login_required()
@_limited(f"5 per {WINDOW}", _user_key)
@blp.arguments(PasswordSchema)
@blp.response(200, RecoveryCodeSchema)
def new_recovery_code(body: dict):
    """A new recovery code (the old one stops working); needs your password"""
    service.confirm_password(current_user, body["password"])
    code = recovery.new_code(current_user)
    db.session.commit()
    return {"recovery_code": code}


@blp.post("/auth/refresh")
@blp.login_required(refresh=True)
@blp.response(200, AccountSchema)
def refresh():
    """Exchange the refresh token for new tokens (the old refresh token stops working)"""
    claims = get_jwt()
    session = service.rotate(claims["sid"], claims["jti"])
    db.session.commit()
    if session is None:
        abort(401, message=tokens.MESSAGES["ended"])
    return _signed_in(current_user, session, 200)


@blp.post("/auth/logout")
@blp.login_required()
@blp.response(204)
def logout():
    """Log out: end the session and clear its cookies and the site's stored data"""
    service.end_session(get_jwt()["sid"])
    # This device's push subscription goes with its login, even if the browser could not
    # delete it itself first.
    notifications.forget_session(uuid.UUID(get_jwt()["sid"]))
    db.session.commit()
    response = Response(status=204)
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    unset_jwt_cookies(response)
    return response


@blp.get("/auth/sessions")
@blp.login_required()
@blp.response(200, SessionSchema(many=True))
def list_sessions():
    """Where you are logged in, and were in the last 30 days: when, and a coarse name of the
    device ("Chrome|Android"); never an address. `current` is this one"""
    now, this = service.clock(), get_jwt()["sid"]
    return [{"id": found.id, "created_at": found.created_at, "last_seen_at": found.last_seen_at,
             "device": found.device, "active": service.is_active(found, now),
             "current": str(found.id) == this} for found in service.sessions(current_user)]


@blp.post("/auth/logout-everywhere")
@blp.login_required()
@blp.arguments(LogoutEverywhereSchema)
@blp.response(200, EndedSchema)
def logout_everywhere(body: dict):
    """"Log overal uit": end every other session and its devices' notifications; with
    `keep_this: false` this one too (then the cookies and this site's data are cleared, as at
    logout)"""
    this = get_jwt()["sid"]
    ended = service.end_other_sessions(current_user, this if body["keep_this"] else None)
    for session_id in ended:
        notifications.forget_session(session_id)
    db.session.commit()
    response = jsonify(EndedSchema().dump({"ended": len(ended)}))
    if not body["keep_this"]:
        response.headers["Clear-Site-Data"] = '"cache", "storage"'
        unset_jwt_cookies(response)
    return response


@blp.get("/me")
@blp.login_required()
@blp.response(200, AccountSchema)
def me():
    """The logged-in account; `new_sign_in` when someone logged in from a new device since
    this session began"""
    this = db.session.get(AuthSession, uuid.UUID(get_jwt()["sid"]))
    newer = service.newest_new_device(current_user, this.created_at) if this else None
    return _account(current_user) | {"new_sign_in": newer and {
        "device": newer.device, "created_at": newer.created_at}}


@blp.delete("/me")
# A staff account and its dossiers belong to the organisation, which removes them.
@blp.login_required(roles=["client", "helper"])
@_limited(f"5 per {WINDOW}", _user_key)
@blp.arguments(PasswordSchema)
@blp.response(204)
def delete_me(body: dict):
    """Delete your account and everything in it, for good; needs your password. Your helpers
    and your contact at the organisation see you are gone; your data key is destroyed, so the
    copies in backups cannot be read any more either (docs/encryption.md). Clears this device
    as logout does"""
    service.confirm_password(current_user, body["password"])
    erasure.erase(current_user)
    response = Response(status=204)
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    unset_jwt_cookies(response)
    return response
