"""The rights on the server: a person's situation, their choice per right, and which rights
apply to them today.

Only clients have a situation. Which rights apply is computed when read, with the same rules
the phone runs (api/rights/rules.py): the answers and the rules file are the truth, and a
deadline passes without anything being rewritten. An impossible situation (a hearing but no
report) is Invalid, naming the fields, and nothing is written. Writes start with `lock_owner`
and append to the change log; nothing here commits.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from api.auth.models import User
from api.content import for_the_phone
from api.content.rights import RIGHTS
from api.crypto import decrypt_json, encrypt_json
from api.db import db, utcnow
from api.domain import Conflict, Invalid, NotFound
from api.dossier.models import Dossier
from api.dossier.service import staff_dossier
from api.notifications.service import notify
from api.rights import rules
from api.rights.models import (
    SITUATION_ENTITY,
    SUGGESTION_ENTITY,
    RightsSituation,
    RightsSuggestion,
    situation_aad,
    situation_id,
)
from api.sync.changelog import lock_owner, record_change

RULES = rules.load_rules()
SERVED_RULES = for_the_phone(RULES)
FIELDS = tuple(q["field"] for q in RULES["questions"])
DATE_FIELDS = tuple(q["field"] for q in RULES["questions"] if q["kind"] == "date")
CHOICES = ("list", "later", "not_for_me")
RIGHT_IDS = tuple(rule["right"] for rule in RULES["rules"])
NETHERLANDS = ZoneInfo("Europe/Amsterdam")
# A suggestion is news about the case: it goes out as the dossier's kind of push.
SUGGESTION_PUSH_KIND, SUGGESTION_VIEW = "dossier", "/rights"

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
    """The rights that apply ("yes") or may apply ("maybe") today, and those the contact person
    suggested (`applies` "no" when the answers do not show it fits), with their words, the
    person's choice and `suggested_by` (the contact's name, "" without one, None: not
    suggested), in the rules' order."""
    answers, choices = _read(_row(user_id))
    suggested = client_suggestions(user_id)
    found = {r["id"]: r for r in rules.rights(RULES, answers, today())}
    listed = [right for right in RIGHT_IDS if right in found or right in suggested]
    return [{**found.get(right, {"id": right, "rule": _rule_of(right), "applies": "no",
                                 "deadline": None, "flags": [], "asks": []}),
             "deadline": _as_date(found[right]["deadline"]) if right in found else None,
             **_words(right), "choice": choices.get(right), "suggested_by": suggested.get(right)}
            for right in listed]


def _rule_of(right_id: str) -> str:
    return next(rule["rule"] for rule in RULES["rules"] if rule["right"] == right_id)


def _as_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _words(right_id: str) -> dict[str, Any]:
    """The right's texts; its deadline in words is `deadline_words` (`deadline` is the date)."""
    words = {k: v for k, v in RIGHTS[right_id].items() if k != "deadline"}
    return {**words, "deadline_words": RIGHTS[right_id]["deadline"]}


# -- the contact person's suggestions ----------------------------------------------------------

SUGGESTION_NOT_FOUND = "This suggestion was not found."
ALREADY_SUGGESTED = "You already suggested this right to this client."
NOT_LINKED = ("This dossier has no client yet: a suggestion reaches the client once they have "
              "linked the dossier with the invite code.")


def suggestion_dict(row: RightsSuggestion) -> dict[str, Any]:
    return {"id": row.id, "dossier_id": row.dossier_id, "right": row.right_id,
            "version": row.version, "deleted": row.deleted, "created_at": row.created_at,
            "updated_at": row.updated_at}


def _suggestions(dossier_id: uuid.UUID) -> list[RightsSuggestion]:
    return list(db.session.scalars(
        select(RightsSuggestion).where(RightsSuggestion.dossier_id == dossier_id,
                                       RightsSuggestion.deleted.is_(False))
        .order_by(RightsSuggestion.created_at)))


def staff_suggestions(staff: User, dossier_id: uuid.UUID) -> list[dict[str, Any]]:
    """:raise NotFound: not this staff member's dossier"""
    return [suggestion_dict(s) for s in _suggestions(staff_dossier(staff, dossier_id).id)]


def _client_changed(dossier: Dossier, row: RightsSuggestion) -> None:
    if dossier.client_id is not None:
        record_change(dossier.client_id, SUGGESTION_ENTITY, row.id, row.version, row.deleted)


def suggest(staff: User, dossier_id: uuid.UUID, right_id: str) -> RightsSuggestion:
    """Suggest a right to the dossier's client; a discreet push tells them there is news.

    :raise NotFound: not this staff member's dossier
    :raise Conflict: the dossier has no client yet, or the right is suggested already (a
        withdrawn suggestion is suggested again)
    """
    dossier = staff_dossier(staff, dossier_id, lock=True)
    if dossier.client_id is None:
        raise Conflict(NOT_LINKED)
    row = db.session.scalar(select(RightsSuggestion).where(
        RightsSuggestion.dossier_id == dossier.id, RightsSuggestion.right_id == right_id))
    if row is not None and not row.deleted:
        raise Conflict(ALREADY_SUGGESTED)
    if row is None:
        row = RightsSuggestion(id=uuid.uuid4(), dossier_id=dossier.id, right_id=right_id,
                               version=0, deleted=False)
        db.session.add(row)
    row.suggested_by, row.deleted = staff.id, False
    row.version += 1
    row.updated_at = utcnow()
    db.session.flush()
    _client_changed(dossier, row)
    notify(dossier.client_id, SUGGESTION_PUSH_KIND, SUGGESTION_VIEW,
           detail={"title": "Je contactpersoon stelt een recht voor", "body": ""})
    return row


def withdraw(staff: User, dossier_id: uuid.UUID, suggestion_id: uuid.UUID) -> None:
    """:raise NotFound: missing, withdrawn, or not in this staff member's dossier"""
    dossier = staff_dossier(staff, dossier_id, lock=True)
    row = db.session.get(RightsSuggestion, suggestion_id)
    if row is None or row.dossier_id != dossier.id or row.deleted:
        raise NotFound(SUGGESTION_NOT_FOUND)
    row.deleted = True
    row.version += 1
    row.updated_at = utcnow()
    db.session.flush()
    _client_changed(dossier, row)


def client_suggestions(user_id: int) -> dict[str, str]:
    """{right id: the contact person's name, or ""} for the client's linked dossier."""
    row = db.session.execute(select(Dossier).where(Dossier.client_id == user_id)).scalar()
    if row is None:
        return {}
    return {s.right_id: row.contact_name or "" for s in _suggestions(row.id)}


def client_suggestion_rows(user_id: int) -> list[RightsSuggestion]:
    """The live suggestions of the client's dossier, for sync."""
    dossier = db.session.scalar(select(Dossier).where(Dossier.client_id == user_id))
    return [] if dossier is None else _suggestions(dossier.id)


def client_suggestion(user_id: int, suggestion_id: uuid.UUID) -> RightsSuggestion | None:
    """A suggestion (live or withdrawn) of the client's dossier, or None."""
    return db.session.scalar(
        select(RightsSuggestion).join(Dossier, Dossier.id == RightsSuggestion.dossier_id)
        .where(RightsSuggestion.id == suggestion_id, Dossier.client_id == user_id))
