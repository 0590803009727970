"""The error shape, security headers and API docs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from tests.factories import make_settings

INTERNAL = "internal detail 4c1e: SELECT password_hash FROM users"


def assert_error_shape(response, code: int) -> dict:
    body = response.get_json()
    assert response.status_code == code
    assert body["code"] == code
    assert isinstance(body["status"], str) and body["status"]
    assert isinstance(body["message"], str) and len(body["message"]) > 10
    return body


def test_unknown_api_path_is_json_404(client: FlaskClient) -> None:
    assert_error_shape(client.get("/api/nothing-here"), 404)


def test_wrong_method_is_json_405(client: FlaskClient) -> None:
    body = assert_error_shape(client.delete("/api/openapi.json"), 405)
    assert "accept" in body["message"]


def test_security_headers(client: FlaskClient) -> None:
    response = client.get("/api/nothing-here")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(
        ";")[0]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in response.headers  # development


def test_openapi_and_offline_docs(client: FlaskClient) -> None:
    spec = client.get("/api/openapi.json").get_json()
    assert spec["info"]["title"] == "Houvast API"
    page = client.get("/api/docs").get_data(as_text=True)
    assert "cdn" not in page.lower() and "https://" not in page
    for asset in ("/api/docs/static/swagger-ui-bundle.js", "/api/docs/static/swagger-ui.css",
                  "/api/docs/init.js"):
        response = client.get(asset)
        assert response.status_code == 200 and len(response.data) > 20
        response.close()


def test_database_outage_is_503_not_500(app, client: FlaskClient, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    from api.auth import service

    def unavailable(*_args, **_kwargs):
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    monkeypatch.setattr(service, "authenticate", unavailable)
    response = client.post("/api/auth/login", json={"username": "someone",
                                                    "password": "whatever it is"})
    body = assert_error_shape(response, 503)
    assert "Retry-After" in response.headers
    assert "SELECT" not in body["message"]


def test_unknown_query_fields_are_422_naming_them(auth_client) -> None:
    # An endpoint without query parameters...
    body = assert_error_shape(auth_client.get("/api/me?debug=1&x=2"), 422)
    assert body["errors"] == {"debug": ["Unknown field."], "x": ["Unknown field."]}
    assert "debug" in body["message"]
    # ...and one with a query schema.
    body = assert_error_shape(auth_client.get("/api/logbooks?nonsense=1"), 422)
    assert "nonsense" in body["errors"]
    assert auth_client.get("/api/me").status_code == 200


def app_with_a_broken_view(instance: Path, *, testing: bool) -> Flask:
    """A fresh app from the factory with one more route, whose view fails unexpectedly."""
    app = create_app(make_settings(instance, TESTING=testing, PUSH_DISPATCHER="off"))

    @app.get("/api/test/broken")
    def broken():
        raise RuntimeError(INTERNAL)

    return app


def test_an_unexpected_error_fails_the_test_that_caused_it(tmp_path: Path) -> None:
    client = app_with_a_broken_view(tmp_path, testing=True).test_client()
    with pytest.raises(RuntimeError, match="internal detail 4c1e"):
        client.get("/api/test/broken")


def test_an_unexpected_error_is_a_json_500_without_internals(tmp_path: Path, caplog) -> None:
    app = app_with_a_broken_view(tmp_path, testing=False)
    assert not app.testing
    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/api/test/broken")
    body = assert_error_shape(response, 500)
    assert set(body) == {"code", "status", "message", "errors"} and body["errors"] == {}
    text = response.get_data(as_text=True)
    assert "4c1e" not in text and "RuntimeError" not in text and "Traceback" not in text
    assert any(r.exc_info and "/api/test/broken" in r.getMessage()
               for r in caplog.records)  # the log has it, for us
