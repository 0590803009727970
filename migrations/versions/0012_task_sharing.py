"""task sharing: a client shares tasks with the people who help them; what a helper adds

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

import api.db

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("shared_to_all", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("shared_link_ids", sa.JSON(), nullable=False,
                                   server_default="[]"))
        batch.add_column(sa.Column("helpers_may_tick", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("done_by_link", api.db.GUID(), nullable=True))
    op.create_table(
        "task_helps",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("task_id", api.db.GUID(), nullable=False),
        sa.Column("link_id", api.db.GUID(), nullable=False),
        sa.Column("helping", sa.Boolean(), nullable=False),
        sa.Column("note", sa.LargeBinary(), nullable=True),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="CASCADE",
                                name=op.f("fk_task_helps_task_id_tasks")),
        sa.ForeignKeyConstraint(["link_id"], ["helper_links.id"], ondelete="CASCADE",
                                name=op.f("fk_task_helps_link_id_helper_links")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_helps")),
        sa.UniqueConstraint("task_id", "link_id", name="uq_task_helps_task_link"),
    )
    op.create_index(op.f("ix_task_helps_link_id"), "task_helps", ["link_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_task_helps_link_id"), table_name="task_helps")
    op.drop_table("task_helps")
    with op.batch_alter_table("tasks") as batch:
        batch.drop_column("done_by_link")
        batch.drop_column("helpers_may_tick")
        batch.drop_column("shared_link_ids")
        batch.drop_column("shared_to_all")
