"""Accounts and sessions: what the auth domain brings to the app (see api/domain.py)."""

from api.auth import cli, models, routes
from api.domain import Domain

domain = Domain(
    name="auth",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    models=(models,),
)
