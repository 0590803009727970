"""For the people who help: the training, the checklists and the tools (see api/domain.py)."""

from api.domain import Domain
from api.training import models, routes, sync

domain = Domain(
    name="training",
    blueprints=(routes.blp,),
    sync_entities=sync.ENTITIES,
    models=(models,),
)
