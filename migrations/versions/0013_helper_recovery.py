"""helper recovery: a client lets a helper see how it is going (the recovery meter's bands)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("helper_links") as batch:
        batch.add_column(sa.Column("shares_recovery", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("recovery_version", sa.BigInteger(), nullable=False,
                                   server_default="0"))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+), never a copy of the table: with foreign keys on,
    # dropping the old copy of a parent table would cascade into every row that points to it.
    with op.batch_alter_table("helper_links", recreate="never") as batch:
        batch.drop_column("recovery_version")
        batch.drop_column("shares_recovery")
