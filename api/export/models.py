"""The one export a person has: its state while it is made, and where its encrypted chunks are."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import GUID, Base, UTCDateTime, utcnow

PREPARING, READY, FAILED, DOWNLOADED = "preparing", "ready", "failed", "downloaded"


class AccountExport(Base):
    """One row per person: a new export replaces the old one. Holds nothing personal; the ZIP
    itself is in the blob store, in chunks sealed under the person's data key, so erasing the
    account shreds it like the rest (api/auth/erasure.py)."""

    __tablename__ = "account_exports"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    # The blob folder of this export's chunks: `<user_id>/export-<token>/<n>.bin`.
    token: Mapped[uuid.UUID] = mapped_column(GUID, default=uuid.uuid4)
    state: Mapped[str] = mapped_column(String(16), default=PREPARING)
    lang: Mapped[str] = mapped_column(String(2), default="nl")  # of the PDFs and the read-me
    steps_done: Mapped[int] = mapped_column(Integer, default=0)
    steps_total: Mapped[int] = mapped_column(Integer, default=0)
    files: Mapped[int] = mapped_column(Integer, default=0)
    chunks: Mapped[int] = mapped_column(Integer, default=0)
    size: Mapped[int] = mapped_column(BigInteger, default=0)  # bytes of the ZIP
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ready_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    downloaded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
