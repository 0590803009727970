"""Samen for the recovery meter: a client lets one person who helps them see how it is going,
per person and only when switched on. What reaches the helper's phone is the bands of the tests
and their trend, never an answer, the safety question or the advice; it follows each new or
removed test, and leaves their phone when switched off or when the link ends. Other people's
ids are 404; a helper cannot write it."""

from __future__ import annotations

import uuid

import pytest

from api.recovery.sharing import SHARED_RECOVERY_ENTITY
from tests.factories import assert_error, make_client, sync, sync_mutation
from tests.test_helpers import linked_pair, pulled

HARD = {"phq4": [3, 3, 3, 3], "who5": [0, 1, 0, 1, 0], "safety": 3}
BETTER = {"phq4": [0, 1, 0, 0], "who5": [4, 4, 3, 4, 4], "safety": 0}


@pytest.fixture
def helper(app, make_user):
    return make_client(app, make_user("helper"))


def take_test(client, answers: dict, day: int) -> dict:
    response = client.post("/api/recovery/tests", headers=client.csrf, json={
        "taken_at": f"2026-11-{day:02d}T20:00:00+01:00", "answers": answers})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def share(client, link_id: str, on: bool):
    return client.patch(f"/api/helpers/{link_id}", json={"shares_recovery": on},
                        headers=client.csrf)


def helping_recovery(helper) -> dict | None:
    [person] = helper.get("/api/helping").get_json()
    return person["recovery"]


def test_nothing_of_it_is_shared_until_switched_on(auth_client, helper) -> None:
    link_id = linked_pair(auth_client, helper, "Sanne")
    take_test(auth_client, HARD, 1)
    assert pulled(helper, SHARED_RECOVERY_ENTITY)[0] == []
    assert helping_recovery(helper) is None
    [mine] = auth_client.get("/api/helpers").get_json()
    assert mine["sees"] == {"help_message": False, "recovery": False} and mine["id"] == link_id


def test_the_helper_sees_bands_and_trend_never_answers(auth_client, helper) -> None:
    link_id = linked_pair(auth_client, helper, "Sanne")
    take_test(auth_client, HARD, 1)
    _changes, cursor = pulled(helper, SHARED_RECOVERY_ENTITY)

    answer = share(auth_client, link_id, True)
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["sees"]["recovery"] is True
    [seen], cursor = pulled(helper, SHARED_RECOVERY_ENTITY, cursor)
    assert (seen["id"], seen["data"]["helping_id"]) == (link_id, link_id)
    [first] = seen["data"]["tests"]
    assert (first["phq4_band"], first["who5_low"], first["pcl5_band"]) == ("severe", True, None)
    # Only bands: no answers, no safety question, no facets, no advice, no ids of tests.
    assert set(first) == {"taken_at", "phq4_band", "who5_low", "pcl5_band", "who5_change",
                          "pcl5_change"}

    # A new test reaches the helper's phone, with which way it went.
    take_test(auth_client, BETTER, 15)
    [seen], cursor = pulled(helper, SHARED_RECOVERY_ENTITY, cursor)
    latest = seen["data"]["tests"][-1]
    assert (latest["phq4_band"], latest["who5_low"], latest["who5_change"]) == (
        "none", False, "better")
    assert helping_recovery(helper)["tests"][-1] == latest

    # A removed test leaves the trend.
    auth_client.delete(f"/api/recovery/tests/{first_id(auth_client)}", headers=auth_client.csrf)
    [seen], cursor = pulled(helper, SHARED_RECOVERY_ENTITY, cursor)
    assert len(seen["data"]["tests"]) == 1 and seen["data"]["tests"][0]["who5_change"] is None

    # Switched off: the helper's phone drops it; switching off again changes nothing.
    assert share(auth_client, link_id, False).get_json()["sees"]["recovery"] is False
    [dropped], cursor = pulled(helper, SHARED_RECOVERY_ENTITY, cursor)
    assert dropped["deleted"] is True and dropped["data"] is None
    assert helping_recovery(helper) is None
    share(auth_client, link_id, False)
    take_test(auth_client, HARD, 20)
    assert pulled(helper, SHARED_RECOVERY_ENTITY, cursor)[0] == []
    assert [c for c in sync(helper)["changes"] if c["entity"] == SHARED_RECOVERY_ENTITY] == []


def first_id(client) -> str:
    return client.get("/api/recovery/tests").get_json()[0]["id"]


def test_per_helper_and_gone_when_the_link_ends(app, auth_client, helper, make_user) -> None:
    other = make_client(app, make_user("helper"))
    sanne = linked_pair(auth_client, helper, "Sanne")
    linked_pair(auth_client, other, "mam")
    take_test(auth_client, HARD, 1)
    share(auth_client, sanne, True)
    first = sync(helper)
    assert [c["entity"] for c in first["changes"]].count(SHARED_RECOVERY_ENTITY) == 1
    assert [c for c in sync(other)["changes"] if c["entity"] == SHARED_RECOVERY_ENTITY] == []

    assert auth_client.delete(f"/api/helpers/{sanne}", headers=auth_client.csrf) \
        .status_code == 204
    after = sync(helper, cursor=first["cursor"])
    assert (SHARED_RECOVERY_ENTITY, True) in {(c["entity"], c["deleted"])
                                              for c in after["changes"]}
    assert sync(helper)["changes"] == []


def test_switching_it_on_tells_the_helper_discreetly(auth_client, helper) -> None:
    from tests.test_task_sharing import pushes

    link_id = linked_pair(auth_client, helper, "Sanne")
    share(auth_client, link_id, True)
    share(auth_client, link_id, True)
    [(kind, view, detail)] = pushes(helper.user.id)
    assert (kind, view) == ("helpers", f"/helping/{link_id}")
    assert "test" not in detail["body"].lower()


def test_other_peoples_ids_and_roles(auth_client, other_client, helper) -> None:
    theirs = linked_pair(other_client, helper)
    assert_error(share(auth_client, theirs, True), 404)
    assert_error(share(auth_client, str(uuid.uuid4()), True), 404)
    assert share(helper, theirs, True).status_code == 403
    assert "shares_recovery" in assert_error(auth_client.patch(
        f"/api/helpers/{theirs}", json={}, headers=auth_client.csrf), 422)["errors"]
    # A helper cannot write the shared record through sync.
    share(other_client, theirs, True)
    written = sync(helper, [sync_mutation(SHARED_RECOVERY_ENTITY, theirs, {"tests": []})])
    assert written["results"][0]["status"] == "rejected"
