"""The training's personal records (models.py): read, and merge what a phone sends.

A phone sends its whole record (or a part of it); the server merges it into what it has, entry
by entry, so nothing a second phone or a guest session did is lost and no write is a conflict:
- a step: `done_at` is the first time it was finished (a step once done stays done), the
  answers of the later `at` are laid over the earlier ones, `at` is the later;
- where the person stopped (`last`), a tool's answers, a checklist item: the later `at` wins.
Ids are checked against the content (api/content/training.py); an unknown one is a 422 naming it.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from api.content import training as content
from api.crypto import decrypt_json, encrypt_json
from api.db import db, utcnow
from api.domain import Invalid
from api.sync.changelog import lock_owner, record_change
from api.training.models import (
    CHECKLIST_ENTITY,
    PROGRESS_ENTITY,
    TrainingRecord,
    record_aad,
    record_id,
)

MAX_ANSWER_CHARS = 4000  # one exercise's answer as JSON: a reflection of a few paragraphs
MAX_RECORD_CHARS = 200_000
UNKNOWN = "Houvast's training has no part with this id."
TOO_LONG = f"This answer is too long: at most {MAX_ANSWER_CHARS} characters."
EMPTY = {PROGRESS_ENTITY: {"steps": {}, "last": None, "tools": {}},
         CHECKLIST_ENTITY: {"checked": {}}}


def _steps() -> dict[str, set[str]]:
    """module/step -> the ids of its exercises."""
    return {f"{module_id}/{step['id']}": {s["exercise"]["id"] for s in step.get("screens", [])
                                         if "exercise" in s}
            for module_id, module in content.MODULES.items() for step in module["steps"]}


STEPS = _steps()
ITEMS = {item["id"] for checklist in content.CHECKLISTS.values()
         for item in checklist.get("items", [])}


def _row(owner_id: int, entity: str) -> TrainingRecord | None:
    return db.session.scalar(select(TrainingRecord).where(TrainingRecord.owner_id == owner_id,
                                                          TrainingRecord.entity == entity))


def has_record(owner_id: int, entity: str) -> bool:
    return _row(owner_id, entity) is not None


def _data(row: TrainingRecord | None, entity: str) -> dict[str, Any]:
    if row is None:
        return json.loads(json.dumps(EMPTY[entity]))
    return decrypt_json(row.data, record_aad(row))


def record_dict(owner_id: int, entity: str) -> dict[str, Any]:
    """The record as the phone keeps it (empty, version 0, before anything was written)."""
    row = _row(owner_id, entity)
    return {"id": record_id(entity, owner_id), **_data(row, entity),
            "version": row.version if row else 0, "updated_at": row.updated_at if row else None}


# --- merging -----------------------------------------------------------------------------------


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment.astimezone(UTC).isoformat()


def _later(new: dict[str, Any], old: dict[str, Any] | None) -> bool:
    return old is None or _iso(new["at"]) >= _iso(old["at"])


def _merge_step(new: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
    done = [d for d in (_iso(new.get("done_at")), _iso((old or {}).get("done_at"))) if d]
    first, second = (old or {}, new) if _later(new, old) else (new, old or {})
    return {"done_at": min(done) if done else None,
            "answers": {**first.get("answers", {}), **second.get("answers", {})},
            "at": max(_iso(new["at"]), _iso((old or new)["at"]))}


def _merge_latest(new: dict[str, dict], old: dict[str, dict]) -> dict[str, dict]:
    merged = dict(old)
    for key, entry in new.items():
        if _later(entry, old.get(key)):
            merged[key] = {**entry, "at": _iso(entry["at"])}
    return merged


def _check(entity: str, data: dict[str, Any]) -> None:
    errors: dict[str, Any] = {}
    if entity == PROGRESS_ENTITY:
        for key, step in data.get("steps", {}).items():
            if key not in STEPS:
                errors.setdefault("steps", {})[key] = [UNKNOWN]
                continue
            for exercise_id, answer in step.get("answers", {}).items():
                if exercise_id not in STEPS[key]:
                    errors.setdefault("steps", {})[key] = {"answers": {exercise_id: [UNKNOWN]}}
                elif len(json.dumps(answer)) > MAX_ANSWER_CHARS:
                    errors.setdefault("steps", {})[key] = {"answers": {exercise_id: [TOO_LONG]}}
        for key, tool in data.get("tools", {}).items():
            if len(json.dumps(tool.get("answers", {}))) > MAX_ANSWER_CHARS:
                errors.setdefault("tools", {})[key] = {"answers": [TOO_LONG]}
        if data.get("last") and data["last"]["step"] not in STEPS:
            errors["last"] = {"step": [UNKNOWN]}
    else:
        unknown = sorted(set(data.get("checked", {})) - ITEMS)
        if unknown:
            errors["checked"] = {key: [UNKNOWN] for key in unknown}
    if errors:
        raise Invalid(errors)


def merge(owner_id: int, entity: str, data: dict[str, Any]) -> TrainingRecord:
    """Merge `data` (loaded with the entity's update schema) into the person's record.

    :raise Invalid: an id the content does not have, or an answer that is too long
    """
    _check(entity, data)
    lock_owner(owner_id)
    row = _row(owner_id, entity)
    old = _data(row, entity)
    new = json.loads(json.dumps(old))
    if entity == PROGRESS_ENTITY:
        for key, step in data.get("steps", {}).items():
            new["steps"][key] = _merge_step(step, old["steps"].get(key))
        if data.get("last") and _later(data["last"], old.get("last")):
            new["last"] = {**data["last"], "at": _iso(data["last"]["at"])}
        new["tools"] = _merge_latest(data.get("tools", {}), old.get("tools", {}))
    else:
        new["checked"] = _merge_latest(data.get("checked", {}), old["checked"])
    for step in new.get("steps", {}).values():
        step["done_at"] = _iso(step.get("done_at"))
    if len(json.dumps(new)) > MAX_RECORD_CHARS:
        raise Invalid({"_schema": ["This record has grown too large to keep."]})
    if row is not None and new == old:
        return row
    if row is None:
        row = TrainingRecord(id=record_id(entity, owner_id), owner_id=owner_id, entity=entity,
                             version=0)
        db.session.add(row)
    row.data = encrypt_json(new, record_aad(row))
    row.version += 1
    row.updated_at = utcnow()
    db.session.flush()
    record_change(owner_id, entity, row.id, row.version)
    return row


def forget(owner_id: int, entity: str) -> TrainingRecord:
    """Empty the record (the phone's "wis alles"): a new version with nothing in it."""
    lock_owner(owner_id)
    row = _row(owner_id, entity)
    if row is None:
        row = TrainingRecord(id=record_id(entity, owner_id), owner_id=owner_id, entity=entity,
                             version=0)
        db.session.add(row)
    row.data = encrypt_json(EMPTY[entity], record_aad(row))
    row.version += 1
    row.updated_at = utcnow()
    db.session.flush()
    record_change(owner_id, entity, row.id, row.version)
    return row


def ids(owner_id: int, entity: str) -> list[uuid.UUID]:
    return [record_id(entity, owner_id)] if has_record(owner_id, entity) else []
