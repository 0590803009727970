"""Accounts, roles and sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from api.auth.models import User


def get_current_user() -> User:
    """The logged-in account of this request (inside a `login_required` view)."""
    from flask_jwt_extended import get_current_user as _get

    return _get()
