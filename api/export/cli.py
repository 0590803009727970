"""`flask export purge`: wipe exports that expired or got stuck (run it daily, with
`flask logbook purge`). Prints a count only."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from api.export import service

export_cli = AppGroup("export", help="Download al mijn gegevens.")


@export_cli.command("purge")
def purge() -> None:
    """Wipe ready exports past their 24 hours, and failed or stuck ones."""
    click.echo(f"wiped {service.purge()} exports")


commands = [export_cli]
