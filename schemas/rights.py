"""Rights bodies: the situation (the questions' answers), a choice per right, and the rights
that apply.

The fields of the situation and the values each may take are data: the `questions` of
api/content/rights_rules.json, read here from the file (schemas/ imports nothing from api/), so
the form on the phone, the rules and this schema name the same values. Every answer may be null:
"weet ik niet". Which combinations are impossible is checked by the service with the rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marshmallow import fields, validate

from schemas.base import Schema

RULES_FILE = Path(__file__).resolve().parent.parent / "api" / "content" / "rights_rules.json"
_RULES = json.loads(RULES_FILE.read_text(encoding="utf-8"))
QUESTIONS: list[dict[str, Any]] = _RULES["questions"]
CHOICES = ("list", "later", "not_for_me")
RIGHT_IDS = tuple(rule["right"] for rule in _RULES["rules"])
RIGHT_ID = {"description": "R01-R23 or W01 (the research's ids, stable)"}


class StrictBool(fields.Boolean):
    """true or false only: 1, "yes" or "true" are refused (a form bug must not become a yes)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


def _answer(question: dict[str, Any]) -> fields.Field:
    about = {"description": f"{question['kind']}; null: weet ik niet"}
    if question["kind"] == "choice":
        return fields.Str(allow_none=True, validate=validate.OneOf(question["values"]),
                          metadata=about)
    if question["kind"] == "bool":
        return StrictBool(allow_none=True, metadata=about)
    return fields.Date(allow_none=True, metadata=about)


_ANSWERS = {q["field"]: _answer(q) for q in QUESTIONS}
_CHOICES_MAP = fields.Dict(keys=fields.Str(validate=validate.OneOf(RIGHT_IDS)),
                           values=fields.Str(validate=validate.OneOf(CHOICES)),
                           metadata={"description": "right id → list | later | not_for_me"})

SituationUpdateSchema = Schema.from_dict(
    {**_ANSWERS, "choices": _CHOICES_MAP}, name="SituationUpdateSchema")
SituationUpdateSchema.__doc__ = (
    "Only the fields sent change (null is an answer: weet ik niet); `choices`, when sent, "
    "replaces every choice. Answers that cannot all be true are a 422 naming the fields.")

SituationSchema = Schema.from_dict({
    "id": fields.UUID(metadata={"description": "the fixed id of the `rights_situation` record"}),
    **_ANSWERS,
    "choices": _CHOICES_MAP,
    "version": fields.Int(),
    "updated_at": fields.DateTime(allow_none=True),
}, name="SituationSchema")


class ChoiceSchema(Schema):
    right = fields.Str(required=True, validate=validate.OneOf(RIGHT_IDS), metadata=RIGHT_ID)
    choice = fields.Str(required=True, allow_none=True, validate=validate.OneOf(CHOICES), metadata={
        "description": "Zet op mijn lijst (list), Later, Niet voor mij (not_for_me); "
                       "null: undecided"})


class RightSchema(Schema):
    id = fields.Str(metadata=RIGHT_ID)
    rule = fields.Str(metadata={"description": "the decision rule (D01-D24)"})
    applies = fields.Str(metadata={
        "description": "yes | maybe; no: only suggested by the contact person"})
    deadline = fields.Date(allow_none=True, metadata={
        "description": "computed from the dates; null: none, or its start date is unknown"})
    flags = fields.List(fields.Str(), metadata={
        "description": "deadline_check (passed: ask advice), csg_first"})
    asks = fields.List(fields.Str(), metadata={
        "description": "the fields whose answer would settle a maybe, or the missing date"})
    choice = fields.Str(allow_none=True)
    suggested_by = fields.Str(allow_none=True, metadata={
        "description": "suggested by the contact person: their name, or empty; null: not"})
    title = fields.Dict()
    summary = fields.Dict()
    explanation = fields.Dict()
    fits = fields.Dict()
    effort = fields.Dict()
    deadline_words = fields.Dict(allow_none=True)
    deadline_passed = fields.Dict(allow_none=True)
    todos = fields.List(fields.Dict())
    contacts = fields.List(fields.Str())
    source = fields.Dict()
    unverified = fields.Str(allow_none=True)


class RightsContentSchema(Schema):
    version = fields.Int()
    rules = fields.Dict(metadata={"description": "api/content/rights_rules.json without notes"})
    questions = fields.Dict(metadata={"description": "the words of every question"})
    rights = fields.Dict(metadata={"description": "the words of every right, by id"})
    asks = fields.Dict()
    flags = fields.Dict()
    texts = fields.Dict()
    contacts = fields.Dict()


class SuggestionCreateSchema(Schema):
    right = fields.Str(required=True, validate=validate.OneOf(RIGHT_IDS), metadata=RIGHT_ID)


class SuggestionSchema(Schema):
    id = fields.UUID()
    dossier_id = fields.UUID()
    right = fields.Str(metadata=RIGHT_ID)
    version = fields.Int()
    deleted = fields.Bool()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
