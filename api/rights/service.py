"""The rights on the server: a person's situation, their choice per right, and which rights
apply to them today.

Only clients have a situation. Which rights apply is computed when read, with the same rules
the phone runs (api/rights/rules.py): the answers and the rules file are the truth, and a
deadline passes without anything being rewritten. An impossible situation (a hearing but no
report) is Invalid, naming the fields, and nothing is written. Writes start with `lock_owner`
and append to the change log; nothing here commits.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from api.content import for_the_phone
from api.content.rights import RIGHTS
from api.crypto import decrypt_json, encrypt_json
from api.db import db, utcnow
from api.domain import Invalid
from api.rights import rules
from api.rights.models import SITUATION_ENTITY, RightsSituation, situation_aad, situation_id
from api.sync.changelog import lock_owner, record_change

RULES = rules.load_rules()
SERVED_RULES = for_the_phone(RULES)
FIELDS = tuple(q["field"] for q in RULES["questions"])
DATE_FIELDS = tuple(q["field"] for q in RULES["questions"] if q["kind"] == "date")
CHOICES = ("list", "later", "not_for_me")
RIGHT_IDS = tuple(rule["right"] for rule in RULES["rules"])
NETHERLANDS = ZoneInfo("Europe/Amsterdam")

DATE_IN_FUTURE = "This date is in the future: give the day it happened, or null if you do not know."
UNKNOWN_RIGHT = "There is no right with this id."
IMPOSSIBLE = "These answers do not fit together; see the fields named."


def today() -> str:
    """The date in the Netherlands: a deadline is a Dutch calendar day."""
    return datetime.now(NETHERLANDS).date().isoformat()


def _row(user_id: int) -> RightsSituation | None:
    return db.session.get(RightsSituation, user_id)


def has_situation(user_id: int) -> bool:
    return _row(user_id) is not None


def _read(row: RightsSituation | None) -> tuple[dict[str, Any], dict[str, str]]:
    if row is None:
        return dict.fromkeys(FIELDS), {}
    answers = decrypt_json(row.answers, situation_aad(row, "answers"))
    return ({f: answers.get(f) for f in FIELDS},
            decrypt_json(row.choices, situation_aad(row, "choices")))


def situation_dict(user_id: int) -> dict[str, Any]:
    """The situation as the phone keeps it ("weet ik niet", null, when never answered)."""
    row = _row(user_id)
    answers, choices = _read(row)
    for field in DATE_FIELDS:
        answers[field] = _as_date(answers[field])
    return {"id": situation_id(user_id), **answers, "choices": choices,
            "version": row.version if row else 0, "updated_at": row.updated_at if row else None}


def _check(answers: dict[str, Any]) -> None:
    """:raise Invalid: a date after tomorrow, or answers that cannot all be true"""
    errors: dict[str, list[str]] = {}
    latest = (date.fromisoformat(today()) + timedelta(days=1)).isoformat()
    for field in DATE_FIELDS:
        if answers[field] is not None and answers[field] > latest:
            errors.setdefault(field, []).append(DATE_IN_FUTURE)
    for broken in rules.violations(RULES, answers, today()):
        for field in broken["fields"]:
            errors.setdefault(field, []).append(broken["message"])
    if errors:
        raise Invalid(errors, IMPOSSIBLE)


def update_situation(user_id: int, data: dict[str, Any]) -> RightsSituation:
    """Change the answers sent (null: "weet ik niet") and, when sent, the choices (the whole
    map); what is not sent stays. Dates come as `date` and are kept as "YYYY-MM-DD".

    :raise Invalid: see `_check`, or a choice for a right that does not exist
    """
    lock_owner(user_id)
    row = _row(user_id)
    answers, choices = _read(row)
    new_answers = dict(answers)
    for field in FIELDS:
        if field in data:
            value = data[field]
            new_answers[field] = value.isoformat() if isinstance(value, date) else value
    new_choices = dict(data["choices"]) if "choices" in data else choices
    if unknown := sorted(set(new_choices) - set(RIGHT_IDS)):
        raise Invalid({"choices": {right: [UNKNOWN_RIGHT] for right in unknown}})
    _check(new_answers)
    if row is not None and new_answers == answers and new_choices == choices:
        return row
    if row is None:
        row = RightsSituation(user_id=user_id, id=situation_id(user_id), version=0)
        db.session.add(row)
    row.answers = encrypt_json(new_answers, situation_aad(row, "answers"))
    row.choices = encrypt_json(new_choices, situation_aad(row, "choices"))
    row.version += 1
    row.updated_at = utcnow()
    db.session.flush()
    record_change(user_id, SITUATION_ENTITY, row.id, row.version)
    return row


def set_choice(user_id: int, right_id: str, choice: str | None) -> RightsSituation:
    """Keep the person's choice for one right ("list", "later", "not_for_me"; None: undecided).

    :raise Invalid: no right with this id
    """
    if right_id not in RIGHT_IDS:
        raise Invalid({"right": [UNKNOWN_RIGHT]})
    _, choices = _read(_row(user_id))
    choices = {k: v for k, v in choices.items() if k != right_id}
    if choice is not None:
        choices[right_id] = choice
    return update_situation(user_id, {"choices": choices})


def rights_for(user_id: int) -> list[dict[str, Any]]:
    """The rights that apply ("yes") or may apply ("maybe") today, with their words and the
    person's choice, in the rules' order."""
    answers, choices = _read(_row(user_id))
    return [{**found, "deadline": _as_date(found["deadline"]), **_words(found["id"]),
             "choice": choices.get(found["id"])}
            for found in rules.rights(RULES, answers, today())]


def _as_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _words(right_id: str) -> dict[str, Any]:
    """The right's texts; its deadline in words is `deadline_words` (`deadline` is the date)."""
    words = {k: v for k, v in RIGHTS[right_id].items() if k != "deadline"}
    return {**words, "deadline_words": RIGHTS[right_id]["deadline"]}
