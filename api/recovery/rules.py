"""The recovery meter's rules that the phone applies too, as pure functions (no Flask, no database).

Every number (items, ranges, cut-offs, clusters, change thresholds, phases, intervals, reminder
intervals) and every facet and advice rule is data: api/content/recovery_rules.json, passed in as
`rules` (the phone gets the same file from GET /api/recovery/instruments). Nothing here writes a
cut-off down. The PWA has the same functions in pwa/js/rules/recovery.js (camelCase), and both
run against the same cases (tests/cases/recovery_*.json: tests/test_recovery_rules.py and
tests/js/recovery_rules.test.mjs). Change one, change the other and the cases with it.

Dates: an event date is "YYYY-MM-DD"; a moment (taken_at) is ISO-8601, read in UTC (a moment
without an offset is taken as UTC); days are counted between UTC dates.
"""

from __future__ import annotations

import calendar
import functools
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

Rules = dict[str, Any]
Answers = dict[str, Any]
Scores = dict[str, Any]
Condition = dict[str, Any]

RULES_FILE = Path(__file__).resolve().parent.parent / "content" / "recovery_rules.json"


@functools.cache
def load_rules() -> Rules:
    """The rules as the server uses and serves them, read once. Treat the result as read-only."""
    return json.loads(RULES_FILE.read_text(encoding="utf-8"))


# -- helpers -----------------------------------------------------------------------------------


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON values are in JavaScript (===): true is not 1."""
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def _complete(spec: dict[str, Any], values: Any) -> list[int] | None:
    """The instrument's answers when every item is answered (a whole number in range), else None."""
    if not isinstance(values, list) or len(values) != spec["items"]:
        return None
    if all(_is_int(v) and spec["min"] <= v <= spec["max"] for v in values):
        return list(values)
    return None


def _span(items: list[int], part: dict[str, int]) -> list[int]:
    """The items `first`..`last` (1-based, inclusive)."""
    return items[part["first"] - 1:part["last"]]


def _band(bands: list[dict[str, Any]], value: int, key: str) -> Any:
    """The `key` of the last band whose `from` is at most `value` (bands sorted upwards)."""
    found = None
    for band in bands:
        if value >= band["from"]:
            found = band[key]
    return found


def _utc_date(moment: str) -> date:
    """The UTC date of an ISO-8601 moment (no offset: UTC)."""
    parsed = datetime.fromisoformat(moment)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).date()


def _add_months(start: date, months: int) -> date:
    """`start` plus calendar months, the day clamped to the last day of that month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _read(context: Any, path: str) -> Any:
    """The value at a dotted path ("scores.pcl5.criteria.B", "answers.pcl5.19"), or None."""
    value = context
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def meets(condition: Condition, context: dict[str, Any]) -> bool:
    """Whether a `when` of the rules holds (the grammar: `conditions.note` in the rules)."""
    if "all" in condition:
        return all(meets(part, context) for part in condition["all"])
    if "any" in condition:
        return any(meets(part, context) for part in condition["any"])
    value = _read(context, condition["path"])
    if "equals" in condition:
        return _same(value, condition["equals"])
    if "in" in condition:
        return any(_same(value, option) for option in condition["in"])
    if "at_least" in condition:
        return _is_int(value) and value >= condition["at_least"]
    if "at_most" in condition:
        return _is_int(value) and value <= condition["at_most"]
    raise ValueError(f"Unknown condition: {condition!r}")


# -- scores ------------------------------------------------------------------------------------


def _phq4(spec: dict[str, Any], values: Any) -> dict[str, Any]:
    items = _complete(spec, values)
    if items is None:
        return {"status": "incomplete", "total": None, "gad2": None, "phq2": None, "band": None,
                "gad2_positive": None, "phq2_positive": None}
    gad2, phq2 = (sum(_span(items, spec["subscales"][name])) for name in ("gad2", "phq2"))
    total = sum(items)
    return {"status": "complete", "total": total, "gad2": gad2, "phq2": phq2,
            "band": _band(spec["bands"], total, "band"),
            "gad2_positive": gad2 >= spec["subscale_positive_at"],
            "phq2_positive": phq2 >= spec["subscale_positive_at"]}


def _who5(spec: dict[str, Any], values: Any, previous: Any) -> dict[str, Any]:
    items = _complete(spec, values)
    if items is None:
        return {"status": "incomplete", "raw": None, "percent": None, "low_wellbeing": None,
                "item_alarm": None, "change": None}
    raw = sum(items)
    percent = raw * spec["percent_factor"]
    change = None
    if _is_int(previous):
        delta = percent - previous
        significant = abs(delta) >= spec["change_significant_at"]
        direction = ("better" if delta > 0 else "worse") if significant else None
        change = {"delta": delta, "significant": significant, "direction": direction}
    return {"status": "complete", "raw": raw, "percent": percent,
            "low_wellbeing": raw < spec["low_wellbeing_below"],
            "item_alarm": any(v <= spec["item_alarm_at_most"] for v in items), "change": change}


def _pcl5(spec: dict[str, Any], values: Any, previous: Any) -> dict[str, Any]:
    empty = {"total": None, "clusters": None, "criteria": None, "band": None, "dsm_rule": None,
             "change": None}
    if values is None:
        return {"status": "not_taken", **empty}
    items = _complete(spec, values)
    if items is None:
        return {"status": "incomplete", **empty}
    total = sum(items)
    clusters, criteria = {}, {}
    for name, part in spec["clusters"].items():
        span = _span(items, part)
        clusters[name] = sum(span)
        counted = sum(1 for v in span if v >= spec["dsm_item_at_least"])
        criteria[name] = counted >= part["dsm_items_needed"]
    change = None
    if _is_int(previous):
        delta = total - previous
        label = _band(spec["change"], abs(delta), "label")
        directed = next(c["with_direction"] for c in spec["change"] if c["label"] == label)
        direction = ("better" if delta < 0 else "worse") if directed and delta else None
        change = {"delta": delta, "label": label, "direction": direction}
    return {"status": "complete", "total": total, "clusters": clusters, "criteria": criteria,
            "band": _band(spec["bands"], total, "band"), "dsm_rule": all(criteria.values()),
            "change": change}


def score(rules: Rules, answers: Answers, previous: dict[str, Any] | None = None) -> Scores:
    """The scores of one test: {"phq4": …, "who5": …, "pcl5": …}.

    `answers`: {"phq4": [4], "who5": [5], "safety": 0-3 | None, "pcl5": [20] (or absent)}, an
    unanswered item None. An instrument with any item unanswered (or out of range, or the list
    missing or of the wrong length) is "incomplete" with its figures None (keys still present);
    the others still score. No pcl5 (absent or None): "not_taken". `previous`: {"pcl5_total",
    "who5_percent"} of the latest earlier test whose instrument was complete (None: no change).
    pcl5 also has `criteria` {"B", "C", "D", "E"}: whether each cluster's part of the DSM rule is
    met (what facets() reads, as the scores are all a synced test carries).
    """
    instruments = rules["instruments"]
    previous = previous or {}
    return {"phq4": _phq4(instruments["phq4"], answers.get("phq4")),
            "who5": _who5(instruments["who5"], answers.get("who5"), previous.get("who5_percent")),
            "pcl5": _pcl5(instruments["pcl5"], answers.get("pcl5"), previous.get("pcl5_total"))}


def safety(answers: Answers, rules: Rules | None = None) -> bool | None:
    """The safety question (PHQ-9 item 9): True from the alarm answer up, False below, None when
    unanswered. Without `rules`, any answer above 0 ("not at all") is the alarm."""
    value = answers.get("safety")
    if not _is_int(value):
        return None
    return value > 0 if rules is None else value >= rules["instruments"]["safety"]["alarm_at_least"]


# -- time --------------------------------------------------------------------------------------


def weeks_since(event_date: str | None, taken_at: str | None) -> int | None:
    """Whole weeks from the event date to the UTC date of `taken_at`; None without a date.

    An event date after the test's UTC date counts as 0 weeks (phase early): it is a time-zone
    edge (a test just after local midnight is still the day before in UTC), not a test before
    the event."""
    if event_date is None or taken_at is None:
        return None
    days = (_utc_date(taken_at) - date.fromisoformat(event_date)).days
    return max(days, 0) // 7


def phase(rules: Rules, weeks: int | None) -> str:
    """"early", "middle" or "late" for the weeks since the event; "unknown" without them."""
    if weeks is None:
        return "unknown"
    return _band(rules["phases"]["bands"], weeks, "phase")


def pcl5_offered(rules: Rules, weeks: int | None) -> bool:
    """Whether the test offers the PCL-5: from its week on, never without an event date."""
    return weeks is not None and weeks >= rules["instruments"]["pcl5"]["offered_from_week"]


def default_reminder(rules: Rules, weeks: int | None) -> str:
    """The reminder offered first: the next meaningful moment (see `reminders.note`)."""
    reminders = rules["reminders"]
    choice = reminders["default"][phase(rules, weeks)]
    if isinstance(choice, str):
        return choice
    # The phase names candidates: the one landing closest to the PCL-5 week, not before it.
    assert weeks is not None  # only a phase with weeks names candidates
    target = rules["instruments"]["pcl5"]["offered_from_week"] * 7
    lands = {key: weeks * 7 + reminders["choices"][key]["days"] for key in choice["among"]}
    reaching = [key for key in choice["among"] if lands[key] >= target]
    if reaching:
        return min(reaching, key=lambda key: lands[key])
    return max(choice["among"], key=lambda key: lands[key])


def due_date(rules: Rules, reminder: str | None, last_taken_at: str | None) -> str | None:
    """"YYYY-MM-DD" when the reminder is due after the last test; None for no reminder (or no
    test yet). An unknown reminder raises KeyError."""
    if reminder is None or last_taken_at is None:
        return None
    choice = rules["reminders"]["choices"][reminder]
    start = _utc_date(last_taken_at)
    if "days" in choice:
        return (start + timedelta(days=choice["days"])).isoformat()
    return _add_months(start, choice["months"]).isoformat()


def is_early(rules: Rules, previous_taken_at: str | None, taken_at: str,
             both_pcl5: bool) -> bool:
    """Whether a test comes sooner than the minimum interval after the previous one (UTC dates;
    the longer interval when both tests have a complete PCL-5). No previous test: False."""
    if previous_taken_at is None:
        return False
    intervals = rules["intervals"]
    days = (_utc_date(taken_at) - _utc_date(previous_taken_at)).days
    return days < intervals["min_days_both_pcl5" if both_pcl5 else "min_days"]


# -- what it means -----------------------------------------------------------------------------


def facets(rules: Rules, scores: Scores) -> dict[str, str | None]:
    """{facet: "ok" | "raised" | None} in the rules' order; None when its instrument is not
    complete."""
    context = {"scores": scores}
    found: dict[str, str | None] = {}
    for rule in rules["facets"]["rules"]:
        if (scores.get(rule["instrument"]) or {}).get("status") != "complete":
            found[rule["facet"]] = None
        else:
            found[rule["facet"]] = "raised" if meets(rule["raised_when"], context) else "ok"
    return found


def advice(rules: Rules, scores: Scores, safety: bool | None, weeks: int | None,
           answers: Answers | None) -> list[str]:
    """The advice keys in order: at most one help level, then the facet advice that applies."""
    context = {"scores": scores, "facets": facets(rules, scores), "safety": safety,
               "phase": phase(rules, weeks), "answers": answers or {}}
    keys = [level["key"] for level in rules["advice"]["help_levels"]
            if meets(level["when"], context)][:1]
    keys += [item["key"] for item in rules["advice"]["facet_advice"]
             if meets(item["when"], context)]
    return keys


# -- a person's tests together ---------------------------------------------------------------


def _moment(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def results(rules: Rules, tests: list[dict[str, Any]],
            event_date: str | None) -> list[dict[str, Any]]:
    """What each test of one person means, in time order (the trend; ties by id).

    `tests`: [{"id", "taken_at", "answers"}]. Each test's change is against the latest earlier
    test whose instrument was complete, and `early` against the test just before it; so adding
    or removing an older test, or changing the event date, changes the results after it.
    -> [{"id", "taken_at", "weeks_since_event", "phase", "early", "scores", "safety",
    "facets", "advice"}]
    """
    out: list[dict[str, Any]] = []
    previous: dict[str, Any] = {}
    last: dict[str, Any] | None = None
    for test in sorted(tests, key=lambda t: (_moment(t["taken_at"]), str(t["id"]))):
        answers = test["answers"]
        scores = score(rules, answers, previous)
        weeks = weeks_since(event_date, test["taken_at"])
        alarm = safety(answers, rules)
        pcl5_complete = scores["pcl5"]["status"] == "complete"
        early = last is not None and is_early(
            rules, last["taken_at"], test["taken_at"],
            pcl5_complete and last["scores"]["pcl5"]["status"] == "complete")
        result = {"id": test["id"], "taken_at": test["taken_at"], "weeks_since_event": weeks,
                  "phase": phase(rules, weeks), "early": early, "scores": scores,
                  "safety": alarm, "facets": facets(rules, scores),
                  "advice": advice(rules, scores, alarm, weeks, answers)}
        out.append(result)
        last = result
        if scores["who5"]["status"] == "complete":
            previous["who5_percent"] = scores["who5"]["percent"]
        if pcl5_complete:
            previous["pcl5_total"] = scores["pcl5"]["total"]
    return out
