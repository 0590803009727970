"""One task list for every source: `staff` (the contact person gives it, through the dossier),
`rights` (a to-do of a right the client put on their list) and `own` (the client writes it).

A staff task belongs to its dossier (`dossier_id`; the client sees it once the dossier is
linked, `owner_id` stays NULL); a rights or own task belongs to the client (`owner_id`), with or
without a dossier. Free text is ciphertext. A rights task has no text of its own: its title and
steps are the right's to-do in the content (api/content/rights.py), in the reader's language;
only the ticks are stored, encrypted like the rest.

Samen: the client may share a task with every person who helps them or with some of them
(`shared_to_all`, `shared_link_ids`: ids of helper_links), and let them tick it off
(`helpers_may_tick`). What a helper adds is a TaskHelp: "Ik help hiermee" and a short note
(ciphertext), one per task and helper.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import JSON

from api.crypto import DecryptionError, aad, register_encrypted_column
from api.db import GUID, Base, UTCDateTime, db, utcnow

TASK_ENTITY = "task"
SOURCES = ("staff", "rights", "own")


class Task(Base):
    # The table was `dossier_tasks` before tasks became their own domain (migration 0009).
    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("owner_id", "todo_key", name="uq_tasks_owner_id_todo_key"),
        Index("ix_tasks_owner_id", "owner_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(
        GUID, ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(16), default="staff")
    right_id: Mapped[str | None] = mapped_column(String(8))
    todo_key: Mapped[str | None] = mapped_column(String(16))  # e.g. "R13-1"
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[bytes | None] = mapped_column(LargeBinary)  # NULL for rights, once deleted
    explanation: Mapped[bytes | None] = mapped_column(LargeBinary)
    steps: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted [{"text", "done"}]
    due_date: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Samen: who of the client's helpers sees the task (every one, or the links named), whether
    # they may tick it, and which helper's link ticked it done (NULL: the client, or nobody).
    shared_to_all: Mapped[bool] = mapped_column(Boolean, default=False)
    shared_link_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    helpers_may_tick: Mapped[bool] = mapped_column(Boolean, default=False)
    done_by_link: Mapped[uuid.UUID | None] = mapped_column(GUID)


class TaskHelp(Base):
    """What one helper adds to a task shared with them. Goes with the share: when the helper no
    longer sees the task, the row is deleted."""

    __tablename__ = "task_helps"
    __table_args__ = (UniqueConstraint("task_id", "link_id", name="uq_task_helps_task_link"),)

    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)
    task_id: Mapped[uuid.UUID] = mapped_column(GUID, ForeignKey("tasks.id", ondelete="CASCADE"))
    link_id: Mapped[uuid.UUID] = mapped_column(
        GUID, ForeignKey("helper_links.id", ondelete="CASCADE"), index=True)
    helping: Mapped[bool] = mapped_column(Boolean, default=False)  # "Ik help hiermee"
    note: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def text_aad(row: Task, column: str) -> str:
    """A dossier's task keeps the associated data it was written with before the move (the old
    table name and the dossier), so its ciphertext stays readable; a client's own or rights task
    is bound to its owner. It is sealed under the client's data key when it is theirs, else
    (a staff task) under the dossier's."""
    if row.dossier_id is not None:
        return aad("dossier_tasks", row.id, row.dossier_id, column,
                   user=row.owner_id, dossier=row.dossier_id)
    return aad("tasks", row.id, row.owner_id, column, user=row.owner_id)


for _column in ("title", "explanation", "steps"):
    register_encrypted_column(Task, _column, lambda row, c=_column: text_aad(row, c))


def note_aad(row: TaskHelp) -> str:
    """A helper's note is part of the task it is on: sealed under the task's key."""
    task = db.session.get(Task, row.task_id)
    if task is None:
        raise DecryptionError("the task of this note is gone")
    return aad("task_helps", row.id, row.task_id, row.link_id, "note",
               user=task.owner_id, dossier=task.dossier_id)


register_encrypted_column(TaskHelp, "note", note_aad)
