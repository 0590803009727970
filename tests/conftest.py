"""Fixture ladder: app -> (db transaction per test) -> client -> auth helpers.

Fixtures only; the helpers they and the tests use are in tests/factories.py.

The schema is built once per run by the Alembic migrations (so every run tests them too); each
test runs inside a transaction that is rolled back afterwards. DATABASE_URL chooses the
database (SQLite in a temporary folder by default; `make test` runs again on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from api.db import db
from tests.factories import (
    DEFAULT_PASSWORD,
    ON_POSTGRES,
    link_dossier,
    login,
    make_client,
    make_dossier,
    make_settings,
    reset_schema,
)

# Helpers live in tests/factories.py; these stay importable from here for older imports.
REEXPORTED = (ON_POSTGRES, login, make_settings, reset_schema)


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


@pytest.fixture
def client_user(make_user):
    return make_user("client")


@pytest.fixture
def auth_client(app: Flask, client_user):
    """A test client logged in as a client-role user; `.csrf` holds the CSRF header."""
    return make_client(app, client_user)


@pytest.fixture
def other_client(app: Flask, make_user):
    """Another client-role person, logged in on their own device."""
    return make_client(app, make_user("client"))


@pytest.fixture
def staff(app: Flask, make_user):
    """A test client logged in as a staff member."""
    return make_client(app, make_user("staff"))


@pytest.fixture
def linked(staff, auth_client):
    """A dossier of `staff`, linked to `auth_client`'s user."""
    dossier = make_dossier(staff)
    assert link_dossier(auth_client, dossier["invite_code"]).status_code == 200
    return dossier


@pytest.fixture
def production_env(app, monkeypatch) -> None:
    """The secrets a production app insists on, in the environment."""
    for name, value in (("HOUVAST_JWT_SECRET", "s" * 40), ("HOUVAST_DATA_KEYS", "k1:" + "A" * 43),
                        ("HOUVAST_VAPID_PRIVATE_KEY", app.config["VAPID_PRIVATE_KEY"])):
        monkeypatch.setenv(name, value)
