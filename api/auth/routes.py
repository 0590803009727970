"""Placeholder: the auth routes are being written."""

from api.smorest import Blueprint

blp = Blueprint("auth", __name__, url_prefix="/api", description="Accounts and sessions")
