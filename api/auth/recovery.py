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

from api.auth.models import User
from api.auth.service import check_password, end_other_sessions, find_user, hasher, verifies
from api.domain import Invalid

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud and typed without doubt
GROUPS, GROUP_SIZE = 4, 5
CODE_LENGTH = GROUPS * GROUP_SIZE

def normalise(code: str) -> str:
    """What was typed, as compared: capitals, without spaces and dashes."""
    return "".join(c for c in code.upper() if c.isalnum())


def new_code(user: User) -> str:
    """Give `user` a new recovery code (the old one stops working); the code, shown once."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    user.recovery_hash = hasher.hash(raw)
    return "-".join(raw[i:i + GROUP_SIZE] for i in range(0, CODE_LENGTH, GROUP_SIZE))


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
    if not verifies(user.recovery_hash if user else None, normalise(code)) or user is None:
        return None
    user.password_hash = hasher.hash(new_password)
    end_other_sessions(user, keep=None)
    return user, new_code(user)
