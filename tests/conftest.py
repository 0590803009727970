"""Fixture ladder: app -> (db transaction per test) -> client -> auth helpers.

The schema is built once per run by the Alembic migrations (so every run tests them too); each
test runs inside a transaction that is rolled back afterwards. DATABASE_URL chooses the
database (SQLite in a temporary folder by default; `make test` runs again on PostgreSQL).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from api import create_app
from api.cli import alembic_config
from api.db import Base, db

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgresql")


def make_settings(instance: Path, **extra: object) -> dict[str, object]:
    """Settings for a test app; secrets are generated into `instance` like in development."""
    settings: dict[str, object] = {
        "TESTING": True,
        "HOUVAST_ENV": "development",
        "HOUVAST_INSTANCE": str(instance),
        "DATABASE_URL": os.environ.get("DATABASE_URL")
        or f"sqlite:///{instance / 'test.sqlite3'}",
        "RATELIMIT_STORAGE_URI": "memory://",
    }
    settings.update(extra)
    return settings


def reset_schema(app: Flask) -> None:
    """Drop everything and migrate from nothing to head."""
    with app.app_context():
        engine = db.engine
        import api.models  # noqa: F401

        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            else:
                Base.metadata.drop_all(conn)
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        command.upgrade(alembic_config(), "heads")


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    instance = tmp_path_factory.mktemp("instance")
    application = create_app(make_settings(instance))
    reset_schema(application)
    yield application
    application.extensions["houvast_db"].engine.dispose()


@pytest.fixture(autouse=True)
def _transaction(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test that uses the app runs in a transaction that is rolled back."""
    if "app" not in request.fixturenames:
        yield
        return
    app: Flask = request.getfixturevalue("app")
    state = app.extensions["houvast_db"]
    connection = state.engine.connect()
    outer = connection.begin()
    state.connection = connection
    try:
        with app.app_context():
            yield
    finally:
        db.session.remove()
        state.connection = None
        outer.rollback()
        connection.close()
        from api.extensions import limiter

        limiter.reset()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


DEFAULT_PASSWORD = "a calm walk by the river"


@pytest.fixture
def make_user(app: Flask):
    """Factory: `make_user(role="client", username=None, password=DEFAULT_PASSWORD) -> User`."""
    from api.auth import service

    counter = iter(range(1, 10_000))

    def _make(role: str = "client", username: str | None = None,
              password: str = DEFAULT_PASSWORD):
        name = username or f"{role}-{next(counter)}"
        user = service.create_user(name, password, role, terms_version="test")
        db.session.commit()
        return user

    return _make


def login(client: FlaskClient, user, password: str = DEFAULT_PASSWORD) -> dict[str, str]:
    """Log `client` in as `user` through the real API; returns the CSRF header for writes."""
    response = client.post("/api/auth/login", json={"username": user.username,
                                                    "password": password})
    assert response.status_code == 200, response.get_json()
    cookie = client.get_cookie("csrf_access_token")
    assert cookie is not None
    return {"X-CSRF-TOKEN": cookie.value}


@pytest.fixture
def client_user(make_user):
    return make_user("client")


@pytest.fixture
def auth_client(app: Flask, client_user):
    """A test client logged in as a client-role user; `.csrf` holds the CSRF header."""
    test_client = app.test_client()
    test_client.csrf = login(test_client, client_user)  # type: ignore[attr-defined]
    test_client.user = client_user  # type: ignore[attr-defined]
    return test_client
