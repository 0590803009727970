"""Command-line commands: `flask --app wsgi db upgrade`, `users create`, `demo` and more.

Each domain keeps its own commands in its `cli.py` and declares them in its `domain.py`; this
module adds them, and the commands that belong to no domain (`db`, `keys`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click
from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask, current_app
from flask.cli import AppGroup

from api import keys_cli
from api.domain import Domain

ROOT = Path(__file__).resolve().parent.parent

db_cli = AppGroup("db", help="Database migrations.")


def alembic_config() -> AlembicConfig:
    cfg = AlembicConfig(str(ROOT / "migrations" / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.attributes["database_url"] = current_app.config["DATABASE_URL"]
    return cfg


@db_cli.command("upgrade")
@click.argument("revision", default="heads")
def upgrade(revision: str) -> None:
    """Migrate the database to REVISION (default: the newest)."""
    command.upgrade(alembic_config(), revision)


@db_cli.command("downgrade")
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Migrate the database down to REVISION."""
    command.downgrade(alembic_config(), revision)


def register_commands(app: Flask, domains: Iterable[Domain]) -> None:
    app.cli.add_command(db_cli)
    for cmd in keys_cli.commands:
        app.cli.add_command(cmd)
    for domain in domains:
        for cmd in domain.commands:
            app.cli.add_command(cmd)
