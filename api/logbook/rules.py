"""The logbook rules that the phone applies too, as pure functions (no Flask, no database).

The PWA has the same functions in pwa/js/rules/logbook.js, and both are run against the same
cases (tests/cases/*.json: tests/test_logbook_rules.py and tests/js/logbook_rules.test.mjs).
Change one, change the other and the cases with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

MONEY_KEYS = ("amount_cents", "reimbursed_cents", "outstanding_cents")


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON values are in JavaScript (===): true is not 1, 1 is 1.0."""
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def is_shown(question: dict[str, Any], answers: dict[str, Any]) -> bool:
    """Whether a question is asked, given the other answers (its `shown_if`, if any)."""
    condition = question.get("shown_if")
    return condition is None or _same(answers.get(condition["key"]), condition["equals"])


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def reimbursed_cents(answers: dict[str, Any]) -> int:
    """What came back for one damages entry: the amount given, or all of it after only 'yes'."""
    if answers.get("reimbursed") is not True:
        return 0
    back = answers.get("reimbursed_cents")
    return back if _is_int(back) else answers["amount_cents"]


def damage_totals(entries: Iterable[dict[str, Any] | None],
                  categories: Sequence[str]) -> dict[str, Any]:
    """Sums in cents per category and overall: amount, reimbursed, outstanding.

    `entries` are the answers of each entry; None (content that does not decrypt) and answers
    without a whole amount or a category are counted in `damaged_entries`, not summed.
    `per_category` has the categories that occur, in the order of `categories`, then any
    others in the order met.
    """
    def zero() -> dict[str, int]:
        return dict.fromkeys(MONEY_KEYS, 0)

    per: dict[str, dict[str, int]] = {}
    overall, damaged = zero(), 0
    for answers in entries:
        if (not isinstance(answers, dict) or not _is_int(answers.get("amount_cents"))
                or not isinstance(answers.get("category"), str)):
            damaged += 1
            continue
        amount, back = answers["amount_cents"], reimbursed_cents(answers)
        for bucket in (per.setdefault(answers["category"], zero()), overall):
            bucket["amount_cents"] += amount
            bucket["reimbursed_cents"] += back
            bucket["outstanding_cents"] += amount - back
    order = [k for k in categories if k in per] + [k for k in per if k not in categories]
    return {"per_category": {k: per[k] for k in order}, "overall": overall,
            "damaged_entries": damaged}
