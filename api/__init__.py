"""Houvast API: the application factory.

`create_app` wires everything in one place: settings, database, tokens, rate limits, then the
domains listed in api/domains.py (their blueprints in that order, their sync entities, push
kinds and reminders, their commands), API docs, errors, security headers, the PWA shell and
the push dispatcher. Read this file first.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from api import errors, keystore, security
from api.config import load_settings
from api.db import db as database  # not `db`: that would hide the api.db module
from api.domain import Domain
from api.extensions import jwt, limiter
from api.smorest import Api


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
    keystore.init_app(app)
    jwt.init_app(app)
    limiter.init_app(app)

    api = Api(app, spec_kwargs={"components": {"securitySchemes": {
        "cookieAuth": {"type": "apiKey", "in": "cookie", "name": "access_token_cookie"},
        "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
    }}})
    from api.domains import DOMAINS

    for domain in DOMAINS:
        wire_domain(api, domain)

    from api import cli, docs, web
    from api.notifications import dispatch

    docs.init_app(app)
    errors.register_error_handlers(app)
    security.init_app(app)
    web.init_app(app)
    dispatch.init_app(app)  # the in-process push dispatcher (starts on the first request)
    cli.register_commands(app, DOMAINS)
    return app


def wire_domain(api: Api, domain: Domain) -> None:
    """Register what `domain` declares: blueprints, sync entities, sync, erase and export hooks,
    push kinds, reminders.
    (Its models were imported with it; its commands are added by cli.register_commands.)"""
    from api.auth import erasure
    from api.export import service as export
    from api.notifications import registry as notifications
    from api.sync import registry as sync

    for blueprint in domain.blueprints:
        api.register_blueprint(blueprint)
    for entity in domain.sync_entities:
        sync.register(entity)
    for hook in domain.on_sync:
        sync.register_on_sync(hook)
    for hook in domain.on_erase:
        erasure.register_on_erase(hook)
    for part in domain.exports:
        export.register_part(part)
    for kind in domain.push_kinds:
        notifications.register_kind(kind)
    for reminder in domain.reminders:
        notifications.register_reminder(reminder)
