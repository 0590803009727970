"""The dispatcher against a real local push service: real VAPID, real aes128gcm, real HTTP."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from api.db import db
from api.notifications import dispatch, service
from api.notifications.models import Delivery, Notification, Subscription
from push.dispatcher import Sender
from tests import pushservice
from tests.factories import discreet_payload, make_subscription
from tests.pushservice import PushService, amsterdam

push_service, sender, clock = pushservice.push_service, pushservice.sender, pushservice.clock

EVENT = {"title": "Aangifte verwerkt", "body": "Rechercheur Jansen belt u over de inbraak"}


def deliveries() -> list[Delivery]:
    return list(db.session.scalars(select(Delivery).order_by(Delivery.id)))


def outbox() -> list[Notification]:
    return list(db.session.scalars(select(Notification).order_by(Notification.created_at)))


def test_an_event_reaches_every_device_of_the_user_discreetly(make_user, push_service, sender,
                                                             clock):
    user, other = make_user(), make_user()
    phone, tablet, strangers = (push_service.new_device() for _ in range(3))
    make_subscription(user, phone)
    make_subscription(user, tablet)
    make_subscription(other, strangers)

    service.notify(user.id, "dossier", "/dossier", detail=EVENT)
    db.session.commit()
    assert dispatch.run_once(sender, clock.now) == 2

    assert push_service.errors == []
    assert phone.received == [discreet_payload()] and tablet.received == [discreet_payload()]
    assert strangers.received == []
    records = deliveries()
    assert [(d.status, d.status_code, d.attempts) for d in records] == [("sent", 201, 1)] * 2
    assert all(d.sent_at == clock.now for d in records)
    assert [n.status for n in outbox()] == ["done"]
    # Nothing of the event in what was sent, nor in the stored row (only ciphertext).
    sent = [r.payload for r in push_service.requests]
    stored = outbox()[0].detail
    for word in ("Aangifte", "Jansen", "inbraak"):
        assert word not in str(sent)
        assert word.encode() not in stored


def test_detailed_payload_only_for_people_who_chose_it(make_user, push_service, sender, clock):
    detailed, discreet_user = make_user(), make_user()
    service.set_preferences(detailed.id, {}, None, detailed=True)
    first, second = push_service.new_device(), push_service.new_device()
    make_subscription(detailed, first)
    make_subscription(discreet_user, second)
    for user in (detailed, discreet_user):
        service.notify(user.id, "dossier", "/dossier", detail=EVENT, topic="dossier-update")
    db.session.commit()
    dispatch.run_once(sender, clock.now)

    assert first.received == [{**discreet_payload(topic="dossier-update"), **EVENT}]
    assert second.received == [discreet_payload(topic="dossier-update")]


def test_headers_carry_ttl_urgency_and_topic(make_user, push_service, sender, clock):
    user = make_user()
    device = push_service.new_device()
    make_subscription(user, device)
    service.notify(user.id, "tasks", "/tasks", topic="open-tasks", urgency="high", ttl=3600)
    db.session.commit()
    dispatch.run_once(sender, clock.now)

    (request,) = push_service.requests
    headers = request.headers
    assert (headers["ttl"], headers["urgency"], headers["topic"]) == ("3600", "high",
                                                                        "open-tasks")
    assert headers["content-encoding"] == "aes128gcm"


@pytest.mark.parametrize("status", [404, 410])
def test_a_gone_subscription_is_deleted(make_user, push_service, sender, clock, status):
    user = make_user()
    gone, kept = push_service.new_device([status]), push_service.new_device()
    make_subscription(user, gone)
    make_subscription(user, kept)
    service.notify(user.id, "dossier", "/dossier")
    db.session.commit()
    dispatch.run_once(sender, clock.now)

    endpoints = db.session.scalars(select(Subscription.endpoint)).all()
    assert endpoints == [kept.endpoint]
    by_code = {d.status_code: d.status for d in deliveries()}
    assert by_code == {status: "gone", 201: "sent"}

    service.notify(user.id, "dossier", "/dossier")
    db.session.commit()
    dispatch.run_once(sender, clock.advance(minutes=1))
    assert len(push_service.requests_for(gone)) == 1
    assert len(kept.received) == 2


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_vapid_keeps_the_subscription_and_logs_without_content(
        make_user, push_service, sender, clock, caplog, status):
    user = make_user()
    device = push_service.new_device([status])
    make_subscription(user, device)
    service.notify(user.id, "dossier", "/dossier", detail=EVENT)
    db.session.commit()
    with caplog.at_level(logging.ERROR, logger="push"):
        dispatch.run_once(sender, clock.now)

    assert db.session.scalars(select(Subscription.endpoint)).all() == [device.endpoint]
    assert [(d.status, d.status_code) for d in deliveries()] == [("rejected", status)]
    assert "VAPID" in caplog.text and push_service.origin in caplog.text
    assert device.id not in caplog.text and "Jansen" not in caplog.text


def test_429_retry_after_is_honoured_for_the_whole_origin(make_user, push_service, sender,
                                                          clock):
    user = make_user()
    busy = push_service.new_device([429], retry_after="120")
    other = push_service.new_device()
    make_subscription(user, busy)
    service.notify(user.id, "dossier", "/dossier")
    db.session.commit()
    start = clock.now
    dispatch.run_once(sender, start)
    assert [r.status for r in push_service.requests] == [429]

    # Same origin, another device: waits too, without being tried.
    make_subscription(make_user(), other)
    service.notify(other_user_id(other), "dossier", "/dossier")
    db.session.commit()
    dispatch.run_once(sender, clock.advance(seconds=60))
    dispatch.run_once(sender, clock.advance(seconds=59))
    assert len(push_service.requests) == 1

    dispatch.run_once(sender, clock.advance(seconds=2))  # 121 s after the 429
    assert push_service.errors == []
    assert [r.at - start.timestamp() for r in push_service.requests[1:]] == [121, 121]
    assert busy.received == [discreet_payload()] and other.received == [discreet_payload()]
    assert {d.status for d in deliveries()} == {"sent"}


def other_user_id(device) -> int:
    return db.session.scalar(select(Subscription.user_id).where(
        Subscription.endpoint == device.endpoint))


def test_server_errors_are_retried_with_back_off_then_sent(make_user, push_service, sender,
                                                           clock):
    user = make_user()
    device = push_service.new_device([500, 503])
    make_subscription(user, device)
    service.notify(user.id, "dossier", "/dossier")
    db.session.commit()
    start = clock.timestamp()
    for _ in range(12):  # a round every 10 s for two minutes
        dispatch.run_once(sender, clock.now)
        clock.advance(seconds=10)

    assert [r.status for r in push_service.requests] == [500, 503, 201]
    # 30 s after the first failure, then 60 s after the second.
    assert [r.at - start for r in push_service.requests] == [0, 30, 90]
    assert [(d.status, d.attempts) for d in deliveries()] == [("sent", 3)]
    assert device.received == [discreet_payload()]


def test_attempts_are_bounded_then_marked_failed(make_user, push_service, sender, clock):
    user = make_user()
    device = push_service.new_device([500] * 10)
    make_subscription(user, device)
    service.notify(user.id, "dossier", "/dossier")
    db.session.commit()
    for _ in range(10):
        dispatch.run_once(sender, clock.advance(hours=1))

    assert [(d.status, d.attempts, d.status_code) for d in deliveries()] == [("failed", 6, 500)]
    assert len(push_service.requests) == 6
    assert [n.status for n in outbox()] == ["done"]


def test_quiet_hours_hold_back_until_they_end(make_user, push_service, sender, clock):
    user = make_user()  # default quiet hours 21:00-08:00 Europe/Amsterdam
    device = push_service.new_device()
    make_subscription(user, device)
    clock.now = amsterdam(23, 0)
    service.notify(user.id, "dossier", "/dossier")
    db.session.commit()

    dispatch.run_once(sender, clock.now)
    clock.now = amsterdam(7, 59, days=2)
    dispatch.run_once(sender, clock.now)
    assert push_service.requests == []
    assert outbox()[0].not_before == amsterdam(8, 0, days=2)

    clock.now = amsterdam(8, 0, days=2)
    dispatch.run_once(sender, clock.now)
    assert device.received == [discreet_payload()]


def test_a_disabled_kind_is_not_sent_but_recorded_as_skipped(make_user, push_service, sender,
                                                             clock):
    user = make_user()
    service.set_preferences(user.id, {"dossier": False}, None, detailed=False)
    device = push_service.new_device()
    make_subscription(user, device)
    service.notify(user.id, "dossier", "/dossier")
    service.notify(user.id, "tasks", "/tasks")
    db.session.commit()
    dispatch.run_once(sender, clock.now)

    assert [p["kind"] for p in device.received] == ["tasks"]
    assert {n.kind: n.status for n in outbox()} == {"dossier": "skipped", "tasks": "done"}


def test_a_user_without_subscriptions_gets_nothing_and_no_error(make_user, push_service,
                                                                sender, clock):
    user = make_user()
    service.notify(user.id, "dossier", "/dossier")
    db.session.commit()
    assert dispatch.run_once(sender, clock.now) == 0
    assert push_service.requests == [] and deliveries() == []
    assert [n.status for n in outbox()] == ["done"]


def test_notify_writes_in_the_callers_transaction(make_user):
    user = make_user()
    service.notify(user.id, "dossier", "/dossier")
    db.session.rollback()  # the caller's change failed: no notification either
    assert outbox() == []
    service.notify(user.id, "dossier", "/dossier")
    db.session.commit()
    assert len(outbox()) == 1


@pytest.mark.parametrize("kwargs", [
    {"kind": "crime"}, {"topic": "open tasks"}, {"topic": "x" * 33}, {"ttl": 0},
    {"urgency": "asap"}, {"view": "https://evil.example/"},
])
def test_notify_rejects_wrong_arguments(make_user, kwargs):
    user = make_user()
    args = {"kind": "dossier", "view": "/dossier", **kwargs}
    with pytest.raises(ValueError):
        service.notify(user.id, **args)


def test_the_vapid_header_is_signed_once_per_origin(app, make_user, push_service, sender,
                                                   clock):
    second = PushService(application_server_key=app.config["VAPID_PUBLIC_KEY"],
                         clock=clock.timestamp).start()
    try:
        allowed = [*app.config["PUSH_ALLOWED_HOSTS"], second.hostport]
        app.config["PUSH_ALLOWED_HOSTS"] = allowed  # restored by push_service's monkeypatch
        two_origins = Sender(app.config["VAPID_PRIVATE_KEY"], app.config["VAPID_SUBJECT"],
                             allowed, threads=4)
        user = make_user()
        service.set_preferences(user.id, {}, None, detailed=False)  # no quiet hours
        devices = [push_service.new_device() for _ in range(3)] + [second.new_device()
                                                                   for _ in range(2)]
        for device in devices:
            make_subscription(user, device)
        for _ in range(2):
            service.notify(user.id, "dossier", "/dossier")
        db.session.commit()
        dispatch.run_once(two_origins, clock.now)
        assert two_origins.signer.signatures == 2
        # Each origin got its own `aud` (a shared, mutated claims dict would repeat the first).
        assert push_service.errors == [] and second.errors == []
        assert all(len(d.received) == 2 for d in devices)

        service.notify(user.id, "dossier", "/dossier")
        db.session.commit()
        dispatch.run_once(two_origins, clock.advance(hours=11, minutes=1))  # near their expiry
        assert two_origins.signer.signatures == 4
        assert all(len(d.received) == 3 for d in devices)
        assert push_service.errors == [] and second.errors == []
        two_origins.close()
    finally:
        second.stop()


def test_claims_are_a_new_dict_every_time(sender, clock):
    signer = sender.signer
    first = signer.claims("https://fcm.googleapis.com", clock.timestamp())
    first["aud"] = "https://evil.example"
    second = signer.claims("https://fcm.googleapis.com", clock.timestamp())
    assert first is not second
    assert second["aud"] == "https://fcm.googleapis.com"
    assert second["sub"] == signer.subject


def test_an_endpoint_no_longer_allowed_is_not_called(app, make_user, push_service, clock):
    user = make_user()
    device = push_service.new_device()
    make_subscription(user, device)
    service.notify(user.id, "dossier", "/dossier")
    db.session.commit()
    strict = Sender(app.config["VAPID_PRIVATE_KEY"], app.config["VAPID_SUBJECT"], [])
    dispatch.run_once(strict, clock.now)
    strict.close()

    assert push_service.requests == []
    assert [(d.status, d.attempts) for d in deliveries()] == [("failed", 1)]


def test_a_detail_that_no_longer_decrypts_is_sent_discreetly(make_user, push_service, sender,
                                                             clock):
    user = make_user()
    service.set_preferences(user.id, {}, None, detailed=True)
    device = push_service.new_device()
    make_subscription(user, device)
    service.notify(user.id, "dossier", "/dossier", detail=EVENT)
    db.session.flush()
    outbox()[0].detail = b"\x01\x02k9" + bytes(40)  # damaged, or its key was removed
    db.session.commit()
    dispatch.run_once(sender, clock.now)
    assert device.received == [discreet_payload()]


class _Misbehaving:
    """An allowed push service that answers with a redirect, or too slowly."""

    def __init__(self, redirect_to: str | None = None, delay: float = 0.0) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        outer = self
        self.hits = 0

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                outer.hits += 1
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if delay:
                    import time

                    time.sleep(delay)
                self.send_response(307 if redirect_to else 201)
                if redirect_to:
                    self.send_header("Location", redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.hostport = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _subscribe_at(app, user, host: _Misbehaving, device) -> None:
    app.config["PUSH_ALLOWED_HOSTS"] = [*app.config["PUSH_ALLOWED_HOSTS"], host.hostport]
    keys = device.subscription()["keys"]
    service.subscribe(user.id, f"http://{host.hostport}/push/x", keys["p256dh"], keys["auth"])


def test_a_redirect_is_not_followed_to_another_host(app, make_user, push_service, clock):
    device = push_service.new_device()
    hop = _Misbehaving(redirect_to=device.endpoint)  # the target would accept the message
    try:
        user = make_user()
        _subscribe_at(app, user, hop, device)  # restored by push_service's monkeypatch
        service.notify(user.id, "dossier", "/dossier")
        db.session.commit()
        strict = Sender(app.config["VAPID_PRIVATE_KEY"], app.config["VAPID_SUBJECT"],
                        app.config["PUSH_ALLOWED_HOSTS"])
        dispatch.run_once(strict, clock.now)
        strict.close()
        assert hop.hits == 1
        assert push_service.requests == [] and device.received == []
        assert [(d.status, d.attempts) for d in deliveries()] == [("failed", 1)]
    finally:
        hop.stop()


def test_a_timeout_is_retried_later(app, make_user, push_service, clock):
    device = push_service.new_device()
    slow = _Misbehaving(delay=1.0)
    try:
        user = make_user()
        _subscribe_at(app, user, slow, device)
        service.notify(user.id, "dossier", "/dossier")
        db.session.commit()
        impatient = Sender(app.config["VAPID_PRIVATE_KEY"], app.config["VAPID_SUBJECT"],
                           app.config["PUSH_ALLOWED_HOSTS"], timeout=0.2)
        dispatch.run_once(impatient, clock.now)
        impatient.close()
        (delivery,) = deliveries()
        assert slow.hits == 1
        assert delivery.status != "sent" and delivery.status != "failed"
        assert delivery.attempts == 1
        assert delivery.next_attempt_at is not None and delivery.next_attempt_at > clock.now
    finally:
        slow.stop()
