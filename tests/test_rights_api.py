"""Hulp bij mijn strafzaak over REST and sync: the public questions, the situation (encrypted,
owner-scoped, impossible answers refused naming the fields and nothing written), the rights
that apply with their computed deadlines, and the client's choice per right."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from api.rights.models import situation_id
from api.rights.service import today
from tests.factories import assert_error, make_client, raw_rows, sync, sync_mutation


def days_ago(n: int) -> str:
    return (date.fromisoformat(today()) - timedelta(days=n)).isoformat()


def put(client, **body):
    return client.put("/api/rights/situation", json=body, headers=client.csrf)


def answered(client, **body) -> dict:
    response = put(client, **body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def rights(client) -> dict[str, dict]:
    response = client.get("/api/rights")
    assert response.status_code == 200, response.get_json()
    return {r["id"]: r for r in response.get_json()}


STALKING = {"crime": "stalking", "role": "slachtoffer", "reported": False,
            "phase": "geen_aangifte", "klacht_filed": False}


def test_the_questions_and_every_right_need_no_login(client) -> None:
    response = client.get("/api/rights/questions")
    assert response.status_code == 200
    body = response.get_json()
    fields = [q["field"] for q in body["rules"]["questions"]]
    assert fields[:3] == ["crime", "role", "reported"] and len(fields) == 16
    assert sorted(body["questions"]) == sorted(fields)  # words for every question
    assert len(body["rights"]) == 24 and body["rights"]["R16"]["source"]["law"]
    assert "note" not in str(body["rules"]["rules"][2])  # documentation stays in the file
    assert body["contacts"]["shn"]["phone"] == "0900-0101"
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_a_new_client_has_an_empty_situation_and_only_what_may_apply(auth_client,
                                                                     client_user) -> None:
    situation = auth_client.get("/api/rights/situation").get_json()
    assert situation["id"] == str(situation_id(client_user.id))
    assert situation["crime"] is None and situation["choices"] == {} and situation["version"] == 0
    found = rights(auth_client)
    assert found["R07"]["applies"] == "yes"  # Slachtofferhulp, whatever is known
    assert {r["applies"] for k, r in found.items() if k != "R07"} == {"maybe"}
    assert found["R02"]["asks"] == ["reported", "crime"]


def test_answers_change_only_where_sent_and_drive_the_deadlines(auth_client) -> None:
    answered(auth_client, **STALKING, event_date=days_ago(10))
    situation = answered(auth_client, suspect="bekend")
    assert situation["crime"] == "stalking" and situation["suspect"] == "bekend"
    assert situation["version"] == 2
    found = rights(auth_client)
    klacht = found["R03"]
    assert klacht["applies"] == "yes" and klacht["flags"] == []
    start = date.fromisoformat(days_ago(10))
    assert date.fromisoformat(klacht["deadline"]) > start + timedelta(days=88)
    assert klacht["title"]["nl"] and klacht["todos"][0]["steps"] and klacht["choice"] is None
    assert klacht["deadline_words"]["nl"]
    assert "R02" not in found  # stalking: a klacht, not a plain report

    answered(auth_client, event_date=days_ago(200))
    late = rights(auth_client)["R03"]
    assert late["flags"] == ["deadline_check"]  # passed: ask advice, never hidden
    assert answered(auth_client, event_date=days_ago(200))["version"] == 3  # nothing changed


def test_weet_ik_niet_is_an_answer_and_makes_a_right_maybe(auth_client) -> None:
    answered(auth_client, **{**STALKING, "klacht_filed": None}, event_date=None)
    klacht = rights(auth_client)["R03"]
    assert (klacht["applies"], klacht["deadline"]) == ("maybe", None)
    assert klacht["asks"] == ["klacht_filed", "event_date"]


def test_impossible_answers_name_the_fields_and_write_nothing(auth_client) -> None:
    answered(auth_client, crime="geweld")
    body = assert_error(put(auth_client, reported=False, phase="zitting_gepland"), 422)
    assert set(body["errors"]) == {"phase", "reported"}
    assert "report" in body["errors"]["phase"][0]
    body = assert_error(put(auth_client, maatregel_awarded=True, phase="opsporing",
                            reported=True), 422)
    assert set(body["errors"]) == {"maatregel_awarded", "phase"}
    situation = auth_client.get("/api/rights/situation").get_json()
    assert (situation["phase"], situation["reported"], situation["version"]) == (None, None, 1)


def test_bad_values_are_refused_naming_the_field(auth_client) -> None:
    for body, field in [({"reported": 1}, "reported"), ({"crime": "moord"}, "crime"),
                        ({"event_date": "gisteren"}, "event_date"), ({"mood": "ok"}, "mood"),
                        ({"event_date": days_ago(-3)}, "event_date"),
                        ({"choices": {"R99": "list"}}, "choices")]:
        assert field in assert_error(put(auth_client, **body), 422)["errors"], body
    assert auth_client.get("/api/rights/situation").get_json()["version"] == 0


def test_the_client_chooses_and_changes_their_mind(auth_client) -> None:
    answered(auth_client, **STALKING)

    def choose(right, choice):
        return auth_client.put("/api/rights/choice", json={"right": right, "choice": choice},
                               headers=auth_client.csrf)

    assert choose("R03", "list").get_json()["choices"] == {"R03": "list"}
    assert choose("R21", "not_for_me").status_code == 200
    assert choose("R03", "later").get_json()["choices"] == {"R03": "later", "R21": "not_for_me"}
    assert rights(auth_client)["R03"]["choice"] == "later"
    assert choose("R21", None).get_json()["choices"] == {"R03": "later"}
    assert "right" in assert_error(choose("R99", "list"), 422)["errors"]
    assert "choice" in assert_error(choose("R03", "maybe"), 422)["errors"]


def test_answers_and_choices_are_ciphertext_at_rest(auth_client) -> None:
    answered(auth_client, **STALKING, event_date="2026-03-14", choices={"R21": "not_for_me"})
    stored = raw_rows("rights_situations")
    for secret in (b"stalking", b"2026-03-14", b"not_for_me", b"geen_aangifte", b"R21"):
        assert secret not in stored


def test_a_situation_is_the_clients_own(auth_client, other_client, app, make_user) -> None:
    answered(auth_client, **STALKING)
    assert other_client.get("/api/rights/situation").get_json()["crime"] is None
    assert "R03" not in rights(other_client) or rights(other_client)["R03"]["applies"] == "maybe"
    for role in ("helper", "staff"):
        someone = make_client(app, make_user(role))
        assert_error(someone.get("/api/rights"), 403)
        assert_error(someone.put("/api/rights/situation", json={"crime": "geweld"},
                                 headers=someone.csrf), 403)


# -- sync ------------------------------------------------------------------------------------


def test_answered_offline_the_situation_arrives_once(auth_client, client_user) -> None:
    assert sync(auth_client)["changes"] == []  # nothing answered: nothing to sync
    record = situation_id(client_user.id)
    mutation = sync_mutation("rights_situation", record, {**STALKING, "event_date": days_ago(5),
                                                          "choices": {"R03": "list"}})
    answer = sync(auth_client, [mutation, mutation])
    assert [r["status"] for r in answer["results"]] == ["applied", "duplicate"]
    data = next(c for c in answer["changes"] if c["id"] == str(record))["data"]
    assert data["crime"] == "stalking" and data["choices"] == {"R03": "list"}
    assert rights(auth_client)["R03"]["choice"] == "list"


def test_sync_refuses_impossible_answers_and_another_id(auth_client, client_user) -> None:
    record = situation_id(client_user.id)
    wrong = sync(auth_client, [sync_mutation("rights_situation", record,
                                             {"reported": False, "phase": "uitspraak"})])
    assert wrong["results"][0]["status"] == "rejected"
    assert set(wrong["results"][0]["errors"]["data"]) == {"phase", "reported"}
    other = sync(auth_client, [sync_mutation("rights_situation", uuid.uuid4(),
                                             {"crime": "fraude"})])
    assert other["results"][0]["status"] != "applied"
    assert auth_client.get("/api/rights/situation").get_json()["version"] == 0


def test_deleting_the_situation_forgets_every_answer(auth_client, client_user) -> None:
    record = situation_id(client_user.id)
    answered(auth_client, **STALKING, choices={"R03": "list"})
    sync(auth_client, [sync_mutation("rights_situation", record, op="delete")])
    situation = auth_client.get("/api/rights/situation").get_json()
    assert situation["crime"] is None and situation["choices"] == {}
