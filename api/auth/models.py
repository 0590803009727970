"""Accounts and their sessions. Usernames are pseudonyms: no e-mail address or real name."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import GUID, Base, UTCDateTime, utcnow
from schemas.auth import ROLES, SELF_SERVICE_ROLES  # noqa: F401  (the roles live with the bodies)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored as typed; looked up case-insensitively through `username_key`.
    username: Mapped[str] = mapped_column(String(64))
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    # argon2id of the recovery code (api/auth/recovery.py); NULL: the account has none yet.
    recovery_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    terms_version: Mapped[str | None] = mapped_column(String(32))
    terms_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuthSession(Base):
    """One login: the family of refresh tokens that grew from it.

    Access tokens carry `id` as their `sid` claim; only the refresh token whose jti is
    `refresh_jti` may be used, and a used-before one revokes the whole family.
    """

    __tablename__ = "auth_sessions"

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    refresh_jti: Mapped[str] = mapped_column(String(36))
    # A coarse description for "where you are logged in": "Chrome|Android" (api/auth/devices.py);
    # never the address, never the full user agent.
    device: Mapped[str | None] = mapped_column(String(64))
    # Logged in from a device none of the last 30 days' sessions had: the others are told.
    new_device: Mapped[bool] = mapped_column(Boolean, default=False)
