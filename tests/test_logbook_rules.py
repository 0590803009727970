"""Rules the phone and the server share: served as data, checked from that data, and the logic
both sides need run against the same cases as the PWA's (tests/js/logbook_rules.test.mjs)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from marshmallow import ValidationError

from api.content.dossier import EVENT_KINDS, KINDS
from api.content.logbook_templates import TEMPLATES
from api.logbook import answers, rules
from schemas.logbook import LIMITS
from tests.factories import (
    DAMAGE,
    FEELING,
    STALKING,
    WHEN,
    assert_error,
    make_dossier,
    make_dossier_event,
    make_entry,
    make_logbook,
)

CASES = Path(__file__).parent / "cases"
SAMPLES = {"wellbeing": FEELING, "damages": DAMAGE, "stalking": STALKING}


def cases(name: str) -> dict:
    return json.loads((CASES / name).read_text(encoding="utf-8"))


def questions(logbook_type: str) -> dict[str, dict]:
    return {q["key"]: q for q in TEMPLATES[logbook_type]["questions"]}


# -- the shared cases ------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases("shown_if.json")["cases"], ids=lambda c: c["name"])
def test_shown_if_cases(case: dict) -> None:
    assert rules.is_shown(case["question"], case["answers"]) is case["shown"]


TOTALS = cases("damage_totals.json")


@pytest.mark.parametrize("case", TOTALS["cases"], ids=lambda c: c["name"])
def test_damage_totals_cases(case: dict) -> None:
    totals = rules.damage_totals(case["entries"], TOTALS["categories"])
    assert totals == case["expected"]
    assert list(totals["per_category"]) == list(case["expected"]["per_category"])  # the order


def test_the_cases_use_the_templates_categories() -> None:
    options = questions("damages")["category"]["options"]
    assert TOTALS["categories"] == [o["value"] for o in options]


# -- the data the phone reads ----------------------------------------------------------------


def test_templates_are_served_whole_with_rules_and_limits(client) -> None:
    response = client.get("/api/logbook-templates")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")  # public content
    body = response.get_json()
    # The response schema documents every field and drops none of the content.
    assert body["templates"] == json.loads(json.dumps(list(TEMPLATES.values())))
    assert body["limits"] == LIMITS == {"note_max_length": 5000, "title_max_length": 120}
    served = {t["type"]: {q["key"]: q for q in t["questions"]} for t in body["templates"]}
    assert served["damages"]["reimbursed_cents"]["shown_if"] == {"key": "reimbursed",
                                                                 "equals": True}
    assert served["damages"]["reimbursed_by"]["shown_if"] == {"key": "reimbursed",
                                                              "equals": True}
    assert served["damages"]["reimbursed_cents"]["at_most"] == "amount_cents"
    assert served["stalking"]["report_number"]["shown_if"] == {"key": "reported", "equals": True}
    assert "shown_if" not in served["damages"]["amount_cents"]


def test_every_rule_points_at_a_question_before_it() -> None:
    for logbook_type, template in TEMPLATES.items():
        seen: dict[str, dict] = {}
        for question in template["questions"]:
            condition = question.get("shown_if")
            if condition:
                assert set(condition) == {"key", "equals"}, (logbook_type, question["key"])
                assert condition["key"] in seen, (logbook_type, question["key"])
                assert isinstance(condition["equals"], str | int | bool)
            if "at_most" in question:
                assert question["type"] == "money"
                assert seen[question["at_most"]]["type"] == "money"
            seen[question["key"]] = question


def test_the_openapi_documents_the_rules(client) -> None:
    schemas = client.get("/api/openapi.json").get_json()["components"]["schemas"]
    question = schemas["Question"]["properties"]
    assert {"shown_if", "at_most", "max_length", "options"} <= set(question)
    assert set(schemas["Condition"]["properties"]) == {"key", "equals"}
    assert set(schemas["Templates"]["properties"]) == {"templates", "limits"}
    assert set(schemas["Limits"]["properties"]) == set(LIMITS)
    assert set(schemas["EventKind"]["properties"]) == {"kind", "source", "has_time"}
    create = schemas["LogbookCreate"]["properties"]["title"]
    assert create["maxLength"] == LIMITS["title_max_length"]
    assert schemas["EntryCreate"]["properties"]["note"]["maxLength"] == LIMITS["note_max_length"]


# -- validation from the same data -----------------------------------------------------------


def hidden_cases() -> list[tuple[str, str]]:
    return [(t, key) for t in TEMPLATES for key, q in questions(t).items() if "shown_if" in q]


def test_the_follow_ups_are_the_ones_the_phone_hid_before() -> None:
    assert hidden_cases() == [("damages", "reimbursed_cents"), ("damages", "reimbursed_by"),
                              ("stalking", "report_number")]


@pytest.mark.parametrize(("logbook_type", "key"), hidden_cases())
def test_an_answer_to_a_question_not_asked_is_refused(logbook_type: str, key: str) -> None:
    condition = questions(logbook_type)[key]["shown_if"]
    sample = dict(SAMPLES[logbook_type])
    assert key in sample
    answers.validate(logbook_type, sample)  # the sample is fine as it is
    sample[condition["key"]] = not condition["equals"]
    with pytest.raises(ValidationError) as raised:
        answers.validate(logbook_type, sample)
    follow_ups = [k for k, q in questions(logbook_type).items()
                  if q.get("shown_if") == condition and k in sample]
    assert raised.value.messages == {"answers": {
        k: [answers.ONLY_WHEN[condition["key"]]] for k in follow_ups}}
    # Without the follow-ups the same answers are accepted.
    for k in follow_ups:
        del sample[k]
    assert answers.validate(logbook_type, sample) == sample


def test_the_words_are_kept() -> None:
    with pytest.raises(ValidationError) as raised:
        answers.validate("damages", {**DAMAGE, "reimbursed": False, "reimbursed_cents": 99999})
    assert raised.value.messages == {"answers": {
        "reimbursed_cents": ["Cannot be more than the amount."],
        "reimbursed_by": ["Only fill this in when you got money back."]}}
    with pytest.raises(ValidationError) as raised:
        answers.validate("stalking", {**STALKING, "reported": False})
    assert raised.value.messages == {"answers": {
        "report_number": ["Only fill this in when you reported it to the police."]}}


def test_a_new_rule_in_the_data_is_checked_without_code(monkeypatch) -> None:
    """The validation reads shown_if and at_most from the data: a template that gains a rule is
    checked by it, also on a question that is required when it is asked."""
    template = copy.deepcopy(TEMPLATES["wellbeing"])
    by_key = {q["key"]: q for q in template["questions"]}
    by_key["what_helped"]["shown_if"] = {"key": "feeling", "equals": 5}
    by_key["what_helped"]["required"] = True
    template["questions"].append({"key": "spent_cents", "type": "money", "required": False,
                                  "step": 3, "min": 0, "max": 1000})
    template["questions"].append({"key": "back_cents", "type": "money", "required": False,
                                  "step": 3, "min": 0, "max": 1000, "at_most": "spent_cents"})
    monkeypatch.setitem(TEMPLATES, "wellbeing", template)

    with pytest.raises(ValidationError) as raised:
        answers.validate("wellbeing", {"feeling": 2, "what_helped": "Thee"})
    assert raised.value.messages == {"answers": {"what_helped": [answers.NOT_ASKED]}}
    assert answers.validate("wellbeing", {"feeling": 2}) == {"feeling": 2}  # not asked
    with pytest.raises(ValidationError) as raised:
        answers.validate("wellbeing", {"feeling": 5})
    assert raised.value.messages == {"answers": {"what_helped": ["This answer is required."]}}
    assert answers.validate("wellbeing", {"feeling": 5, "what_helped": "Thee"})

    with pytest.raises(ValidationError) as raised:
        answers.validate("wellbeing", {"feeling": 2, "spent_cents": 100, "back_cents": 101})
    assert raised.value.messages == {"answers": {"back_cents": [answers.MORE_THAN]}}
    assert answers.validate("wellbeing", {"feeling": 2, "spent_cents": 100, "back_cents": 100})


def test_the_limits_are_the_ones_the_api_checks(auth_client) -> None:
    too_long = "x" * (LIMITS["title_max_length"] + 1)
    response = auth_client.post("/api/logbooks", json={"type": "wellbeing", "title": too_long},
                                headers=auth_client.csrf)
    assert "title" in assert_error(response, 422)["errors"]
    logbook = make_logbook(auth_client, title="x" * LIMITS["title_max_length"])
    note = "n" * LIMITS["note_max_length"]
    assert make_entry(auth_client, logbook["id"], note=note)["note"] == note
    response = auth_client.post(f"/api/logbooks/{logbook['id']}/entries", json={
        "occurred_at": WHEN, "answers": FEELING, "note": note + "n"}, headers=auth_client.csrf)
    assert "note" in assert_error(response, 422)["errors"]


def test_totals_over_rest_follow_the_shared_rule(auth_client) -> None:
    logbook = make_logbook(auth_client, "damages", "Kosten")
    entries = [DAMAGE, {"category": "travel", "amount_cents": 2000, "reimbursed": True},
               {"category": "medical", "amount_cents": 1, "reimbursed": False}]
    for entry in entries:
        make_entry(auth_client, logbook["id"], entry)
    totals = auth_client.get(f"/api/logbooks/{logbook['id']}").get_json()["totals"]
    categories = [o["value"] for o in questions("damages")["category"]["options"]]
    assert totals == rules.damage_totals(entries, categories)
    assert list(totals["per_category"]) == ["medical", "travel"]


# -- the dossier's event kinds ---------------------------------------------------------------


def test_event_kinds_are_public_content(client) -> None:
    response = client.get("/api/content/dossier")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
    kinds = response.get_json()["event_kinds"]
    assert kinds == EVENT_KINDS
    assert [k["kind"] for k in kinds if k["has_time"]] == ["court_date", "appointment"]
    assert {k["source"] for k in kinds} == {"police", "prosecutor", "court", "organisation"}


def test_every_kind_has_words_on_the_phone() -> None:
    pwa = Path(__file__).parent.parent / "pwa" / "i18n"
    for lang in ("nl", "en"):
        words = json.loads((pwa / f"{lang}.json").read_text(encoding="utf-8"))
        assert all(words.get(f"dossier.kind.{kind}") for kind in KINDS), lang


def test_events_are_checked_and_grouped_by_the_served_kinds(staff) -> None:
    dossier = make_dossier(staff)
    for kind in EVENT_KINDS:
        event = make_dossier_event(staff, dossier["id"], kind=kind["kind"])
        assert event["source"] == kind["source"]
    response = staff.post(f"/api/staff/dossiers/{dossier['id']}/events", json={
        "kind": "gossip", "title": "x", "occurred_at": WHEN}, headers=staff.csrf)
    body = assert_error(response, 422)
    assert body["errors"]["kind"] == ["Must be one of: " + ", ".join(KINDS) + "."]
