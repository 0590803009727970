"""The recovery meter (Herstelmeter): what it brings to the app (see api/domain.py)."""

from api.domain import Domain
from api.recovery import cli, models, routes, service, sync

domain = Domain(
    name="recovery",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    sync_entities=sync.ENTITIES,
    push_kinds=(service.PUSH_KIND,),
    reminders=(service.NEXT_TEST_REMINDER,),
    models=(models,),
)
