"""recovery meter: profiles and self-tests

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

import api.db

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recovery_profiles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("event", sa.LargeBinary(), nullable=True),
        sa.Column("reminder", sa.String(8), nullable=True),
        sa.Column("callback_requested_at", api.db.UTCDateTime(), nullable=True),
        sa.Column("callback_note", sa.LargeBinary(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_recovery_profiles_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_recovery_profiles")),
        sa.UniqueConstraint("id", name=op.f("uq_recovery_profiles_id")),
    )
    op.create_table(
        "recovery_tests",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("answers", sa.LargeBinary(), nullable=False),
        sa.Column("shared_at", api.db.UTCDateTime(), nullable=True),
        sa.Column("after_reminder", sa.Boolean(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_recovery_tests_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_tests")),
    )
    op.create_index("ix_recovery_tests_owner_taken", "recovery_tests", ["owner_id", "taken_at"])


def downgrade() -> None:
    op.drop_index("ix_recovery_tests_owner_taken", table_name="recovery_tests")
    op.drop_table("recovery_tests")
    op.drop_table("recovery_profiles")
