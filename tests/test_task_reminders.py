"""A discreet push a week and a day before a task's due date (through `send-due`, the
dispatcher and the real test push service): one topic per task, none of the task's words,
quiet hours and the switch for the `tasks` kind respected, every source of task counted."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from sqlalchemy import select, update

from api.db import db
from api.notifications import dispatch
from api.notifications import service as push
from api.notifications.models import Notification, ReminderState
from api.tasks import service
from api.tasks.models import Task
from tests import pushservice
from tests.factories import discreet_payload, make_dossier_task, make_subscription
from tests.pushservice import amsterdam

push_service, sender, clock = pushservice.push_service, pushservice.sender, pushservice.clock
TODAY = datetime.now(service.NETHERLANDS).date  # the day amsterdam(..., days=0) falls on


def due_pushes() -> list[str]:
    return [topic for topic in db.session.scalars(select(Notification.topic)
                                                  .order_by(Notification.created_at))
            if topic.startswith("due-")]


def own_task(client, days_ahead: int, title="Aangifte aanvullen bij de politie") -> dict:
    due_date = (TODAY() + timedelta(days=days_ahead)).isoformat()
    response = client.post("/api/tasks", json={"title": title, "due_date": due_date},
                           headers=client.csrf)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def topic_of(task: dict) -> str:
    return "due-" + service.task_item(uuid.UUID(task["id"]))


def test_a_week_and_a_day_before_the_date_one_discreet_push_on_one_topic(
        auth_client, client_user, push_service, sender, clock) -> None:
    push.set_preferences(client_user.id, {"tasks": True}, None, detailed=False)
    device = push_service.new_device()
    make_subscription(client_user, device)
    topic = topic_of(own_task(auth_client, days_ahead=10))
    assert len(topic) <= 32  # what Web Push allows

    def run(days: int) -> None:
        clock.now = amsterdam(12, days=days)
        push.send_due(clock.now)
        db.session.commit()
        dispatch.run_once(sender, clock.now)

    run(1)  # nine days left
    assert due_pushes() == []
    run(3)  # a week left
    run(4)  # still in that week: not again
    assert due_pushes() == [topic]
    run(9)  # tomorrow
    run(10)  # the day itself: the day's message went already
    assert due_pushes() == [topic, topic]  # one topic: the day's replaces the week's

    assert push_service.errors == []
    received = [p for p in device.received if p["topic"] == topic]
    assert received == [discreet_payload("tasks", "/tasks", topic)] * 2
    assert {r.headers["topic"] for r in push_service.requests} >= {topic}
    words = str([(r.payload["title"], r.payload["body"]) for r in push_service.requests])
    for word in ("aangifte", "politie", "taak", "datum"):
        assert word not in words.lower()
    assert "aangifte" not in str([r.payload for r in push_service.requests]).lower()


def test_detailed_words_name_no_task_and_done_tasks_stay_quiet(
        auth_client, client_user, push_service, sender, clock) -> None:
    push.set_preferences(client_user.id, {}, None, detailed=True)
    device = push_service.new_device()
    make_subscription(client_user, device)
    own_task(auth_client, days_ahead=8)
    done = own_task(auth_client, days_ahead=8, title="Klaar")
    assert auth_client.patch(f"/api/tasks/{done['id']}", json={"done": True},
                             headers=auth_client.csrf).status_code == 200
    clock.now = amsterdam(12, days=2)
    assert push.send_due(clock.now) == 1
    db.session.commit()
    dispatch.run_once(sender, clock.now)
    assert push_service.errors == []
    assert [p["body"] for p in device.received] == ["Een datum op je lijst is over een week"]


def test_a_task_just_made_waits_and_quiet_hours_hold_the_push(auth_client, client_user) -> None:
    push.set_preferences(client_user.id, {}, {"start": time(21), "end": time(8)},
                         detailed=False)
    task = own_task(auth_client, days_ahead=2)
    db.session.execute(update(Task).where(Task.id == uuid.UUID(task["id"]))
                       .values(created_at=amsterdam(8, days=1)))
    assert push.send_due(amsterdam(12, days=1)) == 0  # made 4 hours ago: the person knows
    assert push.send_due(amsterdam(22, days=1)) == 0  # quiet hours: later
    assert push.send_due(amsterdam(8, 30, days=2)) == 1  # the day itself, in the morning
    assert due_pushes() == [topic_of(task)]


def test_the_contact_persons_tasks_count_and_the_tasks_switch_holds_them(
        staff, auth_client, client_user, linked) -> None:
    due_date = (TODAY() + timedelta(days=7)).isoformat()
    task = make_dossier_task(staff, linked["id"], due_date=due_date)
    week = service.tasks_due_within(*service.DUE_SOON["week"])
    assert dict(week(amsterdam(12, days=2))) == {
        (client_user.id, service.task_item(uuid.UUID(task["id"]))): 1}
    assert dict(week(amsterdam(12, days=-1))) == {}  # eight days left
    push.set_preferences(client_user.id, {"tasks": False}, None, detailed=False)
    assert push.send_due(amsterdam(12, days=2)) == 0


def test_the_marks_of_sent_reminders_go_with_the_old_records(auth_client, client_user) -> None:
    push.set_preferences(client_user.id, {}, None, detailed=False)
    own_task(auth_client, days_ahead=5)
    assert push.send_due(amsterdam(12, days=1)) == 1
    marks = select(ReminderState.topic).where(ReminderState.user_id == client_user.id)
    assert [m[:9] for m in db.session.scalars(marks)] == ["due-week-"]
    push.prune(amsterdam(12, days=92))
    assert db.session.scalars(marks).all() == []
