"""Samen for tasks, the rules both sides share: which helpers see a task, and telling their
phones when that changes.

A helper (a link of the task's client) sees a live task when the client shared it with every
helper or named their link. Each change of the task is appended to the change log of the client
and of every helper who sees it (`SHARED_TASK_ENTITY`, the same id and version); a helper who saw
it before and no longer does gets a deletion, and what they added (their TaskHelp) is deleted
with the share. Nothing here commits; nothing here imports the task service (it imports this).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import ColumnElement, delete, or_, select

from api.db import db, utcnow
from api.dossier.models import Dossier
from api.helpers.models import HelperLink
from api.helpers.push import tell_helper
from api.sync.changelog import lock_owner, record_change
from api.tasks.models import TASK_ENTITY, Task, TaskHelp

SHARED_TASK_ENTITY = "shared_task"


def client_of(task: Task) -> int | None:
    """Whose task list the task is on: its owner, or the client of its dossier once linked."""
    if task.owner_id is not None:
        return task.owner_id
    if task.dossier_id is None:
        return None
    return db.session.scalar(select(Dossier.client_id).where(Dossier.id == task.dossier_id))


def links_of(client_id: int) -> list[HelperLink]:
    return list(db.session.scalars(select(HelperLink).where(HelperLink.client_id == client_id)
                                   .order_by(HelperLink.created_at, HelperLink.id)))


def sees(task: Task, link: HelperLink) -> bool:
    return not task.deleted and (task.shared_to_all or str(link.id) in task.shared_link_ids)


def audience(task: Task, links: Iterable[HelperLink]) -> set[uuid.UUID]:
    """The ids of the links (of the task's client) that see the task."""
    return {link.id for link in links if sees(task, link)}


def changed(task: Task, seen_before: set[uuid.UUID] = frozenset(),  # type: ignore[assignment]
            *, client_name: str | None = None) -> None:
    """Append the task's change to the log of its client and of every helper who sees it; a
    deletion for those in `seen_before` who no longer do (their TaskHelp goes). With
    `client_name`, the helpers who see it for the first time get a discreet push."""
    client_id = client_of(task)
    if client_id is None:
        return
    record_change(client_id, TASK_ENTITY, task.id, task.version, task.deleted)
    links = links_of(client_id) if (seen_before or task.shared_to_all
                                    or task.shared_link_ids) else []
    now = audience(task, links)
    for link in sorted(links, key=lambda found: found.helper_id):
        if link.id in now or link.id in seen_before:
            lock_owner(link.helper_id)
    for link in links:
        if link.id in now:
            record_change(link.helper_id, SHARED_TASK_ENTITY, task.id, task.version)
            if link.id not in seen_before and client_name is not None:
                tell_helper(link, client_name)
        elif link.id in seen_before:
            record_change(link.helper_id, SHARED_TASK_ENTITY, task.id, task.version,
                          deleted=True)
    gone = seen_before - now
    if gone:
        db.session.execute(delete(TaskHelp).where(TaskHelp.task_id == task.id,
                                                  TaskHelp.link_id.in_(gone)))


def forget_link(link: HelperLink) -> None:
    """The link ends (api/helpers/service.py `_end`): the helper's phone drops every task it saw
    of the client, and a task that named the link forgets it (the client's phone gets the
    change). The TaskHelp rows go with the link (ON DELETE CASCADE)."""
    for task in shared_tasks_of(link.client_id):
        if not sees(task, link):
            continue
        record_change(link.helper_id, SHARED_TASK_ENTITY, task.id, task.version, deleted=True)
        if str(link.id) in task.shared_link_ids:
            task.shared_link_ids = [i for i in task.shared_link_ids if i != str(link.id)]
            task.version += 1
            task.updated_at = utcnow()
            record_change(link.client_id, TASK_ENTITY, task.id, task.version)
    db.session.flush()


def mine(client_id: int) -> ColumnElement[bool]:
    """The condition for a client's tasks: their own, and those of their linked dossier."""
    dossier_id = db.session.scalar(select(Dossier.id).where(Dossier.client_id == client_id))
    if dossier_id is None:
        return Task.owner_id == client_id
    return or_(Task.owner_id == client_id, Task.dossier_id == dossier_id)


def shared_tasks_of(client_id: int) -> list[Task]:
    """The client's live tasks that are shared with anyone (a list of a few dozen, filtered
    here: PostgreSQL's JSON has no equality to filter on)."""
    return [task for task in db.session.scalars(
        select(Task).where(mine(client_id), Task.deleted.is_(False)))
        if task.shared_to_all or task.shared_link_ids]


def helps(task: Task) -> list[TaskHelp]:
    return list(db.session.scalars(select(TaskHelp).where(TaskHelp.task_id == task.id)))
