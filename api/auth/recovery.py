"""A way back in without e-mail: the recovery code.

Houvast asks for no e-mail address, so a forgotten password would otherwise mean a lost account
(and the evidence in it). At registration, and later on the account screen, a person gets a
recovery code: 4 groups of 5 characters from an alphabet without look-alikes (31 signs: about
99 bits, far beyond guessing within the rate limit). It is shown once; only its argon2id hash is
kept. Using it sets a new password, ends every session and push subscription of the account,
and gives a new code: a code works once.
"""

from __future__ import annotations

import secrets

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from api.auth import service
from api.auth.models import AuthSession, User
from api.auth.service import check_password, find_user, hasher
from api.db import db
from api.domain import Invalid

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud and typed without doubt
GROUPS, GROUP_SIZE = 4, 5
CODE_LENGTH = GROUPS * GROUP_SIZE

# Verified when the account or its code does not exist, so that answer takes as long.
_DUMMY_HASH = hasher.hash("0" * CODE_LENGTH)


def normalise(code: str) -> str:
    """What was typed, as compared: capitals, without spaces and dashes."""
    return "".join(c for c in code.upper() if c.isalnum())


def new_code(user: User) -> str:
    """Give `user` a new recovery code (the old one stops working); the code, shown once."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    user.recovery_hash = hasher.hash(raw)
    return "-".join(raw[i:i + GROUP_SIZE] for i in range(0, CODE_LENGTH, GROUP_SIZE))


def _fits(user: User | None, code: str) -> bool:
    stored = user.recovery_hash if user is not None and user.recovery_hash else None
    try:
        hasher.verify(stored or _DUMMY_HASH, normalise(code))
    except (VerificationError, InvalidHashError):
        return False
    return stored is not None


def recover(username: str, code: str, new_password: str) -> tuple[User, str] | None:
    """Set a new password with the recovery code -> (user, their new code), or None when the
    username or the code is wrong (one answer for both, in about the same time). Every session
    of the account ends (the caller forgets their push subscriptions and starts a new one).

    :raise Invalid: the new password breaks the password rules (checked first, so that answer
        says nothing about the account)
    """
    try:
        check_password(new_password)
    except Invalid as error:
        raise Invalid({"new_password": error.messages["password"]}, error.message) from error
    user = find_user(username)
    if not _fits(user, code):
        return None
    assert user is not None
    user.password_hash = hasher.hash(new_password)
    now = service.clock()
    for session in db.session.scalars(select(AuthSession).where(
            AuthSession.user_id == user.id, AuthSession.revoked_at.is_(None))):
        session.revoked_at = now
    return user, new_code(user)
