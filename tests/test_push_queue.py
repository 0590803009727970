"""The Redis (RQ) path against a real redis-server: the outbox ids go through the queue and an
RQ worker sends. Uses TEST_REDIS_URL (set by `make test`), else starts a redis-server here."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
from redis import Redis
from rq import SimpleWorker
from sqlalchemy import select

from api.db import db
from api.notifications import dispatch, service
from api.notifications.models import Delivery, Notification
from tests import pushservice
from tests.factories import discreet_payload, make_subscription

push_service = pushservice.push_service


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    url = os.environ.get("TEST_REDIS_URL")
    if url:
        yield url
        return
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but there is neither TEST_REDIS_URL nor redis-server")
        pytest.skip("no redis-server here (make test starts one)")
    port = _free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                                "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(100):
            try:
                with Redis.from_url(url) as probe:
                    probe.ping()
                break
            except Exception:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture
def rq(app, redis_url, push_service):
    """A clean queue, and the app's sender made afresh (it reads PUSH_ALLOWED_HOSTS)."""
    rq_queue = dispatch.rq_queue(redis_url)
    rq_queue.empty()  # only our queue: the Redis of `make test` is shared
    app.extensions.pop("houvast_push_sender", None)
    yield rq_queue
    sender = app.extensions.pop("houvast_push_sender", None)
    if sender is not None:
        sender.close()
    rq_queue.empty()
    rq_queue.connection.close()


def test_outbox_ids_go_through_redis_and_an_rq_worker_sends(make_user, push_service, rq):
    rq_queue = rq
    user = make_user()
    service.set_preferences(user.id, {}, None, detailed=False)  # real time: no quiet hours
    phone, laptop = push_service.new_device(), push_service.new_device()
    make_subscription(user, phone)
    make_subscription(user, laptop)
    for _ in range(3):
        service.notify(user.id, "dossier", "/dossier")
    db.session.commit()

    assert dispatch.enqueue_due(rq_queue) == 3
    assert dispatch.enqueue_due(rq_queue) == 0  # claimed: not enqueued twice
    assert rq_queue.count == 1  # up to IDS_PER_JOB ids per job
    assert push_service.requests == []  # nothing is sent before a worker runs

    worker = SimpleWorker([rq_queue], connection=rq_queue.connection)
    assert worker.work(burst=True)

    assert push_service.errors == []
    assert phone.received == [discreet_payload()] * 3
    assert laptop.received == [discreet_payload()] * 3
    assert {n.status for n in db.session.scalars(select(Notification))} == {"done"}
    assert {d.status for d in db.session.scalars(select(Delivery))} == {"sent"}


def test_the_dispatcher_thread_in_the_app_sends(tmp_path):
    """A separate app on its own SQLite file: the thread starts on the first request."""
    from api import create_app
    from api.auth.service import create_user
    from api.notifications import dispatch
    from tests.factories import make_settings, reset_schema
    from tests.pushservice import PushService

    receiver = PushService().start()
    app = create_app(make_settings(
        tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'thread.sqlite3'}",
        PUSH_DISPATCHER="thread", PUSH_POLL_SECONDS=0.05, PUSH_ALLOWED_HOSTS=[receiver.hostport]))
    dispatch.init_app(app)
    state = app.extensions["houvast_push"]
    try:
        reset_schema(app)
        receiver.application_server_key = app.config["VAPID_PUBLIC_KEY"]
        device = receiver.new_device()
        with app.app_context():
            user = create_user("thread-test", "a calm walk by the river", "client",
                               terms_version="test")
            db.session.flush()
            service.set_preferences(user.id, {}, None, detailed=False)
            make_subscription(user, device)
            service.notify(user.id, "dossier", "/dossier")
            db.session.commit()
        assert state["thread"] is None  # nothing runs before the first request
        app.test_client().get("/api/push/vapid-public-key").close()
        for _ in range(200):
            if device.received:
                break
            time.sleep(0.05)
        assert device.received == [discreet_payload()]
        assert receiver.errors == []
    finally:
        state["stop"].set()
        if state["thread"] is not None:
            state["thread"].join(10)
        sender = app.extensions.get("houvast_push_sender")
        if sender is not None:
            sender.close()
        app.extensions["houvast_db"].engine.dispose()
        receiver.stop()
