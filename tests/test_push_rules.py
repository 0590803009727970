"""Timing rules: quiet hours, the domains' reminders (send-due), pruning of unused subscriptions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select

from api.db import db
from api.domain import Reminder
from api.notifications import dispatch, registry, service
from api.notifications.models import Notification, Subscription
from api.tasks import service as task_service
from push import rules
from push.payload import DISCREET_BODY
from tests import pushservice
from tests.factories import make_subscription
from tests.pushservice import amsterdam

push_service, sender, clock = pushservice.push_service, pushservice.sender, pushservice.clock
NIGHT = (time(21), time(8))


def test_quiet_hours_across_midnight():
    zone = "Europe/Amsterdam"
    assert rules.quiet_until(amsterdam(20, 59), NIGHT, zone) is None
    assert rules.quiet_until(amsterdam(21, 0), NIGHT, zone) == amsterdam(8, 0, days=2)
    assert rules.quiet_until(amsterdam(23, 59), NIGHT, zone) == amsterdam(8, 0, days=2)
    assert rules.quiet_until(amsterdam(3, 0), NIGHT, zone) == amsterdam(8, 0)
    assert rules.quiet_until(amsterdam(8, 0), NIGHT, zone) is None
    assert rules.quiet_until(amsterdam(3, 0), None, zone) is None


def test_quiet_hours_within_a_day_and_in_another_zone():
    lunch = (time(12), time(13))
    assert rules.quiet_until(amsterdam(12, 30), lunch, "Europe/Amsterdam") == amsterdam(13)
    assert rules.quiet_until(amsterdam(13, 30), lunch, "Europe/Amsterdam") is None
    # 12:30 in Amsterdam is 11:30 in London (both on winter or both on summer time).
    assert rules.quiet_until(amsterdam(12, 30), lunch, "Europe/London") is None


def test_quiet_hours_follow_daylight_saving_time():
    # The night the clocks go back (25 October 2026): 08:00 local is 07:00 UTC after it.
    night = datetime(2026, 10, 24, 22, 0, tzinfo=UTC)  # 00:00 in Amsterdam (summer time)
    assert rules.quiet_until(night, NIGHT, "Europe/Amsterdam") == datetime(
        2026, 10, 25, 7, 0, tzinfo=UTC)


def test_retry_delay_doubles_up_to_an_hour():
    assert [rules.retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert rules.retry_delay(20) == timedelta(hours=1)


@pytest.fixture
def open_tasks():
    """The dossier's open-task reminder, counting open tasks the test fills in: {user id:
    (open tasks, oldest open since)}, due after the dossier's 3 days."""
    tasks: dict[int, tuple[int, datetime]] = {}

    def due(now: datetime) -> dict[int, int]:
        return {user_id: count for user_id, (count, since) in tasks.items()
                if since <= now - task_service.OPEN_TASKS_AFTER}

    registry.register_reminder(replace(task_service.OPEN_TASKS_REMINDER, due=due))
    yield tasks
    registry.register_reminder(task_service.OPEN_TASKS_REMINDER)


def subscribed_user(make_user, push_service, detailed=False):
    user = make_user()
    device = push_service.new_device()
    make_subscription(user, device)
    if detailed:
        service.set_preferences(user.id, {}, {"start": NIGHT[0], "end": NIGHT[1]}, detailed=True)
    return user, device


def test_send_due_sends_one_reminder_for_all_open_tasks(make_user, push_service, sender,
                                                        clock, open_tasks):
    user, device = subscribed_user(make_user, push_service, detailed=True)
    fresh, fresh_device = subscribed_user(make_user, push_service)
    discreet, discreet_device = subscribed_user(make_user, push_service)
    open_tasks[user.id] = (2, clock.now - timedelta(days=4))
    open_tasks[fresh.id] = (5, clock.now - timedelta(days=2))  # not open long enough
    open_tasks[discreet.id] = (1, clock.now - timedelta(days=3, minutes=1))

    assert service.send_due(clock.now) == 2
    db.session.commit()
    dispatch.run_once(sender, clock.now)

    assert push_service.errors == []
    assert device.received == [{"title": "Houvast", "body": "Je hebt nog 2 open taken",
                                "view": "/tasks", "topic": "open-tasks", "kind": "tasks"}]
    assert [p["body"] for p in discreet_device.received] == [DISCREET_BODY]
    assert fresh_device.received == []
    topics = {r.headers["topic"] for r in push_service.requests}
    assert topics == {"open-tasks"}


def test_at_most_one_reminder_per_three_days(make_user, push_service, sender, clock,
                                             open_tasks):
    user, device = subscribed_user(make_user, push_service)
    open_tasks[user.id] = (3, clock.now - timedelta(days=10))
    start = clock.now
    assert service.send_due(start) == 1
    assert service.send_due(start + timedelta(hours=1)) == 0
    assert service.send_due(start + timedelta(days=2, hours=23)) == 0
    assert service.send_due(start + timedelta(days=3)) == 1
    db.session.commit()
    rows = db.session.scalars(select(Notification.topic)).all()
    assert rows == ["open-tasks", "open-tasks"]  # the same Topic: the newer replaces the older


def test_no_reminder_in_quiet_hours_nor_for_people_who_turned_tasks_off(
        make_user, push_service, sender, clock, open_tasks):
    night_owl, device = subscribed_user(make_user, push_service)
    no_tasks, _ = subscribed_user(make_user, push_service)
    service.set_preferences(no_tasks.id, {"tasks": False}, None, detailed=False)
    for user in (night_owl, no_tasks):
        open_tasks[user.id] = (1, clock.now - timedelta(days=5))

    assert service.send_due(amsterdam(22, 0)) == 0
    assert service.send_due(amsterdam(7, 30, days=2)) == 0
    clock.now = amsterdam(8, 30, days=2)
    assert service.send_due(clock.now) == 1
    db.session.commit()
    dispatch.run_once(sender, clock.now)
    assert push_service.errors == []
    assert len(device.received) == 1


def test_every_registered_reminder_sends_its_own(make_user, push_service, sender, clock,
                                                 open_tasks):
    """A second domain's reminder (e.g. the next self-test) needs no change in push."""
    user, device = subscribed_user(make_user, push_service, detailed=True)
    open_tasks[user.id] = (1, clock.now - timedelta(days=4))
    self_test = Reminder(kind="dossier", topic="next-test", view="/dossier",
                         due=lambda now: {user.id: 1}, text=lambda n: "Tijd voor je test",
                         every=timedelta(days=7))
    registry.register_reminder(self_test)
    try:
        assert service.send_due(clock.now) == 2
        db.session.commit()
        dispatch.run_once(sender, clock.now)
        # Each reminder keeps its own pace: open tasks every 3 days, the test every 7.
        assert service.send_due(clock.now + timedelta(days=3)) == 1
    finally:
        registry.unregister_reminder(self_test)
    assert push_service.errors == []
    assert sorted((p["topic"], p["body"]) for p in device.received) == [
        ("next-test", "Tijd voor je test"), ("open-tasks", "Je hebt nog 1 open taak")]


def test_a_reminder_needs_a_registered_kind(app):
    with pytest.raises(ValueError, match="register its kind"):
        registry.register_reminder(replace(task_service.OPEN_TASKS_REMINDER, kind="nobody",
                                           topic="orphan"))


def test_subscriptions_unused_for_60_days_are_removed(make_user, push_service, sender, clock):
    user = make_user()
    active, idle, expired = (push_service.new_device() for _ in range(3))
    for device in (active, idle, expired):
        make_subscription(user, device)
    subs = {s.endpoint: s for s in db.session.scalars(select(Subscription))}
    for sub in subs.values():
        sub.last_used_at = clock.now - timedelta(days=59)
    subs[expired.endpoint].expires_at = clock.now - timedelta(minutes=1)
    db.session.commit()

    # A successful send counts as use.
    service.set_preferences(user.id, {}, None, detailed=False)
    service.notify(user.id, "dossier", "/dossier")
    db.session.commit()
    idle.script.append(500)  # fails on every try in this test
    dispatch.run_once(sender, clock.now)

    later = clock.now + timedelta(days=2)
    assert service.prune(later)["subscriptions"] == 2
    assert db.session.scalars(select(Subscription.endpoint)).all() == [active.endpoint]
