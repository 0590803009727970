"""rights: one situation per person (encrypted answers and choices), staff suggestions

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
    op.create_table(
        "rights_suggestions",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("dossier_id", api.db.GUID(), nullable=False),
        sa.Column("right_id", sa.String(8), nullable=False),
        sa.Column("suggested_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], ondelete="CASCADE",
                                name=op.f("fk_rights_suggestions_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(["suggested_by"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_rights_suggestions_suggested_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rights_suggestions")),
        sa.UniqueConstraint("dossier_id", "right_id",
                            name="uq_rights_suggestions_dossier_id_right_id"),
    )
    op.create_index(op.f("ix_rights_suggestions_dossier_id"), "rights_suggestions",
                    ["dossier_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_rights_suggestions_dossier_id"), table_name="rights_suggestions")
    op.drop_table("rights_suggestions")
    op.drop_table("rights_situations")
