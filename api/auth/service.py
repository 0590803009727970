"""Account rules (minimal core; being extended)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import select

from api.auth.models import User
from api.db import db, utcnow

hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def username_key(username: str) -> str:
    return username.strip().casefold()


def create_user(username: str, password: str, role: str, terms_version: str | None = None) -> User:
    user = User(
        username=username.strip(), username_key=username_key(username),
        password_hash=hasher.hash(password), role=role, terms_version=terms_version,
        terms_accepted_at=utcnow() if terms_version else None,
    )
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(username: str, password: str) -> User | None:
    user = db.session.scalar(select(User).where(User.username_key == username_key(username)))
    if user is None:
        return None
    try:
        hasher.verify(user.password_hash, password)
    except VerificationError:
        return None
    return user
