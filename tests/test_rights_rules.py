"""The rights rules (api/rights/rules.py) against the shared cases, the same cases the PWA's rules
(pwa/js/rules/rights.js) run in tests/js/rights_rules.test.mjs: tests/cases/rights_*.json.
The cases' expectations are worked out by hand from the research, so these can fail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from api.rights import rules

CASES = Path(__file__).parent / "cases"
RULES = rules.load_rules()
APPLY = json.loads((CASES / "rights_apply.json").read_text(encoding="utf-8"))
VIOLATIONS = json.loads((CASES / "rights_violations.json").read_text(encoding="utf-8"))
QUESTIONS = json.loads((CASES / "rights_questions.json").read_text(encoding="utf-8"))


def situation(file: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    return {**file["base"], **case["patch"]}


@pytest.mark.parametrize("case", APPLY["cases"], ids=lambda c: c["name"])
def test_one_right(case: dict[str, Any]) -> None:
    found = rules.rights(RULES, situation(APPLY, case), case.get("today", APPLY["today"]))
    entry = next((r for r in found if r["id"] == case["right"]), None)
    if entry is not None:
        entry = {k: v for k, v in entry.items() if k not in ("id", "rule")}
    assert entry == case["expected"]


@pytest.mark.parametrize("case", APPLY["lists"], ids=lambda c: c["name"])
def test_the_whole_list(case: dict[str, Any]) -> None:
    assert rules.rights(RULES, case["situation"], APPLY["today"]) == case["expected"]


@pytest.mark.parametrize("case", VIOLATIONS["cases"], ids=lambda c: c["name"])
def test_violations(case: dict[str, Any]) -> None:
    found = rules.violations(RULES, situation(VIOLATIONS, case), VIOLATIONS["today"])
    assert [v["id"] for v in found] == case["expected"]


@pytest.mark.parametrize("case", QUESTIONS["shown"], ids=lambda c: f"{c['field']} {c['situation']}")
def test_is_shown(case: dict[str, Any]) -> None:
    assert rules.is_shown(RULES, case["field"], case["situation"], QUESTIONS["today"]) \
        is case["shown"]


@pytest.mark.parametrize("case", QUESTIONS["add_to_date"], ids=lambda c: c["date"])
def test_add_to_date(case: dict[str, Any]) -> None:
    assert rules.add_to_date(case["date"], case["days"], case["months"]) == case["expected"]


def test_the_cases_cover_every_rule_both_ways_every_deadline_and_every_invariant() -> None:
    applies = {c["right"] for c in APPLY["cases"] if c["expected"] is not None}
    not_applies = {c["right"] for c in APPLY["cases"] if c["expected"] is None}
    every = {rule["right"] for rule in RULES["rules"]}
    assert applies == every
    assert every - {"R07"} <= not_applies  # Slachtofferhulp is always there
    passed = {c["right"] for c in APPLY["cases"]
              if c["expected"] and "deadline_check" in c["expected"]["flags"]}
    assert passed == {rule["right"] for rule in RULES["rules"] if "deadline" in rule}
    maybes = {c["right"] for c in APPLY["cases"] if c["expected"]
              and c["expected"]["applies"] == "maybe"}
    assert len(maybes) >= 10
    broken = {i for c in VIOLATIONS["cases"] for i in c["expected"]}
    assert broken == {inv["id"] for inv in RULES["invariants"]}
    assert {c["field"] for c in QUESTIONS["shown"] if c["shown"]} >= {
        q["field"] for q in RULES["questions"] if "shown_if" in q}


def test_the_derived_field_names_every_crime() -> None:
    crimes = next(q for q in RULES["questions"] if q["field"] == "crime")["values"]
    for spec in RULES["derived"].values():
        assert sorted(spec["values"]) == sorted(crimes)


def test_every_rule_names_a_field_that_is_asked_or_derived() -> None:
    names = {q["field"] for q in RULES["questions"]} | set(RULES["derived"])

    def fields(condition: dict[str, Any]) -> set[str]:
        found = set()
        for key in ("all", "any"):
            for part in condition.get(key, []):
                found |= fields(part)
        if "not" in condition:
            found |= fields(condition["not"])
        found |= {condition[k] for k in ("field", "before_field") if k in condition}
        return found

    for item in RULES["rules"] + RULES["invariants"]:
        assert fields(item["when"]) <= names, item
        for flag in item.get("flags", []):
            assert fields(flag["when"]) <= names
