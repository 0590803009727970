"""Task list endpoints: /api/tasks for the client, /api/shared-tasks for a person who helps
(the tasks shared with them). Staff give tasks through the dossier
(/api/staff/dossiers/{id}/tasks). Another person's task is 404, like one that does not exist."""

from __future__ import annotations

import uuid

from flask import Response
from flask_jwt_extended import current_user

from api.db import db
from api.smorest import Blueprint
from api.tasks import helping, service
from schemas.tasks import SharedTaskSchema, SharedTaskWriteSchema, TaskSchema, TaskWriteSchema

blp = Blueprint("tasks", __name__, url_prefix="/api",
                description="One task list: from your contact person, your rights, your own")
client_only = blp.login_required(roles=["client"])
helper_only = blp.login_required(roles=["helper"])


@blp.get("/tasks")
@client_only
@blp.response(200, TaskSchema(many=True))
def list_tasks():
    """All your tasks: open first, nearest due date first, then the oldest"""
    return [service.client_task_dict(t) for t in service.client_tasks(current_user.id)]


@blp.post("/tasks")
@client_only
@blp.arguments(TaskWriteSchema)
@blp.response(201, TaskSchema)
def create_task(body: dict):
    """Add your own task, or a to-do of a right you put on your list (source rights)"""
    task_id = body.pop("id", None) or uuid.uuid4()
    task = service.create_task(current_user, task_id, body)
    db.session.commit()
    return service.client_task_dict(task)


@blp.patch("/tasks/<uuid:task_id>")
@client_only
@blp.arguments(TaskWriteSchema)
@blp.response(200, TaskSchema)
def update_task(body: dict, task_id: uuid.UUID):
    """Tick a task or its steps off (or on again); change your own task"""
    body.pop("id", None)
    task = service.update_task(current_user, task_id, body)
    db.session.commit()
    return service.client_task_dict(task)


@blp.delete("/tasks/<uuid:task_id>")
@client_only
@blp.response(204)
def delete_task(task_id: uuid.UUID):
    """Remove your own task or a rights to-do (a task of your contact person stays)"""
    service.delete_task(current_user, task_id)
    db.session.commit()
    return Response(status=204)


@blp.get("/shared-tasks")
@helper_only
@blp.response(200, SharedTaskSchema(many=True))
def list_shared_tasks():
    """The tasks the people you help share with you (`helping_id` says whose)"""
    return [helping.shared_task_dict(task, link)
            for task, link in helping.shared_with(current_user)]


@blp.patch("/shared-tasks/<uuid:task_id>")
@helper_only
@blp.arguments(SharedTaskWriteSchema)
@blp.response(200, SharedTaskSchema)
def help_with_task(body: dict, task_id: uuid.UUID):
    """Say "Ik help hiermee", leave a short note, or tick it off (when they let you)"""
    task = helping.help_with(current_user, task_id, body)
    db.session.commit()
    visible = helping.visible_task(current_user, task.id)
    assert visible is not None
    return helping.shared_task_dict(*visible)
