"""64-bit sequence and version columns (PostgreSQL's INTEGER is 32-bit)

A device's cursor, a record's version and the chain's sequence only grow; on PostgreSQL they
become BIGINT. SQLite's INTEGER is 64-bit already: nothing changes there.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = {
    "sync_owner_sequences": ("last_seq", "pruned_seq"),
    "sync_changes": ("seq", "version"),
    "logbooks": ("version", "chain_seq"),
    "logbook_entries": ("version", "revision_count"),
    "logbook_events": ("seq", "revision"),
    "dossiers": ("version",),
    "dossier_events": ("version",),
    "dossier_tasks": ("version",),
}


def _alter(to: type[sa.types.TypeEngine], was: type[sa.types.TypeEngine]) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in COLUMNS.items():
        for column in columns:
            op.alter_column(table, column, type_=to(), existing_type=was())


def upgrade() -> None:
    _alter(sa.BigInteger, sa.Integer)


def downgrade() -> None:
    _alter(sa.Integer, sa.BigInteger)
