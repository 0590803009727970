"""Samen for tasks: a client shares a task with every person who helps them or with some, and
may let them tick it off. Over REST and sync: who sees what, unsharing and ending a link taking
it off the helper's phone at the next sync, "Ik help hiermee", a note and ticks (refused unless
allowed), what the client sees of it, the pushes both ways, two helpers, a helper of two
clients, other people's ids, encryption at rest, and the contact person seeing none of it."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from api import crypto
from api.db import db
from api.notifications.models import Notification, detail_aad
from api.tasks.sharing import SHARED_TASK_ENTITY
from tests.factories import (
    assert_error,
    link_dossier,
    make_client,
    make_dossier,
    make_dossier_task,
    raw_rows,
    sync,
    sync_mutation,
)
from tests.test_helpers import linked_pair, pulled

NOTE = "Ik bel zaterdag de slotenmaker voor je"
TITLE = "Slot laten vervangen"
STEPS = [{"text": "Slotenmaker bellen", "done": False},
         {"text": "Sleutels ophalen", "done": False}]


@pytest.fixture
def helper(app, make_user):
    return make_client(app, make_user("helper"))


@pytest.fixture
def second_helper(app, make_user):
    return make_client(app, make_user("helper"))


def own_task(client, **body) -> dict:
    response = client.post("/api/tasks", json={"title": TITLE, "steps": STEPS, **body},
                           headers=client.csrf)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def share(client, task_id, **body) -> dict:
    response = client.patch(f"/api/tasks/{task_id}", json=body, headers=client.csrf)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def help_with(helper, task_id, **body):
    return helper.patch(f"/api/shared-tasks/{task_id}", json=body, headers=helper.csrf)


def shared_ids(helper) -> list[str]:
    return [task["id"] for task in helper.get("/api/shared-tasks").get_json()]


def pushes(user_id: int) -> list[tuple[str, str, dict]]:
    rows = db.session.scalars(select(Notification).where(Notification.user_id == user_id)
                              .order_by(Notification.id))
    return [(row.kind, row.view, crypto.decrypt_json(row.detail, detail_aad(row)))
            for row in rows]


def test_a_task_shared_with_one_helper_reaches_only_them(auth_client, helper,
                                                         second_helper) -> None:
    sanne = linked_pair(auth_client, helper, "Sanne")
    linked_pair(auth_client, second_helper, "mam")
    task = own_task(auth_client)
    _changes, cursor = pulled(helper, SHARED_TASK_ENTITY)
    _changes, other_cursor = pulled(second_helper, SHARED_TASK_ENTITY)
    assert shared_ids(helper) == []

    mine = share(auth_client, task["id"], shared_helper_ids=[sanne])
    assert (mine["shared_to_all"], mine["shared_helper_ids"], mine["helpers_may_tick"]) == (
        False, [sanne], False)
    [seen], cursor = pulled(helper, SHARED_TASK_ENTITY, cursor)
    assert seen["id"] == task["id"] and seen["version"] == mine["version"]
    data = seen["data"]
    assert (data["title"], data["helping_id"], data["may_tick"]) == (TITLE, sanne, False)
    assert [step["text"] for step in data["steps"]] == [step["text"] for step in STEPS]
    # Whom else the client shares it with, and the contact person's dossier, are not theirs.
    assert not {"shared_helper_ids", "shared_to_all", "helps", "dossier_id"} & set(data)
    assert pulled(second_helper, SHARED_TASK_ENTITY, other_cursor)[0] == []
    assert shared_ids(helper) == [task["id"]] and shared_ids(second_helper) == []
    [person] = helper.get("/api/helping").get_json()
    assert [t["title"] for t in person["tasks"]] == [TITLE]

    # A change of the task reaches the phone that sees it.
    share(auth_client, task["id"], title="Sloten vervangen")
    [seen], cursor = pulled(helper, SHARED_TASK_ENTITY, cursor)
    assert seen["data"]["title"] == "Sloten vervangen"

    # Unshared: Sanne's phone drops it, and the server refuses it from that moment.
    share(auth_client, task["id"], shared_helper_ids=[])
    [dropped], cursor = pulled(helper, SHARED_TASK_ENTITY, cursor)
    assert dropped["deleted"] is True and dropped["data"] is None
    assert shared_ids(helper) == []
    assert_error(help_with(helper, task["id"], helping=True), 404)
    assert [c for c in sync(helper)["changes"] if c["entity"] == SHARED_TASK_ENTITY] == []


def test_shared_with_all_includes_who_comes_later(auth_client, helper, second_helper) -> None:
    linked_pair(auth_client, helper, "Sanne")
    task = own_task(auth_client, shared_to_all=True)
    assert task["shared_to_all"] is True and shared_ids(helper) == [task["id"]]
    linked_pair(auth_client, second_helper, "mam")
    # A full snapshot (the first pull of a new helper's phone) carries it.
    [seen] = pulled(second_helper, SHARED_TASK_ENTITY)[0]
    assert seen["data"]["title"] == TITLE
    # A removed task leaves every phone.
    _changes, cursor = pulled(helper, SHARED_TASK_ENTITY)
    assert auth_client.delete(f"/api/tasks/{task['id']}", headers=auth_client.csrf) \
        .status_code == 204
    [dropped], _cursor = pulled(helper, SHARED_TASK_ENTITY, cursor)
    assert dropped["deleted"] is True


def test_unknown_helper_ids_are_refused_and_nothing_is_written(auth_client, other_client,
                                                               helper) -> None:
    theirs = linked_pair(other_client, helper)
    task = own_task(auth_client)
    for wrong in ([theirs], [str(uuid.uuid4())]):
        response = auth_client.patch(f"/api/tasks/{task['id']}", json={
            "shared_helper_ids": wrong, "title": "Anders"}, headers=auth_client.csrf)
        errors = assert_error(response, 422)["errors"]
        assert wrong[0] in errors["shared_helper_ids"][0]
    [unchanged] = auth_client.get("/api/tasks").get_json()
    assert (unchanged["title"], unchanged["version"], unchanged["shared_helper_ids"]) == (
        TITLE, 1, [])
    created = auth_client.post("/api/tasks", json={"title": "Nieuw", "shared_helper_ids": [theirs]},
                               headers=auth_client.csrf)
    assert "shared_helper_ids" in assert_error(created, 422)["errors"]
    assert len(auth_client.get("/api/tasks").get_json()) == 1


def test_ik_help_hiermee_and_a_note_reach_the_client(auth_client, helper, second_helper) -> None:
    sanne = linked_pair(auth_client, helper, "Sanne")
    linked_pair(auth_client, second_helper, "mam")
    task = own_task(auth_client, shared_to_all=True)
    _changes, client_cursor = pulled(auth_client, "task")
    _changes, mam_cursor = pulled(second_helper, SHARED_TASK_ENTITY)

    answer = help_with(helper, task["id"], helping=True, note=f"  {NOTE}  ")
    assert answer.status_code == 200, answer.get_json()
    mine = answer.get_json()
    # Their part alone leaves the task's version be: the client's offline tick still applies.
    assert (mine["helping"], mine["note"], mine["version"]) == (True, NOTE, task["version"])
    assert NOTE.encode() not in raw_rows("task_helps")

    [changed], client_cursor = pulled(auth_client, "task", client_cursor)
    [helped] = changed["data"]["helps"]
    assert (helped["helper_id"], helped["helping"], helped["note"]) == (sanne, True, NOTE)
    # mam's phone gets the change, without Sanne's part: each sees their own.
    [seen], mam_cursor = pulled(second_helper, SHARED_TASK_ENTITY, mam_cursor)
    assert (seen["version"], seen["data"]["helping"], seen["data"]["note"]) == (
        mine["version"], False, None)

    # The client is told who took something on, by the name they gave, never what.
    [(kind, view, detail)] = pushes(auth_client.user.id)
    assert (kind, view) == ("helpers", "/tasks")
    assert "Sanne" in detail["body"] and TITLE not in str(detail) and NOTE not in str(detail)
    assert TITLE.encode() not in raw_rows("push_outbox")
    # Saying it again changes nothing and tells nobody.
    again = help_with(helper, task["id"], helping=True, note=NOTE).get_json()
    assert again["version"] == mine["version"] and len(pushes(auth_client.user.id)) == 1
    assert pulled(auth_client, "task", client_cursor)[0] == []
    # The client ticked a step offline before Sanne's note came in: it applies, no conflict.
    ticks = [{**step, "done": i == 0} for i, step in enumerate(STEPS)]
    offline = sync(auth_client, [sync_mutation("task", task["id"], {"steps": ticks},
                                               base=task["version"])])
    assert offline["results"][0]["status"] == "applied", offline["results"]
    # The note emptied: gone.
    assert help_with(helper, task["id"], note="  ").get_json()["note"] is None


def test_ticks_only_when_the_client_allows_them(auth_client, helper) -> None:
    sanne = linked_pair(auth_client, helper, "Sanne")
    task = own_task(auth_client, shared_to_all=True)
    refused = help_with(helper, task["id"], step_ticks={"0": True})
    assert "step_ticks" in assert_error(refused, 422)["errors"]
    assert "done" in assert_error(help_with(helper, task["id"], done=True), 422)["errors"]
    [unchanged] = auth_client.get("/api/tasks").get_json()
    assert unchanged["version"] == task["version"] and not unchanged["done"]

    share(auth_client, task["id"], helpers_may_tick=True)
    wrong_step = help_with(helper, task["id"], step_ticks={"7": True})
    assert "step_ticks" in assert_error(wrong_step, 422)["errors"]
    ticked = help_with(helper, task["id"], step_ticks={"0": True})
    assert ticked.status_code == 200, ticked.get_json()
    assert [s["done"] for s in ticked.get_json()["steps"]] == [True, False]
    done = help_with(helper, task["id"], done=True).get_json()
    assert done["done"] is True and done["may_tick"] is True
    [mine] = auth_client.get("/api/tasks").get_json()
    assert (mine["done"], mine["done_by"]) == (True, sanne)
    assert [s["done"] for s in mine["steps"]] == [True, False]
    assert [p[2]["body"] for p in pushes(auth_client.user.id)] == [
        "Sanne heeft een taak afgevinkt."]
    # The client reopens it: it is theirs again.
    reopened = share(auth_client, task["id"], done=False)
    assert (reopened["done"], reopened["done_by"]) == (False, None)


def test_the_helper_works_offline_through_sync(auth_client, helper) -> None:
    sanne = linked_pair(auth_client, helper, "Sanne")
    task = own_task(auth_client, shared_helper_ids=[sanne], helpers_may_tick=True)
    [seen] = pulled(helper, SHARED_TASK_ENTITY)[0]
    # Queued on the phone while offline; sent later, twice by a flaky network: applied once.
    mutation = sync_mutation(SHARED_TASK_ENTITY, task["id"], {
        "helping": True, "note": NOTE, "step_ticks": {"1": True}}, base=seen["version"])
    first = sync(helper, [mutation])
    assert first["results"][0]["status"] == "applied", first["results"]
    again = sync(helper, [mutation])
    assert again["results"][0]["status"] in ("applied", "duplicate")
    [mine] = auth_client.get("/api/tasks").get_json()
    assert mine["version"] == task["version"] + 1
    assert [s["done"] for s in mine["steps"]] == [False, True]
    assert mine["helps"][0]["note"] == NOTE
    # A helper cannot remove a task, nor write one not shared with them, nor a client's task.
    removal = sync(helper, [sync_mutation(SHARED_TASK_ENTITY, task["id"], op="delete")])
    assert removal["results"][0]["status"] == "rejected"
    unknown = sync(helper, [sync_mutation(SHARED_TASK_ENTITY, str(uuid.uuid4()),
                                          {"helping": True})])
    assert unknown["results"][0]["status"] == "rejected"
    as_task = sync(helper, [sync_mutation("task", task["id"], {"done": True})])
    assert as_task["results"][0]["status"] == "rejected"
    assert auth_client.get("/api/tasks").get_json()[0]["done"] is False


def test_ending_the_link_empties_the_helpers_phone(auth_client, helper, second_helper) -> None:
    sanne = linked_pair(auth_client, helper, "Sanne")
    mam = linked_pair(auth_client, second_helper, "mam")
    named = own_task(auth_client, shared_helper_ids=[sanne, mam])
    to_all = own_task(auth_client, title="Aangifte aanvullen", shared_to_all=True)
    assert help_with(helper, named["id"], helping=True, note=NOTE).status_code == 200
    first = sync(helper)
    assert {c["id"] for c in first["changes"] if c["entity"] == SHARED_TASK_ENTITY} == {
        named["id"], to_all["id"]}
    _changes, client_cursor = pulled(auth_client, "task")

    assert auth_client.delete(f"/api/helpers/{sanne}", headers=auth_client.csrf) \
        .status_code == 204
    after = sync(helper, cursor=first["cursor"])
    assert {(c["id"], c["deleted"]) for c in after["changes"]
            if c["entity"] == SHARED_TASK_ENTITY} == {(named["id"], True), (to_all["id"], True)}
    assert sync(helper)["changes"] == []  # a full snapshot has nothing of the client
    assert_error(help_with(helper, named["id"], helping=True), 404)
    # The client's phone learns that the task is no longer shared with Sanne, and her help went.
    [changed], _cursor = pulled(auth_client, "task", client_cursor)
    assert changed["id"] == named["id"]
    assert (changed["data"]["shared_helper_ids"], changed["data"]["helps"]) == ([mam], [])
    assert raw_rows("task_helps") == b""
    assert set(shared_ids(second_helper)) == {named["id"], to_all["id"]}  # mam keeps both

    # The helper stops on their own: the same.
    _changes, mam_cursor = pulled(second_helper, SHARED_TASK_ENTITY)
    assert second_helper.delete(f"/api/helping/{mam}", headers=second_helper.csrf) \
        .status_code == 204
    gone = pulled(second_helper, SHARED_TASK_ENTITY, mam_cursor)[0]
    assert {c["deleted"] for c in gone} == {True} and len(gone) == 2


def test_a_new_share_tells_the_helper_discreetly(auth_client, helper) -> None:
    sanne = linked_pair(auth_client, helper, "Sanne")
    task = own_task(auth_client)
    assert pushes(helper.user.id) == []
    share(auth_client, task["id"], shared_helper_ids=[sanne])
    share(auth_client, task["id"], shared_to_all=True)  # still seen: nothing new for her
    [(kind, view, detail)] = pushes(helper.user.id)
    assert (kind, view) == ("helpers", f"/helping/{sanne}")
    assert auth_client.user.username in detail["body"] and TITLE not in str(detail)


def test_a_helper_of_two_clients_sees_each_ones_own(auth_client, other_client, helper) -> None:
    first = linked_pair(auth_client, helper, "Sanne")
    second = linked_pair(other_client, helper, "buurvrouw")
    mine = own_task(auth_client, shared_to_all=True)
    theirs = own_task(other_client, title="Naar de huisarts", shared_to_all=True)
    by_person = {p["id"]: [t["id"] for t in p["tasks"]]
                 for p in helper.get("/api/helping").get_json()}
    assert by_person == {first: [mine["id"]], second: [theirs["id"]]}
    tasks = {t["id"]: t["helping_id"] for t in helper.get("/api/shared-tasks").get_json()}
    assert tasks == {mine["id"]: first, theirs["id"]: second}
    other_client.delete(f"/api/helpers/{second}", headers=other_client.csrf)
    assert shared_ids(helper) == [mine["id"]]


def test_other_peoples_tasks_are_not_found(app, auth_client, other_client, helper, make_user,
                                           staff) -> None:
    linked_pair(auth_client, helper)
    private = own_task(auth_client)
    theirs = own_task(other_client, shared_to_all=True)
    stranger = make_client(app, make_user("helper"))
    linked_pair(other_client, stranger)
    for task_id in (private["id"], theirs["id"], str(uuid.uuid4())):
        assert_error(help_with(helper, task_id, helping=True), 404)
    # A client cannot use the helpers' route, and a helper not the client's.
    assert help_with(auth_client, private["id"], helping=True).status_code == 403
    assert helper.patch(f"/api/tasks/{theirs['id']}", json={"done": True},
                        headers=helper.csrf).status_code == 403
    assert helper.get("/api/tasks").status_code == 403
    assert shared_ids(stranger) == [theirs["id"]]


def test_the_contact_person_sees_nothing_of_the_sharing(auth_client, helper, staff) -> None:
    dossier = make_dossier(staff)
    assert link_dossier(auth_client, dossier["invite_code"]).status_code == 200
    given = make_dossier_task(staff, dossier["id"], title="Formulier schadevergoeding")
    sanne = linked_pair(auth_client, helper, "Sanne")
    share(auth_client, given["id"], shared_helper_ids=[sanne], helpers_may_tick=True)
    assert help_with(helper, given["id"], helping=True, note=NOTE).status_code == 200
    assert help_with(helper, given["id"], done=True).status_code == 200
    [seen] = staff.get(f"/api/staff/dossiers/{dossier['id']}").get_json()["tasks"]
    assert seen["done"] is True
    assert not {"helps", "shared_helper_ids", "shared_to_all", "done_by"} & set(seen)
    assert NOTE not in str(staff.get(f"/api/staff/dossiers/{dossier['id']}").get_json())
