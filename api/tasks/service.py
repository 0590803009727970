"""The task list's rules: one list per client for every source.

- `staff`: the contact person adds and deletes it (api/dossier/service.py calls `add_staff_task`
  and `delete_staff_task`); the client only ticks `done`. It reaches the client once the dossier
  is linked, through the client's change log.
- `rights`: a to-do of a right the client put on their list; its words are the content's, only
  the ticks (`done`, per step) and the due date are the client's. One task per to-do.
- `own`: the client writes everything.

The client's tasks are those they own and those of their linked dossier; anything else is
NotFound, exactly like a task that does not exist. Writes start with `lock_circle` and append to
the change log; nothing here commits.

Samen: the client shares any task, whatever its source, with every person who helps them or
with some (`shared_to_all`, `shared_helper_ids`), and may let them tick it (`helpers_may_tick`).
Those helpers' phones get each change of it (api/tasks/sharing.py); what they do is in
api/tasks/helping.py.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from api.auth.models import User
from api.content.rights import RIGHTS
from api.crypto import decrypt_json, decrypt_text, encrypt_json, encrypt_text
from api.db import db, utcnow
from api.domain import Conflict, Invalid, NotFound, Reminder, ReminderKey
from api.dossier.models import Dossier
from api.helpers.locks import lock_circle
from api.notifications.service import notify
from api.sync.changelog import record_change
from api.tasks import sharing
from api.tasks.models import TASK_ENTITY, Task, TaskHelp, note_aad, text_aad
from api.tasks.sharing import mine

TASKS_KIND, TASKS_VIEW = "tasks", "/tasks"

TASK_NOT_FOUND = "This task was not found."
STAFF_ONLY = "Only your contact person can change this."
FROM_THE_RIGHT = "This comes from the right's to-do; only the ticks and the due date are yours."
ON_YOUR_LIST = "This to-do is on your list already."
NOT_A_TODO = "This right has no to-do with this key."
STEP_COUNT = "This to-do has {n} steps: send a tick for each."
TITLE_NEEDED = "Give your task a title."
STAFF_BY_SYNC = "Tasks from your contact person come from them; you can tick them off."
NOT_YOURS_TO_DELETE = "Only your contact person can remove this task."
UNKNOWN_HELPERS = "These are not people who help you: {ids}."

TODOS = {todo["key"]: (right_id, todo) for right_id, right in RIGHTS.items()
         for todo in right["todos"]}


# -- reading -----------------------------------------------------------------------------------


def _encrypt(task: Task, column: str, value: str | None) -> None:
    setattr(task, column, encrypt_text(value, text_aad(task, column)))


def _decrypt(task: Task, column: str) -> str | None:
    return decrypt_text(getattr(task, column), text_aad(task, column))


def steps_of(task: Task) -> list[dict[str, Any]]:
    return [] if task.steps is None else decrypt_json(task.steps, text_aad(task, "steps"))


def help_dict(row: TaskHelp) -> dict[str, Any]:
    return {"helper_id": row.link_id, "helping": row.helping,
            "note": decrypt_text(row.note, note_aad(row)), "updated_at": row.updated_at}


def task_dict(task: Task) -> dict[str, Any]:
    """The task (the contact person's view too)."""
    return {
        "id": task.id, "source": task.source, "dossier_id": task.dossier_id,
        "right_id": task.right_id, "todo_key": task.todo_key,
        "title": _decrypt(task, "title"), "explanation": _decrypt(task, "explanation"),
        "steps": steps_of(task), "due_date": task.due_date, "done": task.done,
        "done_at": task.done_at, "version": task.version, "created_at": task.created_at,
        "updated_at": task.updated_at, "deleted": task.deleted,
    }


def client_task_dict(task: Task) -> dict[str, Any]:
    """The client's view: the task, whom it is shared with and what each helper added (never
    the contact person's: that stays between the client and the people they chose)."""
    return {**task_dict(task),
            "shared_to_all": task.shared_to_all, "shared_helper_ids": list(task.shared_link_ids),
            "helpers_may_tick": task.helpers_may_tick, "done_by": task.done_by_link,
            # Help exists only while a task is shared (unsharing deletes it): no query else.
            "helps": [help_dict(row) for row in sharing.helps(task)]
            if not task.deleted and (task.shared_to_all or task.shared_link_ids) else []}


def order(tasks: Iterable[Task]) -> list[Task]:
    """Open first, then by due date (none last), then oldest first."""
    return sorted(tasks, key=lambda t: (t.done, t.due_date is None, t.due_date or date.min,
                                        t.created_at))


def client_tasks(user_id: int) -> list[Task]:
    return order(db.session.scalars(select(Task).where(mine(user_id),
                                                       Task.deleted.is_(False))))


def task_ids(user_id: int) -> list[uuid.UUID]:
    return list(db.session.scalars(select(Task.id).where(mine(user_id),
                                                         Task.deleted.is_(False))))


def client_task(user_id: int, task_id: uuid.UUID, *, deleted: bool = False) -> Task | None:
    """The client's task (also a tombstone when `deleted`), or None."""
    stmt = select(Task).where(Task.id == task_id, mine(user_id))
    if not deleted:
        stmt = stmt.where(Task.deleted.is_(False))
    return db.session.scalar(stmt)


def dossier_tasks(dossier_id: uuid.UUID) -> list[Task]:
    return order(db.session.scalars(select(Task).where(Task.dossier_id == dossier_id,
                                                       Task.deleted.is_(False))))


# -- writing -----------------------------------------------------------------------------------


def _changed(task: Task, seen_before: set[uuid.UUID] = frozenset(),  # type: ignore[assignment]
             client: User | None = None) -> None:
    """Append to the change log of whoever sees the task: its client (a dossier's, once
    linked) and the helpers it is shared with (a deletion for those who no longer see it)."""
    sharing.changed(task, seen_before, client_name=client.username if client else None)


def _seen_by(task: Task) -> set[uuid.UUID]:
    if not (task.shared_to_all or task.shared_link_ids):
        return set()
    client_id = sharing.client_of(task)
    return set() if client_id is None else sharing.audience(task, sharing.links_of(client_id))


def _share(user: User, task: Task, data: dict[str, Any]) -> bool:
    """Set whom the task is shared with, from `data`; whether anything changed.

    :raise Invalid: `shared_helper_ids` names someone who does not help the client
    """
    changed = False
    if "shared_helper_ids" in data:
        wanted = sorted({str(i) for i in data["shared_helper_ids"] or []})
        known = {str(link.id) for link in sharing.links_of(user.id)}
        unknown = sorted(set(wanted) - known)
        if unknown:
            raise Invalid({"shared_helper_ids": [UNKNOWN_HELPERS.format(ids=", ".join(unknown))]})
        if wanted != sorted(task.shared_link_ids):
            task.shared_link_ids = wanted
            changed = True
    for name in ("shared_to_all", "helpers_may_tick"):
        if name in data and data[name] is not None and bool(data[name]) != getattr(task, name):
            setattr(task, name, bool(data[name]))
            changed = True
    return changed


def _touch(task: Task) -> None:
    task.version += 1
    task.updated_at = utcnow()


def _set_done(task: Task, done: bool) -> None:
    task.done = done
    task.done_at = utcnow() if done else None


def _rights_steps(todo_key: str, steps: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The ticks of a rights task, one per step of the to-do (no text: that is the content's)."""
    count = len(TODOS[todo_key][1]["steps"])
    if steps is None:
        return [{"text": None, "done": False} for _ in range(count)]
    if len(steps) != count or any(step.get("text") for step in steps):
        raise Invalid({"steps": [STEP_COUNT.format(n=count)]})
    return [{"text": None, "done": bool(step["done"])} for step in steps]


def _own_steps(steps: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    found = [{"text": step["text"], "done": bool(step["done"])} for step in steps or []]
    errors = {str(i): {"text": [TITLE_NEEDED]} for i, step in enumerate(found)
              if not (step["text"] or "").strip()}
    if errors:
        raise Invalid({"steps": errors})
    return found


def create_task(user: User, task_id: uuid.UUID, data: dict[str, Any]) -> Task:
    """A task the client adds: `own` (their words) or `rights` (a to-do of a right).

    :raise Invalid: no title for an own task; an unknown to-do, or text on a rights task
    :raise Conflict: that to-do is on the list already (under another id)
    """
    lock_circle(user.id)  # whoever sees the task is written to as well
    source = data.get("source", "own")
    if source == "staff":
        raise Invalid({"source": [STAFF_BY_SYNC]})
    task = Task(id=task_id, owner_id=user.id, source=source, created_by=user.id, version=1,
                deleted=False, due_date=data.get("due_date"), shared_to_all=False,
                shared_link_ids=[], helpers_may_tick=False)
    _set_done(task, bool(data.get("done", False)))
    if source == "rights":
        key = data.get("todo_key")
        if key not in TODOS or TODOS[key][0] != data.get("right_id"):
            raise Invalid({"todo_key": [NOT_A_TODO]})
        if data.get("title") or data.get("explanation"):
            raise Invalid({"title": [FROM_THE_RIGHT]})
        if db.session.scalar(select(Task.id).where(Task.owner_id == user.id,
                                                   Task.todo_key == key)) is not None:
            raise Conflict(ON_YOUR_LIST)
        task.right_id, task.todo_key = data["right_id"], key
        steps = _rights_steps(key, data.get("steps"))
    else:
        if not (data.get("title") or "").strip():
            raise Invalid({"title": [TITLE_NEEDED]})
        steps = _own_steps(data.get("steps"))
        _encrypt(task, "title", data["title"].strip())
        _encrypt(task, "explanation", data.get("explanation"))
    task.steps = encrypt_json(steps, text_aad(task, "steps"))
    _share(user, task, data)
    db.session.add(task)
    db.session.flush()
    _changed(task, client=user)
    return task


def update_task(user: User, task_id: uuid.UUID, data: dict[str, Any],
                base_version: int | None = None, *, check_base: bool = False) -> Task:
    """The client changes a task: any field of an own task; the ticks and due date of a rights
    task; only `done` of a staff task (another field sent must equal the server's).

    :raise NotFound: not the client's task
    :raise Conflict: `check_base` and `base_version` is not the current version
    :raise Invalid: a field the client may not change
    """
    lock_circle(user.id)  # whoever sees the task is written to as well
    task = client_task(user.id, task_id)
    if task is None:
        raise NotFound(TASK_NOT_FOUND)
    if check_base and base_version != task.version:
        raise Conflict(version=task.version)
    seen_before = _seen_by(task)
    current = client_task_dict(task)
    fixed = {"staff": ("source", "title", "explanation", "due_date", "steps", "right_id",
                       "todo_key"),
             "rights": ("source", "title", "explanation", "right_id", "todo_key"),
             "own": ("source", "right_id", "todo_key")}[task.source]
    message = STAFF_ONLY if task.source == "staff" else FROM_THE_RIGHT
    errors = {name: [message] for name in fixed if name in data and data[name] != current[name]
              and not (name == "steps" and not data[name] and not current[name])}
    if errors:
        raise Invalid(errors, message)
    changed = _share(user, task, data)
    if "done" in data and data["done"] != task.done:
        _set_done(task, data["done"])
        task.done_by_link = None
        changed = True
    if task.source != "staff":
        if "due_date" in data and data["due_date"] != task.due_date:
            task.due_date = data["due_date"]
            changed = True
        if "steps" in data:
            steps = (_rights_steps(task.todo_key, data["steps"]) if task.source == "rights"
                     else _own_steps(data["steps"]))
            if steps != current["steps"]:
                task.steps = encrypt_json(steps, text_aad(task, "steps"))
                changed = True
    if task.source == "own":
        if "title" in data and data["title"] != current["title"]:
            if not (data["title"] or "").strip():
                raise Invalid({"title": [TITLE_NEEDED]})
            _encrypt(task, "title", data["title"].strip())
            changed = True
        if "explanation" in data and data["explanation"] != current["explanation"]:
            _encrypt(task, "explanation", data["explanation"])
            changed = True
    if changed:
        _touch(task)
        db.session.flush()
        _changed(task, seen_before, user)
    return task


def delete_task(user: User, task_id: uuid.UUID) -> Task:
    """Remove an own or rights task (a tombstone syncs; its text is erased).

    :raise NotFound: not the client's task
    :raise Invalid: a task of the contact person
    """
    lock_circle(user.id)  # whoever sees the task is written to as well
    task = client_task(user.id, task_id)
    if task is None:
        raise NotFound(TASK_NOT_FOUND)
    if task.source == "staff":
        raise Invalid({"_schema": [NOT_YOURS_TO_DELETE]}, NOT_YOURS_TO_DELETE)
    _erase(task)
    return task


def _erase(task: Task) -> None:
    seen_before = _seen_by(task)
    task.title = task.explanation = task.steps = None
    task.deleted = True
    _touch(task)
    db.session.flush()
    _changed(task, seen_before)


# -- the contact person's tasks (called by api/dossier/service.py) -------------------------------


def add_staff_task(dossier: Dossier, staff: User, data: dict[str, Any]) -> Task:
    task = Task(id=uuid.uuid4(), dossier_id=dossier.id, source="staff", created_by=staff.id,
                due_date=data.get("due_date"), version=1, done=False, deleted=False,
                shared_to_all=False, shared_link_ids=[], helpers_may_tick=False)
    _encrypt(task, "title", data["title"])
    _encrypt(task, "explanation", data.get("explanation"))
    db.session.add(task)
    db.session.flush()
    _changed(task)
    if dossier.client_id is not None:
        text = (data.get("explanation") or "").strip()
        notify(dossier.client_id, TASKS_KIND, TASKS_VIEW,
               detail={"title": data["title"],
                       "body": text[:197] + "…" if len(text) > 200 else text})
    return task


def delete_staff_task(dossier: Dossier, task_id: uuid.UUID) -> Task | None:
    """The dossier's live task, erased to a tombstone; None when there is no such task."""
    task = db.session.get(Task, task_id)
    if task is None or task.dossier_id != dossier.id or task.deleted:
        return None
    _erase(task)
    return task


def announce_linked(dossier: Dossier) -> None:
    """After a link: the dossier's tasks go to the client's phone on its next sync."""
    for task in dossier_tasks(dossier.id):
        record_change(dossier.client_id, TASK_ENTITY, task.id, task.version)


def open_counts(dossier_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not dossier_ids:
        return {}
    return dict(db.session.execute(
        select(Task.dossier_id, func.count())
        .where(Task.dossier_id.in_(dossier_ids), Task.deleted.is_(False), Task.done.is_(False))
        .group_by(Task.dossier_id)).all())


# -- reminders ---------------------------------------------------------------------------------

OPEN_TASKS_AFTER = timedelta(days=3)  # a task open this long is worth a reminder


def open_tasks_per_client() -> list[tuple[int, int, datetime]]:
    """(client user id, open task count, oldest open task's creation): their own tasks and
    those of their linked dossier."""
    found: dict[int, tuple[int, datetime]] = {}
    staff = select(Dossier.client_id, func.count(), func.min(Task.created_at)).join(
        Task, Task.dossier_id == Dossier.id).where(
        Dossier.client_id.is_not(None), Task.done.is_(False), Task.deleted.is_(False)
    ).group_by(Dossier.client_id)
    own = select(Task.owner_id, func.count(), func.min(Task.created_at)).where(
        Task.owner_id.is_not(None), Task.done.is_(False), Task.deleted.is_(False)
    ).group_by(Task.owner_id)
    for stmt in (staff, own):
        for user_id, count, oldest in db.session.execute(stmt):
            before = found.get(user_id)
            found[user_id] = ((before[0] + count, min(before[1], oldest)) if before
                              else (count, oldest))
    return [(user_id, count, oldest) for user_id, (count, oldest) in found.items()]


def clients_with_old_open_tasks(now: datetime) -> dict[int, int]:
    """{client user id: open tasks} for clients with a task open for more than 3 days."""
    return {user_id: count for user_id, count, oldest in open_tasks_per_client()
            if oldest <= now - OPEN_TASKS_AFTER}


def open_tasks_text(count: int) -> str:
    return f"Je hebt nog {count} open {'taak' if count == 1 else 'taken'}"


# A week and a day before a task's due date (the Dutch calendar date), one message per task:
# its own topic, so the day's message replaces the week's on the phone. Not for a task made in
# the last 12 hours (the person has just set that date), and never a word of the task itself.
DUE_SOON = {"week": (2, 7), "day": (0, 1)}  # days left, from..to, for each message
NETHERLANDS = ZoneInfo("Europe/Amsterdam")
JUST_MADE = timedelta(hours=12)


def task_item(task_id: uuid.UUID) -> str:
    """The task in 22 URL-safe characters: room for it in a 32-character push topic."""
    return base64.urlsafe_b64encode(task_id.bytes).rstrip(b"=").decode()


def tasks_due_within(low: int, high: int) -> Callable[[datetime], dict[ReminderKey, int]]:
    def due(now: datetime) -> dict[ReminderKey, int]:
        today = now.astimezone(NETHERLANDS).date()
        client = func.coalesce(Task.owner_id, Dossier.client_id)
        rows = db.session.execute(
            select(client, Task.id).outerjoin(Dossier, Dossier.id == Task.dossier_id).where(
                client.is_not(None), Task.done.is_(False), Task.deleted.is_(False),
                Task.due_date.between(today + timedelta(days=low), today + timedelta(days=high)),
                Task.created_at <= now - JUST_MADE))
        return {(user_id, task_item(task_id)): 1 for user_id, task_id in rows}
    return due


def due_soon_text(when: str) -> Callable[[int], str]:
    return lambda _count: ("Een datum op je lijst is over een week" if when == "week"
                           else "Een datum op je lijst is morgen of vandaag")


# The pace is per message and task: once in a window (longer than the window itself), again
# only when the date moved out and back in.
TASK_DUE_REMINDERS = tuple(
    Reminder(kind=TASKS_KIND, topic="due", pace_key=f"due-{when}"[:8], view=TASKS_VIEW,
             due=tasks_due_within(low, high), text=due_soon_text(when),
             every=timedelta(days=high + 7))
    for when, (low, high) in DUE_SOON.items())

# One message for all open tasks, at most one per person in 3 days.
OPEN_TASKS_REMINDER = Reminder(kind=TASKS_KIND, topic="open-tasks", view=TASKS_VIEW,
                               due=clients_with_old_open_tasks, text=open_tasks_text,
                               every=timedelta(days=3))
