"""Accounts: register, log in, and the account as the API shows it."""

from __future__ import annotations

from marshmallow import fields, validate

from schemas.base import Schema

ROLES = ("client", "helper", "staff")
SELF_SERVICE_ROLES = ("client", "helper")  # staff accounts come only from the CLI


class RegisterSchema(Schema):
    username = fields.Str(required=True, metadata={"description": "a made-up name, 3-32 "
                                                   "letters, digits, '.', '_' or '-'"})
    password = fields.Str(required=True, load_only=True,
                          metadata={"description": "10-128 characters, not a common password"})
    role = fields.Str(required=True, validate=validate.OneOf(
        SELF_SERVICE_ROLES, error="Choose 'client' or 'helper'."))
    accept_terms = fields.Bool(required=True, validate=validate.Equal(
        True, error="Please read and accept the terms to create an account."))


class LoginSchema(Schema):
    # Generous maximums: only there so nobody makes us hash megabytes.
    username = fields.Str(required=True, validate=validate.Length(max=64))
    password = fields.Str(required=True, load_only=True, validate=validate.Length(max=1024))


class RecoverSchema(Schema):
    username = fields.Str(required=True, validate=validate.Length(max=64))
    recovery_code = fields.Str(required=True, validate=validate.Length(max=64), metadata={
        "description": "the code you got when you made your account (dashes and spaces, "
                       "small or capital letters: all fine)"})
    new_password = fields.Str(required=True, load_only=True, validate=validate.Length(max=1024),
                              metadata={"description": "10-128 characters, not a common one"})


class PasswordSchema(Schema):
    password = fields.Str(required=True, load_only=True, validate=validate.Length(max=1024))


class RecoveryCodeSchema(Schema):
    recovery_code = fields.Str(metadata={"description": "shown once: only its hash is kept"})


class NewSignInSchema(Schema):
    device = fields.Str(allow_none=True, metadata={"description": "browser|system"})
    created_at = fields.DateTime()


class AccountSchema(Schema):
    username = fields.Str()
    role = fields.Str()
    has_recovery_code = fields.Bool(metadata={
        "description": "false: the account has no recovery code yet (made before they existed)"})
    recovery_code = fields.Str(metadata={
        "description": "only in the answer to register and recover: the new recovery code, "
                       "shown this once"})
    new_sign_in = fields.Nested(NewSignInSchema, allow_none=True, metadata={
        "description": "GET /api/me: the latest sign-in from a new device since this session "
                       "began (null: none)"})
    records = fields.Dict(keys=fields.Str(), values=fields.UUID(), metadata={
        "description": "entity → id of the records there is one of per person (e.g. "
                       "rights_situation), so the phone can write them offline"})
    terms_version = fields.Str(allow_none=True)
    terms_accepted_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()


class SessionSchema(Schema):
    id = fields.UUID()
    created_at = fields.DateTime(metadata={"description": "when you logged in"})
    last_seen_at = fields.DateTime()
    device = fields.Str(allow_none=True, metadata={
        "description": "browser|system, each ? when unknown, e.g. Chrome|Android"})
    active = fields.Bool(metadata={"description": "still logged in"})
    current = fields.Bool(metadata={"description": "the session of this request"})


class LogoutEverywhereSchema(Schema):
    keep_this = fields.Bool(load_default=True, metadata={
        "description": "stay logged in here (default); false ends this session too"})


class EndedSchema(Schema):
    ended = fields.Int(metadata={"description": "how many sessions ended"})
