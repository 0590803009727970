"""The push API: public key, this device's subscription, preferences."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy import select

from api.db import db
from api.notifications.models import Subscription
from tests import pushservice
from tests.factories import login

push_service = pushservice.push_service


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def endpoints() -> list[tuple[int, str]]:
    return list(db.session.execute(select(Subscription.user_id, Subscription.endpoint)))


def test_the_vapid_public_key_is_public(app, client):
    response = client.get("/api/push/vapid-public-key")
    assert response.status_code == 200
    key = response.get_json()["public_key"]
    assert key == app.config["VAPID_PUBLIC_KEY"]
    raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))
    assert len(raw) == 65 and raw[0] == 4 and "=" not in key


def test_subscribing_needs_a_login(client, push_service):
    response = client.post("/api/push/subscriptions",
                           json=push_service.new_device().subscription())
    assert response.status_code == 401


def test_subscribe_is_idempotent_per_endpoint(auth_client, push_service):
    body = push_service.new_device().subscription()
    first = auth_client.post("/api/push/subscriptions", json=body, headers=auth_client.csrf)
    again = auth_client.post("/api/push/subscriptions", json=body, headers=auth_client.csrf)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json()["endpoint"] == body["endpoint"]
    assert endpoints() == [(auth_client.user.id, body["endpoint"])]


def test_an_endpoint_moves_to_the_account_that_subscribes_it(app, auth_client, make_user,
                                                              push_service):
    body = push_service.new_device().subscription()
    auth_client.post("/api/push/subscriptions", json=body, headers=auth_client.csrf)
    other = make_user("helper")
    other_client = app.test_client()
    csrf = login(other_client, other)
    response = other_client.post("/api/push/subscriptions", json=body, headers=csrf)
    assert response.status_code == 200
    assert endpoints() == [(other.id, body["endpoint"])]


def test_known_push_services_are_accepted(auth_client, push_service):
    keys = push_service.new_device().subscription()["keys"]
    for endpoint in ("https://fcm.googleapis.com/fcm/send/abc:def",
                     "https://updates.push.services.mozilla.com/wpush/v2/gAAA",
                     "https://db5p.notify.windows.com/w/?token=BQYAAA",
                     "https://web.push.apple.com/QGuQyavXutnMH"):
        response = auth_client.post("/api/push/subscriptions", headers=auth_client.csrf,
                                    json={"endpoint": endpoint, "keys": keys})
        assert response.status_code == 201, (endpoint, response.get_json())


@pytest.mark.parametrize("endpoint", [
    "https://evil.example/push/1",
    "http://127.0.0.1:1/push/1",
    "file:///etc/passwd",
    "http://fcm.googleapis.com/fcm/send/abc",
    "https://fcm.googleapis.com:8443/fcm/send/abc",
    "https://fcm.googleapis.com.evil.example/fcm/send/abc",
    "https://fcm.googleapis.com@evil.example/fcm/send/abc",
    "https://notify.windows.com/w/",
    "not a url",
])
def test_other_hosts_are_refused(auth_client, push_service, endpoint):
    keys = push_service.new_device().subscription()["keys"]
    response = auth_client.post("/api/push/subscriptions", headers=auth_client.csrf,
                                json={"endpoint": endpoint, "keys": keys})
    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["endpoint"]
    assert endpoints() == []


def test_the_allowed_test_host_is_accepted_over_http(auth_client, push_service):
    body = push_service.new_device().subscription()
    assert body["endpoint"].startswith("http://127.0.0.1:")
    response = auth_client.post("/api/push/subscriptions", json=body, headers=auth_client.csrf)
    assert response.status_code == 201


def test_listed_non_loopback_hosts_still_need_https(app, auth_client, push_service,
                                                    monkeypatch):
    monkeypatch.setitem(app.config, "PUSH_ALLOWED_HOSTS", ["push.example.org:80"])
    keys = push_service.new_device().subscription()["keys"]
    response = auth_client.post("/api/push/subscriptions", headers=auth_client.csrf,
                                json={"endpoint": "http://push.example.org/x", "keys": keys})
    assert response.status_code == 422


@pytest.mark.parametrize(("keys", "field"), [
    ({"p256dh": b64(b"\x04" + b"\x01" * 64)}, "p256dh"),  # not a point on the curve
    ({"p256dh": b64(b"\x04" + b"\x01" * 10)}, "p256dh"),  # too short
    ({"p256dh": "not base64!"}, "p256dh"),
    ({"auth": b64(b"\x01" * 15)}, "auth"),
    ({"auth": b64(b"\x01" * 17)}, "auth"),
])
def test_keys_are_validated(auth_client, push_service, keys, field):
    body = push_service.new_device().subscription()
    body["keys"].update(keys)
    response = auth_client.post("/api/push/subscriptions", json=body, headers=auth_client.csrf)
    assert response.status_code == 422
    assert list(response.get_json()["errors"]["keys"]) == [field]
    assert endpoints() == []


def test_missing_keys_are_422(auth_client, push_service):
    body = push_service.new_device().subscription()
    del body["keys"]["auth"]
    response = auth_client.post("/api/push/subscriptions", json=body, headers=auth_client.csrf)
    assert response.status_code == 422


def test_unsubscribe_deletes_only_this_device_of_this_user(app, auth_client, make_user,
                                                           push_service):
    mine, theirs = (push_service.new_device().subscription() for _ in range(2))
    auth_client.post("/api/push/subscriptions", json=mine, headers=auth_client.csrf)
    other_client = app.test_client()
    csrf = login(other_client, make_user())
    other_client.post("/api/push/subscriptions", json=theirs, headers=csrf)

    response = auth_client.delete("/api/push/subscriptions", headers=auth_client.csrf,
                                  json={"endpoint": theirs["endpoint"]})
    assert response.status_code == 404
    response = auth_client.delete("/api/push/subscriptions", headers=auth_client.csrf,
                                  json={"endpoint": mine["endpoint"]})
    assert response.status_code == 204
    assert [e for _, e in endpoints()] == [theirs["endpoint"]]


ALL_ON = {"dossier": True, "tasks": True, "recovery": True, "helpers": True, "account": True}
DEFAULTS = {"kinds": ALL_ON,
            "quiet_hours": {"start": "21:00", "end": "08:00"}, "detailed": False,
            "timezone": "Europe/Amsterdam"}


def test_preferences_default_to_everything_on_discreet_with_quiet_nights(auth_client):
    response = auth_client.get("/api/push/preferences")
    assert response.status_code == 200
    assert response.get_json() == DEFAULTS


def test_preferences_can_be_changed(auth_client):
    wanted = {"kinds": {**ALL_ON, "tasks": False},
              "quiet_hours": {"start": "22:30", "end": "07:15"}, "detailed": True}
    response = auth_client.put("/api/push/preferences", json=wanted, headers=auth_client.csrf)
    assert response.status_code == 200
    assert response.get_json() == {**wanted, "timezone": "Europe/Amsterdam"}
    assert auth_client.get("/api/push/preferences").get_json() == response.get_json()

    none = {**wanted, "quiet_hours": None, "kinds": {"tasks": True}, "timezone": "Europe/London"}
    response = auth_client.put("/api/push/preferences", json=none, headers=auth_client.csrf)
    assert response.get_json() == {**none, "kinds": ALL_ON}


@pytest.mark.parametrize(("change", "field"), [
    ({"kinds": {"crime": True}}, "kinds"),
    ({"quiet_hours": {"start": "25:00", "end": "08:00"}}, "quiet_hours"),
    ({"quiet_hours": {"start": "21:00"}}, "quiet_hours"),
    ({"detailed": "yes please"}, "detailed"),
    ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
])
def test_wrong_preferences_are_422(auth_client, change, field):
    body = {**{k: v for k, v in DEFAULTS.items() if k != "timezone"}, **change}
    response = auth_client.put("/api/push/preferences", json=body, headers=auth_client.csrf)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]
    assert auth_client.get("/api/push/preferences").get_json() == DEFAULTS


def test_logout_removes_this_devices_subscription_on_the_server(app, make_user, push_service):
    user = make_user()
    phone, laptop = app.test_client(), app.test_client()
    phone_csrf, laptop_csrf = login(phone, user), login(laptop, user)
    on_phone, on_laptop = (push_service.new_device().subscription() for _ in range(2))
    assert phone.post("/api/push/subscriptions", json=on_phone,
                      headers=phone_csrf).status_code == 201
    assert laptop.post("/api/push/subscriptions", json=on_laptop,
                       headers=laptop_csrf).status_code == 201

    # The phone logs out without having deleted its subscription itself (e.g. it was offline
    # a moment ago): the server removes it with the login; the laptop keeps its own.
    assert phone.post("/api/auth/logout", headers=phone_csrf).status_code == 204
    assert [e for _, e in endpoints()] == [on_laptop["endpoint"]]
