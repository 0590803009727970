"""`flask recovery stats`: the figures the organisation needs, without any personal data."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from api.recovery import service

recovery_cli = AppGroup("recovery", help="The recovery meter.")


@recovery_cli.command("stats")
def stats_command() -> None:
    """How many people took 1, 2, 3 and 4+ tests, the median days between tests, how many chose
    a reminder and how many reminders were followed by a test within 7 days (counts under 10
    print as "<10")."""
    figures = service.stats()
    tests = figures["tests"]
    click.echo(f"people with a self-test: {figures['people']}")
    click.echo(f"took 1 test: {tests['1']}; 2 tests: {tests['2']}; 3 tests: {tests['3']}; "
               f"4 or more: {tests['4+']}")
    click.echo(f"median days between tests: {figures['median_days_between_tests']}")
    click.echo(f"chose a reminder: {figures['chose_a_reminder']}")
    click.echo(f"reminders sent (kept 90 days): {figures['reminders_sent']}")
    click.echo("reminders followed by a test within 7 days: "
               f"{figures['reminders_followed_within_7_days']}")


commands = [recovery_cli]
