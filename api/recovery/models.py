"""The recovery meter's tables: one profile per person and their self-tests.

Stored in plain text is only what must be queried: ids, owner, when a test was taken, whether it
is shared with the contact person, versions, and the reminder choice. The answers of every test,
the event date (or why there is none) and a call-back note are ciphertext (api.crypto), bound
to table, row id, owner and column. Scores are not stored: they follow from the answers and the
rules (api/recovery/rules.py) and are computed when read, so a change of the event date or an
older test synced later is reflected everywhere at once.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from api import crypto
from api.db import GUID, Base, UTCDateTime, utcnow

# Sync entity names: the service records changes under them, sync.py registers them.
PROFILE_ENTITY = "recovery_profile"
TEST_ENTITY = "recovery_test"

# A person's profile has one fixed sync id, derived from their user id, so a phone that set the
# reminder offline and the server agree on the record without asking.
PROFILE_NAMESPACE = uuid.UUID("6f1f3c1e-3b8e-4b61-9a55-6a0c3e1d2b10")


def profile_id(user_id: int) -> uuid.UUID:
    return uuid.uuid5(PROFILE_NAMESPACE, f"recovery-profile:{user_id}")


class RecoveryProfile(Base):
    __tablename__ = "recovery_profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(GUID, unique=True)
    event: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted {"date", "no_date"}
    reminder: Mapped[str | None] = mapped_column(String(8))  # 2w | 4w | monthly | None
    callback_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    callback_note: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RecoveryTest(Base):
    __tablename__ = "recovery_tests"

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answers: Mapped[bytes] = mapped_column(LargeBinary)  # encrypted JSON
    shared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # shared with the contact
    # A reminder of the recovery meter went out in the 7 days before this test (for the stats).
    after_reminder: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_recovery_tests_owner_taken", "owner_id", "taken_at"),)


def profile_aad(row: RecoveryProfile, column: str) -> str:
    return crypto.aad("recovery_profiles", row.user_id, column, user=row.user_id)


def answers_aad(row: RecoveryTest) -> str:
    return crypto.aad("recovery_tests", row.id, row.owner_id, "answers", user=row.owner_id)


crypto.register_encrypted_column(RecoveryProfile, "event", lambda r: profile_aad(r, "event"))
crypto.register_encrypted_column(RecoveryProfile, "callback_note",
                                 lambda r: profile_aad(r, "callback_note"))
crypto.register_encrypted_column(RecoveryTest, "answers", answers_aad)
