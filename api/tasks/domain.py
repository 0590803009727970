"""The task list: every task of a client, whatever made it (see api/domain.py)."""

from api.domain import Domain
from api.tasks import helping, models, routes, service, sync

domain = Domain(
    name="tasks",
    blueprints=(routes.blp,),
    sync_entities=sync.ENTITIES,
    push_kinds=(service.TASKS_KIND,),
    reminders=(service.OPEN_TASKS_REMINDER, *service.TASK_DUE_REMINDERS),
    exports=(helping.export_help,),
    models=(models,),
)
