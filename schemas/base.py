"""The base of every schema: unknown fields are an error, never silently dropped; text that
cannot be stored, and numbers and dates out of range, are refused naming the field.

schemas/ is a layer below api/: it imports nothing from it, so the API, the sync entities and
the tests can all use the same bodies.

Hostile or broken input is refused here, once, for every schema (REST bodies, query strings,
the sync envelope and each mutation's `data`), before any field is loaded:

- text (every string value, in nested objects, lists and free-form dicts too, and every dict
  key): no lone UTF-16 surrogate (what JavaScript leaves after cutting an emoji in two), no NUL
  and no other C0 control character except tab, newline and carriage return (none at all in
  keys). Such text would fail in the database driver or in PostgreSQL; it is answered 422
  naming the field (a sync mutation is `rejected`). Everything else (any language, RTL marks,
  HTML) is accepted and kept exactly as sent; escaping is the reader's job.
- after loading: integers outside the signed 64-bit range, and dates or times whose year is
  outside YEAR_RANGE (so converting to UTC never overflows).

The request JSON itself is limited to MAX_JSON_DEPTH levels of nesting by the parser
(api/smorest.py); the check here repeats the limit for schemas loaded from Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import marshmallow as ma

MAX_JSON_DEPTH = 32
YEAR_RANGE = (1900, 2100)
INT_RANGE = (-(2**63), 2**63 - 1)

_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_BAD_KEY = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")

BROKEN_CHARACTER = ("This text contains a broken character (half of an emoji or symbol). "
                    "Remove it, or type that character again.")
CONTROL_CHARACTER = ("This text contains an invisible control character ({code}) that cannot "
                     "be stored. Remove it.")
TOO_DEEP = f"This is nested too deeply (at most {MAX_JSON_DEPTH} levels)."
DATE_RANGE = f"Give a date between {YEAR_RANGE[0]} and {YEAR_RANGE[1]}."
NUMBER_RANGE = "This number is too large."


def text_problem(value: str, *, key: bool = False) -> str | None:
    """A message for a person when `value` holds a character that cannot be stored, else None.
    `key`: the stricter rule for names (dict keys): no control characters at all."""
    found = (_BAD_KEY if key else _BAD_TEXT).search(value)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        return BROKEN_CHARACTER
    return CONTROL_CHARACTER.format(code=f"U+{ord(char):04X}")


def printable_key(key: str) -> str:
    """`key` fit to appear in an answer and in the (encrypted, UTF-8) mutation log."""
    return _BAD_KEY.sub("\ufffd", key)


_PLAIN = (str, bool, float, type(None))  # loaded values that are never out of range


def text_problems(value: Any, depth: int = 0) -> Any:
    """Marshmallow-shaped errors for the unstorable text anywhere in `value`, or None."""
    if isinstance(value, str):
        return [text_problem(value)] if _BAD_TEXT.search(value) else None
    if not isinstance(value, dict | list | tuple | Mapping):
        return None
    if depth >= MAX_JSON_DEPTH:
        return [TOO_DEEP]
    errors: dict[Any, Any] = {}
    pairs = value.items() if isinstance(value, dict | Mapping) else enumerate(value)
    for key, item in pairs:
        if type(key) is str and _BAD_KEY.search(key):
            errors[printable_key(key)] = [text_problem(key, key=True)]
        elif type(item) is str:  # the common cases without a call
            if _BAD_TEXT.search(item):
                errors[key] = [text_problem(item)]
        elif type(item) in _PLAIN or type(item) is int:
            continue
        elif (inner := text_problems(item, depth + 1)) is not None:
            errors[key] = inner
    return errors or None


def _range_problems(value: Any, depth: int = 0) -> Any:
    """Marshmallow-shaped errors for loaded values out of range, or None."""
    kind = type(value)
    if kind in _PLAIN:
        return None
    if kind is int:
        return None if INT_RANGE[0] <= value <= INT_RANGE[1] else [NUMBER_RANGE]
    if isinstance(value, datetime | date):
        return None if YEAR_RANGE[0] <= value.year <= YEAR_RANGE[1] else [DATE_RANGE]
    if isinstance(value, int) and not isinstance(value, bool):
        return None if INT_RANGE[0] <= value <= INT_RANGE[1] else [NUMBER_RANGE]
    if depth >= MAX_JSON_DEPTH or not isinstance(value, dict | list | tuple | Mapping):
        return None
    pairs = value.items() if isinstance(value, dict | Mapping) else enumerate(value)
    errors = {key: problems for key, item in pairs
              if type(item) not in _PLAIN
              and (problems := _range_problems(item, depth + 1)) is not None}
    return errors or None


def checks_own_text(field: ma.fields.Field) -> bool:
    """Fields whose values are checked later, one by one, text and ranges (a sync mutation: one
    bad mutation must not refuse the whole request). They set `checks_own_text = True`."""
    if isinstance(field, ma.fields.List):
        field = field.inner
    return bool(getattr(field, "checks_own_text", False))


# Fields whose loaded value can be neither out of range nor hold one (a nested schema checks
# its own): the range check skips them.
_NO_RANGE = (ma.fields.String, ma.fields.UUID, ma.fields.Boolean, ma.fields.Float,
             ma.fields.Nested)


class _Plan:
    """What the checks need to know of a schema's fields, worked out once per schema object."""

    def __init__(self, schema: ma.Schema) -> None:
        fields = schema.load_fields.items()
        self.declared = frozenset(field.data_key or name for name, field in fields)
        self.later = frozenset(field.data_key or name for name, field in fields
                               if checks_own_text(field))
        self.ranged = {name: field.data_key or name for name, field in fields
                       if not checks_own_text(field) and not isinstance(field, _NO_RANGE)
                       and not (isinstance(field, ma.fields.List)
                                and isinstance(field.inner, _NO_RANGE))}


class Schema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    # The checks run around `load` (which webargs, Nested fields and the sync service call)
    # rather than as pre_load/validates_schema hooks: the same effect at a third of the cost,
    # which a sync batch of 500 mutations notices.
    def load(self, data: Any, *, many: bool | None = None, partial: Any = None,
             unknown: Any = None) -> Any:
        many = self.many if many is None else bool(many)
        plan = self._plan()
        if many:
            errors = {i: e for i, item in enumerate(data if isinstance(data, list) else ())
                      if (e := self._text_errors(plan, item))}
        else:
            errors = self._text_errors(plan, data)
        if errors:
            raise ma.ValidationError(errors, data=data)
        result = super().load(data, many=many, partial=partial, unknown=unknown)
        if many:
            errors = {i: e for i, item in enumerate(result)
                      if (e := self._range_errors(plan, item))}
        else:
            errors = self._range_errors(plan, result)
        if errors:
            raise ma.ValidationError(errors, data=data)
        return result

    def _plan(self) -> _Plan:
        plan = self.__dict__.get("_hostile_input_plan")
        if plan is None:
            plan = self._hostile_input_plan = _Plan(self)
        return plan

    @staticmethod
    def _text_errors(plan: _Plan, data: Any) -> dict[Any, Any]:
        if not isinstance(data, Mapping):
            return {}  # marshmallow answers "Invalid input type."
        errors: dict[Any, Any] = {}
        for key in data:
            if key not in plan.declared and isinstance(key, str) and (
                    message := text_problem(key, key=True)):
                errors[printable_key(key)] = [message]
                continue
            if key in plan.later:
                continue
            value = data[key]
            if type(value) is str:  # the common case, without a call
                if _BAD_TEXT.search(value):
                    errors[key] = [text_problem(value)]
            elif isinstance(value, Mapping | list | tuple) and (
                    problems := text_problems(value, 1)) is not None:
                errors[key] = problems
        return errors

    def _range_errors(self, plan: _Plan, result: Any) -> dict[Any, Any]:
        if not isinstance(result, Mapping):
            return {}
        errors = {}
        for name, value in result.items():
            # (a name that is no field: what an INCLUDE schema kept)
            if (name in plan.ranged or name not in self.fields) and (
                    problems := _range_problems(value, 1)) is not None:
                errors[plan.ranged.get(name, name)] = problems
        return errors
