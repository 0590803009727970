"""Token checks: forged and misused tokens, fail-closed revocation, the JSON error shape."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta

import jwt as pyjwt
import pytest
from flask_jwt_extended import jwt_required
from sqlalchemy.exc import OperationalError

from api.auth import service
from api.smorest import Blueprint
from tests.factories import assert_error, fresh_app, login


@pytest.fixture
def session_claims(app, make_user) -> dict:
    """Claims of a real, live session, as our own access tokens carry them."""
    user = make_user()
    session = service.start_session(user)
    now = datetime.now(UTC)
    return {"sub": str(user.id), "sid": str(session.id), "type": "access", "fresh": False,
            "jti": str(uuid.uuid4()), "iat": now, "nbf": now, "exp": now + timedelta(minutes=5),
            "iss": "houvast", "aud": "houvast-api"}


def sign(app, claims: dict, **changes) -> str:
    return pyjwt.encode({**claims, **changes}, app.config["JWT_SECRET_KEY"], algorithm="HS256")


def me(client, token: str):
    return client.get("/api/me", headers={"Authorization": f"Bearer {token}"})


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data, default=str).encode()).rstrip(b"=").decode()


def test_a_well_formed_token_works(app, client, session_claims) -> None:
    assert me(client, sign(app, session_claims)).status_code == 200  # the control


def test_alg_none_is_401(app, client, session_claims) -> None:
    claims = {**session_claims, "iat": 0, "nbf": 0, "exp": 4_000_000_000}
    token = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."
    assert_error(me(client, token), 401)


@pytest.mark.parametrize("changes", [
    {"iss": "someone-else"},
    {"aud": "another-api"},
    {"exp": datetime.now(UTC) - timedelta(seconds=1)},
    {"type": "refresh"},
    {"sid": str(uuid.uuid4())},
    {"sid": "not-a-uuid"},
])
def test_wrong_claims_are_401(app, client, session_claims, changes) -> None:
    assert_error(me(client, sign(app, session_claims, **changes)), 401)


def test_missing_session_claim_is_401(app, client, session_claims) -> None:
    claims = {k: v for k, v in session_claims.items() if k != "sid"}
    assert_error(me(client, sign(app, claims)), 401)


def test_wrong_key_is_401(app, client, session_claims) -> None:
    token = pyjwt.encode(session_claims, "another secret of the same length as ours, roughly",
                         algorithm="HS256")
    assert_error(me(client, token), 401)


def test_unknown_user_is_401(app, client, session_claims) -> None:
    assert_error(me(client, sign(app, session_claims, sub="987654")), 401)


def test_revocation_check_fails_closed(app, client, session_claims, monkeypatch) -> None:
    """A check that cannot be made refuses the request: 503 when the database is busy or down
    (never 401, which would log the person out), an error answer for anything else."""
    token = sign(app, session_claims)

    def database_gone(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, Exception("database went away"))

    def bug(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(service, "_load", database_gone)
    assert_error(me(client, token), 503)
    monkeypatch.setattr(service, "_load", bug)
    with pytest.raises(RuntimeError):  # tests re-raise; in production a 500
        me(client, token)


def test_needs_fresh_answers_in_our_shape(app, make_user) -> None:
    with fresh_app(app) as other:
        blp = Blueprint("fresh_test", __name__)

        @blp.route("/test/fresh")
        @jwt_required(fresh=True)
        def fresh_only():
            return {"ok": True}

        other.register_blueprint(blp)
        test_client = other.test_client()
        login(test_client, make_user())
        assert "password again" in assert_error(test_client.get("/test/fresh"), 401)["message"]


def test_garbage_token_is_401(client) -> None:
    assert_error(me(client, "not.a.token"), 401)
    assert_error(client.get("/api/me", headers={"Authorization": "Basic abc"}), 401)


def test_expired_token_says_so(app, client, session_claims) -> None:
    token = sign(app, session_claims, exp=datetime.now(UTC) - timedelta(seconds=1))
    assert "expired" in assert_error(me(client, token), 401)["message"]
