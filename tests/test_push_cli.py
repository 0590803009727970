"""`flask push send-due` and `flask push prune`."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from api.db import db, utcnow
from api.notifications import registry, service
from api.notifications.models import Notification, Subscription
from api.tasks import service as task_service
from tests import pushservice
from tests.factories import make_subscription

push_service = pushservice.push_service


def test_send_due_queues_reminders_and_prunes(app, make_user, push_service):
    user, idle_user = make_user(), make_user()
    service.set_preferences(user.id, {}, None, detailed=False)  # real time: no quiet hours
    device = push_service.new_device()
    make_subscription(idle_user, device)
    db.session.scalar(select(Subscription)).last_used_at = utcnow() - timedelta(days=61)
    db.session.commit()

    reminder = replace(task_service.OPEN_TASKS_REMINDER, due=lambda now: {user.id: 4})
    registry.register_reminder(reminder)
    try:
        result = app.test_cli_runner().invoke(args=["push", "send-due"])
    finally:
        registry.register_reminder(task_service.OPEN_TASKS_REMINDER)
    assert result.exit_code == 0, result.output
    assert "1 reminder(s) queued; 1 unused subscription(s) removed" in result.output
    assert db.session.scalars(select(Notification.user_id)).all() == [user.id]
    assert db.session.scalars(select(Subscription)).all() == []


def test_prune_reports_what_it_removed(app):
    result = app.test_cli_runner().invoke(args=["push", "prune"])
    assert result.exit_code == 0, result.output
    assert "0 subscription(s) and 0 old notification record(s) removed" in result.output
