"""Download al mijn gegevens: what the export brings to the app (see api/domain.py). What goes
in comes from every domain: their sync records and their `exports` hooks."""

from api.domain import Domain
from api.export import cli, models, routes

domain = Domain(
    name="export",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    models=(models,),
)
