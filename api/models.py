"""Imports every domain's models so Alembic and the tests see the whole schema."""

import api.auth.models  # noqa: F401
import api.dossier.models  # noqa: F401
import api.logbook.models  # noqa: F401
import api.push.models  # noqa: F401
import api.sync.changelog  # noqa: F401
import api.sync.models  # noqa: F401
