"""`flask sync prune`: forget old mutation results and old changes (run it daily)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from api.db import db
from api.sync import service

sync_cli = AppGroup("sync", help="Offline sync upkeep.")


@sync_cli.command("prune")
def prune() -> None:
    """Delete mutation results and change-log rows past their retention."""
    counts = service.prune()
    db.session.commit()
    click.echo(f"pruned {counts['mutations']} mutation results, {counts['changes']} changes")


commands = [sync_cli]
