"""Hulp bij mijn strafzaak: the rights that fit a person's situation (see api/domain.py)."""

from api.domain import Domain
from api.rights import models, routes, sync

domain = Domain(
    name="rights",
    blueprints=(routes.blp,),
    sync_entities=sync.ENTITIES,
    models=(models,),
)
