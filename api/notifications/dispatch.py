"""Running the dispatcher: in a thread of the app, as `flask push worker`, or through RQ.

Every way runs the same round: claim due outbox rows (a lease, so several dispatchers can run
side by side), plan, send, record. With PUSH_QUEUE_URL set, the round only claims and enqueues
the outbox ids on Redis; RQ workers run `worker.deliver` (beside wsgi.py), which plans, sends
and records. A timer in the loop runs the housekeeping: the domains' reminders (`send-due`)
and pruning.

`init_app(app)` adds the push settings and, unless PUSH_DISPATCHER is "off" (tests, or when a
separate `flask push worker` runs), starts the dispatcher thread on the app's first request —
not at import, so `flask db upgrade` and other commands never start it.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
import uuid
from datetime import datetime

from flask import Flask, current_app

from api.db import db, utcnow
from api.notifications import service
from push.dispatcher import Sender

log = logging.getLogger(__name__)

QUEUE_NAME = "houvast-push"
WORKER_JOB = "worker.deliver"  # by name: the worker's entry point sits above the api package
BATCH = 500
IDS_PER_JOB = 50
# Settings with their defaults (init_app puts them in app.config).
DEFAULTS = {"PUSH_POLL_SECONDS": 2.0, "PUSH_HOUSEKEEPING_SECONDS": 900.0, "PUSH_THREADS": 8,
            "PUSH_TIMEOUT": 10.0}


def sender_for(app: Flask) -> Sender:
    """The process's sender (one per app: its sessions and VAPID cache are reused)."""
    sender = app.extensions.get("houvast_push_sender")
    if sender is None:
        sender = Sender(app.config["VAPID_PRIVATE_KEY"], app.config["VAPID_SUBJECT"],
                        app.config["PUSH_ALLOWED_HOSTS"], threads=app.config["PUSH_THREADS"],
                        timeout=app.config["PUSH_TIMEOUT"])
        app.extensions["houvast_push_sender"] = sender
    return sender


def process(ids: list[uuid.UUID], sender: Sender, now: datetime) -> int:
    """Plan, send and record claimed rows; commits between steps. -> messages sent."""
    jobs = service.plan(ids, now)
    db.session.commit()  # nothing stays locked while we wait on push services
    results = sender.send_many(jobs, now.timestamp())
    service.apply(results, now)
    db.session.commit()
    return len(jobs)


def run_once(sender: Sender, now: datetime | None = None, limit: int = BATCH) -> int:
    """One round in this process: -> messages sent (0 when nothing was due)."""
    now = now or utcnow()
    ids = service.claim_due(now, secrets.token_hex(8), limit)
    db.session.commit()
    return process(ids, sender, now) if ids else 0


def enqueue_due(queue, now: datetime | None = None, limit: int = BATCH) -> int:
    """Claim due rows and hand their ids to RQ workers. -> rows enqueued."""
    ids = service.claim_due(now or utcnow(), secrets.token_hex(8), limit)
    db.session.commit()
    for start in range(0, len(ids), IDS_PER_JOB):
        queue.enqueue(WORKER_JOB, [str(i) for i in ids[start:start + IDS_PER_JOB]])
    return len(ids)


def rq_queue(url: str):
    from redis import Redis
    from rq import Queue

    return Queue(QUEUE_NAME, connection=Redis.from_url(url))


def deliver(ids: list[str], now: datetime | None = None) -> int:
    """Send the outbox rows `ids` (claimed by `enqueue_due`), in an app context."""
    return process([uuid.UUID(i) for i in ids], sender_for(current_app), now or utcnow())


def housekeeping(now: datetime | None = None) -> tuple[int, dict[str, int]]:
    reminders = service.send_due(now)
    pruned = service.prune(now)
    db.session.commit()
    return reminders, pruned


def serve(app: Flask, stop: threading.Event) -> None:
    """The dispatcher loop until `stop` is set: a round every PUSH_POLL_SECONDS, housekeeping
    every PUSH_HOUSEKEEPING_SECONDS."""
    poll = app.config["PUSH_POLL_SECONDS"]
    every = app.config["PUSH_HOUSEKEEPING_SECONDS"]
    url = app.config["PUSH_QUEUE_URL"]
    queue = rq_queue(url) if url else None
    next_housekeeping = time.monotonic()
    while not stop.is_set():
        busy = False
        with app.app_context():
            try:
                if time.monotonic() >= next_housekeeping:
                    next_housekeeping = time.monotonic() + every
                    housekeeping()
                if queue is not None:
                    busy = enqueue_due(queue) >= BATCH
                else:
                    busy = run_once(sender_for(app)) > 0
            except Exception:
                log.exception("push dispatcher: a round failed; trying again")
                db.session.rollback()
        if not busy:
            stop.wait(poll)


def init_app(app: Flask) -> None:
    if "houvast_push" in app.extensions:
        return
    app.config.setdefault("PUSH_DISPATCHER", "off" if app.testing else "thread")
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    # `stop` ends the thread (tests, shutdown); `thread` is set once it runs.
    state: dict = {"stop": threading.Event(), "thread": None}
    app.extensions["houvast_push"] = state
    if app.config["PUSH_DISPATCHER"] != "thread":
        return
    lock = threading.Lock()

    @app.before_request
    def _start_dispatcher() -> None:
        if state["thread"] is not None:
            return
        with lock:
            if state["thread"] is None:
                state["thread"] = threading.Thread(target=serve, args=(app, state["stop"]),
                                                   name="push-dispatcher", daemon=True)
                state["thread"].start()
