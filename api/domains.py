"""The domains of Houvast, listed once. Adding a domain: add its `domain` here (see
docs/architecture.md, "How to add a domain"). `create_app` registers their blueprints in this
order and wires their commands, sync entities, push kinds and reminders; importing this module
also imports every model, so Alembic and the tests see the whole schema.
"""

from api.auth.domain import domain as auth
from api.dossier.domain import domain as dossier
from api.export.domain import domain as export
from api.helpers.domain import domain as helpers
from api.logbook.domain import domain as logbook
from api.notifications.domain import domain as notifications
from api.recovery.domain import domain as recovery
from api.rights.domain import domain as rights
from api.sync.domain import domain as sync
from api.tasks.domain import domain as tasks
from api.training.domain import domain as training

DOMAINS = (auth, logbook, dossier, tasks, recovery, rights, training, helpers, notifications,
           sync, export)
