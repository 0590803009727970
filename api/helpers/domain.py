"""Samen: the people a client lets in, and what the client shares with them (see api/domain.py)."""

from api.domain import Domain
from api.helpers import models, push, routes, service, sync

domain = Domain(
    name="helpers",
    blueprints=(routes.blp,),
    sync_entities=sync.ENTITIES,
    push_kinds=(push.PUSH_KIND,),
    on_sync=(service.saw_sync,),
    on_erase=(service.forget_person,),
    models=(models,),
)
