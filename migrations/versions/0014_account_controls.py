"""account controls: the recovery code (only its argon2id hash) and the device of a session

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("recovery_hash", sa.String(length=255), nullable=True))
    with op.batch_alter_table("auth_sessions") as batch:
        batch.add_column(sa.Column("device", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("new_device", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+), never a copy of the table: with foreign keys on,
    # dropping the old copy of a parent table would cascade into every row that points to it.
    with op.batch_alter_table("auth_sessions", recreate="never") as batch:
        batch.drop_column("new_device")
        batch.drop_column("device")
    with op.batch_alter_table("users", recreate="never") as batch:
        batch.drop_column("recovery_hash")
