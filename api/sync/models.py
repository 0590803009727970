"""The mutation log: the stored result of every mutation a device sent, for exactly-once.

A row is written in the same transaction as the mutation's change, keyed by (owner, the
device's mutation_id). A retry of the same mutation_id is answered from here as `duplicate`
and never applied again. Results hold only status, version, message and field errors: never a
record's content (that is encrypted at rest, and this table is not).

Rows are kept for MUTATION_RETENTION (see service.prune): a device that retries a request more
than that long after sending it would see its mutation applied again. Its outbox is retried on
every start, `online` event and write, so in practice a retry comes within minutes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, utcnow

MUTATION_RETENTION = timedelta(days=30)


class MutationLog(Base):
    __tablename__ = "sync_mutations"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    mutation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
