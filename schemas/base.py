"""The base of every schema: unknown fields are an error, never silently dropped.

schemas/ is a layer below api/: it imports nothing from it, so the API, the sync entities and
the tests can all use the same bodies.
"""

from __future__ import annotations

import marshmallow as ma


class Schema(ma.Schema):
    class Meta:
        unknown = ma.RAISE
