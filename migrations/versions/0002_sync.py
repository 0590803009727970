"""sync change log

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

import api.db

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_owner_sequences",
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_sync_owner_sequences_owner_id_users")),
        sa.PrimaryKeyConstraint("owner_id", name=op.f("pk_sync_owner_sequences")),
    )
    op.create_table(
        "sync_changes",
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("record_id", api.db.GUID(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_sync_changes_owner_id_users")),
        sa.PrimaryKeyConstraint("owner_id", "seq", name=op.f("pk_sync_changes")),
    )
    op.create_index("ix_sync_changes_record", "sync_changes",
                    ["owner_id", "entity", "record_id"])


def downgrade() -> None:
    op.drop_index("ix_sync_changes_record", table_name="sync_changes")
    op.drop_table("sync_changes")
    op.drop_table("sync_owner_sequences")
