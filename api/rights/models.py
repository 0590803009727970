"""The rights' table: one situation per person, and the choice they made per right.

Stored in plain text is only what must be queried: the owner, the fixed sync id and the
version. The answers (what happened, the stage of the case, the dates) and the choices are
ciphertext (api.crypto), bound to table, owner and column: a "Niet voor mij" on protection from
the suspect says as much as the answers do. Which rights apply is never stored: it follows from
the answers and the rules (api/rights/rules.py) on the day it is read.

The contact person's suggestions are rows of their own (a dossier, a right id, who), written
by staff and read by the client of that dossier.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api import crypto
from api.db import GUID, Base, UTCDateTime, utcnow

SITUATION_ENTITY = "rights_situation"

# One fixed sync id per person, derived from the user id, so a phone that answered the questions
# offline and the server agree on the record without asking (as the recovery profile does).
SITUATION_NAMESPACE = uuid.UUID("0b6f0e52-8d5e-4d5c-9a3f-2f7b8e1c4a61")


def situation_id(user_id: int) -> uuid.UUID:
    return uuid.uuid5(SITUATION_NAMESPACE, f"rights-situation:{user_id}")


class RightsSituation(Base):
    __tablename__ = "rights_situations"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(GUID, unique=True)
    answers: Mapped[bytes] = mapped_column(LargeBinary)  # encrypted {field: answer}
    choices: Mapped[bytes] = mapped_column(LargeBinary)  # encrypted {right id: choice}
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def situation_aad(row: RightsSituation, column: str) -> str:
    return crypto.aad("rights_situations", row.user_id, column, user=row.user_id)


crypto.register_encrypted_column(RightsSituation, "answers", lambda r: situation_aad(r, "answers"))
crypto.register_encrypted_column(RightsSituation, "choices", lambda r: situation_aad(r, "choices"))


SUGGESTION_ENTITY = "rights_suggestion"


class RightsSuggestion(Base):
    """A right the contact person suggests to the client of a dossier. Only the right's id and
    who suggested it: the client sees it as a suggestion and decides; nothing is chosen for
    them, and the contact person never sees the client's choice."""

    __tablename__ = "rights_suggestions"
    __table_args__ = (UniqueConstraint("dossier_id", "right_id",
                                       name="uq_rights_suggestions_dossier_id_right_id"),)

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)
    dossier_id: Mapped[uuid.UUID] = mapped_column(
        GUID, ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    right_id: Mapped[str] = mapped_column(String(8))
    suggested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
