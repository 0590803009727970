"""Accounts and sessions (minimal core; being extended)."""

from __future__ import annotations

from flask import jsonify
from flask_jwt_extended import create_access_token, current_user, set_access_cookies
from marshmallow import fields

from api.auth import service
from api.smorest import Blueprint, Schema, abort

blp = Blueprint("auth", __name__, url_prefix="/api", description="Accounts and sessions")


class LoginSchema(Schema):
    username = fields.Str(required=True)
    password = fields.Str(required=True)


@blp.post("/auth/login")
@blp.arguments(LoginSchema)
def login(body: dict):
    """Log in"""
    user = service.authenticate(body["username"], body["password"])
    if user is None:
        abort(401, message="Username or password is not correct.")
    response = jsonify({"username": user.username, "role": user.role})
    set_access_cookies(response, create_access_token(identity=user))
    return response


@blp.get("/me")
@blp.login_required()
def me():
    """The logged-in account"""
    return {"username": current_user.username, "role": current_user.role}
