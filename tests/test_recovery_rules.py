"""The recovery meter's rules (api/recovery/rules.py) against the shared cases, the same cases the
PWA's rules (pwa/js/rules/recovery.js) run in tests/js/recovery_rules.test.mjs.

Every case may carry a `rules_patch` that changes a number or rule in a copy of
api/content/recovery_rules.json; such a case must give its `expected` with the patch and something
else without it, so a number written into the code instead of read from the data fails here (and
in the node test, which runs the same cases).
"""

from __future__ import annotations

import ast
import copy
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from api.recovery import rules

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases"
RULES = rules.load_rules()
FACETS = ["worry", "mood", "wellbeing", "intrusions", "avoidance", "thoughts", "arousal"]
ADVICE = ["help_now", "talk_to_gp", "trauma_help", "sleep", "tension", "intrusions", "avoidance",
          "mood", "worry"]


def case_file(name: str) -> dict[str, Any]:
    return json.loads((CASES / f"recovery_{name}.json").read_text(encoding="utf-8"))


def patched(case: dict[str, Any]) -> dict[str, Any]:
    """The rules with the case's `rules_patch` {dotted path: value} applied to a copy."""
    if "rules_patch" not in case:
        return RULES
    changed = copy.deepcopy(RULES)
    for path, value in case["rules_patch"].items():
        *parents, last = path.split(".")
        target: Any = changed
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            assert last in target, f"{path} is not in the rules"  # a patch never adds a key
            target[last] = value
    return changed


def scores_of(r: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    return rules.score(r, case["answers"], case.get("previous"))


def trend_point(result: dict[str, Any]) -> dict[str, Any]:
    return {"id": result["id"], "weeks_since_event": result["weeks_since_event"],
            "phase": result["phase"], "early": result["early"],
            "who5_change": result["scores"]["who5"]["change"],
            "pcl5_change": result["scores"]["pcl5"]["change"], "safety": result["safety"]}


# Per case file: (what the rules give for a case, what the case expects).
Run = Callable[[dict[str, Any], dict[str, Any]], Any]
RUNS: dict[str, tuple[Run, Callable[[dict[str, Any]], Any]]] = {
    "score": (lambda r, c: {k: v for k, v in scores_of(r, c).items() if k in c["expected"]},
              lambda c: c["expected"]),
    "safety": (lambda r, c: rules.safety(c["answers"], r), lambda c: c["expected"]),
    "weeks": (lambda r, c: rules.weeks_since(c["event_date"], c["taken_at"]),
              lambda c: c["expected"]),
    "phase": (lambda r, c: {"phase": rules.phase(r, c["weeks"]),
                            "pcl5_offered": rules.pcl5_offered(r, c["weeks"])},
              lambda c: {"phase": c["phase"], "pcl5_offered": c["pcl5_offered"]}),
    "default_reminder": (lambda r, c: rules.default_reminder(r, c["weeks"]),
                         lambda c: c["expected"]),
    "due_date": (lambda r, c: rules.due_date(r, c["reminder"], c["last_taken_at"]),
                 lambda c: c["expected"]),
    "is_early": (lambda r, c: rules.is_early(r, c["previous_taken_at"], c["taken_at"],
                                             c["both_pcl5"]),
                 lambda c: c["expected"]),
    "facets": (lambda r, c: rules.facets(r, scores_of(r, c)), lambda c: c["expected"]),
    "advice": (lambda r, c: rules.advice(r, scores_of(r, c), rules.safety(c["answers"], r),
                                         c["weeks"], c["answers"]),
               lambda c: c["expected"]),
    "results": (lambda r, c: [trend_point(x) for x in rules.results(r, c["tests"],
                                                                     c["event_date"])],
                lambda c: c["expected"]),
}
ALL_CASES = [(name, case) for name in RUNS for case in case_file(name)["cases"]]


def strict(value: Any) -> str:
    """As JSON, so true is not 1 and the order of keys counts (as it does for the facets)."""
    return json.dumps(value)


# -- the shared cases --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "case"), ALL_CASES,
                         ids=[f"{name}: {case['name']}" for name, case in ALL_CASES])
def test_the_cases(name: str, case: dict[str, Any]) -> None:
    run, expected = RUNS[name]
    got = run(patched(case), case)
    assert got == expected(case)
    assert strict(got) == strict(expected(case))
    if "rules_patch" in case:
        # The patch must matter: with the rules as they are, the case gives something else.
        assert strict(run(RULES, case)) != strict(expected(case))


def test_every_case_file_is_run_here_and_has_cases() -> None:
    assert {p.name for p in CASES.glob("recovery_*.json")} == {f"recovery_{n}.json" for n in RUNS}
    for name in RUNS:
        assert len(case_file(name)["cases"]) >= 8, name
    names = [f"{name}: {case['name']}" for name, case in ALL_CASES]
    assert len(names) == len(set(names))  # every case has its own name


def test_safety_without_rules_gives_the_same() -> None:
    for case in case_file("safety")["cases"]:
        if "rules_patch" not in case:
            assert rules.safety(case["answers"]) is case["expected"], case["name"]


def test_facets_come_in_the_rules_order() -> None:
    assert case_file("facets")["facets"] == FACETS
    assert [rule["facet"] for rule in RULES["facets"]["rules"]] == FACETS
    for case in case_file("facets")["cases"]:
        assert list(rules.facets(patched(case), scores_of(patched(case), case))) == FACETS


def test_advice_keys_and_their_order() -> None:
    levels = [level["key"] for level in RULES["advice"]["help_levels"]]
    assert levels == ["help_now", "trauma_help", "talk_to_gp"]
    assert [item["key"] for item in RULES["advice"]["facet_advice"]] == [
        "sleep", "tension", "intrusions", "avoidance", "mood", "worry"]
    for case in case_file("advice")["cases"]:
        keys = case["expected"]
        assert set(keys) <= set(ADVICE), case["name"]
        assert sum(key in levels for key in keys) <= 1 and keys[1:] == [
            k for k in keys[1:] if k not in levels], case["name"]  # one help level, first


# -- the scores' shape -------------------------------------------------------------------------


def test_the_scores_have_the_api_shape() -> None:
    phq4 = {"status", "total", "gad2", "phq2", "band", "gad2_positive", "phq2_positive"}
    who5 = {"status", "raw", "percent", "low_wellbeing", "item_alarm", "change"}
    pcl5 = {"status", "total", "clusters", "criteria", "band", "dsm_rule", "change"}
    full = {"phq4": [3] * 4, "who5": [5] * 5, "safety": 0, "pcl5": [4] * 20}
    for answers, previous in ((full, {"pcl5_total": 50, "who5_percent": 50}), ({}, None),
                              ({"pcl5": [None] * 20}, None)):
        scores = rules.score(RULES, answers, previous)
        assert list(scores) == ["phq4", "who5", "pcl5"]
        assert set(scores["phq4"]) == phq4
        assert set(scores["who5"]) == who5
        assert set(scores["pcl5"]) == pcl5
    scores = rules.score(RULES, full, {"pcl5_total": 50, "who5_percent": 50})
    assert set(scores["pcl5"]["clusters"]) == set(scores["pcl5"]["criteria"]) == set("BCDE")
    assert set(scores["pcl5"]["change"]) == {"delta", "label", "direction"}
    assert set(scores["who5"]["change"]) == {"delta", "significant", "direction"}
    json.dumps(scores)  # plain JSON values only


def test_score_does_not_change_the_answers() -> None:
    answers = {"phq4": [1, None, 1, 1], "who5": [5] * 5, "pcl5": [1] * 20, "safety": None}
    before = copy.deepcopy(answers)
    rules.score(RULES, answers, {"pcl5_total": 3})
    rules.advice(RULES, rules.score(RULES, answers), None, 6, answers)
    assert answers == before


def test_an_unknown_reminder_or_condition_is_an_error() -> None:
    with pytest.raises(KeyError):
        rules.due_date(RULES, "weekly", "2026-01-05T10:00:00Z")
    with pytest.raises(ValueError, match="Unknown condition"):
        rules.meets({"path": "phase", "above": 3}, {"phase": "early"})


# -- the data ----------------------------------------------------------------------------------


def test_the_rules_are_the_file_read_once() -> None:
    assert json.loads(rules.RULES_FILE.read_text(encoding="utf-8")) == RULES
    assert rules.load_rules() is RULES


def test_every_group_names_its_source() -> None:
    groups = [RULES["instruments"][key] for key in ("phq4", "who5", "safety", "pcl5")]
    groups += [RULES[key] for key in ("phases", "intervals", "reminders", "facets", "advice")]
    for group in groups:
        assert isinstance(group["source"], str) and len(group["source"]) > 40
    for level in RULES["advice"]["help_levels"] + RULES["advice"]["facet_advice"]:
        assert level["note"], level["key"]


def test_the_numbers_the_issue_names() -> None:
    instruments = RULES["instruments"]
    phq4, who5, pcl5 = instruments["phq4"], instruments["who5"], instruments["pcl5"]
    assert (phq4["items"], phq4["min"], phq4["max"]) == (4, 0, 3)
    assert [b["from"] for b in phq4["bands"]] == [0, 3, 6, 9]
    assert phq4["subscale_positive_at"] == 3
    assert (who5["items"], who5["max"], who5["percent_factor"]) == (5, 5, 4)
    assert (who5["low_wellbeing_below"], who5["item_alarm_at_most"]) == (13, 1)
    assert who5["change_significant_at"] == 10
    assert (pcl5["items"], pcl5["max"], pcl5["offered_from_week"]) == (20, 4, 4)
    assert {k: (c["first"], c["last"], c["dsm_items_needed"])
            for k, c in pcl5["clusters"].items()} == {
        "B": (1, 5, 1), "C": (6, 7, 1), "D": (8, 14, 2), "E": (15, 20, 2)}
    assert pcl5["dsm_item_at_least"] == 2
    assert [b["from"] for b in pcl5["bands"]] == [0, 16, 33]
    assert [c["from"] for c in pcl5["change"]] == [0, 5, 10]
    assert [b["from"] for b in RULES["phases"]["bands"]] == [0, 4, 12]
    assert (RULES["intervals"]["min_days"], RULES["intervals"]["min_days_both_pcl5"]) == (14, 28)
    assert RULES["reminders"]["choices"] == {"2w": {"days": 14}, "4w": {"days": 28},
                                             "monthly": {"months": 1}}


def numbers(value: Any, path: str = "") -> list[str]:
    """The dotted paths of every number in the rules."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in numbers(item, f"{path}{key}.")]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in numbers(item, f"{path}{i}.")]
    return [path[:-1]] if isinstance(value, int) and not isinstance(value, bool) else []


# Numbers no case changes, and why.
UNPATCHED = {
    "version": "not a rule",
    "instruments.phq4.bands.0.from": "the lowest band starts at the scale's minimum",
    "instruments.pcl5.bands.0.from": "the lowest band starts at the scale's minimum",
    "instruments.pcl5.change.0.from": "the smallest change starts at 0",
    "phases.bands.0.from": "the first phase starts at week 0",
    "instruments.safety.min": "the API's range check only (any answer counts by alarm_at_least)",
    "instruments.safety.max": "the API's range check only (any answer counts by alarm_at_least)",
}


def test_every_number_in_the_rules_is_changed_by_some_case() -> None:
    """So both implementations are shown to read each of them (see test_the_cases)."""
    patches = [path for _, case in ALL_CASES for path in case.get("rules_patch", {})]
    for path in numbers(RULES):
        covered = any(path == p or path.startswith(p + ".") for p in patches)
        assert covered != (path in UNPATCHED), path


def test_no_number_is_written_in_the_code() -> None:
    """Only calendar facts (a week is 7 days, a year 12 months) and 0/1 for counting."""
    tree = ast.parse((ROOT / "api" / "recovery" / "rules.py").read_text(encoding="utf-8"))
    found = {node.value for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and type(node.value) in (int, float)}
    assert found <= {0, 1, 7, 12}, found


# -- the content that goes with it (api/content/recovery.py, written alongside) ----------------


@pytest.mark.skipif(importlib.util.find_spec("api.content.recovery") is None,
                    reason="api/content/recovery.py is not there yet")
def test_the_content_matches_the_rules() -> None:
    from api.content import recovery  # only when it exists

    by_key = {item["key"]: item for item in recovery.INSTRUMENTS}
    assert list(by_key) == ["phq4", "who5", "safety", "pcl5"]
    for key in ("phq4", "who5", "pcl5"):
        spec = RULES["instruments"][key]
        assert len(by_key[key]["questions"]) == spec["items"], key
        assert [o["value"] for o in by_key[key]["options"]] == list(
            range(spec["min"], spec["max"] + 1)), key
    safety = RULES["instruments"]["safety"]
    assert [o["value"] for o in by_key["safety"]["options"]] == list(
        range(safety["min"], safety["max"] + 1))
    texts = recovery.TEXTS
    assert set(texts["facets"]) == set(FACETS)
    assert set(texts["advice"]) == set(ADVICE)
    assert set(texts["phase"]) == {b["phase"] for b in RULES["phases"]["bands"]} | {"unknown"}
    assert set(texts["reminder"]["choices"]) == set(RULES["reminders"]["choices"]) | {"none"}
