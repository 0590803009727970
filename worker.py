"""The push worker's entry point, beside wsgi.py: RQ workers run `worker.deliver` jobs.

    rq worker -u $PUSH_QUEUE_URL --worker-class rq.worker.SimpleWorker houvast-push

The app is built on the first job, in the worker process (not when RQ imports this module to
find the function), and reused for every job after it.
"""

from __future__ import annotations

from flask import Flask, has_app_context

from api import create_app
from api.notifications import dispatch

_app: Flask | None = None


def deliver(ids: list[str]) -> int:
    """The RQ job: send the outbox rows `ids`. -> messages sent."""
    global _app
    if has_app_context():  # a worker inside a running app (tests, a SimpleWorker in-process)
        return dispatch.deliver(ids)
    if _app is None:
        _app = create_app()
    with _app.app_context():
        return dispatch.deliver(ids)
