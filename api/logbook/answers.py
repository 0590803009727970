"""Check an entry's answers against its logbook type's questions (api/content).

Returns the cleaned answers (empty text and null answers dropped, report numbers in capitals);
raises marshmallow.ValidationError shaped {"answers": {key: [message]}} naming every field.
Everything comes from the questions' data: their type and limits, and the rules between
answers (`shown_if`, `at_most`) that the phone applies from the same data.
"""

from __future__ import annotations

import re
from typing import Any

from marshmallow import ValidationError

from api.content.logbook_templates import TEMPLATES
from api.logbook.rules import is_shown

# The API's words when an answer is given to a question that is not asked, per question it
# depends on (the rule itself is the question's `shown_if`). Others get NOT_ASKED.
ONLY_WHEN = {
    "reimbursed": "Only fill this in when you got money back.",
    "reported": "Only fill this in when you reported it to the police.",
}
NOT_ASKED = "Only fill this in after the answer that asks for it."
MORE_THAN = "Cannot be more than the amount."


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check(question: dict[str, Any], value: Any) -> tuple[Any, str | None]:
    """-> (clean value, None) or (None, message)."""
    kind = question["type"]
    allowed = [o["value"] for o in question.get("options", [])]
    if kind in ("scale", "money"):
        if not _is_int(value):
            return None, ("Give an amount in whole cents (e.g. 1234 for 12.34 euro)."
                          if kind == "money" else "Choose a whole number.")
        if not question["min"] <= value <= question["max"]:
            return None, f"Must be between {question['min']} and {question['max']}."
        return value, None
    if kind == "choice":
        return (value, None) if value in allowed and isinstance(value, str) else (
            None, "Choose one of: " + ", ".join(allowed) + ".")
    if kind == "multi_choice":
        if not isinstance(value, list) or not value:
            return None, "Choose at least one option (a list)."
        if any(v not in allowed for v in value) or len(set(value)) != len(value):
            return None, "Choose each option once, from: " + ", ".join(allowed) + "."
        return value, None
    if kind == "boolean":
        return (value, None) if isinstance(value, bool) else (None, "Answer true or false.")
    if not isinstance(value, str):
        return None, "Give text."
    if kind == "report_number":
        value = value.strip().upper()
        if not re.fullmatch(question["pattern"], value):
            return None, "This does not look like a police report number (e.g. PL0900-2026123456)."
        return value, None
    if len(value) > question["max_length"]:
        return None, f"At most {question['max_length']} characters."
    return value, None


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def validate(logbook_type: str, answers: Any) -> dict[str, Any]:
    if not isinstance(answers, dict):
        raise ValidationError({"answers": ["Give the answers as an object."]})
    questions = {q["key"]: q for q in TEMPLATES[logbook_type]["questions"]}
    errors: dict[str, list[str]] = {}
    clean: dict[str, Any] = {}
    for key, value in answers.items():
        if key not in questions:
            errors[key] = ["This question is not part of this logbook."]
        elif _present(value):
            clean[key], message = _check(questions[key], value)
            if message:
                errors[key] = [message]
    for key, question in questions.items():
        if (question["required"] and key not in clean and key not in errors
                and is_shown(question, clean)):
            errors[key] = ["This answer is required."]
    if not errors:
        errors = _between_answers(questions, clean)
    if errors:
        raise ValidationError({"answers": errors})
    return clean


def _between_answers(questions: dict[str, dict[str, Any]],
                     a: dict[str, Any]) -> dict[str, list[str]]:
    """The rules between answers, from the questions' `shown_if` and `at_most`."""
    errors: dict[str, list[str]] = {}
    for key, question in questions.items():
        if key not in a:
            continue
        if not is_shown(question, a):
            errors[key] = [ONLY_WHEN.get(question["shown_if"]["key"], NOT_ASKED)]
        other = question.get("at_most")
        if other and a[key] > a.get(other, 0):
            errors[key] = [MORE_THAN]
    return errors
