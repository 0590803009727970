"""dossier: dossiers, timeline events, tasks, staff audit log

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

import api.db

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    """Columns every synced dossier record has."""
    return [
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "dossiers",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.LargeBinary(), nullable=False),
        sa.Column("contact_name", sa.String(64), nullable=True),
        sa.Column("contact_phone", sa.String(32), nullable=True),
        sa.Column("contact_hours", sa.String(120), nullable=True),
        sa.Column("invite_hash", sa.String(64), nullable=True),
        sa.Column("invite_expires_at", api.db.UTCDateTime(), nullable=True),
        sa.Column("linked_at", api.db.UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_dossiers_staff_id_users")),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_dossiers_client_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossiers")),
        sa.UniqueConstraint("client_id", name=op.f("uq_dossiers_client_id")),
        sa.UniqueConstraint("invite_hash", name=op.f("uq_dossiers_invite_hash")),
    )
    op.create_index(op.f("ix_dossiers_staff_id"), "dossiers", ["staff_id"])

    op.create_table(
        "dossier_events",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("dossier_id", api.db.GUID(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("title", sa.LargeBinary(), nullable=True),
        sa.Column("body", sa.LargeBinary(), nullable=True),
        sa.Column("link", sa.LargeBinary(), nullable=True),
        sa.Column("occurred_at", api.db.UTCDateTime(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], ondelete="CASCADE",
                                name=op.f("fk_dossier_events_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_dossier_events_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_events")),
    )
    op.create_index(op.f("ix_dossier_events_dossier_id"), "dossier_events", ["dossier_id"])

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

    op.create_table(
        "dossier_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("dossier_id", api.db.GUID(), nullable=False),
        sa.Column("target_id", api.db.GUID(), nullable=True),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_dossier_audit_actor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_audit")),
    )
    op.create_index(op.f("ix_dossier_audit_dossier_id"), "dossier_audit", ["dossier_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_dossier_audit_dossier_id"), table_name="dossier_audit")
    op.drop_table("dossier_audit")
    op.drop_index(op.f("ix_dossier_tasks_dossier_id"), table_name="dossier_tasks")
    op.drop_table("dossier_tasks")
    op.drop_index(op.f("ix_dossier_events_dossier_id"), table_name="dossier_events")
    op.drop_table("dossier_events")
    op.drop_index(op.f("ix_dossiers_staff_id"), table_name="dossiers")
    op.drop_table("dossiers")
