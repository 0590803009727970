"""sync: change log, owner sequences, mutation log

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
        sa.Column("pruned_seq", sa.Integer(), server_default="0", nullable=False),
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
    op.create_table(
        "sync_mutations",
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("mutation_id", sa.String(64), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_sync_mutations_owner_id_users")),
        sa.PrimaryKeyConstraint("owner_id", "mutation_id", name=op.f("pk_sync_mutations")),
    )
    op.create_index(op.f("ix_sync_mutations_created_at"), "sync_mutations", ["created_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_mutations_created_at"), table_name="sync_mutations")
    op.drop_table("sync_mutations")
    op.drop_index("ix_sync_changes_record", table_name="sync_changes")
    op.drop_table("sync_changes")
    op.drop_table("sync_owner_sequences")
