"""Accounts and sessions: what the auth domain brings to the app (see api/domain.py)."""

from api.auth import cli, models, routes
from api.domain import Domain

domain = Domain(
    name="auth",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    models=(models,),
    # A sign-in from a device the account was not used on lately: the other devices are told.
    push_kinds=(routes.PUSH_KIND,),
)
