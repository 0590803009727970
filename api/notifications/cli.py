"""`flask push worker | send-due | prune`: the dispatcher in its own process, and cron jobs."""

from __future__ import annotations

import signal
import threading

import click
from flask import current_app
from flask.cli import AppGroup

from api.notifications import dispatch

push_cli = AppGroup("push", help="Web push notifications.")


@push_cli.command("worker")
def worker() -> None:
    """Send queued notifications until stopped (also runs send-due and prune on a timer).

    With PUSH_QUEUE_URL set it hands the outbox to RQ workers instead:
    `rq worker -u $PUSH_QUEUE_URL --worker-class rq.worker.SimpleWorker houvast-push`.
    """
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    click.echo("push worker: running (Ctrl+C stops)")
    dispatch.serve(current_app._get_current_object(), stop)
    dispatch.sender_for(current_app).close()


@push_cli.command("send-due")
def send_due() -> None:
    """Queue open-task reminders and remove unused subscriptions (run from cron)."""
    reminders, pruned = dispatch.housekeeping()
    click.echo(f"{reminders} reminder(s) queued; {pruned['subscriptions']} unused "
               f"subscription(s) removed")


@push_cli.command("prune")
def prune() -> None:
    """Remove subscriptions unused for 60 days and delivery records older than 90 days."""
    from api.db import db
    from api.notifications import service

    pruned = service.prune()
    db.session.commit()
    click.echo(f"{pruned['subscriptions']} subscription(s) and {pruned['notifications']} "
               f"old notification record(s) removed")


commands = [push_cli]
