"""The personal logbook: what it brings to the app (see api/domain.py)."""

from api.domain import Domain
from api.logbook import cli, export, models, routes, sync

domain = Domain(
    name="logbook",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    sync_entities=sync.ENTITIES,
    exports=(export.export_files,),
    models=(models,),
)
