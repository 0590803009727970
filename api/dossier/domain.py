"""The case dossier: what it brings to the app (see api/domain.py). Its tasks are in the task
list (api/tasks/)."""

from api.domain import Domain
from api.dossier import cli, models, routes, service, sync

domain = Domain(
    name="dossier",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    sync_entities=sync.ENTITIES,
    push_kinds=(service.DOSSIER_KIND,),
    on_erase=(service.client_erased,),
    models=(models,),
)
