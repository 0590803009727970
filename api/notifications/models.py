"""Web push: devices' subscriptions, preferences, the notification outbox and delivery records.

A domain event writes a `Notification` (the outbox) in the same transaction as its change; the
dispatcher turns it into one `Delivery` per subscribed device. Deliveries record what was sent
when (status code, attempts, time) and never the content. The optional detailed title/body is
stored encrypted (api/crypto.py) and is used only for people who chose detailed messages.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api import crypto
from api.db import GUID, Base, UTCDateTime, utcnow


class Subscription(Base):
    __tablename__ = "push_subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    endpoint: Mapped[str] = mapped_column(String(2048), unique=True)
    p256dh: Mapped[str] = mapped_column(String(128))
    auth: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The login (auth session) on the device that subscribed: logging out there removes it,
    # also when the browser could not say so itself (offline, session expired).
    session_id: Mapped[uuid.UUID | None] = mapped_column(GUID, index=True)
    # Last successful send or re-subscription; unused for 60 days -> removed.
    last_used_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Preference(Base):
    __tablename__ = "push_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    kinds: Mapped[dict[str, bool]] = mapped_column(JSON, default=dict)  # missing kind = on
    quiet_start: Mapped[time | None] = mapped_column(Time)  # both None: no quiet hours
    quiet_end: Mapped[time | None] = mapped_column(Time)
    timezone: Mapped[str] = mapped_column(String(64))
    detailed: Mapped[bool] = mapped_column(Boolean, default=False)


class Notification(Base):
    """The outbox. `status`: pending -> done | skipped (kind turned off)."""

    __tablename__ = "push_outbox"

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    view: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(String(32))
    urgency: Mapped[str] = mapped_column(String(8))
    ttl: Mapped[int] = mapped_column(Integer)
    detail: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted {"title", "body"}
    status: Mapped[str] = mapped_column(String(8), default="pending")
    expanded: Mapped[bool] = mapped_column(Boolean, default=False)  # deliveries created
    not_before: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claim: Mapped[str | None] = mapped_column(String(32))  # which dispatcher holds it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    deliveries: Mapped[list[Delivery]] = relationship(
        back_populates="notification", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (Index("ix_push_outbox_due", "status", "not_before"),
                      Index("ix_push_outbox_user", "user_id", "topic", "created_at"))


def detail_aad(row: Notification) -> str:
    return crypto.aad("push_outbox", row.id, row.user_id, "detail", user=row.user_id)


crypto.register_encrypted_column(Notification, "detail", detail_aad)


class Delivery(Base):
    """One message to one device. `status`: pending -> sent | gone | rejected | failed."""

    __tablename__ = "push_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    notification_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("push_outbox.id", ondelete="CASCADE"), index=True
    )
    subscription_id: Mapped[int | None] = mapped_column(
        ForeignKey("push_subscriptions.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(8), default="pending")
    status_code: Mapped[int | None] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    notification: Mapped[Notification] = relationship(back_populates="deliveries")
    subscription: Mapped[Subscription | None] = relationship()


class ReminderState(Base):
    """When a person last got a reminder per topic: makes "at most one per 3 days" race-free."""

    __tablename__ = "push_reminders"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)
