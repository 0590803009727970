"""The recovery meter's reminder (through `flask push send-due` and the real test push service)
and `flask recovery stats` (no personal data, small counts suppressed)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select

from api.db import db, utcnow
from api.notifications import dispatch
from api.notifications import service as push
from api.notifications.models import Notification
from api.recovery import service
from api.recovery.models import RecoveryTest
from tests import pushservice
from tests.factories import discreet_payload, make_client, make_subscription

push_service, sender, clock = pushservice.push_service, pushservice.sender, pushservice.clock

CALM = {"phq4": [1, 1, 1, 1], "who5": [3, 3, 3, 3, 3], "safety": 0}


def take(client, days_ago: float) -> None:
    body = {"id": str(uuid.uuid4()), "answers": CALM,
            "taken_at": (utcnow() - timedelta(days=days_ago)).isoformat()}
    response = client.post("/api/recovery/tests", json=body, headers=client.csrf)
    assert response.status_code == 201, response.get_json()


def remind(client, choice: str | None) -> None:
    response = client.put("/api/recovery/profile", json={"reminder": choice},
                          headers=client.csrf)
    assert response.status_code == 200, response.get_json()


def send_due(app) -> str:
    result = app.test_cli_runner().invoke(args=["push", "send-due"])
    assert result.exit_code == 0, result.output
    return result.output


def recovery_pushes() -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.kind == "recovery")))


def test_a_reminder_after_14_days_is_one_discreet_push(app, auth_client, client_user,
                                                       push_service, sender, clock) -> None:
    push.set_preferences(client_user.id, {}, None, detailed=False)  # no quiet hours
    device = push_service.new_device()
    make_subscription(client_user, device)
    take(auth_client, days_ago=15)
    remind(auth_client, "2w")
    db.session.commit()

    send_due(app)
    send_due(app)  # the same due date: not again
    dispatch.run_once(sender, clock.now)
    assert push_service.errors == []
    assert device.received == [discreet_payload("recovery", "/recovery", "recovery")]
    sent = str([r.payload for r in push_service.requests])
    for word in ("test", "Herstelmeter", "PHQ", "score", "zelftest"):
        assert word.lower() not in sent.lower()

    take(auth_client, days_ago=0)  # a new test moves the due date on: nothing now
    send_due(app)
    assert len(recovery_pushes()) == 1


def test_not_due_yet_no_choice_or_switched_off(app, auth_client, client_user,
                                               make_user) -> None:
    push.set_preferences(client_user.id, {}, None, detailed=False)
    take(auth_client, days_ago=13)
    remind(auth_client, "2w")
    assert service.due_for_a_test(utcnow()) == {}
    assert service.due_for_a_test(utcnow() + timedelta(days=1)) == {client_user.id: 1}

    remind(auth_client, None)
    assert service.due_for_a_test(utcnow() + timedelta(days=1)) == {}

    remind(auth_client, "2w")
    push.set_preferences(client_user.id, {"recovery": False}, None, detailed=False)
    take(auth_client, days_ago=20)  # older; the last test is still 13 days ago
    db.session.commit()
    assert service.due_for_a_test(utcnow() + timedelta(days=1)) == {client_user.id: 1}
    assert push.send_due(utcnow() + timedelta(days=1)) == 0  # switched off


def test_quiet_hours_hold_the_reminder_back(app, auth_client, client_user) -> None:
    take(auth_client, days_ago=30)
    remind(auth_client, "4w")
    db.session.commit()
    night = pushservice.amsterdam(23, 0)  # default quiet hours 21:00-08:00
    assert push.send_due(night) == 0
    assert push.send_due(pushservice.amsterdam(9, 0)) == 1
    assert push.send_due(pushservice.amsterdam(10, 0)) == 0


def test_a_test_after_a_reminder_counts_for_the_stats(app, auth_client, client_user) -> None:
    take(auth_client, days_ago=30)
    remind(auth_client, "4w")
    push.set_preferences(client_user.id, {}, None, detailed=False)
    db.session.commit()
    assert push.send_due(utcnow() - timedelta(days=1)) == 1
    take(auth_client, days_ago=0)
    flags = db.session.scalars(select(RecoveryTest.after_reminder)
                               .order_by(RecoveryTest.taken_at)).all()
    assert flags == [False, True]


def test_stats_suppress_small_counts_and_hold_no_personal_data(app, make_user) -> None:
    clients = [make_client(app, make_user("client")) for _ in range(12)]
    for number, client in enumerate(clients):
        for test in range(1 + number % 4):
            take(client, days_ago=60 - 14 * test)
        remind(client, "4w")
    figures = service.stats()
    assert figures["people"] == "12"
    assert figures["tests"] == {"1": "<10", "2": "<10", "3": "<10", "4+": "<10"}
    assert figures["median_days_between_tests"] == "14.0"  # 18 gaps of 14 days
    assert figures["chose_a_reminder"] == "12"
    assert figures["reminders_followed_within_7_days"] == "<10"

    output = app.test_cli_runner().invoke(args=["recovery", "stats"]).output
    assert "people with a self-test: 12" in output
    assert "took 1 test: <10; 2 tests: <10" in output
    assert "median days between tests: 14.0" in output
    for client in clients:
        assert client.user.username not in output


def test_stats_with_nobody(app) -> None:
    figures = service.stats()
    assert figures["people"] == "<10" and figures["median_days_between_tests"] == "<10 gaps"
