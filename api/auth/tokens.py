"""Placeholder: JWT configuration is being written."""

from flask import Flask


def init_app(app: Flask) -> None:
    app.config.setdefault("JWT_TOKEN_LOCATION", ["cookies", "headers"])
