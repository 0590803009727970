"""The API documentation page at /api/docs, served with its own copy of Swagger UI.

flask-smorest's page loads Swagger UI from a CDN and starts it with an inline script; ours
serves the files from the `swagger-ui-bundle` package and starts it from a file, so it works
offline and under the Content-Security-Policy.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, abort, send_from_directory
from swagger_ui_bundle import swagger_ui_path

docs = Blueprint("docs", __name__)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Houvast API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/static/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/static/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>"""

INIT = """window.ui = SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#swagger-ui",
  deepLinking: true, withCredentials: true});"""

ASSETS = {"swagger-ui.css", "swagger-ui-bundle.js"}


@docs.get("/api/docs")
def page() -> Response:
    return Response(PAGE, mimetype="text/html")


@docs.get("/api/docs/init.js")
def init_script() -> Response:
    return Response(INIT, mimetype="text/javascript")


@docs.get("/api/docs/static/<name>")
def asset(name: str) -> Response:
    if name not in ASSETS:
        abort(404)
    return send_from_directory(swagger_ui_path, name, max_age=86400)


def init_app(app: Flask) -> None:
    if app.config["API_DOCS"]:
        app.register_blueprint(docs)
