"""Download al mijn gegevens: starting it and its state."""

from __future__ import annotations

from marshmallow import fields, validate

from schemas.base import Schema

EXPORT_STATES = ("none", "preparing", "ready", "failed", "downloaded")


class ExportStartSchema(Schema):
    password = fields.Str(required=True, load_only=True, validate=validate.Length(max=1024),
                          metadata={"description": "your password: someone holding your "
                                                   "unlocked phone cannot take everything along"})
    lang = fields.Str(load_default="nl", validate=validate.OneOf(("nl", "en")),
                      metadata={"description": "language of the PDFs and the read-me"})


class ExportStateSchema(Schema):
    state = fields.Str(required=True, validate=validate.OneOf(EXPORT_STATES), metadata={
        "description": "none: nothing asked or it expired; preparing; ready (download it at "
                       "/api/me/export/zip); failed (ask again); downloaded (wiped from the "
                       "server)"})
    steps_done = fields.Int(metadata={"description": "parts made so far (a domain each)"})
    steps_total = fields.Int()
    files = fields.Int(metadata={"description": "files in the ZIP so far"})
    size = fields.Int(allow_none=True, metadata={"description": "bytes of the ZIP when ready"})
    started_at = fields.DateTime()
    ready_at = fields.DateTime(allow_none=True)
    expires_at = fields.DateTime(allow_none=True, metadata={
        "description": "a ready ZIP is wiped after this if it is not downloaded"})
    downloaded_at = fields.DateTime(allow_none=True)
