"""The training's personal records: one per person for the progress through the modules (steps
done, exercise answers, where they stopped, the self-scan) and one for the ticked checklist
items. A helper without an account keeps the same data on the phone; at login it becomes these
records (pwa/js/store.js adopts it).

Plain are only the owner, the kind, the fixed sync id and the version. The data is ciphertext
(api.crypto) bound to table, owner and kind: which checklist someone ticks ("stalking") and what
they wrote in a reflection say as much as a logbook does.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api import crypto
from api.db import GUID, Base, UTCDateTime, utcnow

PROGRESS_ENTITY = "training_progress"
CHECKLIST_ENTITY = "checklist_state"
ENTITIES = (PROGRESS_ENTITY, CHECKLIST_ENTITY)

# One fixed sync id per person and kind, derived from the user id, so a phone and the server
# agree on the record without asking (as for the recovery profile).
RECORD_NAMESPACE = uuid.UUID("a4d3c1f2-7e59-4a0b-8c16-93b5e2d7f041")


def record_id(entity: str, user_id: int) -> uuid.UUID:
    return uuid.uuid5(RECORD_NAMESPACE, f"{entity}:{user_id}")


class TrainingRecord(Base):
    __tablename__ = "training_records"
    __table_args__ = (UniqueConstraint("owner_id", "entity", name="uq_training_records_owner"),)

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(32))
    data: Mapped[bytes] = mapped_column(LargeBinary)  # encrypted JSON (schemas/training.py)
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def record_aad(row: TrainingRecord) -> str:
    return crypto.aad("training_records", row.owner_id, row.entity, user=row.owner_id)


crypto.register_encrypted_column(TrainingRecord, "data", record_aad)
