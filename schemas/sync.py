"""POST /api/sync: the envelope, one mutation, and the answer.

Validation happens in two steps, so one bad mutation never costs the others:

1. The envelope (SyncRequestSchema): `client_id`, `cursor`, and `mutations` as a list of
   objects that each carry a usable `mutation_id` (a string of 1-64 characters). Anything else
   wrong here is answered 422 for the whole request: without a mutation_id the device could not
   tell which of its changes a result belongs to.
2. Each mutation (MutationSchema), by the sync service: a bad `id` (not a UUID), an unknown
   `op`, a missing `data` for an upsert... make that one mutation `rejected` with field errors.
"""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields, validate, validates_schema

from schemas.base import Schema, text_problem

MUTATION_ID_LENGTH = 64
_mutation_id = validate.Length(min=1, max=MUTATION_ID_LENGTH)


class Cursor(fields.Field):
    """The opaque `cursor` string of the previous answer; null on a device's first sync.

    An integer is accepted too (the changes cursor is a number in a string). Any other string
    the server cannot read (also one with odd characters) starts a full snapshot (a reset)."""

    checks_own_text = True  # unreadable is not invalid: see above

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int) or len(str(value)) > 200:
            raise ValidationError("Send the cursor of the last answer, or null.")
        return str(value)


class MutationItem(fields.Dict):
    """A mutation as the envelope checks it: an object with a usable mutation_id. The rest of
    it (also its text) is checked by MutationSchema, one mutation at a time."""

    checks_own_text = True

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any):
        value = super()._deserialize(value, attr, data, **kwargs)
        mutation_id = value.get("mutation_id")
        if not isinstance(mutation_id, str) or not 1 <= len(mutation_id) <= MUTATION_ID_LENGTH:
            raise ValidationError(
                {"mutation_id": [f"Give each change a mutation_id of 1-{MUTATION_ID_LENGTH} "
                                 "characters."]})
        # It is stored and looked up as it is: it must be text the database can hold.
        if message := text_problem(mutation_id, key=True):
            raise ValidationError({"mutation_id": [message]})
        return value


class RecordData(fields.Dict):
    """A mutation's `data`: its text and values are checked by the entity's own schema (also
    a schemas.base.Schema), which the sync service loads it with; errors land under `data`."""

    checks_own_text = True


class SyncRequestSchema(Schema):
    client_id = fields.Str(required=True, validate=validate.Length(min=1, max=64),
                           metadata={"description": "the device's own id (for logs)"})
    cursor = Cursor(load_default=None, allow_none=True,
                    metadata={"description": "the `cursor` of the last answer; null at first"})
    mutations = fields.List(MutationItem(), load_default=list,
                            metadata={"description": "at most 500; see MutationSchema"})


class MutationSchema(Schema):
    mutation_id = fields.Str(required=True, validate=_mutation_id)
    entity = fields.Str(required=True, validate=validate.Length(min=1, max=32))
    op = fields.Str(required=True, validate=validate.OneOf(
        ("upsert", "delete"), error="Use 'upsert' or 'delete'."))
    id = fields.UUID(required=True)
    base_version = fields.Int(load_default=None, allow_none=True, strict=True,
                              validate=validate.Range(min=0))
    data = RecordData(load_default=None, allow_none=True,
                      metadata={"description": "for an upsert: the same body as REST POST"})

    @validates_schema
    def _data_for_upsert(self, values: dict[str, Any], **_kwargs: Any) -> None:
        if values.get("op") == "upsert" and values.get("data") is None:
            raise ValidationError({"data": ["An upsert needs the record's data."]})


class SyncResultSchema(Schema):
    mutation_id = fields.Str()
    status = fields.Str(metadata={"description": "applied | duplicate | conflict | rejected"})
    version = fields.Int(metadata={"description": "applied: the new version; conflict: the "
                                                  "server's"})
    current = fields.Dict(allow_none=True,
                          metadata={"description": "conflict: the server's record"})
    result = fields.Dict(metadata={"description": "duplicate: the result stored the first time"})
    message = fields.Str()
    errors = fields.Dict(metadata={"description": "rejected: field errors (record fields under "
                                                 "'data')"})


class SyncChangeSchema(Schema):
    entity = fields.Str()
    id = fields.Str()
    version = fields.Int()
    deleted = fields.Bool()
    data = fields.Dict(allow_none=True, metadata={"description": "null when deleted"})


class SyncResponseSchema(Schema):
    results = fields.List(fields.Nested(SyncResultSchema))
    changes = fields.List(fields.Nested(SyncChangeSchema))
    cursor = fields.Str(metadata={"description": "send it back next time; opaque"})
    has_more = fields.Bool(metadata={"description": "ask again at once for the next page"})
    reset = fields.Bool(metadata={"description": "first page of a full snapshot: drop what "
                                                 "the device had from the server first"})
