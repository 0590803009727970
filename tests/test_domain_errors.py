"""Domain errors become answers in one place (api/errors.py), and nothing is half-written.

A throw-away app on its own SQLite file, with views that write and then fail: each answer has
the JSON error shape and the write before the failure is not in the database afterwards.
"""

from __future__ import annotations

import pytest
from marshmallow import ValidationError
from sqlalchemy import func, select

from api import create_app
from api.auth.models import User
from api.auth.service import create_user
from api.db import db
from api.domain import Conflict, Forbidden, Gone, Invalid, NotFound, TooLarge, Unsupported
from tests.factories import make_settings, reset_schema

RAISES = {
    "not-found": NotFound("This was not found."),
    "conflict": Conflict("Taken.", {"name": ["Taken."]}),
    "forbidden": Forbidden(),
    "gone": Gone("Damaged."),
    "too-large": TooLarge("Full."),
    "unsupported": Unsupported("Not a photo."),
    "invalid": Invalid({"when": ["Pick a day."]}),
    "marshmallow": ValidationError({"when": ["Not a date."]}),
}


@pytest.fixture(scope="module")
def failing_app(tmp_path_factory):
    instance = tmp_path_factory.mktemp("errors")
    app = create_app(make_settings(instance,
                                   DATABASE_URL=f"sqlite:///{instance / 'errors.sqlite3'}"))

    @app.post("/test/fail/<name>")
    def write_then_fail(name: str):
        create_user(f"half-{name}", "a calm walk by the river", "client")  # flushed, not committed
        raise RAISES[name]

    @app.post("/test/duplicate")
    def duplicate():
        create_user("twice", "a calm walk by the river", "client")
        create_user("twice", "a calm walk by the river", "client")  # the unique key refuses
        return {}

    reset_schema(app)
    yield app
    app.extensions["houvast_db"].engine.dispose()


def users(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User))


@pytest.mark.parametrize(("name", "status"), [
    ("not-found", 404), ("conflict", 409), ("forbidden", 403), ("gone", 410),
    ("too-large", 413), ("unsupported", 415), ("invalid", 422), ("marshmallow", 422)])
def test_a_domain_error_is_answered_and_rolled_back(failing_app, name, status) -> None:
    response = failing_app.test_client().post(f"/test/fail/{name}")
    body = response.get_json()
    assert response.status_code == status
    assert set(body) == {"code", "status", "message", "errors"} and body["code"] == status
    assert body["message"]  # a person's message: its own, or the status's default
    if name in ("invalid", "marshmallow"):
        assert set(body["errors"]) == {"when"}
    if name == "conflict":
        assert body == {"code": 409, "status": "Conflict", "message": "Taken.",
                        "errors": {"name": ["Taken."]}}
    assert users(failing_app) == 0


def test_an_integrity_error_is_a_409_and_rolled_back(failing_app) -> None:
    response = failing_app.test_client().post("/test/duplicate")
    assert response.status_code == 409
    assert response.get_json()["message"] == "This conflicts with something that already exists."
    assert users(failing_app) == 0
