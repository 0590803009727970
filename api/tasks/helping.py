"""Samen, the helper's side of a shared task: what they see of it, "Ik help hiermee", a short
note, and ticks when the client allowed them.

A helper reaches a task only through a link of its client that sees it (api/tasks/sharing.py);
any other task id is NotFound, exactly like one that does not exist. A helper's write reaches the
client's phone and the other helpers' phones through their change logs; a tick is a new version
of the task, their own help ("Ik help hiermee", the note) is not. Each field a helper sends is a
choice of its own (a tick of one step, their own note), so it is applied without a base
version: the later write wins, per field. Nothing here commits.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from api.auth.models import User
from api.crypto import decrypt_text, encrypt_json, encrypt_text
from api.db import db, utcnow
from api.domain import Invalid, NotFound
from api.helpers.locks import lock_circle
from api.helpers.models import HelperLink
from api.helpers.push import tell_client
from api.tasks import service, sharing
from api.tasks.models import Task, TaskHelp, note_aad, text_aad

NOT_SHARED = "This task was not found, or it is no longer shared with you."
NOT_YOURS_TO_TICK = "The person you help has not asked you to tick this off."
NO_SUCH_STEP = "This task has no step {n}."
NOT_REMOVED_HERE = "Only the person you help can remove a task they shared with you."


def _help_row(task: Task, link: HelperLink) -> TaskHelp | None:
    return db.session.scalar(select(TaskHelp).where(TaskHelp.task_id == task.id,
                                                    TaskHelp.link_id == link.id))


def _client_links(helper: User) -> list[HelperLink]:
    return list(db.session.scalars(select(HelperLink).where(HelperLink.helper_id == helper.id)))


def visible_task(helper: User, task_id: uuid.UUID) -> tuple[Task, HelperLink] | None:
    """The task and the link through which `helper` sees it, or None."""
    task = db.session.get(Task, task_id)
    if task is None or task.deleted:
        return None
    client_id = sharing.client_of(task)
    for link in _client_links(helper):
        if link.client_id == client_id and sharing.sees(task, link):
            return task, link
    return None


def shared_with(helper: User) -> list[tuple[Task, HelperLink]]:
    """Every live task shared with `helper`, with the link it comes through, per person in the
    task list's order."""
    return [(task, link) for link in _client_links(helper)
            for task in service.order(task for task in sharing.shared_tasks_of(link.client_id)
                                      if sharing.sees(task, link))]


def visible_task_ids(helper: User) -> list[uuid.UUID]:
    return [task.id for task, _link in shared_with(helper)]


def shared_task_dict(task: Task, link: HelperLink) -> dict[str, Any]:
    """What a helper sees: the task and its steps, whether they may tick it, and their own
    help (never the client's other helpers, nor whom else it is shared with)."""
    row = _help_row(task, link)
    whole = service.task_dict(task)
    return {
        **{key: whole[key] for key in ("id", "source", "right_id", "todo_key", "title",
                                       "explanation", "steps", "due_date", "done", "done_at",
                                       "version", "updated_at")},
        "helping_id": link.id, "may_tick": task.helpers_may_tick,
        "helping": bool(row and row.helping),
        "note": decrypt_text(row.note, note_aad(row)) if row else None,
    }


def help_with(helper: User, task_id: uuid.UUID, data: dict[str, Any]) -> Task:
    """The helper's change: `helping`, `note`, and (when the client allowed it) `done` and
    `step_ticks`. The client gets a discreet push when the helper takes the task on or ticks it
    done.

    :raise NotFound: the task is not shared with this helper (or does not exist)
    :raise Invalid: a tick they may not make, or a step the task does not have
    """
    found = visible_task(helper, task_id)
    if found is not None:
        lock_circle(found[1].client_id, helper.id)
        visible = visible_task(helper, task_id)  # again, under the locks
    if found is None or visible is None:
        raise NotFound(NOT_SHARED)
    task, link = visible
    if ("done" in data or data.get("step_ticks")) and not task.helpers_may_tick:
        raise Invalid({"done" if "done" in data else "step_ticks": [NOT_YOURS_TO_TICK]},
                      NOT_YOURS_TO_TICK)
    seen_before = sharing.audience(task, sharing.links_of(link.client_id))
    row = _help_row(task, link)
    if row is None:
        row = TaskHelp(id=uuid.uuid4(), task_id=task.id, link_id=link.id, helping=False,
                       updated_at=utcnow())
        db.session.add(row)
    helped, ticked, took_on, ticked_done = False, False, False, False
    if "helping" in data and data["helping"] != row.helping:
        row.helping = took_on = data["helping"]
        helped = True
    if "note" in data:
        note = (data["note"] or "").strip() or None
        if note != (decrypt_text(row.note, note_aad(row)) if row.note else None):
            row.note = encrypt_text(note, note_aad(row))
            helped = True
    if data.get("step_ticks"):
        steps = service.steps_of(task)
        for key, done in sorted(data["step_ticks"].items()):
            index = int(key)
            if index >= len(steps):
                raise Invalid({"step_ticks": {key: [NO_SUCH_STEP.format(n=index + 1)]}})
            if steps[index]["done"] != done:
                steps[index] = {**steps[index], "done": done}
                ticked = True
        if ticked:
            task.steps = encrypt_json(steps, text_aad(task, "steps"))
    if "done" in data and data["done"] != task.done:
        task.done = ticked_done = data["done"]
        task.done_at = utcnow() if task.done else None
        task.done_by_link = link.id if task.done else None
        ticked = True
    if helped:
        row.updated_at = utcnow()
    if ticked:
        # The client's own fields changed: a new version, so that an offline change of the
        # same task meets it as a conflict. Their help alone is the helper's part, and leaves
        # the version be (the phones get the change all the same), so that a note of theirs
        # never stands in the way of the client's tick.
        task.version += 1
        task.updated_at = utcnow()
    if helped or ticked:
        db.session.flush()
        sharing.changed(task, seen_before)
        if took_on:
            tell_client(link, "helping")
        if ticked_done:
            tell_client(link, "done")
    return task


def export_help(helper: User, _lang: str) -> Iterator[tuple[str, Any]]:
    """A helper's own part of helping, for their export (api/export): since when they help
    whom (by link id), and what they added to each task shared with them. Not the client's
    task, name or message: those are the client's to take along."""
    links = db.session.execute(select(HelperLink.id, HelperLink.created_at)
                               .where(HelperLink.helper_id == helper.id)
                               .order_by(HelperLink.created_at)).all()
    if not links:
        return
    helps = db.session.scalars(select(TaskHelp).where(
        TaskHelp.link_id.in_([link_id for link_id, _ in links]))).all()
    yield "helping.json", [
        {"helping_id": link_id, "since": since,
         "tasks": [{"task_id": row.task_id, "helping": row.helping,
                    "note": decrypt_text(row.note, note_aad(row)), "updated_at": row.updated_at}
                   for row in helps if row.link_id == link_id]}
        for link_id, since in links]
