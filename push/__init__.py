"""Web push: VAPID signing, payloads, the dispatcher, queue backends and timing rules.

`init_app(app)` adds the push settings and, unless PUSH_DISPATCHER is "off" (tests, or when a
separate `flask push worker` runs), starts the dispatcher thread on the app's first request —
not at import, so `flask db upgrade` and other commands never start it.
"""

from __future__ import annotations

import threading

from flask import Flask


def init_app(app: Flask) -> None:
    from push.queue import DEFAULTS, serve

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
