"""Web push: the browser's PushSubscription JSON, and notification preferences."""

from __future__ import annotations

from datetime import UTC, datetime

from marshmallow import fields, validate

from schemas.base import YEAR_RANGE, Schema

# expirationTime is milliseconds since 1970; beyond YEAR_RANGE it cannot become a date.
_EXPIRATION_MAX = (datetime(YEAR_RANGE[1] + 1, 1, 1, tzinfo=UTC).timestamp() - 1) * 1000


class SubscriptionKeysSchema(Schema):
    p256dh = fields.Str(required=True, validate=validate.Length(max=128))
    auth = fields.Str(required=True, validate=validate.Length(max=64))


class SubscriptionSchema(Schema):
    """`PushSubscription.toJSON()` as the browser gives it."""

    endpoint = fields.Str(required=True, validate=validate.Length(min=1, max=2048))
    keys = fields.Nested(SubscriptionKeysSchema, required=True)
    expiration_time = fields.Float(data_key="expirationTime", allow_none=True,
                                   load_default=None, validate=validate.Range(
                                       min=0, max=_EXPIRATION_MAX,
                                       error="Give a time in milliseconds since 1970 (before "
                                             f"{YEAR_RANGE[1] + 1}), or null."),
                                   metadata={"description": "milliseconds since 1970, or null"})


class SubscriptionOutSchema(Schema):
    endpoint = fields.Str()
    expires_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()


class UnsubscribeSchema(Schema):
    endpoint = fields.Str(required=True, validate=validate.Length(min=1, max=2048))



class QuietHoursSchema(Schema):
    start = fields.Time(required=True, format="%H:%M", metadata={"example": "21:00"})
    end = fields.Time(required=True, format="%H:%M", metadata={"example": "08:00"})


class PreferencesSchema(Schema):
    # The kinds are the ones the domains declare (api/domain.py); the service refuses others.
    kinds = fields.Dict(keys=fields.Str(validate=validate.Length(max=32)), values=fields.Bool(),
                        required=True, metadata={
                            "description": "which kinds of notification to get, e.g. "
                                           '{"dossier": true, "tasks": false}'})
    quiet_hours = fields.Nested(QuietHoursSchema, required=True, allow_none=True,
                                metadata={"description": "no notifications between these "
                                          "times (local time); null: none"})
    detailed = fields.Bool(required=True, metadata={
        "description": "show what happened on the lock screen (false: a discreet message)"})
    timezone = fields.Str(load_default=None, validate=validate.Length(max=64),
                          metadata={"example": "Europe/Amsterdam"})


class VapidKeySchema(Schema):
    public_key = fields.Str(metadata={"description": "applicationServerKey, URL-safe base64"})
