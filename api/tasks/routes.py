"""Task list endpoints for the client: /api/tasks. Staff give tasks through the dossier
(/api/staff/dossiers/{id}/tasks). Another person's task is 404, like one that does not exist."""

from __future__ import annotations

import uuid

from flask import Response
from flask_jwt_extended import current_user

from api.db import db
from api.smorest import Blueprint
from api.tasks import service
from schemas.tasks import TaskSchema, TaskWriteSchema

blp = Blueprint("tasks", __name__, url_prefix="/api",
                description="One task list: from your contact person, your rights, your own")
client_only = blp.login_required(roles=["client"])


@blp.get("/tasks")
@client_only
@blp.response(200, TaskSchema(many=True))
def list_tasks():
    """All your tasks: open first, nearest due date first, then the oldest"""
    return [service.task_dict(t) for t in service.client_tasks(current_user.id)]


@blp.post("/tasks")
@client_only
@blp.arguments(TaskWriteSchema)
@blp.response(201, TaskSchema)
def create_task(body: dict):
    """Add your own task, or a to-do of a right you put on your list (source rights)"""
    task_id = body.pop("id", None) or uuid.uuid4()
    task = service.create_task(current_user, task_id, body)
    db.session.commit()
    return service.task_dict(task)


@blp.patch("/tasks/<uuid:task_id>")
@client_only
@blp.arguments(TaskWriteSchema)
@blp.response(200, TaskSchema)
def update_task(body: dict, task_id: uuid.UUID):
    """Tick a task or its steps off (or on again); change your own task"""
    body.pop("id", None)
    task = service.update_task(current_user, task_id, body)
    db.session.commit()
    return service.task_dict(task)


@blp.delete("/tasks/<uuid:task_id>")
@client_only
@blp.response(204)
def delete_task(task_id: uuid.UUID):
    """Remove your own task or a rights to-do (a task of your contact person stays)"""
    service.delete_task(current_user, task_id)
    db.session.commit()
    return Response(status=204)
