"""The recovery meter through /api/sync: tests taken offline arrive once, deletes, the profile's
fixed id, results that change when an older test or the event date arrives later."""

from __future__ import annotations

import uuid
from datetime import timedelta

from api.db import utcnow
from api.recovery.models import profile_id
from tests.factories import sync, sync_mutation

CALM = {"phq4": [0, 0, 0, 0], "who5": [3, 3, 3, 3, 3], "safety": 0}


def taken_offline(test_id=None, days_ago: float = 0, answers=None, shared=False) -> dict:
    data = {"taken_at": (utcnow() - timedelta(days=days_ago)).isoformat(),
            "answers": answers or CALM, "shared": shared}
    return sync_mutation("recovery_test", test_id or uuid.uuid4(), data)


def by_id(answer: dict) -> dict:
    return {c["id"]: c for c in answer["changes"]}


def test_tests_taken_offline_arrive_once_with_their_results(auth_client, client_user) -> None:
    first, second = taken_offline(days_ago=3), taken_offline(days_ago=1)
    answer = sync(auth_client, [first, second, first])  # the phone retried the first
    assert [r["status"] for r in answer["results"]] == ["applied", "applied", "duplicate"]
    assert len(auth_client.get("/api/recovery/tests").get_json()) == 2
    changes = by_id(answer)
    record = changes[first["id"]]["data"]
    assert record["scores"]["who5"]["percent"] == 60 and record["answers"] == CALM
    assert changes[second["id"]]["data"]["early"] is True  # 2 days after the first

    again = sync(auth_client, [first], cursor=answer["cursor"])  # same mutation id: once
    assert again["results"][0]["status"] == "duplicate" and again["changes"] == []


def test_other_answers_under_the_same_id_are_a_conflict(auth_client) -> None:
    test_id = uuid.uuid4()
    sync(auth_client, [taken_offline(test_id)])
    answer = sync(auth_client, [taken_offline(test_id, answers={**CALM, "safety": 3})])
    assert answer["results"][0]["status"] == "conflict"


def test_bad_answers_are_rejected_naming_the_item(auth_client) -> None:
    answer = sync(auth_client, [taken_offline(answers={**CALM, "who5": [9, 0, 0, 0, 0]})])
    result = answer["results"][0]
    assert result["status"] == "rejected", result
    assert "0" in result["errors"]["data"]["answers"]["who5"]


def test_an_older_test_arriving_later_re_sends_the_newer_one(auth_client) -> None:
    newer = taken_offline(days_ago=1, answers={**CALM, "who5": [5] * 5})
    cursor = sync(auth_client, [newer])["cursor"]
    older = taken_offline(days_ago=30, answers={**CALM, "who5": [1] * 5})
    changes = by_id(sync(auth_client, [older], cursor=cursor))
    assert set(changes) == {newer["id"], older["id"]}
    change = changes[newer["id"]]["data"]["scores"]["who5"]["change"]
    assert change == {"delta": 80, "significant": True, "direction": "better"}


def test_delete_offline_then_online(auth_client) -> None:
    keep, drop = taken_offline(days_ago=20), taken_offline(days_ago=10)
    cursor = sync(auth_client, [keep, drop])["cursor"]
    answer = sync(auth_client, [sync_mutation("recovery_test", drop["id"], op="delete")],
                  cursor=cursor)
    assert answer["results"][0]["status"] == "applied"
    assert by_id(answer)[drop["id"]]["deleted"] is True
    assert [t["id"] for t in auth_client.get("/api/recovery/tests").get_json()] == [keep["id"]]


def test_the_profile_has_one_fixed_id(auth_client, client_user) -> None:
    fixed = profile_id(client_user.id)
    day = (utcnow() - timedelta(weeks=6)).date().isoformat()
    answer = sync(auth_client, [sync_mutation("recovery_profile", fixed,
                                              {"event_date": day, "reminder": "4w"})])
    assert answer["results"][0]["status"] == "applied"
    record = by_id(answer)[str(fixed)]["data"]
    assert (record["event_date"], record["reminder"], record["weeks_since_event"]) == (
        day, "4w", 6)
    assert auth_client.get("/api/recovery/profile").get_json()["id"] == str(fixed)

    wrong = sync(auth_client, [sync_mutation("recovery_profile", uuid.uuid4(),
                                             {"reminder": "2w"})])
    assert wrong["results"][0]["status"] == "rejected"


def test_a_full_snapshot_holds_the_profile_and_the_tests(auth_client, client_user) -> None:
    assert sync(auth_client)["changes"] == []  # nothing set yet: nothing to sync
    test = taken_offline()
    sync(auth_client, [test, sync_mutation("recovery_profile", profile_id(client_user.id),
                                           {"reminder": "2w"})])
    snapshot = sync(auth_client)
    entities = {(c["entity"], c["id"]) for c in snapshot["changes"]}
    assert ("recovery_test", test["id"]) in entities
    assert ("recovery_profile", str(profile_id(client_user.id))) in entities


def test_the_event_date_through_sync_re_sends_the_tests(auth_client, client_user) -> None:
    test = taken_offline(days_ago=1)
    cursor = sync(auth_client, [test])["cursor"]
    day = (utcnow() - timedelta(weeks=2)).date().isoformat()
    changes = by_id(sync(auth_client, [sync_mutation(
        "recovery_profile", profile_id(client_user.id), {"event_date": day})], cursor=cursor))
    assert changes[test["id"]]["data"]["phase"] == "early"


def test_staff_cannot_write_tests_through_sync(staff) -> None:
    answer = sync(staff, [taken_offline()])
    assert answer["results"][0]["status"] == "rejected"
