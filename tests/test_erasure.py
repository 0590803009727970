"""Verwijder mijn account: DELETE /api/me removes every row and photo of the person, tells the
people on the other side, and shreds their data key, so a copy of their data taken before
(a backup) no longer decrypts; another person's account is untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask, g
from sqlalchemy import String, Text, func, select

from api import crypto, keystore
from api.db import Base, db
from api.storage import blob_aad
from tests import pushservice
from tests.factories import (
    DEFAULT_PASSWORD,
    assert_error,
    gps_jpeg,
    make_client,
    make_entry,
    make_logbook,
    make_subscription,
    sync,
    upload_photo,
)
from tests.test_helpers import linked_pair, pulled, set_message
from tests.test_recovery_api import taken
from tests.test_rights_api import STALKING, answered
from tests.test_tasks import made
from tests.test_training import EXERCISE, MORNING, SECRET, STEP, progress

push_service = pushservice.push_service  # a fixture

WORDS = "De buurman stond weer bij mijn deur om drie uur 's nachts"


def erase(client, password: str = DEFAULT_PASSWORD):
    return client.delete("/api/me", json={"password": password}, headers=client.csrf)


def fill_account(client, helper, push) -> dict:
    """Something of the person in every domain; -> ids to look for afterwards."""
    book = make_logbook(client, title=WORDS)
    entry = make_entry(client, book["id"], note=WORDS)
    assert upload_photo(client, entry["id"], gps_jpeg()).status_code == 201
    taken(client)
    answered(client, **STALKING)
    made(client, title=WORDS)
    progress(client, {"steps": {STEP: {"done_at": MORNING, "at": MORNING,
                                       "answers": {EXERCISE: [SECRET]}}}})
    link_id = linked_pair(client, helper)
    set_message(client, text=WORDS)
    make_subscription(client.user, push.new_device())
    return {"logbook": book["id"], "link": link_id}


def user_columns() -> list:
    """Every column of every table that points at users.id."""
    return [column for table in Base.metadata.sorted_tables for column in table.columns
            for key in column.foreign_keys if key.column.table.name == "users"]


def rows_naming(user_id: int, username: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for column in user_columns():
        count = db.session.scalar(select(func.count()).select_from(column.table)
                                  .where(column == user_id))
        if count:
            found[f"{column.table.name}.{column.name}"] = count
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, String | Text) and not column.foreign_keys:
                count = db.session.scalar(select(func.count()).select_from(table)
                                          .where(column == username))
                if count:
                    found[f"{table.name}.{column.name}"] = count
    return found


@pytest.fixture
def helper(app, make_user):
    return make_client(app, make_user("helper"))


def test_erasure_removes_every_row_photo_and_key_and_tells_the_others(
    app: Flask, auth_client, other_client, helper, staff, linked, push_service
) -> None:
    user = auth_client.user
    user_id, username = user.id, user.username
    ids = fill_account(auth_client, helper, push_service)
    mine = make_logbook(other_client, title="Van iemand anders")
    media = Path(app.config["MEDIA_DIR"]) / str(user_id)
    assert any(media.iterdir())
    before = rows_naming(user_id, username)
    assert {"logbooks.owner_id", "helper_links.client_id", "dossiers.client_id",
            "push_subscriptions.user_id", "users.username"} <= set(before), before
    assert keystore.find(f"user:{user_id}") is not None
    _, helper_cursor = pulled(helper, "helping")

    response = erase(auth_client)

    assert response.status_code == 204
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert "access_token_cookie=;" in " ".join(response.headers.getlist("Set-Cookie"))
    db.session.expire_all()
    assert rows_naming(user_id, username) == {}
    assert not media.exists() or not any(media.rglob("*.bin"))
    assert keystore.find(f"user:{user_id}") is None
    # The helper's phone drops the client at its next sync.
    gone, _ = pulled(helper, "helping", helper_cursor)
    assert [(c["id"], c["deleted"]) for c in gone] == [(ids["link"], True)]
    assert helper.get("/api/helping").get_json() == []
    # The dossier stays with its staff member, without a client; staff can invite again.
    dossier = staff.get(f"/api/staff/dossiers/{linked['id']}").get_json()
    assert dossier["linked"] is False and dossier["linked_at"] is None and dossier["label"]
    # The account cannot be used again, by password or by the token it still holds.
    assert auth_client.get("/api/me").status_code == 401
    login = auth_client.post("/api/auth/login", json={"username": username,
                                                      "password": DEFAULT_PASSWORD})
    assert login.status_code == 401
    # Someone else's account is untouched.
    assert other_client.get(f"/api/logbooks/{mine['id']}").get_json()["title"] == (
        "Van iemand anders")


def backup_of(user_id: int) -> list[tuple[str, bytes, str]]:
    """What a backup of the data database holds of the person: every stored value of every
    registered encrypted column that is theirs, with the place it decrypts in."""
    import api.domains  # noqa: F401 (every domain's columns registered)

    copy = []
    for column in crypto.encrypted_columns():
        for row in db.session.scalars(select(column.model)):
            value, place = getattr(row, column.column), column.aad(row)
            if value is not None and crypto.owner_of_place(place) == f"user:{user_id}":
                copy.append((f"{column.model.__tablename__}.{column.column}", bytes(value), place))
    return copy


def test_a_copy_taken_before_the_erasure_no_longer_decrypts(
    app: Flask, auth_client, helper, push_service
) -> None:
    """A backup: every stored value of the person and a photo file, copied aside. With the
    master keys still configured and the key store as it is after, none of it decrypts."""
    user_id = auth_client.user.id
    fill_account(auth_client, helper, push_service)
    backup = backup_of(user_id)
    assert {"logbooks.title", "logbook_events.content", "recovery_tests.answers",
            "rights_situations.answers", "tasks.title", "training_records.data",
            "help_messages.text"} <= {name for name, _, _ in backup}
    media = Path(app.config["MEDIA_DIR"])
    blob_key = next((media / str(user_id)).rglob("*.bin")).relative_to(media).as_posix()
    backup.append(("photo", (media / blob_key).read_bytes(), blob_aad(blob_key, user_id)))
    for name, value, place in backup:
        assert crypto.is_account_sealed(value), name
        crypto.decrypt(value, place)

    assert erase(auth_client).status_code == 204

    g.pop("houvast_data_keys", None)  # what a fresh process knows: the key store as it is now
    for name, value, place in backup:
        with pytest.raises(crypto.DecryptionError):
            crypto.decrypt(value, place)
            pytest.fail(f"{name} still decrypts")


def test_a_wrong_password_deletes_nothing(auth_client) -> None:
    book = make_logbook(auth_client)
    body = assert_error(erase(auth_client, "not my password at all"), 422)
    assert body["errors"] == {"password": ["This is not your password."]}
    assert auth_client.get(f"/api/logbooks/{book['id']}").status_code == 200
    assert_error(auth_client.delete("/api/me", json={}, headers=auth_client.csrf), 422)
    # Without the CSRF header a page elsewhere cannot do it on the person's behalf.
    assert auth_client.delete("/api/me", json={"password": DEFAULT_PASSWORD}).status_code == 401
    assert auth_client.get("/api/me").status_code == 200


def test_guessing_the_password_is_rate_limited(auth_client) -> None:
    statuses = [erase(auth_client, f"wrong password {n}").status_code for n in range(6)]
    assert statuses == [422] * 5 + [429]


def test_a_helper_erases_their_account_and_the_client_sees_them_gone(
    app: Flask, auth_client, helper
) -> None:
    link_id = linked_pair(auth_client, helper)
    _, cursor = pulled(auth_client, "helper")
    assert erase(helper).status_code == 204
    gone, _ = pulled(auth_client, "helper", cursor)
    assert [(c["id"], c["deleted"]) for c in gone] == [(link_id, True)]
    assert auth_client.get("/api/helpers").get_json() == []
    sync(auth_client)  # the client's own sync still works


def test_staff_accounts_are_removed_by_the_organisation(staff) -> None:
    assert_error(erase(staff), 403)
    assert staff.get("/api/me").status_code == 200


def test_columns_named_after_users_are_foreign_keys() -> None:
    """The scan above finds a person's rows through their foreign keys; a new column holding
    a user id without one would escape it, and the cascade."""
    suspicious = [f"{table.name}.{column.name}" for table in Base.metadata.sorted_tables
                  for column in table.columns
                  if column.name in {"user_id", "owner_id", "client_id", "helper_id",
                                     "staff_id", "actor_id", "created_by", "suggested_by"}
                  and not column.foreign_keys]
    assert suspicious == [], "point these at users.id with ondelete"
