"""tasks: one task list for every source; the dossier's tasks move into it

The rows of `dossier_tasks` are copied into `tasks` as they are (source "staff", no owner: they
belong to their dossier); their ciphertext stays valid because a dossier task keeps its
associated data (api/tasks/models.py text_aad). The change log's "dossier_task" changes become
"task" changes, and every person who had one gets a full snapshot on their next sync (their
`pruned_seq` passes their last change), so a phone swaps its "dossier_task" records for "task"
records. Downgrade copies the staff tasks back; a client's own and rights tasks cannot exist
before this revision and are dropped.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

import api.db

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COMMON = ("id", "dossier_id", "source", "title", "explanation", "due_date", "done", "done_at",
          "created_by", "version", "deleted", "created_at", "updated_at")


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
    ]


def _resync(entity: str) -> None:
    """Everyone with a change of `entity` gets a full snapshot on their next sync."""
    op.execute(sa.text(
        "UPDATE sync_owner_sequences SET last_seq = last_seq + 1, pruned_seq = last_seq + 1 "
        "WHERE owner_id IN (SELECT DISTINCT owner_id FROM sync_changes WHERE entity = :e)"
    ).bindparams(e=entity))


def upgrade() -> None:
    op.create_table(
        "tasks",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("dossier_id", api.db.GUID(), nullable=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("right_id", sa.String(8), nullable=True),
        sa.Column("todo_key", sa.String(16), nullable=True),
        sa.Column("title", sa.LargeBinary(), nullable=True),
        sa.Column("explanation", sa.LargeBinary(), nullable=True),
        sa.Column("steps", sa.LargeBinary(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", api.db.UTCDateTime(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_tasks_owner_id_users")),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], ondelete="CASCADE",
                                name=op.f("fk_tasks_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_tasks_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
        sa.UniqueConstraint("owner_id", "todo_key", name="uq_tasks_owner_id_todo_key"),
    )
    op.create_index("ix_tasks_owner_id", "tasks", ["owner_id"])
    op.create_index(op.f("ix_tasks_dossier_id"), "tasks", ["dossier_id"])
    columns = ", ".join(COMMON)
    op.execute(f"INSERT INTO tasks ({columns}) SELECT {columns} FROM dossier_tasks")  # noqa: S608
    op.drop_index(op.f("ix_dossier_tasks_dossier_id"), table_name="dossier_tasks")
    op.drop_table("dossier_tasks")
    op.execute("UPDATE sync_changes SET entity = 'task' WHERE entity = 'dossier_task'")
    _resync("task")


def downgrade() -> None:
    op.create_table(
        "dossier_tasks",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("dossier_id", api.db.GUID(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("title", sa.LargeBinary(), nullable=True),
        sa.Column("explanation", sa.LargeBinary(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", api.db.UTCDateTime(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], ondelete="CASCADE",
                                name=op.f("fk_dossier_tasks_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_dossier_tasks_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_tasks")),
    )
    op.create_index(op.f("ix_dossier_tasks_dossier_id"), "dossier_tasks", ["dossier_id"])
    columns = ", ".join(COMMON)
    op.execute(f"INSERT INTO dossier_tasks ({columns}) SELECT {columns} FROM tasks "  # noqa: S608
               "WHERE dossier_id IS NOT NULL")
    _resync("task")  # before the changes of dropped tasks go: their people need a snapshot too
    op.execute("DELETE FROM sync_changes WHERE entity = 'task' AND record_id NOT IN "
               "(SELECT id FROM dossier_tasks)")
    op.execute("UPDATE sync_changes SET entity = 'dossier_task' WHERE entity = 'task'")
    op.drop_index(op.f("ix_tasks_dossier_id"), table_name="tasks")
    op.drop_index("ix_tasks_owner_id", table_name="tasks")
    op.drop_table("tasks")
