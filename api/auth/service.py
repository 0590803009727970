"""Account rules: usernames, passwords, and the server-side sessions behind the tokens.

No Flask request code here: the routes and the JWT loaders in tokens.py call these functions
and own the transaction.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError

from api.auth.models import AuthSession, User
from api.db import db, utcnow
from api.domain import Conflict, Invalid

# OWASP's minimum for argon2id; check_needs_rehash upgrades older hashes at login.
hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

PASSWORD_MIN, PASSWORD_MAX = 10, 128
USERNAME_RE = re.compile(r"[A-Za-z0-9._-]{3,32}")
IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
# Writing last_seen_at on every request would cost a write per request; once a minute is
# precise enough for a 30-minute idle limit.
TOUCH_INTERVAL = timedelta(minutes=1)
# "Where you are logged in": the sign-ins of the last 30 days, at most 20.
SIGN_INS_KEPT = timedelta(days=30)
SIGN_INS_LISTED = 20

# Tests replace this to move time; everything here that asks "now" asks it.
clock: Callable[[], datetime] = utcnow


def _refused(field: str, message: str) -> Invalid:
    return Invalid({field: [message]}, message)


@cache
def common_passwords() -> frozenset[str]:
    path = Path(__file__).with_name("common_passwords.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines
                     if line.strip() and not line.startswith("#"))


def username_key(username: str) -> str:
    return username.strip().casefold()


def check_username(username: str) -> None:
    """:raise Invalid: not 3-32 letters, digits, '.', '_' or '-'"""
    if not USERNAME_RE.fullmatch(username.strip()):
        raise _refused("username", "Choose a username of 3 to 32 characters: letters, digits, "
                                   "'.', '_' or '-'. Use a made-up name, not your real name.")


def check_password(password: str) -> None:
    """:raise Invalid: too short, too long, or one of the most common passwords"""
    if len(password) < PASSWORD_MIN:
        message = (f"Your password needs at least {PASSWORD_MIN} characters. A few words in a "
                   "row make a strong password that is easy to remember.")
    elif len(password) > PASSWORD_MAX:
        message = f"Your password can have at most {PASSWORD_MAX} characters."
    elif password.casefold() in common_passwords():
        message = ("This password is used by very many people, so it is easy to guess. "
                   "Please choose another one, for example a few words in a row.")
    else:
        return
    raise _refused("password", message)


def create_user(username: str, password: str, role: str, terms_version: str | None = None) -> User:
    """Store an account as given (callers check the rules first)."""
    user = User(
        username=username.strip(), username_key=username_key(username),
        password_hash=hasher.hash(password), role=role, terms_version=terms_version,
        terms_accepted_at=utcnow() if terms_version else None,
    )
    db.session.add(user)
    db.session.flush()
    return user


def find_user(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username_key == username_key(username)))


def register(username: str, password: str, role: str, terms_version: str | None) -> User:
    """Check the rules and create the account.

    :raise Invalid: bad username or password
    :raise Conflict: the username is taken
    """
    check_username(username)
    check_password(password)
    message = "This username is already taken. Please choose another one."
    taken = Conflict(message, {"username": [message]})
    if find_user(username) is not None:
        raise taken
    try:
        with db.session.begin_nested():  # someone else may take the name at the same moment
            return create_user(username, password, role, terms_version)
    except IntegrityError as error:
        raise taken from error


# Verified when there is nothing to verify against (no such user, no recovery code), so that
# answer takes as long as a wrong secret.
_DUMMY_HASH = hasher.hash("not a real password, only there for the timing")


def verifies(stored: str | None, secret: str) -> bool:
    """Whether `secret` fits the argon2 hash `stored`, in about the same time when there is none."""
    try:
        hasher.verify(stored or _DUMMY_HASH, secret)
    except (VerificationError, InvalidHashError):
        return False
    return stored is not None


def authenticate(username: str, password: str) -> User | None:
    """The user if the password fits, else None - in about the same time either way."""
    user = find_user(username)
    if not verifies(user.password_hash if user else None, password) or user is None:
        return None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    return user


NOT_YOUR_PASSWORD = "This is not your password."  # noqa: S105 (a message, not a secret)


def confirm_password(user: User, password: str) -> None:
    """Before a step that a person holding an unlocked phone must not take for its owner (a
    new recovery code, the export, deleting the account). :raise Invalid: 422 on `password`"""
    if authenticate(user.username, password) is None:
        raise Invalid({"password": [NOT_YOUR_PASSWORD]}, NOT_YOUR_PASSWORD)


def is_new_device(user: User, device: str) -> bool:
    """Whether none of the person's sign-ins of the last SIGN_INS_KEPT came from `device`
    (and there were some: the very first sign-in is not news to anyone)."""
    seen = {found.device for found in sessions(user)}
    return bool(seen) and device not in seen


def newest_new_device(user: User, after: datetime) -> AuthSession | None:
    """The latest sign-in from a new device since `after` (when this session began)."""
    return db.session.scalar(select(AuthSession).where(
        AuthSession.user_id == user.id, AuthSession.new_device.is_(True),
        AuthSession.created_at > after).order_by(AuthSession.created_at.desc()).limit(1))


def start_session(user: User, device: str | None = None) -> AuthSession:
    """A new session. Ended ones are kept for SIGN_INS_KEPT (the person sees where they were
    logged in) and at most SIGN_INS_LISTED of them; older ones are deleted."""
    now = clock()
    db.session.execute(delete(AuthSession).where(
        AuthSession.user_id == user.id, AuthSession.created_at <= now - SIGN_INS_KEPT))
    keep = select(AuthSession.id).where(AuthSession.user_id == user.id).order_by(
        AuthSession.created_at.desc()).limit(SIGN_INS_LISTED - 1)
    db.session.execute(delete(AuthSession).where(
        AuthSession.user_id == user.id, AuthSession.id.not_in(keep),
        or_(AuthSession.revoked_at.is_not(None), AuthSession.expires_at <= now,
            AuthSession.last_seen_at <= now - IDLE_TIMEOUT)))
    new = device is not None and is_new_device(user, device)
    session = AuthSession(user_id=user.id, created_at=now, last_seen_at=now,
                          expires_at=now + ABSOLUTE_TIMEOUT, refresh_jti=str(uuid.uuid4()),
                          device=device, new_device=new)
    db.session.add(session)
    db.session.flush()
    return session


def _ended(session: AuthSession | None, now: datetime) -> bool:
    return (session is None or session.revoked_at is not None or now >= session.expires_at
            or now - session.last_seen_at >= IDLE_TIMEOUT)


def _load(session_id: str, lock: bool = False) -> AuthSession | None:
    return db.session.get(AuthSession, uuid.UUID(session_id), with_for_update=lock)


def check_access(session_id: str) -> bool:
    """Whether an access token of this session may be used now (and note the activity)."""
    session, now = _load(session_id), clock()
    if _ended(session, now):
        return False
    if now - session.last_seen_at >= TOUCH_INTERVAL:
        session.last_seen_at = now
    return True


def check_refresh(session_id: str, jti: str) -> bool:
    """Whether this refresh token is the session's current one.

    A refresh token that was already exchanged is being REUSED - it was copied, or the
    answer to the first exchange was stolen - so the whole session is revoked.
    """
    session, now = _load(session_id, lock=True), clock()
    if _ended(session, now):
        return False
    if session.refresh_jti != jti:
        session.revoked_at = now
        return False
    return True


def rotate(session_id: str, jti: str) -> AuthSession | None:
    """Exchange the session's current refresh token `jti` for a new one.

    Checked again under the row lock: of two exchanges of one token racing each other, the
    second counts as reuse. None (and the session revoked) when `jti` is not current.
    """
    if not check_refresh(session_id, jti):
        return None
    session = _load(session_id)
    session.refresh_jti = str(uuid.uuid4())
    session.last_seen_at = clock()
    return session


def is_active(session: AuthSession, now: datetime | None = None) -> bool:
    return not _ended(session, now or clock())


def sessions(user: User) -> list[AuthSession]:
    """The person's sign-ins of the last SIGN_INS_KEPT, newest first."""
    return list(db.session.scalars(select(AuthSession).where(
        AuthSession.user_id == user.id, AuthSession.created_at > clock() - SIGN_INS_KEPT)
        .order_by(AuthSession.created_at.desc()).limit(SIGN_INS_LISTED)))


def end_other_sessions(user: User, keep: str | None) -> list[uuid.UUID]:
    """"Log overal uit": end every active session of the person but `keep` (an id, or None for
    all of them); -> the ids ended (their devices' push subscriptions go too: the caller)."""
    now, ended = clock(), []
    for session in db.session.scalars(select(AuthSession).where(
            AuthSession.user_id == user.id, AuthSession.revoked_at.is_(None))):
        if str(session.id) != keep and not _ended(session, now):
            session.revoked_at = now
            ended.append(session.id)
    return ended


def end_session(session_id: str) -> None:
    session = _load(session_id)
    if session is not None and session.revoked_at is None:
        session.revoked_at = clock()
