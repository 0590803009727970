"""web push: subscriptions, preferences, notification outbox, deliveries, reminders

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

import api.db

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _user_fk(table: str, column: str = "user_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["users.id"], ondelete="CASCADE",
                                   name=op.f(f"fk_{table}_{column}_users"))


def upgrade() -> None:
    op.create_table(
        "push_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("endpoint", sa.String(2048), nullable=False),
        sa.Column("p256dh", sa.String(128), nullable=False),
        sa.Column("auth", sa.String(64), nullable=False),
        sa.Column("expires_at", api.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("last_used_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("session_id", api.db.GUID(), nullable=True),
        _user_fk("push_subscriptions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_push_subscriptions")),
        sa.UniqueConstraint("endpoint", name=op.f("uq_push_subscriptions_endpoint")),
    )
    op.create_index(op.f("ix_push_subscriptions_user_id"), "push_subscriptions", ["user_id"])
    op.create_index(op.f("ix_push_subscriptions_session_id"), "push_subscriptions",
                    ["session_id"])
    op.create_table(
        "push_preferences",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("quiet_start", sa.Time(), nullable=True),
        sa.Column("quiet_end", sa.Time(), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("detailed", sa.Boolean(), nullable=False),
        _user_fk("push_preferences"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_push_preferences")),
    )
    op.create_table(
        "push_outbox",
        sa.Column("id", api.db.GUID(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("view", sa.String(200), nullable=False),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("urgency", sa.String(8), nullable=False),
        sa.Column("ttl", sa.Integer(), nullable=False),
        sa.Column("detail", sa.LargeBinary(), nullable=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("expanded", sa.Boolean(), nullable=False),
        sa.Column("not_before", api.db.UTCDateTime(), nullable=False),
        sa.Column("claim", sa.String(32), nullable=True),
        sa.Column("created_at", api.db.UTCDateTime(), nullable=False),
        _user_fk("push_outbox"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_push_outbox")),
    )
    op.create_index("ix_push_outbox_due", "push_outbox", ["status", "not_before"])
    op.create_index("ix_push_outbox_user", "push_outbox", ["user_id", "topic", "created_at"])
    op.create_table(
        "push_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notification_id", api.db.GUID(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", api.db.UTCDateTime(), nullable=False),
        sa.Column("sent_at", api.db.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["notification_id"], ["push_outbox.id"], ondelete="CASCADE",
                                name=op.f("fk_push_deliveries_notification_id_push_outbox")),
        sa.ForeignKeyConstraint(
            ["subscription_id"], ["push_subscriptions.id"], ondelete="SET NULL",
            name=op.f("fk_push_deliveries_subscription_id_push_subscriptions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_push_deliveries")),
    )
    op.create_index(op.f("ix_push_deliveries_notification_id"), "push_deliveries",
                    ["notification_id"])
    op.create_index(op.f("ix_push_deliveries_subscription_id"), "push_deliveries",
                    ["subscription_id"])
    op.create_table(
        "push_reminders",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("last_at", api.db.UTCDateTime(), nullable=False),
        _user_fk("push_reminders"),
        sa.PrimaryKeyConstraint("user_id", "topic", name=op.f("pk_push_reminders")),
    )


def downgrade() -> None:
    op.drop_table("push_reminders")
    op.drop_index(op.f("ix_push_deliveries_subscription_id"), table_name="push_deliveries")
    op.drop_index(op.f("ix_push_deliveries_notification_id"), table_name="push_deliveries")
    op.drop_table("push_deliveries")
    op.drop_index("ix_push_outbox_user", table_name="push_outbox")
    op.drop_index("ix_push_outbox_due", table_name="push_outbox")
    op.drop_table("push_outbox")
    op.drop_table("push_preferences")
    op.drop_index(op.f("ix_push_subscriptions_session_id"), table_name="push_subscriptions")
    op.drop_index(op.f("ix_push_subscriptions_user_id"), table_name="push_subscriptions")
    op.drop_table("push_subscriptions")
