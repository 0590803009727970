"""The recovery meter over REST: scoring as stored truth, 422s that name the item, owner scoping,
the profile and the event date, sharing with the contact person, "Bel mij terug", the PDF."""

from __future__ import annotations

import uuid
from datetime import timedelta

from api.db import utcnow
from tests.factories import assert_error, make_client, raw_rows

CALM = {"phq4": [0, 1, 0, 1], "who5": [3, 3, 3, 3, 3], "safety": 0}
PCL5_30 = [2] * 10 + [1] * 10  # total 30: raised


def moment(days_ago: float = 0) -> str:
    return (utcnow() - timedelta(days=days_ago)).isoformat()


def post_test(client, answers=None, days_ago: float = 0, **extra):
    body = {"id": str(uuid.uuid4()), "taken_at": moment(days_ago), "answers": answers or CALM,
            **extra}
    return client.post("/api/recovery/tests", json=body, headers=client.csrf)


def taken(client, answers=None, days_ago: float = 0, **extra) -> dict:
    response = post_test(client, answers, days_ago, **extra)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def set_profile(client, **body) -> dict:
    response = client.put("/api/recovery/profile", json=body, headers=client.csrf)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


# -- the instruments -------------------------------------------------------------------------


def test_instruments_need_no_login_and_carry_the_rules(client) -> None:
    response = client.get("/api/recovery/instruments")
    assert response.status_code == 200
    body = response.get_json()
    assert [i["key"] for i in body["instruments"]] == ["phq4", "who5", "safety", "pcl5"]
    assert body["rules"]["instruments"]["pcl5"]["items"] == 20
    assert body["texts"]["crisis"]["numbers"][0]["number"] == "113"
    assert "no-store" not in response.headers.get("Cache-Control", "")


# -- scoring ---------------------------------------------------------------------------------


def test_a_test_is_scored_with_the_published_rules(auth_client) -> None:
    answers = {"phq4": [2, 2, 1, 1], "who5": [1, 2, 2, 2, 2], "safety": 0}
    result = taken(auth_client, answers)
    phq4, who5 = result["scores"]["phq4"], result["scores"]["who5"]
    assert (phq4["status"], phq4["total"], phq4["gad2"], phq4["phq2"], phq4["band"]) == (
        "complete", 6, 4, 2, "moderate")
    assert (phq4["gad2_positive"], phq4["phq2_positive"]) == (True, False)
    assert (who5["raw"], who5["percent"], who5["low_wellbeing"], who5["item_alarm"]) == (
        9, 36, True, True)
    assert result["scores"]["pcl5"]["status"] == "not_taken"
    assert result["safety"] is False and result["weeks_since_event"] is None
    assert result["phase"] == "unknown" and result["early"] is False
    assert result["facets"]["worry"] == "raised" and result["facets"]["intrusions"] is None
    assert "worry" in result["advice"] and result["version"] == 1
    assert auth_client.get(f"/api/recovery/tests/{result['id']}").get_json() == result


def test_an_unanswered_item_makes_only_its_instrument_incomplete(auth_client) -> None:
    result = taken(auth_client, {"phq4": [0, None, 0, 0], "who5": [5] * 5, "safety": None})
    assert result["scores"]["phq4"] == {
        "status": "incomplete", "total": None, "gad2": None, "phq2": None, "band": None,
        "gad2_positive": None, "phq2_positive": None}
    assert result["scores"]["who5"]["percent"] == 100
    assert result["safety"] is None  # shown softly on the phone


def test_the_safety_answer_comes_back_true_and_first_in_the_advice(auth_client) -> None:
    result = taken(auth_client, {**CALM, "safety": 1})
    assert result["safety"] is True and result["advice"][0] == "help_now"


def test_pcl5_with_clusters_band_rule_and_change(auth_client) -> None:
    set_profile(auth_client, event_date=(utcnow() - timedelta(weeks=10)).date().isoformat())
    first = taken(auth_client, {**CALM, "pcl5": PCL5_30}, days_ago=30)
    pcl5 = first["scores"]["pcl5"]
    assert (pcl5["total"], pcl5["clusters"], pcl5["band"], pcl5["dsm_rule"]) == (
        30, {"B": 10, "C": 4, "D": 10, "E": 6}, "raised", False)
    assert first["phase"] == "middle" and pcl5["change"] is None
    second = taken(auth_client, {**CALM, "pcl5": [1] * 20})
    assert second["scores"]["pcl5"]["change"] == {"delta": -10, "label": "clear",
                                                  "direction": "better"}


def test_answers_out_of_range_are_422_naming_the_item(auth_client) -> None:
    wrong = {"phq4": [0, 4, 0, -1], "who5": [0, 0, 0, 0, 0], "safety": 7, "pcl5": [0] * 19}
    body = assert_error(post_test(auth_client, wrong), 422)
    errors = body["errors"]["answers"]
    assert set(errors["phq4"]) == {"1", "3"}
    assert "from 0 to 3" in errors["phq4"]["1"][0]
    assert "20 answers" in errors["pcl5"][0] and "safety" in errors
    assert auth_client.get("/api/recovery/tests").get_json() == []  # nothing half-written


def test_a_moment_in_the_future_is_422(auth_client) -> None:
    body = assert_error(post_test(auth_client, days_ago=-1), 422)
    assert "future" in body["errors"]["taken_at"][0]
    assert post_test(auth_client, days_ago=-1 / 24 / 60).status_code == 201  # 1 min: a clock


def test_the_same_test_again_is_200_and_other_answers_409(auth_client) -> None:
    body = {"id": str(uuid.uuid4()), "taken_at": moment(), "answers": CALM}
    first = auth_client.post("/api/recovery/tests", json=body, headers=auth_client.csrf)
    again = auth_client.post("/api/recovery/tests", json=body, headers=auth_client.csrf)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.get_json()["version"] == 1
    changed = {**body, "answers": {**CALM, "safety": 2}}
    response = auth_client.post("/api/recovery/tests", json=changed, headers=auth_client.csrf)
    assert "never changed" in assert_error(response, 409)["message"]
    assert len(auth_client.get("/api/recovery/tests").get_json()) == 1


def test_another_person_gets_404_and_staff_403(app, auth_client, other_client, staff) -> None:
    mine = taken(auth_client)
    for method in ("get", "delete"):
        response = getattr(other_client, method)(f"/api/recovery/tests/{mine['id']}",
                                                 headers=other_client.csrf)
        assert_error(response, 404)
    response = other_client.patch(f"/api/recovery/tests/{mine['id']}", json={"shared": False},
                                  headers=other_client.csrf)
    assert_error(response, 404)
    reused = other_client.post("/api/recovery/tests", json={
        "id": mine["id"], "taken_at": mine["taken_at"], "answers": CALM},
        headers=other_client.csrf)
    assert_error(reused, 404)
    assert other_client.get("/api/recovery/tests").get_json() == []
    assert_error(post_test(staff), 403)


def test_answers_are_stored_encrypted(auth_client) -> None:
    taken(auth_client, {"phq4": [3, 2, 1, 0], "who5": [5, 4, 3, 2, 1], "safety": 2})
    stored = raw_rows("recovery_tests")
    for plain in (b"phq4", b"[3, 2, 1, 0]", b"[3,2,1,0]", b"safety"):
        assert plain not in stored


def test_the_trend_is_in_time_order_and_an_early_test_is_marked(auth_client) -> None:
    last = taken(auth_client, days_ago=1)
    first = taken(auth_client, days_ago=30)
    middle = taken(auth_client, days_ago=20)  # 10 days after the first: early
    trend = auth_client.get("/api/recovery/tests").get_json()
    assert [t["id"] for t in trend] == [first["id"], middle["id"], last["id"]]
    assert [t["early"] for t in trend] == [False, True, False]
    assert trend[2]["version"] == 3  # its result changed twice, as older tests arrived


def test_deleting_a_test_is_for_good(auth_client) -> None:
    test = taken(auth_client)
    response = auth_client.delete(f"/api/recovery/tests/{test['id']}", headers=auth_client.csrf)
    assert response.status_code == 204
    assert_error(auth_client.get(f"/api/recovery/tests/{test['id']}"), 404)
    assert raw_rows("recovery_tests") == b""


# -- the profile -----------------------------------------------------------------------------


def test_the_profile_defaults_and_a_partial_put(auth_client) -> None:
    profile = auth_client.get("/api/recovery/profile").get_json()
    assert (profile["event_date"], profile["reminder"], profile["next_due"]) == (None, None, None)
    day = (utcnow() - timedelta(weeks=5)).date()
    set_profile(auth_client, event_date=day.isoformat())
    profile = set_profile(auth_client, reminder="2w")
    assert profile["event_date"] == day.isoformat() and profile["weeks_since_event"] == 5
    assert profile["next_due"] is None  # no test yet
    taken(auth_client, days_ago=1)
    profile = auth_client.get("/api/recovery/profile").get_json()
    assert profile["next_due"] == (utcnow() - timedelta(days=1) + timedelta(days=14)).date(
        ).isoformat()
    profile = set_profile(auth_client, no_date="rather_not")
    assert (profile["event_date"], profile["no_date"]) == (None, "rather_not")


def test_an_event_date_in_the_future_is_422(auth_client) -> None:
    later = (utcnow() + timedelta(days=3)).date().isoformat()
    response = auth_client.put("/api/recovery/profile", json={"event_date": later},
                               headers=auth_client.csrf)
    assert "future" in assert_error(response, 422)["errors"]["event_date"][0]
    bad = auth_client.put("/api/recovery/profile", json={"reminder": "weekly"},
                          headers=auth_client.csrf)
    assert "reminder" in assert_error(bad, 422)["errors"]


def test_changing_the_event_date_changes_every_result(auth_client) -> None:
    test = taken(auth_client, days_ago=2)
    assert test["phase"] == "unknown"
    set_profile(auth_client, event_date=(utcnow() - timedelta(weeks=14)).date().isoformat())
    again = auth_client.get(f"/api/recovery/tests/{test['id']}").get_json()
    assert (again["phase"], again["weeks_since_event"], again["version"]) == ("late", 13, 2)


def test_the_profile_is_the_owners_and_only_for_clients(auth_client, other_client,
                                                        staff) -> None:
    set_profile(auth_client, reminder="monthly")
    assert other_client.get("/api/recovery/profile").get_json()["reminder"] is None
    assert_error(staff.get("/api/recovery/profile"), 403)


# -- the contact person ----------------------------------------------------------------------


def test_sharing_needs_a_dossier(auth_client) -> None:
    body = assert_error(post_test(auth_client, shared=True), 422)
    assert "contact person" in body["errors"]["shared"][0]
    test = taken(auth_client)
    response = auth_client.patch(f"/api/recovery/tests/{test['id']}", json={"shared": True},
                                 headers=auth_client.csrf)
    assert "shared" in assert_error(response, 422)["errors"]


def test_shared_bands_reach_the_contact_person_and_can_be_taken_back(
        auth_client, staff, linked, app, make_user) -> None:
    private = taken(auth_client, {"phq4": [3, 3, 3, 3], "who5": [0] * 5, "safety": 1},
                    days_ago=20)
    shared = taken(auth_client, {"phq4": [1, 1, 1, 1], "who5": [2] * 5, "safety": 0},
                   shared=True)
    view = staff.get(f"/api/staff/dossiers/{linked['id']}/recovery").get_json()
    assert [s["id"] for s in view["shared"]] == [shared["id"]]
    item = view["shared"][0]
    assert (item["phq4_band"], item["who5_low"], item["pcl5_band"], item["safety"]) == (
        "mild", True, None, False)
    assert "scores" not in item and "answers" not in item
    assert private["id"] not in str(view)
    summary = staff.get("/api/staff/recovery").get_json()
    assert summary == [{"dossier_id": linked["id"], "callback_requested_at": None,
                        "shared_results": 1, "last_shared_at": item["shared_at"]}]

    response = auth_client.patch(f"/api/recovery/tests/{shared['id']}", json={"shared": False},
                                 headers=auth_client.csrf)
    assert response.status_code == 200 and response.get_json()["shared"] is False
    assert staff.get(f"/api/staff/dossiers/{linked['id']}/recovery").get_json()["shared"] == []

    stranger = make_client(app, make_user("staff"))
    assert_error(stranger.get(f"/api/staff/dossiers/{linked['id']}/recovery"), 404)
    assert stranger.get("/api/staff/recovery").get_json() == []


def test_bel_mij_terug(auth_client, staff, linked) -> None:
    response = auth_client.post("/api/recovery/callback", json={"note": "Na 17:00 graag"},
                                headers=auth_client.csrf)
    assert response.status_code == 200 and response.get_json()["callback_requested_at"]
    assert b"Na 17:00" not in raw_rows("recovery_profiles")
    view = staff.get(f"/api/staff/dossiers/{linked['id']}/recovery").get_json()
    assert view["callback_note"] == "Na 17:00 graag" and view["callback_requested_at"]
    assert staff.get("/api/staff/recovery").get_json()[0]["callback_requested_at"]

    response = staff.delete(f"/api/staff/dossiers/{linked['id']}/recovery/callback",
                            headers=staff.csrf)
    assert response.status_code == 204
    assert auth_client.get("/api/recovery/profile").get_json()["callback_requested_at"] is None
    for _ in range(2):  # taking it back twice is fine
        response = auth_client.delete("/api/recovery/callback", headers=auth_client.csrf)
        assert response.status_code == 204


def test_bel_mij_terug_without_a_dossier_is_404(auth_client) -> None:
    response = auth_client.post("/api/recovery/callback", json={}, headers=auth_client.csrf)
    assert "dossier" in assert_error(response, 404)["message"]


# -- the summary for the huisarts -------------------------------------------------------------


def test_the_summary_pdf_has_figures_and_no_answers(auth_client, linked) -> None:
    taken(auth_client, {**CALM, "pcl5": PCL5_30}, days_ago=30)
    taken(auth_client)
    auth_client.post("/api/recovery/callback", json={"note": "Geheim-7731"},
                     headers=auth_client.csrf)
    for lang in ("nl", "en"):
        response = auth_client.get(f"/api/recovery/summary.pdf?lang={lang}")
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        assert response.data.startswith(b"%PDF") and b"Geheim-7731" not in response.data
        assert response.headers["Cache-Control"] == "no-store"
    assert_error(auth_client.get("/api/recovery/summary.pdf?lang=de"), 422)
