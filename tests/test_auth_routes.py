"""Register, log in, refresh, log out, me: cookies, CSRF, rotation, timeouts, limits, roles."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from api.auth import get_current_user
from api.auth.models import AuthSession, User
from api.db import db, utcnow
from api.extensions import limiter
from api.smorest import Blueprint
from tests.factories import DEFAULT_PASSWORD, assert_error, fresh_app, login


def register(client: FlaskClient, **fields):
    body = {"username": "quiet.fox", "password": DEFAULT_PASSWORD, "role": "client",
            "accept_terms": True, **fields}
    return client.post("/api/auth/register", json=body)


def csrf(client: FlaskClient, name: str = "csrf_access_token") -> dict[str, str]:
    return {"X-CSRF-TOKEN": client.get_cookie(name).value}


def refresh_cookie(client: FlaskClient) -> str:
    return client.get_cookie("refresh_token_cookie", path="/api/auth/").value


def only_session(user: User) -> AuthSession:
    (session,) = db.session.scalars(select(AuthSession).where(AuthSession.user_id == user.id))
    return session


# -- register -------------------------------------------------------------------------------

def test_register_creates_account_and_logs_in(app, client) -> None:
    response = register(client, username="Quiet.Fox", role="helper")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["username"] == "Quiet.Fox" and body["role"] == "helper"
    assert body["terms_version"] == app.config["TERMS_VERSION"]
    assert "password" not in body and "password_hash" not in body
    cookies = response.headers.getlist("Set-Cookie")
    access = next(c for c in cookies if c.startswith("access_token_cookie="))
    assert "HttpOnly" in access and "SameSite=Strict" in access
    assert any(c.startswith("refresh_token_cookie=") and "Path=/api/auth/" in c for c in cookies)
    assert any(c.startswith("csrf_access_token=") and "HttpOnly" not in c for c in cookies)
    me = client.get("/api/me").get_json()
    assert me["username"] == "Quiet.Fox" and me["terms_accepted_at"]
    user = db.session.scalar(select(User).where(User.username == "Quiet.Fox"))
    assert user.terms_version == app.config["TERMS_VERSION"]


def test_register_taken_name_is_409(client, make_user) -> None:
    make_user(username="quiet.fox")
    body = assert_error(register(client, username="QUIET.FOX"), 409)
    assert "taken" in body["message"]
    assert "username" in body["errors"]


def test_register_unknown_field_is_422_naming_it(client) -> None:
    body = assert_error(register(client, email="me@example.org"), 422)
    assert "email" in body["message"] and "email" in body["errors"]


@pytest.mark.parametrize("fields,named", [
    ({"accept_terms": False}, "accept_terms"),
    ({"accept_terms": None}, "accept_terms"),
    ({"password": "short"}, "password"),
    ({"password": "p" * 129}, "password"),
    ({"password": "Password123"}, "password"),
    ({"username": "a@b"}, "username"),
    ({"role": "staff"}, "role"),
])
def test_register_refusals_name_the_field(client, fields, named) -> None:
    body = assert_error(register(client, **fields), 422)
    assert named in body["errors"]
    assert db.session.scalar(select(User).where(User.username == "quiet.fox")) is None


def test_register_without_terms_is_422(client) -> None:
    response = client.post("/api/auth/register", json={
        "username": "quiet.fox", "password": DEFAULT_PASSWORD, "role": "client"})
    assert "accept_terms" in assert_error(response, 422)["errors"]


def test_cookies_are_secure_in_production(app, production_env) -> None:
    with fresh_app(app, HOUVAST_ENV="production") as other:
        response = register(other.test_client())
    assert response.status_code == 201
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) == 4 and all("Secure" in c and "SameSite=Strict" in c for c in cookies)


# -- login, me ------------------------------------------------------------------------------

def test_login_and_me(client, make_user) -> None:
    user = make_user("helper", username="Night.Owl")
    response = client.post("/api/auth/login", json={"username": "night.owl",
                                                    "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert response.get_json()["username"] == "Night.Owl"
    me = client.get("/api/me")
    assert me.headers["Cache-Control"] == "no-store"
    assert set(me.get_json()) == {"username", "role", "terms_version", "terms_accepted_at",
                                  "created_at", "records", "has_recovery_code", "new_sign_in"}
    assert me.get_json()["role"] == "helper"
    # A helper's one-per-person records: the training's, not a client's.
    assert set(me.get_json()["records"]) == {"training_progress", "checklist_state"}
    assert only_session(user).revoked_at is None


def test_wrong_username_and_wrong_password_get_the_same_answer(client, make_user) -> None:
    user = make_user()
    wrong_user = client.post("/api/auth/login", json={"username": "no-such-person",
                                                      "password": DEFAULT_PASSWORD})
    wrong_password = client.post("/api/auth/login", json={"username": user.username,
                                                          "password": "not the password"})
    assert_error(wrong_user, 401)
    assert wrong_user.status_code == wrong_password.status_code
    assert wrong_user.get_data() == wrong_password.get_data()
    assert client.get_cookie("access_token_cookie") is None


def test_me_without_login_is_401(client) -> None:
    assert "log in" in assert_error(client.get("/api/me"), 401)["message"]


def test_bearer_header_works_without_csrf(app, make_user) -> None:
    user = make_user()
    browser = app.test_client()
    login(browser, user)
    token = browser.get_cookie("access_token_cookie").value
    api_client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    assert api_client.get("/api/me", headers=headers).get_json()["username"] == user.username
    assert api_client.post("/api/auth/logout", headers=headers).status_code == 204
    assert_error(api_client.get("/api/me", headers=headers), 401)


def test_deleted_user_token_is_401(client, make_user) -> None:
    user = make_user()
    login(client, user)
    db.session.delete(user)
    db.session.commit()
    assert_error(client.get("/api/me"), 401)


# -- CSRF -----------------------------------------------------------------------------------

def test_cookie_without_csrf_header_is_refused(auth_client) -> None:
    body = assert_error(auth_client.post("/api/auth/logout"), 401)
    assert "X-CSRF-TOKEN" in body["message"]
    assert auth_client.get("/api/me").status_code == 200  # the session is untouched


def test_wrong_csrf_header_is_refused(auth_client) -> None:
    response = auth_client.post("/api/auth/logout", headers={"X-CSRF-TOKEN": "forged"})
    assert "X-CSRF-TOKEN" in assert_error(response, 401)["message"]
    refresh = auth_client.post("/api/auth/refresh", headers=auth_client.csrf)  # access csrf
    assert "X-CSRF-TOKEN" in assert_error(refresh, 401)["message"]


# -- refresh --------------------------------------------------------------------------------

def test_refresh_rotates_and_reuse_revokes_the_family(auth_client) -> None:
    first = refresh_cookie(auth_client)
    response = auth_client.post("/api/auth/refresh", headers=csrf(auth_client,
                                                                  "csrf_refresh_token"))
    assert response.status_code == 200, response.get_json()
    second = refresh_cookie(auth_client)
    assert second != first
    assert auth_client.get("/api/me").status_code == 200  # the new access token works

    thief = auth_client.application.test_client()
    reuse = thief.post("/api/auth/refresh", headers={"Authorization": f"Bearer {first}"})
    assert_error(reuse, 401)
    assert only_session(auth_client.user).revoked_at is not None
    assert_error(auth_client.get("/api/me"), 401)  # the newest access token too
    again = auth_client.post("/api/auth/refresh", headers=csrf(auth_client,
                                                               "csrf_refresh_token"))
    assert_error(again, 401)


def test_refresh_token_is_not_an_access_token(auth_client) -> None:
    token = refresh_cookie(auth_client)
    other = auth_client.application.test_client()
    assert_error(other.get("/api/me", headers={"Authorization": f"Bearer {token}"}), 401)


def test_access_token_cannot_refresh(auth_client) -> None:
    token = auth_client.get_cookie("access_token_cookie").value
    other = auth_client.application.test_client()
    response = other.post("/api/auth/refresh", headers={"Authorization": f"Bearer {token}"})
    assert_error(response, 401)


# -- timeouts -------------------------------------------------------------------------------

def test_idle_session_ends(auth_client) -> None:
    session = only_session(auth_client.user)
    session.last_seen_at = utcnow() - timedelta(minutes=31)
    db.session.commit()
    assert "ended" in assert_error(auth_client.get("/api/me"), 401)["message"]
    response = auth_client.post("/api/auth/refresh", headers=csrf(auth_client,
                                                                  "csrf_refresh_token"))
    assert_error(response, 401)


def test_recent_activity_keeps_the_session(auth_client) -> None:
    session = only_session(auth_client.user)
    session.last_seen_at = utcnow() - timedelta(minutes=29)
    db.session.commit()
    assert auth_client.get("/api/me").status_code == 200
    assert utcnow() - session.last_seen_at < timedelta(minutes=1)


def test_session_ends_after_twelve_hours_whatever_the_refreshes(auth_client) -> None:
    refresh_headers = csrf(auth_client, "csrf_refresh_token")
    assert auth_client.post("/api/auth/refresh", headers=refresh_headers).status_code == 200
    session = only_session(auth_client.user)
    session.created_at = utcnow() - timedelta(hours=12)
    session.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert_error(auth_client.get("/api/me"), 401)
    assert_error(auth_client.post("/api/auth/refresh", headers=refresh_headers), 401)


# -- logout ---------------------------------------------------------------------------------

def test_logout_clears_cookies_and_revokes(auth_client) -> None:
    token = auth_client.get_cookie("access_token_cookie").value
    response = auth_client.post("/api/auth/logout", headers=auth_client.csrf)
    assert response.status_code == 204
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    cleared = response.headers.getlist("Set-Cookie")
    for name in ("access_token_cookie", "refresh_token_cookie", "csrf_access_token",
                 "csrf_refresh_token"):
        assert any(c.startswith(f"{name}=;") and "Expires=Thu, 01 Jan 1970" in c
                   for c in cleared), name
    assert auth_client.get_cookie("access_token_cookie") is None
    assert only_session(auth_client.user).revoked_at is not None
    other = auth_client.application.test_client()
    assert_error(other.get("/api/me", headers={"Authorization": f"Bearer {token}"}), 401)


# -- rate limits ----------------------------------------------------------------------------

def fail_login(client: FlaskClient, username: str, ip: str = "10.0.0.1"):
    return client.post("/api/auth/login", json={"username": username, "password": "wrong one!"},
                       environ_base={"REMOTE_ADDR": ip})


def check_username_limit(client: FlaskClient, user: User) -> None:
    for n in range(5):
        assert fail_login(client, user.username, ip=f"10.0.1.{n}").status_code == 401
    blocked = client.post("/api/auth/login", json={"username": user.username.upper(),
                                                   "password": DEFAULT_PASSWORD},
                          environ_base={"REMOTE_ADDR": "10.0.2.1"})
    assert int(assert_error(blocked, 429)["code"]) == 429
    assert int(blocked.headers["Retry-After"]) > 0
    # another name from the same addresses is still welcome
    assert fail_login(client, "someone-else", ip="10.0.1.0").status_code == 401


def test_login_limit_per_username(client, make_user) -> None:
    check_username_limit(client, make_user())


def test_login_limit_per_ip(client, make_user) -> None:
    user = make_user()
    for n in range(20):
        assert fail_login(client, f"guess-{n}").status_code == 401
    blocked = client.post("/api/auth/login", json={"username": user.username,
                                                   "password": DEFAULT_PASSWORD},
                          environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert_error(blocked, 429)
    assert "Retry-After" in blocked.headers
    assert login(client, user)  # another address is not affected


def test_successful_logins_are_not_counted(app, make_user) -> None:
    user = make_user()
    for _ in range(6):
        login(app.test_client(), user)


def test_register_limit_per_ip(client) -> None:
    for n in range(10):
        response = register(client, username=f"new-person-{n}", password="short")
        assert response.status_code == 422
    assert_error(register(client, username="new-person-x"), 429)


def test_login_limit_with_redis_storage(app, make_user) -> None:
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_REDIS_URL must be set in CI")
        pytest.skip("TEST_REDIS_URL is not set (make test starts a redis-server)")
    with fresh_app(app, RATELIMIT_STORAGE_URI=url) as other:
        assert type(limiter.storage).__name__.startswith("Redis")
        limiter.reset()
        check_username_limit(other.test_client(), make_user())


# -- roles ----------------------------------------------------------------------------------

def test_roles_are_enforced_by_login_required(app, make_user) -> None:
    with fresh_app(app) as other:
        blp = Blueprint("staff_only_test", __name__)

        @blp.route("/test/staff-only")
        @blp.login_required(roles=["staff"])
        def staff_only():
            return {"username": get_current_user().username}

        other.register_blueprint(blp)
        for role, status in (("client", 403), ("helper", 403), ("staff", 200)):
            test_client = other.test_client()
            user = make_user(role)
            login(test_client, user)
            response = test_client.get("/test/staff-only")
            if status == 403:
                assert_error(response, 403)
            else:
                assert response.get_json() == {"username": user.username}
        assert_error(other.test_client().get("/test/staff-only"), 401)


def test_a_client_learns_the_ids_of_its_one_per_person_records(client, make_user) -> None:
    from api.helpers.models import message_id
    from api.recovery.models import profile_id
    from api.rights.models import situation_id
    from api.training.models import record_id

    user = make_user("client")
    answer = client.post("/api/auth/login", json={"username": user.username,
                                                  "password": DEFAULT_PASSWORD}).get_json()
    expected = {"recovery_profile": str(profile_id(user.id)),
                "rights_situation": str(situation_id(user.id)),
                "training_progress": str(record_id("training_progress", user.id)),
                "checklist_state": str(record_id("checklist_state", user.id)),
                "help_message": str(message_id(user.id))}
    assert answer["records"] == expected
    assert client.get("/api/me").get_json()["records"] == expected
