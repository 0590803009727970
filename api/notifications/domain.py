"""Web push for the PWA (subscriptions, preferences, the outbox and its dispatcher): what it
brings to the app (see api/domain.py). The kinds and reminders come from the other domains."""

from api.domain import Domain
from api.notifications import cli, models, routes

domain = Domain(
    name="notifications",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    models=(models,),
)
