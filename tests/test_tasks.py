"""One task list: the client's own tasks, the to-dos of rights on their list, and the contact
person's tasks, over REST and sync; who may change what, owner scoping, encryption at rest,
and the open-task reminder counting every source."""

from __future__ import annotations

import uuid
from datetime import timedelta

from api.db import utcnow
from api.tasks import service
from tests.factories import (
    assert_error,
    make_client,
    make_dossier_task,
    raw_rows,
    sync,
    sync_mutation,
)

R13_STEPS = len(service.TODOS["R13-1"][1]["steps"])


def post(client, **body):
    return client.post("/api/tasks", json=body, headers=client.csrf)


def made(client, **body) -> dict:
    response = post(client, **body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def patch(client, task_id, **body):
    return client.patch(f"/api/tasks/{task_id}", json=body, headers=client.csrf)


def test_an_own_task_with_steps_is_the_clients_to_change(auth_client) -> None:
    task = made(auth_client, title="Slot laten vervangen", due_date="2026-12-20",
                steps=[{"text": "Slotenmaker bellen", "done": False}])
    assert (task["source"], task["title"], task["steps"]) == (
        "own", "Slot laten vervangen", [{"text": "Slotenmaker bellen", "done": False}])
    changed = patch(auth_client, task["id"], title="Sloten vervangen", done=True,
                    steps=[{"text": "Slotenmaker bellen", "done": True}]).get_json()
    assert changed["title"] == "Sloten vervangen" and changed["done"] is True
    assert changed["steps"][0]["done"] is True and changed["version"] == 2
    assert "title" in assert_error(patch(auth_client, task["id"], title=" "), 422)["errors"]
    assert auth_client.delete(f"/api/tasks/{task['id']}", headers=auth_client.csrf) \
        .status_code == 204
    assert auth_client.get("/api/tasks").get_json() == []
    assert "title" in assert_error(post(auth_client), 422)["errors"]


def test_a_rights_todo_keeps_the_rights_words_and_only_its_ticks_are_yours(auth_client) -> None:
    task = made(auth_client, source="rights", right_id="R13", todo_key="R13-1",
                due_date="2027-01-10")
    assert task["title"] is None and len(task["steps"]) == R13_STEPS
    assert not any(step["done"] for step in task["steps"])
    ticks = [{"done": i == 0} for i in range(R13_STEPS)]
    ticked = patch(auth_client, task["id"], steps=ticks).get_json()
    assert [s["done"] for s in ticked["steps"]] == [i == 0 for i in range(R13_STEPS)]
    assert "title" in assert_error(patch(auth_client, task["id"], title="Anders"), 422)["errors"]
    assert "steps" in assert_error(patch(auth_client, task["id"], steps=ticks[:1]), 422)["errors"]
    assert_error(post(auth_client, source="rights", right_id="R13", todo_key="R13-1"), 409)
    assert "todo_key" in assert_error(post(auth_client, source="rights", right_id="R13",
                                           todo_key="R03-1"), 422)["errors"]
    assert "title" in assert_error(post(auth_client, source="rights", right_id="R16",
                                        todo_key="R16-1", title="x"), 422)["errors"]


def test_the_list_holds_every_source_and_staff_tasks_only_tick(staff, auth_client,
                                                               linked) -> None:
    staff_task = make_dossier_task(staff, linked["id"], due_date="2026-12-05")
    made(auth_client, title="Eigen taak")
    made(auth_client, source="rights", right_id="R07", todo_key="R07-1")
    listed = auth_client.get("/api/tasks").get_json()
    assert [t["source"] for t in listed][0] == "staff"  # the nearest due date first
    assert {t["source"] for t in listed} == {"staff", "own", "rights"}
    assert "title" in assert_error(patch(auth_client, staff_task["id"], title="x"), 422)["errors"]
    assert patch(auth_client, staff_task["id"], done=True).get_json()["done"] is True
    assert_error(auth_client.delete(f"/api/tasks/{staff_task['id']}",
                                    headers=auth_client.csrf), 422)
    staff_view = staff.get(f"/api/staff/dossiers/{linked['id']}").get_json()
    assert [t["id"] for t in staff_view["tasks"]] == [staff_task["id"]]  # never the private ones
    assert staff_view["tasks"][0]["done"] is True


def test_a_task_is_its_owners(auth_client, app, make_user) -> None:
    task = made(auth_client, title="Geheim-van-mij")
    other = make_client(app, make_user("client"))
    assert other.get("/api/tasks").get_json() == []
    assert_error(patch(other, task["id"], done=True), 404)
    assert_error(other.delete(f"/api/tasks/{task['id']}", headers=other.csrf), 404)
    helper = make_client(app, make_user("helper"))
    assert_error(post(helper, title="x"), 403)
    assert b"Geheim-van-mij" not in raw_rows("tasks")


def test_tasks_made_and_ticked_offline_arrive_once(auth_client) -> None:
    task_id = uuid.uuid4()
    create = sync_mutation("task", task_id, {"source": "rights", "right_id": "R07",
                                             "todo_key": "R07-1", "done": False})
    answer = sync(auth_client, [create, create])
    assert [r["status"] for r in answer["results"]] == ["applied", "duplicate"]
    record = next(c for c in answer["changes"] if c["id"] == str(task_id))["data"]
    ticks = [{"text": None, "done": True}] + record["steps"][1:]
    tick = sync_mutation("task", task_id, {**{k: record[k] for k in (
        "source", "right_id", "todo_key", "title", "explanation", "due_date", "done")},
        "steps": ticks}, base=record["version"])
    result = sync(auth_client, [tick], cursor=answer["cursor"])
    assert result["results"][0]["status"] == "applied"
    assert auth_client.get("/api/tasks").get_json()[0]["steps"][0]["done"] is True
    stale = sync_mutation("task", task_id, {"done": True}, base=record["version"])
    assert sync(auth_client, [stale])["results"][0]["status"] == "conflict"


def test_the_open_task_reminder_counts_own_and_staff_tasks(staff, auth_client, linked) -> None:
    make_dossier_task(staff, linked["id"])
    made(auth_client, title="Eigen taak")
    [(user_id, count, _)] = service.open_tasks_per_client()
    assert (user_id, count) == (auth_client.user.id, 2)
    assert service.clients_with_old_open_tasks(utcnow()) == {}
    later = utcnow() + service.OPEN_TASKS_AFTER + timedelta(minutes=1)
    assert service.clients_with_old_open_tasks(later) == {auth_client.user.id: 2}
