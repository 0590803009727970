"""The case dossier and its tasks: what it brings to the app (see api/domain.py)."""

from api.domain import Domain
from api.dossier import cli, models, routes, service, sync

domain = Domain(
    name="dossier",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    sync_entities=sync.ENTITIES,
    push_kinds=(service.DOSSIER_KIND, service.TASKS_KIND),
    reminders=(service.OPEN_TASKS_REMINDER,),
    models=(models,),
)
