"""Samen: the people a client lets in. An invite (a one-time code the client gives a helper), a
link (this helper helps this client) and the client's "Waar ik hulp bij kan gebruiken".

Plain are only ids, times and flags. The name a client gives a helper ("mam", "Sanne") and the
help message are ciphertext bound to their row: a name says who is close to a victim.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.crypto import aad, register_encrypted_column
from api.db import GUID, Base, UTCDateTime, utcnow

# Sync entities: the client's list of helpers, the helper's list of people they help, and the
# help message (the client writes it; the helpers it is for read it).
HELPER_ENTITY = "helper"
HELPING_ENTITY = "helping"
MESSAGE_ENTITY = "help_message"

# One help message per client, with an id the phone and the server agree on without asking.
MESSAGE_NAMESPACE = uuid.UUID("5b0e3c9a-4f1d-4d67-9a2e-0c8b7d61f3a5")


def message_id(client_id: int) -> uuid.UUID:
    return uuid.uuid5(MESSAGE_NAMESPACE, f"{MESSAGE_ENTITY}:{client_id}")


class HelperInvite(Base):
    __tablename__ = "helper_invites"

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                           index=True)
    # HMAC of the normalised code (api/invite_codes.py); the code is shown once, never stored.
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[bytes] = mapped_column(LargeBinary)  # encrypted: the client's name for them
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class HelperLink(Base):
    __tablename__ = "helper_links"
    __table_args__ = (
        UniqueConstraint("client_id", "helper_id", name="uq_helper_links_pair"),
        Index("ix_helper_links_helper_id", "helper_id"),
    )

    # The id is the sync id of both sides' record of the link (`helper` and `helping`).
    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    helper_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[bytes] = mapped_column(LargeBinary)  # encrypted, from the invite
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When the helper's phone last synced: the client sees whether someone still looks.
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Whether the helper sees how it is going (the recovery meter's bands and trend, never an
    # answer), and the version of that record (`shared_recovery`, with the link's id).
    shares_recovery: Mapped[bool] = mapped_column(Boolean, default=False)
    recovery_version: Mapped[int] = mapped_column(BigInteger, default=0)


class HelpMessage(Base):
    __tablename__ = "help_messages"

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True)  # message_id(client_id)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                           unique=True)
    text: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted; NULL: nothing to ask
    # Who sees it: every helper, or only the links named (ids of helper_links).
    to_all: Mapped[bool] = mapped_column(Boolean, default=True)
    link_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def name_aad(row: HelperInvite | HelperLink) -> str:
    return aad(type(row).__tablename__, row.id, row.client_id, "name", user=row.client_id)


def text_aad(row: HelpMessage) -> str:
    return aad("help_messages", row.id, row.client_id, "text", user=row.client_id)


register_encrypted_column(HelperInvite, "name", name_aad)
register_encrypted_column(HelperLink, "name", name_aad)
register_encrypted_column(HelpMessage, "text", text_aad)
