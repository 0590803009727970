"""Dossier records as sync entities, and the push outbox rows staff writes leave behind."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from marshmallow import ValidationError
from sqlalchemy import select

from api import crypto
from api.db import db, utcnow
from api.domain import Conflict, NotFound
from api.notifications import registry as notification_registry
from api.notifications.models import Notification, detail_aad
from api.sync import registry
from api.sync.changelog import Change
from api.tasks import service as tasks
from tests.factories import (
    DOSSIER_LABEL,
    DOSSIER_MARKER,
    link_dossier,
    make_dossier,
    make_dossier_event,
    make_dossier_task,
    raw_rows,
    sync,
    sync_mutation,
)


def test_dossier_entities_are_registered(app) -> None:
    assert {"dossier", "dossier_event", "task"} <= set(registry.entities())


def test_snapshots_are_the_clients_view(staff, auth_client, linked) -> None:
    user = auth_client.user
    event = make_dossier_event(staff, linked["id"])
    task = make_dossier_task(staff, linked["id"])
    header = registry.entity("dossier").snapshot(user, uuid.UUID(linked["id"]))
    assert header["id"] == linked["id"] and "label" not in header
    assert DOSSIER_LABEL not in str(header) and header["contact"]["organisation"]
    assert registry.entity("dossier_event").snapshot(user, uuid.UUID(event["id"])) == event
    snapshot = registry.entity("task").snapshot(user, uuid.UUID(task["id"]))
    assert {key: snapshot[key] for key in task} == task  # and whom the client shares it with
    ids = {name: {str(i) for i in registry.entity(name).list_ids(user)}
           for name in ("dossier", "dossier_event", "task")}
    assert ids == {"dossier": {linked["id"]}, "dossier_event": {event["id"]},
                   "task": {task["id"]}}


def test_snapshots_of_someone_elses_records_are_none(staff, linked, make_user) -> None:
    stranger = make_user("client")
    event = make_dossier_event(staff, linked["id"])
    task = make_dossier_task(staff, linked["id"])
    assert registry.entity("dossier").snapshot(stranger, uuid.UUID(linked["id"])) is None
    assert registry.entity("dossier_event").snapshot(stranger, uuid.UUID(event["id"])) is None
    assert registry.entity("task").snapshot(stranger, uuid.UUID(task["id"])) is None
    assert list(registry.entity("task").list_ids(stranger)) == []


def test_deleted_event_snapshot_is_a_tombstone_without_text(staff, auth_client, linked) -> None:
    event = make_dossier_event(staff, linked["id"])
    staff.delete(f"/api/staff/dossiers/{linked['id']}/events/{event['id']}", headers=staff.csrf)
    snap = registry.entity("dossier_event").snapshot(auth_client.user, uuid.UUID(event["id"]))
    assert snap["deleted"] is True and snap["title"] is None and snap["body"] is None
    assert snap["version"] == 2


def test_client_ticks_a_task_off_through_sync(staff, auth_client, linked) -> None:
    user = auth_client.user
    task = make_dossier_task(staff, linked["id"])
    entity = registry.entity("task")
    data = entity.schema().load({"done": True})
    version = entity.upsert(user, uuid.UUID(task["id"]), data, task["version"])
    assert version == task["version"] + 1
    assert entity.snapshot(user, uuid.UUID(task["id"]))["done"] is True
    last = db.session.scalars(select(Change).where(Change.owner_id == user.id)
                              .order_by(Change.seq.desc())).first()
    assert (last.entity, str(last.record_id), last.version) == ("task", task["id"],
                                                                 version)


def test_stale_task_base_version_is_a_conflict(staff, auth_client, linked) -> None:
    task = make_dossier_task(staff, linked["id"])
    entity = registry.entity("task")
    entity.upsert(auth_client.user, uuid.UUID(task["id"]), {"done": True}, task["version"])
    with pytest.raises(Conflict) as raised:
        entity.upsert(auth_client.user, uuid.UUID(task["id"]), {"done": False},
                      task["version"])
    assert raised.value.version == task["version"] + 1
    current = entity.snapshot(auth_client.user, uuid.UUID(task["id"]))
    assert current["done"] is True and current["id"] == task["id"]


def test_client_may_change_only_done(staff, auth_client, linked) -> None:
    task = make_dossier_task(staff, linked["id"], due_date="2026-12-01")
    entity = registry.entity("task")
    data = entity.schema().load({"done": True, "title": "Anders", "due_date": "2027-01-01",
                                 "explanation": task["explanation"]})
    with pytest.raises(ValidationError) as raised:
        entity.upsert(auth_client.user, uuid.UUID(task["id"]), data, task["version"])
    assert set(raised.value.messages) == {"title", "due_date"}
    assert entity.snapshot(auth_client.user, uuid.UUID(task["id"]))["done"] is False
    with pytest.raises(ValidationError):
        entity.schema().load({"done": True, "source": "client"})  # unknown field


def test_client_cannot_create_delete_or_write_read_only_records(staff, auth_client,
                                                                linked) -> None:
    user = auth_client.user
    event = make_dossier_event(staff, linked["id"])
    task = make_dossier_task(staff, linked["id"])
    # A new task id is the client's own task (tests/test_tasks.py); never one of the staff.
    with pytest.raises(ValidationError, match="come from them"):
        registry.entity("task").upsert(user, uuid.uuid4(), {"source": "staff", "title": "x"},
                                       None)
    with pytest.raises(ValidationError, match="Only your contact person can remove"):
        registry.entity("task").delete(user, uuid.UUID(task["id"]), 1)
    events = registry.entity("dossier_event")
    for call in (lambda: events.upsert(user, uuid.UUID(event["id"]),
                                       events.schema().load({"title": "x"}), 1),
                 lambda: events.delete(user, uuid.UUID(event["id"]), 1)):
        with pytest.raises(ValidationError) as raised:
            call()
        assert raised.value.messages == {
            "_schema": ["Dossier events can only be changed by your contact person."]}
    with pytest.raises(ValidationError):
        registry.entity("dossier").upsert(user, uuid.UUID(linked["id"]), {}, 1)


def test_a_deleted_task_cannot_be_ticked_offline(staff, auth_client, linked) -> None:
    task = make_dossier_task(staff, linked["id"])
    staff.delete(f"/api/staff/dossiers/{linked['id']}/tasks/{task['id']}", headers=staff.csrf)
    with pytest.raises(NotFound):
        registry.entity("task").upsert(auth_client.user, uuid.UUID(task["id"]),
                                               {"done": True}, task["version"])


# -- push ------------------------------------------------------------------------------------


def outbox(user_id: int) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user_id)
                                   .order_by(Notification.created_at)))


def test_new_event_and_task_queue_a_push_for_the_client(staff, auth_client, linked) -> None:
    make_dossier_event(staff, linked["id"], title=f"{DOSSIER_MARKER} zitting",
                       body=f"{DOSSIER_MARKER} " + "x" * 400)
    make_dossier_task(staff, linked["id"], title=f"{DOSSIER_MARKER} formulier")
    rows = outbox(auth_client.user.id)
    assert [(r.kind, r.view) for r in rows] == [("dossier", "/dossier"), ("tasks", "/tasks")]
    event_detail = crypto.decrypt_json(rows[0].detail, detail_aad(rows[0]))
    assert event_detail["title"] == f"{DOSSIER_MARKER} zitting"
    assert event_detail["body"].startswith(DOSSIER_MARKER) and len(event_detail["body"]) <= 200
    task_detail = crypto.decrypt_json(rows[1].detail, detail_aad(rows[1]))
    assert task_detail == {"title": f"{DOSSIER_MARKER} formulier", "body": f"{DOSSIER_MARKER} why"}
    assert DOSSIER_MARKER.encode() not in raw_rows(Notification.__tablename__)
    for row in rows:  # only the encrypted detail carries words
        assert DOSSIER_MARKER not in f"{row.kind}{row.view}{row.topic}"


def test_no_push_before_the_dossier_is_linked_or_on_delete(staff, auth_client) -> None:
    dossier = make_dossier(staff)
    make_dossier_event(staff, dossier["id"])
    assert db.session.scalars(select(Notification)).all() == []
    link_dossier(auth_client, dossier["invite_code"])
    task = make_dossier_task(staff, dossier["id"])
    staff.delete(f"/api/staff/dossiers/{dossier['id']}/tasks/{task['id']}", headers=staff.csrf)
    assert [r.kind for r in outbox(auth_client.user.id)] == ["tasks"]


def test_a_failed_write_leaves_no_push(staff, auth_client, linked) -> None:
    response = staff.post(f"/api/staff/dossiers/{linked['id']}/events", json={
        "kind": "from_us", "title": "", "occurred_at": "2026-11-01T10:00:00Z"},
        headers=staff.csrf)
    assert response.status_code == 422
    assert outbox(auth_client.user.id) == []


def test_open_tasks_reach_the_registered_reminder(staff, auth_client, linked) -> None:
    make_dossier_task(staff, linked["id"])
    make_dossier_task(staff, linked["id"])
    reminder = {r.topic: r for r in notification_registry.reminders()}["open-tasks"]
    assert reminder.due(utcnow()) == {}  # not open for 3 days yet
    assert reminder.due(utcnow() + timedelta(days=3, minutes=1)) == {auth_client.user.id: 2}


# -- through POST /api/sync ------------------------------------------------------------------


def test_the_dossier_arrives_on_the_device(staff, auth_client, linked) -> None:
    event = make_dossier_event(staff, linked["id"])
    task = make_dossier_task(staff, linked["id"])
    first = sync(auth_client)
    records = {(c["entity"], c["id"]): c for c in first["changes"]}
    assert set(records) == {("dossier", linked["id"]), ("dossier_event", event["id"]),
                            ("task", task["id"])}
    assert DOSSIER_LABEL not in str(first)
    assert records[("dossier_event", event["id"])]["data"]["title"] == event["title"]
    staff.delete(f"/api/staff/dossiers/{linked['id']}/events/{event['id']}", headers=staff.csrf)
    later = sync(auth_client, cursor=first["cursor"])
    assert [(c["entity"], c["id"], c["deleted"], c["data"]) for c in later["changes"]] == [
        ("dossier_event", event["id"], True, None)]


def test_ticking_a_task_off_offline_syncs_exactly_once(staff, auth_client, linked) -> None:
    task = make_dossier_task(staff, linked["id"])
    cursor = sync(auth_client)["cursor"]
    tick = sync_mutation("task", task["id"], {"done": True}, base=task["version"])
    answer = sync(auth_client, [tick], cursor)
    assert answer["results"][0]["status"] == "applied"
    assert answer["results"][0]["version"] == task["version"] + 1
    assert sync(auth_client, [tick], cursor)["results"][0]["status"] == "duplicate"
    staff_view = staff.get(f"/api/staff/dossiers/{linked['id']}").get_json()
    assert staff_view["tasks"][0]["done"] is True
    assert staff_view["tasks"][0]["version"] == task["version"] + 1


def test_a_tick_that_changes_nothing_syncs_without_a_new_version(staff, auth_client,
                                                                 linked) -> None:
    task = make_dossier_task(staff, linked["id"])
    cursor = sync(auth_client)["cursor"]
    tick = sync_mutation("task", task["id"], {"done": True}, base=task["version"])
    first = sync(auth_client, [tick], cursor)
    version = first["results"][0]["version"]
    assert version == task["version"] + 1
    again = sync(auth_client, [sync_mutation("task", task["id"], {"done": True},
                                             base=version)], first["cursor"])
    assert [(r["status"], r["version"]) for r in again["results"]] == [("applied", version)]
    assert again["changes"] == [] and again["cursor"] == first["cursor"]  # nothing recorded
    staff_view = staff.get(f"/api/staff/dossiers/{linked['id']}").get_json()
    assert staff_view["tasks"][0]["version"] == version


def test_sync_answers_conflicts_and_rejections(staff, auth_client, linked) -> None:
    task = make_dossier_task(staff, linked["id"])
    event = make_dossier_event(staff, linked["id"])
    auth_client.patch(f"/api/tasks/{task['id']}", json={"done": True},
                      headers=auth_client.csrf)
    results = sync(auth_client, [
        sync_mutation("task", task["id"], {"done": False}, base=task["version"]),
        sync_mutation("task", task["id"], {"done": False, "title": "Eigen titel"},
                      base=task["version"] + 1),
        sync_mutation("dossier_event", event["id"], {"title": "Anders"}, base=1),
        sync_mutation("dossier_event", event["id"], op="delete", base=1),
    ])["results"]
    assert [r["status"] for r in results] == ["conflict", "rejected", "rejected", "rejected"]
    assert results[0]["current"]["done"] is True
    assert results[1]["errors"] == {"data": {"title": [tasks.STAFF_ONLY]}}
    # Nobody writes events through sync (roles=()): refused before the data is read.
    assert [(r["message"], r["errors"]) for r in results[2:]] == [
        ("Dossier events can only be changed by your contact person.", {})] * 2
