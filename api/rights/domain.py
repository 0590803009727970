"""Hulp bij mijn strafzaak: the rights that fit a person's situation (see api/domain.py)."""

from collections.abc import Iterator
from typing import Any

from api.auth.models import User
from api.domain import Domain
from api.rights import models, routes, service, sync
from schemas.rights import RightSchema


def export_rights(user: User, _lang: str) -> Iterator[tuple[str, Any]]:
    """For the person's export: the rights that fit them, with deadlines and their choices."""
    if user.role == "client" and (rights := service.rights_for(user.id)):
        yield "rights/rights.json", RightSchema(many=True).dump(rights)


domain = Domain(
    name="rights",
    blueprints=(routes.blp,),
    sync_entities=sync.ENTITIES,
    exports=(export_rights,),
    models=(models,),
)
