"""Dossiers, their events (the timeline), and the staff audit log. A dossier's tasks are in the
task list (api/tasks/models.py) with `source` "staff".

Free text (the staff's label, event and task text, links) is stored only as ciphertext
(api/crypto.py). The associated data names the table, row and dossier, never the client: a
dossier gets its client later, when the client links it with an invite code.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from api.crypto import aad, register_encrypted_column
from api.db import GUID, Base, UTCDateTime, utcnow

# Sync entity names: the service records changes under them, sync.py registers them.
DOSSIER_ENTITY = "dossier"
EVENT_ENTITY = "dossier_event"


class Dossier(Base):
    __tablename__ = "dossiers"

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)
    # The staff member it is assigned to (its creator); only they see it.
    staff_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # The client, once linked. One client per dossier, one linked dossier per client.
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), unique=True
    )
    label: Mapped[bytes] = mapped_column(LargeBinary)  # staff-only reference, encrypted
    contact_name: Mapped[str | None] = mapped_column(String(64))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    contact_hours: Mapped[str | None] = mapped_column(String(120))
    # HMAC-SHA256 of the normalised invite code; the code itself is shown once, never stored.
    invite_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    invite_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    linked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class _DossierRecord:
    """What a dossier's records share: a dossier, a version for sync, and a tombstone flag."""

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)
    dossier_id: Mapped[uuid.UUID] = mapped_column(
        GUID, ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DossierEvent(_DossierRecord, Base):
    __tablename__ = "dossier_events"

    kind: Mapped[str] = mapped_column(String(24))
    title: Mapped[bytes | None] = mapped_column(LargeBinary)  # NULL once deleted
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
    link: Mapped[bytes | None] = mapped_column(LargeBinary)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DossierAudit(Base):
    """Who changed which dossier, when. Never any content: only action names and ids."""

    __tablename__ = "dossier_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(32))
    dossier_id: Mapped[uuid.UUID] = mapped_column(GUID, index=True)
    target_id: Mapped[uuid.UUID | None] = mapped_column(GUID)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def text_aad(row: Dossier | DossierEvent, column: str) -> str:
    dossier_id = row.id if isinstance(row, Dossier) else row.dossier_id
    return aad(type(row).__tablename__, row.id, dossier_id, column, dossier=dossier_id)


for _model, _columns in ((Dossier, ("label",)), (DossierEvent, ("title", "body", "link"))):
    for _column in _columns:
        register_encrypted_column(_model, _column, lambda row, c=_column: text_aad(row, c))
