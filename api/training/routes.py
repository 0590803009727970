"""Training endpoints. The content (/api/training/...) is public, needs no login and may be
cached: the modules, a module in full, the checklists, the tools, and everything at once for
offline use, each in one language (`?lang=nl|en`). A person's own progress and checklist ticks
(/api/progress/...) are personal: logged in, never cached, merged like their sync entities.
"""

from __future__ import annotations

from typing import Any

from flask import Response, request
from flask_jwt_extended import current_user

from api.content import training as content
from api.db import db
from api.domain import NotFound
from api.smorest import Blueprint
from api.training import service
from api.training.models import CHECKLIST_ENTITY, PROGRESS_ENTITY
from schemas.training import (
    BundleSchema,
    ChecklistSchema,
    ChecklistStateSchema,
    ChecklistSummarySchema,
    ChecklistUpdateSchema,
    LangQuerySchema,
    ModuleSchema,
    OutlineSchema,
    ProgressSchema,
    ProgressUpdateSchema,
    ToolSchema,
)

blp = Blueprint("training", __name__, url_prefix="/api",
                description="For the people who help: the training, checklists and tools")
logged_in = blp.login_required()
NO_SUCH = "There is no such part of the training."
CACHE_FOR = 3600  # seconds a browser may keep public content; `version` says when it changed


@blp.after_request
def cacheable(response: Response) -> Response:
    if request.path.startswith("/api/training") and response.status_code == 200:
        response.headers["Cache-Control"] = f"public, max-age={CACHE_FOR}"
    return response


def _found(value: dict[str, Any] | None) -> dict[str, Any]:
    if value is None:
        raise NotFound(NO_SUCH)
    return value


@blp.get("/training")
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, OutlineSchema)
def outline(args):
    """The modules with their steps and minutes, and the checklists and tools"""
    return content.outline(args["lang"])


@blp.get("/training/bundle")
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, BundleSchema)
def bundle(args):
    """Everything at once, for offline use: every module in full, the checklists, the tools and
    the contacts they name"""
    return content.bundle(args["lang"])


@blp.get("/training/checklists")
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, ChecklistSummarySchema(many=True))
def checklists(args):
    """The ten checklists (one per kind of event)"""
    return [content.checklist(checklist_id, args["lang"])
            for checklist_id in content.CHECKLIST_IDS]


@blp.get("/training/checklists/<checklist_id>")
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, ChecklistSchema)
def checklist(args, checklist_id: str):
    """One checklist with its items and their sources"""
    return _found(content.checklist(checklist_id, args["lang"]))


@blp.get("/training/tools/<tool_id>")
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, ToolSchema)
def tool(args, tool_id: str):
    """The referral guide (`referral`) or the self-scan of time spent helping (`selfscan`)"""
    return _found(content.tool(tool_id, args["lang"]))


@blp.get("/training/<module_id>")
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, ModuleSchema)
def module(args, module_id: str):
    """A module in full: its steps with screens, exercises, takeaways and sources"""
    return _found(content.module(module_id, args["lang"]))


@blp.get("/progress/training")
@logged_in
@blp.response(200, ProgressSchema)
def get_progress():
    """Your progress: steps done, your answers, where you stopped, the self-scan"""
    return service.record_dict(current_user.id, PROGRESS_ENTITY)


@blp.put("/progress/training")
@logged_in
@blp.arguments(ProgressUpdateSchema)
@blp.response(200, ProgressSchema)
def put_progress(data):
    """Merge what the phone has into your progress (entry by entry, the later wins; a step once
    done stays done)"""
    service.merge(current_user.id, PROGRESS_ENTITY, data)
    db.session.commit()
    return service.record_dict(current_user.id, PROGRESS_ENTITY)


@blp.get("/progress/checklists")
@logged_in
@blp.response(200, ChecklistStateSchema)
def get_checklists():
    """The checklist items you ticked"""
    return service.record_dict(current_user.id, CHECKLIST_ENTITY)


@blp.put("/progress/checklists")
@logged_in
@blp.arguments(ChecklistUpdateSchema)
@blp.response(200, ChecklistStateSchema)
def put_checklists(data):
    """Merge ticks (per item, the later wins)"""
    service.merge(current_user.id, CHECKLIST_ENTITY, data)
    db.session.commit()
    return service.record_dict(current_user.id, CHECKLIST_ENTITY)
