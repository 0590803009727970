"""rights: one situation per person (encrypted answers and choices)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

import api.db

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rights_situations",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("answers", sa.LargeBinary(), nullable=False),
        sa.Column("choices", sa.LargeBinary(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_rights_situations_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_rights_situations")),
        sa.UniqueConstraint("id", name=op.f("uq_rights_situations_id")),
    )


def downgrade() -> None:
    op.drop_table("rights_situations")
