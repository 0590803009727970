"""helpers: invites, links between a client and the people who help them, the help message

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

import api.db

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "helper_invites",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("name", sa.LargeBinary(), nullable=False),
        sa.Column("expires_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_helper_invites_client_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_helper_invites")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_helper_invites_code_hash")),
    )
    op.create_index(op.f("ix_helper_invites_client_id"), "helper_invites", ["client_id"])
    op.create_table(
        "helper_links",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("helper_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.LargeBinary(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("last_sync_at", api.db.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_helper_links_client_id_users")),
        sa.ForeignKeyConstraint(["helper_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_helper_links_helper_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_helper_links")),
        sa.UniqueConstraint("client_id", "helper_id", name="uq_helper_links_pair"),
    )
    op.create_index("ix_helper_links_helper_id", "helper_links", ["helper_id"])
    op.create_table(
        "help_messages",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.LargeBinary(), nullable=True),
        sa.Column("to_all", sa.Boolean(), nullable=False),
        sa.Column("link_ids", sa.JSON(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_help_messages_client_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_messages")),
        sa.UniqueConstraint("client_id", name=op.f("uq_help_messages_client_id")),
    )


def downgrade() -> None:
    op.drop_table("help_messages")
    op.drop_index("ix_helper_links_helper_id", table_name="helper_links")
    op.drop_table("helper_links")
    op.drop_index(op.f("ix_helper_invites_client_id"), table_name="helper_invites")
    op.drop_table("helper_invites")
