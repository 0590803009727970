"""The personal logbook: what it brings to the app (see api/domain.py)."""

from api.domain import Domain
from api.logbook import cli, models, routes, sync

domain = Domain(
    name="logbook",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    sync_entities=sync.ENTITIES,
    models=(models,),
)
