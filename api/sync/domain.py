"""Offline sync (the mutation log and the per-owner change log): what it brings to the app
(see api/domain.py). The entities it syncs come from the other domains."""

from api.domain import Domain
from api.sync import changelog, cli, models, routes

domain = Domain(
    name="sync",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    models=(changelog, models),
)
