"""A way back in without e-mail: the recovery code is shown once at registration (only its
argon2id hash is kept), sets a new password once, ends every other session and the devices'
notifications, and is replaced by a new one; a wrong username and a wrong code get one answer;
attempts are rate-limited; a logged-in person makes a new code with their password."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlalchemy import select

from api.auth.models import User
from api.db import db
from api.notifications.models import Subscription
from tests import pushservice
from tests.factories import (
    DEFAULT_PASSWORD,
    assert_error,
    make_client,
    make_subscription,
    raw_rows,
)

push_service = pushservice.push_service
CODE = re.compile(r"[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){3}")
NEW_PASSWORD = "a new path through the dunes"


def register(client: FlaskClient, username: str = "night.owl") -> dict:
    response = client.post("/api/auth/register", json={
        "username": username, "password": DEFAULT_PASSWORD, "role": "client",
        "accept_terms": True})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def recover(client: FlaskClient, code: str, username: str = "night.owl",
            password: str = NEW_PASSWORD, ip: str = "10.1.0.1"):
    return client.post("/api/auth/recover", json={
        "username": username, "recovery_code": code, "new_password": password},
        environ_base={"REMOTE_ADDR": ip})


def test_the_code_is_shown_once_and_only_its_hash_is_kept(client) -> None:
    account = register(client)
    assert CODE.fullmatch(account["recovery_code"]) and account["has_recovery_code"] is True
    me = client.get("/api/me").get_json()
    assert me["has_recovery_code"] is True and "recovery_code" not in me
    stored = db.session.scalar(select(User.recovery_hash).where(User.username == "night.owl"))
    assert stored.startswith("$argon2id$")
    assert account["recovery_code"].replace("-", "").encode() not in raw_rows("users")


def test_the_code_sets_a_new_password_once_and_ends_every_session(app, client,
                                                                  push_service) -> None:
    code = register(client)["recovery_code"]
    user = db.session.scalar(select(User).where(User.username == "night.owl"))
    make_subscription(user, push_service.new_device())  # a stalker's phone, say
    assert client.get("/api/me").status_code == 200

    phone = app.test_client()
    typed = " ".join(code.replace("-", "").lower())  # read aloud, typed with spaces, small
    answer = recover(phone, typed)
    assert answer.status_code == 200, answer.get_json()
    new_code = answer.get_json()["recovery_code"]
    assert CODE.fullmatch(new_code) and new_code != code
    assert phone.get("/api/me").status_code == 200  # logged in on the phone that recovered
    assert client.get("/api/me").status_code == 401  # the other session ended
    assert db.session.scalars(select(Subscription).where(
        Subscription.user_id == user.id)).all() == []

    # The old code is used up; the new password works, the old one does not.
    assert_error(recover(app.test_client(), code), 401)
    login = app.test_client().post("/api/auth/login", json={
        "username": "night.owl", "password": NEW_PASSWORD})
    assert login.status_code == 200
    old = app.test_client().post("/api/auth/login", json={
        "username": "night.owl", "password": DEFAULT_PASSWORD})
    assert old.status_code == 401
    assert recover(app.test_client(), new_code, password="yet another calm long walk") \
        .status_code == 200


def test_a_wrong_username_and_a_wrong_code_get_one_answer(client, make_user) -> None:
    code = register(client)["recovery_code"]
    wrong_code = recover(client, "ABCDE-FGHJK-MNPQR-STUVW")
    wrong_name = recover(client, code, username="nobody-here")
    no_code = recover(client, code, username=make_user().username)  # an account without one
    for response in (wrong_code, wrong_name, no_code):
        assert assert_error(response, 401)["message"] == wrong_code.get_json()["message"]
    # A new password that breaks the rules is refused first, whoever is named.
    weak = recover(client, code, password="short")
    assert "new_password" in assert_error(weak, 422)["errors"]
    assert client.post("/api/auth/login", json={
        "username": "night.owl", "password": DEFAULT_PASSWORD}).status_code == 200


def test_attempts_are_rate_limited_per_username(client) -> None:
    code = register(client)["recovery_code"]
    for n in range(5):
        assert recover(client, "ABCDE-FGHJK-MNPQR-STUV" + "WXYZ2"[n], ip=f"10.2.0.{n}") \
            .status_code == 401
    blocked = recover(client, code, ip="10.2.1.1")
    assert_error(blocked, 429)
    assert "Retry-After" in blocked.headers


def test_a_new_code_needs_the_password_and_replaces_the_old(app, make_user) -> None:
    user = make_user()
    device = make_client(app, user)
    assert device.get("/api/me").get_json()["has_recovery_code"] is False
    wrong = device.post("/api/auth/recovery-code", json={"password": "not my password at all"},
                        headers=device.csrf)
    assert "password" in assert_error(wrong, 422)["errors"]
    first = device.post("/api/auth/recovery-code", json={"password": DEFAULT_PASSWORD},
                        headers=device.csrf).get_json()["recovery_code"]
    second = device.post("/api/auth/recovery-code", json={"password": DEFAULT_PASSWORD},
                         headers=device.csrf).get_json()["recovery_code"]
    assert CODE.fullmatch(first) and first != second
    assert device.get("/api/me").get_json()["has_recovery_code"] is True
    assert_error(recover(app.test_client(), first, username=user.username), 401)
    assert recover(app.test_client(), second, username=user.username).status_code == 200


# -- who signed in ---------------------------------------------------------------------------

ANDROID = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/131.0.0.0 Mobile Safari/537.36")
LAPTOP = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")


def signed_in(app, user, agent: str) -> FlaskClient:
    device = app.test_client()
    device.environ_base["HTTP_USER_AGENT"] = agent
    response = device.post("/api/auth/login", json={"username": user.username,
                                                    "password": DEFAULT_PASSWORD})
    assert response.status_code == 200, response.get_json()
    device.csrf = {"X-CSRF-TOKEN": device.get_cookie("csrf_access_token").value}
    return device


def test_the_sessions_list_names_devices_coarsely_and_marks_this_one(app, make_user) -> None:
    user = make_user()
    phone = signed_in(app, user, ANDROID)
    laptop = signed_in(app, user, LAPTOP)
    listed = phone.get("/api/auth/sessions").get_json()
    assert [(s["device"], s["current"], s["active"]) for s in listed] == [
        ("Firefox|Windows", False, True), ("Chrome|Android", True, True)]
    assert set(listed[0]) == {"id", "created_at", "last_seen_at", "device", "active", "current"}
    assert "127.0.0.1" not in str(listed) and ANDROID.encode() not in raw_rows("auth_sessions")
    laptop.post("/api/auth/logout", headers=laptop.csrf)
    assert [s["active"] for s in phone.get("/api/auth/sessions").get_json()] == [False, True]


def test_logout_everywhere_ends_the_others_and_their_notifications(app, make_user,
                                                                     push_service) -> None:
    user = make_user()
    phone = signed_in(app, user, ANDROID)
    laptop = signed_in(app, user, LAPTOP)
    other = make_client(app, make_user())  # someone else keeps theirs
    laptop_session = laptop.get("/api/auth/sessions").get_json()[0]["id"]
    laptop.post("/api/push/subscriptions", headers=laptop.csrf,
                json=push_service.new_device().subscription())
    assert len(db.session.scalars(select(Subscription)).all()) == 1

    answer = phone.post("/api/auth/logout-everywhere", json={}, headers=phone.csrf)
    assert answer.status_code == 200 and answer.get_json() == {"ended": 1}
    assert laptop.get("/api/me").status_code == 401
    assert phone.get("/api/me").status_code == 200 and other.get("/api/me").status_code == 200
    assert db.session.scalars(select(Subscription)).all() == []
    assert laptop_session in {s["id"] for s in phone.get("/api/auth/sessions").get_json()}

    # With keep_this false, this phone is logged out as well, and its data cleared.
    again = phone.post("/api/auth/logout-everywhere", json={"keep_this": False},
                       headers=phone.csrf)
    assert again.get_json() == {"ended": 1}
    assert again.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert phone.get("/api/me").status_code == 401


def test_a_sign_in_from_a_new_device_is_told_to_the_others(app, make_user) -> None:
    from tests.test_task_sharing import pushes

    user = make_user()
    phone = signed_in(app, user, ANDROID)  # the first sign-in is news to nobody
    signed_in(app, user, ANDROID)  # the same kind of device again: not news either
    assert pushes(user.id) == [] and phone.get("/api/me").get_json()["new_sign_in"] is None
    laptop = signed_in(app, user, LAPTOP)
    [(kind, view, detail)] = pushes(user.id)
    assert (kind, view) == ("account", "/account") and "Firefox" in detail["body"]
    assert phone.get("/api/me").get_json()["new_sign_in"]["device"] == "Firefox|Windows"
    assert laptop.get("/api/me").get_json()["new_sign_in"] is None  # not news to itself
