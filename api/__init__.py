"""Houvast API: the application factory.

`create_app` wires everything in one place: settings, database, tokens, rate limits, the
OpenAPI blueprints (in the order listed in BLUEPRINT_MODULES), errors, security headers, the
command-line commands and the PWA shell. Read this file first.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

import push as web_push  # not `push`: the api.push subpackage would shadow it
from api import errors, security
from api.config import load_settings
from api.db import db as database  # not `db`: that would hide the api.db module
from api.extensions import jwt, limiter
from api.smorest import Api

# Each module exposes `blp`, a flask-smorest Blueprint; registered in this order.
BLUEPRINT_MODULES = (
    "api.auth.routes",
    "api.logbook.routes",
    "api.dossier.routes",
    "api.push.routes",
    "api.sync.routes",
)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. `config` (tests) overrides settings from the environment."""
    app = Flask(__name__, static_folder=None)
    app.config.from_mapping(load_settings(config))
    app.instance_path = app.config["INSTANCE_DIR"]
    if proxies := app.config["TRUSTED_PROXIES"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    logging.basicConfig(level=logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for ours in ("api", "push"):  # our own loggers say what they do; libraries only warn
        logging.getLogger(ours).setLevel(logging.INFO)

    from api.auth import tokens

    tokens.init_app(app)  # JWT settings first: jwt.init_app fills in defaults for the rest
    database.init_app(app)
    jwt.init_app(app)
    limiter.init_app(app)

    api = Api(app, spec_kwargs={"components": {"securitySchemes": {
        "cookieAuth": {"type": "apiKey", "in": "cookie", "name": "access_token_cookie"},
        "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
    }}})
    for name in BLUEPRINT_MODULES:
        api.register_blueprint(importlib.import_module(name).blp)

    from api import docs, web

    docs.init_app(app)
    errors.register_error_handlers(app)
    security.init_app(app)
    web.init_app(app)
    web_push.init_app(app)  # the in-process push dispatcher (starts on the first request)

    from api.cli import register_commands

    register_commands(app)
    return app
