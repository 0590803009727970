"""Logbooks, entries, chain events (the revisions) and photos.

What is stored in plain text is only what must be queried: ids, owner, logbook type, dates,
versions and the hash chain. The logbook title, every revision's answers and note, and the
photo bytes are ciphertext (api.crypto), bound to table, row id, owner and column.

`LogbookEvent` is the evidence chain of one logbook: every revision of an entry, every photo
added or removed, every delete, restore and purge is one event, numbered by `seq`, whose
`hash` covers the previous event's hash and the event's plaintext content (see chain.py).
An entry's current answers are those of its newest revision event.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api import crypto
from api.db import GUID, Base, UTCDateTime, utcnow

GENESIS = "0" * 64


# Sync entity names: the service records changes under them, sync.py registers them.
LOGBOOK_ENTITY = "logbook"
ENTRY_ENTITY = "logbook_entry"


class Logbook(Base):
    __tablename__ = "logbooks"

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(16))
    title: Mapped[bytes] = mapped_column(LargeBinary)  # encrypted
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    chain_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    chain_head: Mapped[str] = mapped_column(String(64), default=GENESIS)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Entry(Base):
    __tablename__ = "logbook_entries"

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True)
    logbook_id: Mapped[uuid.UUID] = mapped_column(
        GUID, ForeignKey("logbooks.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    revision_count: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LogbookEvent(Base):
    __tablename__ = "logbook_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    logbook_id: Mapped[uuid.UUID] = mapped_column(
        GUID, ForeignKey("logbooks.id", ondelete="CASCADE")
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(BigInteger)
    entry_id: Mapped[uuid.UUID | None] = mapped_column(GUID)
    # revision | photo_added | photo_removed | deleted | restored | purged
    kind: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int | None] = mapped_column(BigInteger)  # for kind == "revision"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Encrypted canonical JSON of the event's content; NULL once purged (the hash stays).
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("logbook_id", "seq", name="uq_logbook_events_logbook_id_seq"),
        Index("ix_logbook_events_entry", "entry_id", "seq"),
    )


class Photo(Base):
    __tablename__ = "logbook_photos"

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True)
    entry_id: Mapped[uuid.UUID] = mapped_column(
        GUID, ForeignKey("logbook_entries.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    image_key: Mapped[str] = mapped_column(String(80))
    thumb_key: Mapped[str] = mapped_column(String(80))
    print_key: Mapped[str] = mapped_column(String(80))  # smaller JPEG for the PDF
    original_key: Mapped[str | None] = mapped_column(String(80))
    sha256: Mapped[str] = mapped_column(String(64))  # of the processed image
    original_sha256: Mapped[str] = mapped_column(String(64))  # of the upload as received
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    stored_bytes: Mapped[int] = mapped_column(Integer)  # all blobs together, for the quota
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def keys(self) -> list[str]:
        return [k for k in (self.image_key, self.thumb_key, self.print_key, self.original_key)
                if k]


def title_aad(row: Logbook) -> str:
    return crypto.aad("logbooks", row.id, row.owner_id, "title", user=row.owner_id)


def content_aad(row: LogbookEvent) -> str:
    return crypto.aad("logbook_events", row.logbook_id, row.seq, row.owner_id, "content",
                      user=row.owner_id)


crypto.register_encrypted_column(Logbook, "title", title_aad)
crypto.register_encrypted_column(LogbookEvent, "content", content_aad)
