"""Command-line commands: `flask --app wsgi db upgrade`, `users create`, `demo` and more.

Each domain keeps its own commands in its `cli.py`; this module only puts them together.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click
from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask, current_app
from flask.cli import AppGroup

ROOT = Path(__file__).resolve().parent.parent

# Modules that expose `commands`: a list of click commands or groups.
COMMAND_MODULES = (
    "api.auth.cli",
    "api.dossier.cli",
    "api.logbook.cli",
    "api.keys_cli",
    "api.push.cli",
    "api.sync.cli",
)

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


def register_commands(app: Flask) -> None:
    app.cli.add_command(db_cli)
    for name in COMMAND_MODULES:
        for cmd in importlib.import_module(name).commands:
            app.cli.add_command(cmd)
