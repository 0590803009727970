"""`flask logbook purge` and `flask logbook verify ID`. They print counts and hashes, never
content."""

from __future__ import annotations

import uuid

import click
from flask.cli import AppGroup

from api.db import db
from api.logbook import chain, service
from api.logbook.models import Logbook

logbook_cli = AppGroup("logbook", help="The personal logbook.")


@logbook_cli.command("purge")
def purge() -> None:
    """Remove entries and logbooks deleted more than 30 days ago (run daily)."""
    counts = service.purge()
    db.session.commit()
    click.echo(f"purged {counts['entries']} entries and {counts['logbooks']} logbooks")


@logbook_cli.command("verify")
@click.argument("logbook_id", type=click.UUID)
def verify(logbook_id: uuid.UUID) -> None:
    """Recompute the hash chain of logbook LOGBOOK_ID; exit code 1 when it is broken."""
    logbook = db.session.get(Logbook, logbook_id)
    if logbook is None:
        raise click.ClickException("no logbook with this id")
    result = chain.verify(logbook)
    if result.intact:
        click.echo(f"intact: {result.events} events, head {result.head}")
        return
    for problem in result.problems:
        click.echo(f"broken at event {problem['seq']}: {problem['problem']}")
    raise SystemExit(1)


commands = [logbook_cli]
