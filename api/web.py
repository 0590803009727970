"""Serves the PWA from pwa/: files as they are, and the shell for any other non-API path."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, Response, abort, request, send_from_directory

PWA_DIR = Path(__file__).resolve().parent.parent / "pwa"


def init_app(app: Flask) -> None:
    @app.get("/", defaults={"path": ""})
    @app.get("/<path:path>")
    def pwa(path: str) -> Response:
        if path.startswith("api/") or path == "api":
            abort(404)
        target = (PWA_DIR / path).resolve()
        if path and target.is_file() and PWA_DIR in target.parents:
            return send_from_directory(PWA_DIR, path)
        if "." in path.rsplit("/", 1)[-1] and request.accept_mimetypes.best != "text/html":
            abort(404)
        return send_from_directory(PWA_DIR, "index.html")
