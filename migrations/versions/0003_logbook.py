"""personal logbook

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

import api.db

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _users_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                   name=op.f(f"fk_{table}_owner_id_users"))


def upgrade() -> None:
    op.create_table(
        "logbooks",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("title", sa.LargeBinary(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("chain_seq", sa.Integer(), nullable=False),
        sa.Column("chain_head", sa.String(64), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", api.db.UTCDateTime(), nullable=True),
        _users_fk("logbooks"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logbooks")),
    )
    op.create_index(op.f("ix_logbooks_owner_id"), "logbooks", ["owner_id"])
    op.create_table(
        "logbook_entries",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("logbook_id", api.db.GUID(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("revision_count", sa.Integer(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", api.db.UTCDateTime(), nullable=True),
        sa.Column("purged_at", api.db.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["logbook_id"], ["logbooks.id"], ondelete="CASCADE",
                                name=op.f("fk_logbook_entries_logbook_id_logbooks")),
        _users_fk("logbook_entries"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logbook_entries")),
    )
    op.create_index(op.f("ix_logbook_entries_logbook_id"), "logbook_entries", ["logbook_id"])
    op.create_index(op.f("ix_logbook_entries_owner_id"), "logbook_entries", ["owner_id"])
    op.create_table(
        "logbook_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("logbook_id", api.db.GUID(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entry_id", api.db.GUID(), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=True),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["logbook_id"], ["logbooks.id"], ondelete="CASCADE",
                                name=op.f("fk_logbook_events_logbook_id_logbooks")),
        _users_fk("logbook_events"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logbook_events")),
        sa.UniqueConstraint("logbook_id", "seq", name="uq_logbook_events_logbook_id_seq"),
    )
    op.create_index("ix_logbook_events_entry", "logbook_events", ["entry_id", "seq"])
    op.create_table(
        "logbook_photos",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("entry_id", api.db.GUID(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("image_key", sa.String(80), nullable=False),
        sa.Column("thumb_key", sa.String(80), nullable=False),
        sa.Column("print_key", sa.String(80), nullable=False),
        sa.Column("original_key", sa.String(80), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("original_sha256", sa.String(64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("stored_bytes", sa.Integer(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["logbook_entries.id"], ondelete="CASCADE",
                                name=op.f("fk_logbook_photos_entry_id_logbook_entries")),
        _users_fk("logbook_photos"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logbook_photos")),
    )
    op.create_index(op.f("ix_logbook_photos_entry_id"), "logbook_photos", ["entry_id"])
    op.create_index(op.f("ix_logbook_photos_owner_id"), "logbook_photos", ["owner_id"])


def downgrade() -> None:
    op.drop_table("logbook_photos")
    op.drop_table("logbook_events")
    op.drop_table("logbook_entries")
    op.drop_table("logbooks")
