"""Which rights apply to a situation, as pure functions (no Flask, no database).

The questions, the derived field, the invariants and one rule per right are data:
api/content/rights_rules.json, passed in as `rules` (the phone gets the same file from
GET /api/rights/questions). The PWA has the same functions in pwa/js/rules/rights.js
(camelCase); both run the same cases (tests/cases/rights_*.json: tests/test_rights_rules.py and
tests/js/rights_rules.test.mjs). Change one, change the other and the cases with it.

A situation maps the questions' fields to answers; a missing field or null is "weet ik niet".
Conditions are three-valued ("yes", "no", "maybe"): an unknown answer makes a condition that
needs it "maybe", unless the rest decides it anyway (false AND unknown is "no"). Next to the
value comes the list of fields whose answer would settle it: what the person could find out.
Dates are "YYYY-MM-DD"; `today` too (the caller's date in the Netherlands).
"""

from __future__ import annotations

import calendar
import functools
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

Rules = dict[str, Any]
Situation = dict[str, Any]
Condition = dict[str, Any]
Truth = tuple[str, list[str]]

RULES_FILE = Path(__file__).resolve().parent.parent / "content" / "rights_rules.json"
YES, NO, MAYBE = "yes", "no", "maybe"


@functools.cache
def load_rules() -> Rules:
    """The rules as the server uses and serves them, read once. Treat the result as read-only."""
    return json.loads(RULES_FILE.read_text(encoding="utf-8"))


def _day(value: str) -> date:
    return date.fromisoformat(value)


def add_to_date(value: str, days: int = 0, months: int = 0) -> str:
    """`value` plus whole months (the same day of the month, or the month's last day when it
    has fewer days: 31 January + 1 month is 28 or 29 February), then plus days."""
    start = _day(value)
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return (date(year, month, day) + timedelta(days=days)).isoformat()


def facts(rules: Rules, situation: Situation) -> tuple[dict[str, Any], dict[str, str]]:
    """The answers plus the derived fields, and for an unknown field the name of what to ask
    (a derived field whose source is unknown asks for the source)."""
    known: dict[str, Any] = {q["field"]: situation.get(q["field"]) for q in rules["questions"]}
    ask: dict[str, str] = {}
    for name, spec in rules["derived"].items():
        source = known.get(spec["from"])
        known[name] = None if source is None else spec["values"].get(source)
        ask[name] = spec["from"] if source is None else name
    return known, ask


def _unknowns(truths: list[Truth]) -> list[str]:
    found: list[str] = []
    for _, fields in truths:
        found += [f for f in fields if f not in found]
    return found


def truth(condition: Condition, known: dict[str, Any], ask: dict[str, str], today: str) -> Truth:
    """The condition's value and, when "maybe", the fields that would settle it."""
    if "always" in condition:
        return (YES if condition["always"] else NO), []
    if "all" in condition:
        parts = [truth(c, known, ask, today) for c in condition["all"]]
        if any(value == NO for value, _ in parts):
            return NO, []
        maybes = [p for p in parts if p[0] == MAYBE]
        return (MAYBE, _unknowns(maybes)) if maybes else (YES, [])
    if "any" in condition:
        parts = [truth(c, known, ask, today) for c in condition["any"]]
        if any(value == YES for value, _ in parts):
            return YES, []
        maybes = [p for p in parts if p[0] == MAYBE]
        return (MAYBE, _unknowns(maybes)) if maybes else (NO, [])
    if "not" in condition:
        value, fields = truth(condition["not"], known, ask, today)
        return {YES: NO, NO: YES, MAYBE: MAYBE}[value], fields
    field = condition["field"]
    value = known.get(field)
    if "before_field" in condition:
        other = known.get(condition["before_field"])
        missing = [f for f, v in ((field, value), (condition["before_field"], other)) if v is None]
        if missing:
            return MAYBE, [ask.get(f, f) for f in missing]
        return (YES if _day(value) < _day(other) else NO), []
    if value is None:
        return MAYBE, [ask.get(field, field)]
    if "is" in condition:
        holds = _same(value, condition["is"])
    elif "in" in condition:
        holds = any(_same(value, option) for option in condition["in"])
    elif "within_days" in condition:
        holds = (_day(today) - _day(value)).days <= condition["within_days"]
    else:
        raise ValueError(f"unknown condition: {condition}")
    return (YES if holds else NO), []


def _same(value: Any, expected: Any) -> bool:
    """Equal as JSON values are: true is not 1 (Python's True == 1 would say it is)."""
    return type(value) is type(expected) and value == expected


def is_shown(rules: Rules, field: str, situation: Situation, today: str) -> bool:
    """Whether the question for `field` is asked: only when its `shown_if` certainly holds."""
    question = next(q for q in rules["questions"] if q["field"] == field)
    if "shown_if" not in question:
        return True
    known, ask = facts(rules, situation)
    return truth(question["shown_if"], known, ask, today)[0] == YES


def violations(rules: Rules, situation: Situation, today: str) -> list[dict[str, Any]]:
    """The invariants the situation certainly breaks ({id, fields, message}); unknown answers
    never break one."""
    known, ask = facts(rules, situation)
    return [{"id": inv["id"], "fields": inv["fields"], "message": inv["message"]}
            for inv in rules["invariants"] if truth(inv["when"], known, ask, today)[0] == YES]


def deadline(spec: dict[str, Any] | None, known: dict[str, Any]) -> str | None:
    """The rule's deadline from its start date, or None (no deadline, or the date unknown)."""
    if not spec or known.get(spec["from"]) is None:
        return None
    return add_to_date(known[spec["from"]], days=spec.get("days", 0),
                       months=spec.get("months", 0))


def rights(rules: Rules, situation: Situation, today: str) -> list[dict[str, Any]]:
    """The rights that apply ("yes") or may apply ("maybe"), in the rules' order:
    {id, rule, applies, deadline, flags, asks}. A deadline before today is flagged
    "deadline_check" (ask advice), never left out; a deadline whose start date is unknown asks
    for that date."""
    known, ask = facts(rules, situation)
    found = []
    for rule in rules["rules"]:
        applies, asks = truth(rule["when"], known, ask, today)
        if applies == NO:
            continue
        spec = rule.get("deadline")
        due = deadline(spec, known)
        if spec and due is None and spec["from"] not in asks:
            asks = [*asks, spec["from"]]
        flags = [f["flag"] for f in rule.get("flags", [])
                 if truth(f["when"], known, ask, today)[0] == YES]
        if due is not None and due < today:
            flags.append("deadline_check")
        found.append({"id": rule["right"], "rule": rule["rule"], "applies": applies,
                      "deadline": due, "flags": flags, "asks": asks})
    return found
