"""Download al mijn gegevens: POST /api/me/export makes a ZIP of everything that is the
person's (every kind of record, each logbook's PDF, the photos, the scored self-tests, the
rights, what a helper wrote), sealed at rest in chunks; GET …/zip gives it once, then it is
wiped. Nothing of another account is in it, also not of the people on the other side of a
help link."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from flask import Flask

from api import crypto
from api.auth.models import User
from api.db import db
from api.export import service
from api.storage import blob_store
from api.sync import registry
from tests import pushservice
from tests.factories import (
    DEFAULT_PASSWORD,
    assert_error,
    gps_jpeg,
    make_client,
    make_dossier_event,
    make_entry,
    make_logbook,
    upload_photo,
)
from tests.test_erasure import WORDS, fill_account
from tests.test_task_sharing import help_with, share

push_service = pushservice.push_service  # a fixture

ELSEWHERE = "Iets van iemand anders dat hier niet hoort"


def start(client, password: str = DEFAULT_PASSWORD, **body):
    return client.post("/api/me/export", json={"password": password, **body},
                       headers=client.csrf)


def exported(client, **body) -> dict[str, bytes]:
    """Start the export (made at once under test), download it -> {path: bytes}."""
    response = start(client, **body)
    assert response.status_code == 202, response.get_json()
    assert response.get_json()["state"] == "ready"
    download = client.get("/api/me/export/zip")
    assert download.status_code == 200
    assert download.mimetype == "application/zip"
    assert download.headers["Cache-Control"] == "no-store"
    assert "mijn-gegevens-" in download.headers["Content-Disposition"]
    data = download.get_data()
    assert int(download.headers["Content-Length"]) == len(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name.removeprefix("mijn-gegevens/"): archive.read(name)
                for name in archive.namelist()}


def everything(files: dict[str, bytes]) -> str:
    return "\n".join(data.decode("utf-8", "replace") for data in files.values())


@pytest.fixture
def helper(app, make_user):
    return make_client(app, make_user("helper"))


def test_the_zip_holds_every_kind_of_record_of_the_person_and_nothing_of_another(
    app: Flask, auth_client, other_client, helper, staff, linked, push_service, monkeypatch
) -> None:
    monkeypatch.setattr(service, "CHUNK", 64 * 1024)  # several chunks, as a large account has
    user_id, username = auth_client.user.id, auth_client.user.username
    other_name, helper_name = other_client.user.username, helper.user.username
    ids = fill_account(auth_client, helper, push_service)
    entry = make_entry(auth_client, ids["logbook"], note="Tweede notitie")
    kept = upload_photo(auth_client, entry["id"], gps_jpeg(), keep_original=True).get_json()
    make_dossier_event(staff, linked["id"])
    theirs = make_logbook(other_client, title=ELSEWHERE)
    make_entry(other_client, theirs["id"], note=ELSEWHERE)

    files = exported(auth_client, lang="en")

    folder = f"logbooks/{ids['logbook']}"
    assert {"account.json", "notifications.json", "manifest.json", "README.txt",
            f"{folder}/logbook.pdf", f"{folder}/entries.json", f"{folder}/photos/{kept['id']}.jpg",
            "recovery/results.json", "recovery/summary.pdf", "rights/rights.json"} <= set(files)
    assert f"{folder}/photos/{kept['id']}-original.jpg" in files
    assert files[f"{folder}/photos/{kept['id']}-original.jpg"] == gps_jpeg()  # as it was sent
    assert files[f"{folder}/logbook.pdf"].startswith(b"%PDF")
    # Every kind of synced record the person has, as the app itself reads it.
    user = db.session.get(User, user_id)
    own = {name for name, entity in registry.entities().items()
           if list((entity.own_ids or entity.list_ids)(user))}
    assert {"logbook", "logbook_entry", "recovery_test", "rights_situation", "task",
            "training_progress", "help_message", "helper", "dossier", "dossier_event"} <= own
    assert {f"records/{name}.json" for name in own} <= set(files)
    entries = json.loads(files["records/logbook_entry.json"])
    assert {e["note"] for e in entries} == {WORDS, "Tweede notitie"}
    history = json.loads(files[f"{folder}/entries.json"])
    assert [len(e["revisions"]) for e in history] == [1, 1]
    results = json.loads(files["recovery/results.json"])
    assert len(results) == 1 and results[0]["scores"]
    account = json.loads(files["account.json"])
    assert account["username"] == username and account["sign_ins"]
    assert "password" not in json.dumps(account) and "recovery_hash" not in json.dumps(account)
    manifest = json.loads(files["manifest.json"])
    assert manifest["format"] == "houvast-export" and manifest["version"] == 1
    assert set(manifest["files"]) | {"manifest.json", "README.txt"} == set(files)
    text = everything(files)
    assert WORDS in text
    # Nothing of the other account, nor of the helper beyond the name the client gave them.
    assert ELSEWHERE not in text and other_name not in text and helper_name not in text


def test_it_is_sealed_at_rest_given_once_and_then_wiped(
    app: Flask, auth_client, monkeypatch
) -> None:
    monkeypatch.setattr(service, "CHUNK", 4096)
    user_id = auth_client.user.id
    book = make_logbook(auth_client, title=WORDS)
    for number in range(3):
        make_entry(auth_client, book["id"], note=f"{WORDS} {number}")
    assert start(auth_client).status_code == 202
    state = auth_client.get("/api/me/export").get_json()
    assert state["state"] == "ready" and state["size"] > 0 and state["expires_at"]
    chunks = sorted(blob_store().keys(f"{user_id}/export-"))
    assert len(chunks) > 1
    media = Path(app.config["MEDIA_DIR"])
    for key in chunks:
        raw = (media / key).read_bytes()
        assert crypto.is_account_sealed(raw) and b"PK" not in raw[:40]
    download = auth_client.get("/api/me/export/zip")
    assert download.status_code == 200 and download.get_data().startswith(b"PK")
    assert list(blob_store().keys(f"{user_id}/export-")) == []
    state = auth_client.get("/api/me/export").get_json()
    assert state["state"] == "downloaded" and state["downloaded_at"]
    assert_error(auth_client.get("/api/me/export/zip"), 404)


def test_starting_needs_the_password_and_the_right_kind_of_account(auth_client, staff) -> None:
    body = assert_error(start(auth_client, "not my password at all"), 422)
    assert body["errors"] == {"password": ["This is not your password."]}
    assert auth_client.get("/api/me/export").get_json() == {"state": "none"}
    assert_error(auth_client.get("/api/me/export/zip"), 404)
    assert_error(start(staff), 403)
    statuses = [start(auth_client, f"wrong password {n}").status_code for n in range(5)]
    assert statuses == [422] * 4 + [429]


def test_one_being_made_is_not_started_twice_and_can_be_wiped(auth_client) -> None:
    user_id = auth_client.user.id
    found, new = service.start(auth_client.user, "nl")
    assert new
    again, new = service.start(auth_client.user, "nl")
    assert not new and again.token == found.token
    assert auth_client.get("/api/me/export").get_json()["state"] == "preparing"
    assert_error(auth_client.get("/api/me/export/zip"), 409)
    assert auth_client.delete("/api/me/export", headers=auth_client.csrf).status_code == 204
    assert auth_client.get("/api/me/export").get_json() == {"state": "none"}
    service.build(user_id, found.token)  # a build still running stops and leaves nothing
    assert list(blob_store().keys(f"{user_id}/export-")) == []


def test_a_helper_takes_along_what_they_wrote_not_what_the_client_shared(
    auth_client, helper
) -> None:
    from tests.test_helpers import linked_pair, set_message
    from tests.test_tasks import made

    client_name = auth_client.user.username
    linked_pair(auth_client, helper)
    set_message(auth_client, text=WORDS)
    task = made(auth_client, title=WORDS)
    share(auth_client, task["id"], shared_to_all=True)
    assert help_with(helper, task["id"], helping=True, note="Ik bel de advocaat").status_code == 200

    files = exported(helper)

    helping = json.loads(files["helping.json"])
    assert [t["note"] for t in helping[0]["tasks"]] == ["Ik bel de advocaat"]
    assert "LEESMIJ.txt" in files
    text = everything(files)
    assert WORDS not in text and client_name not in text
    assert not any(name.startswith("records/shared_") or name == "records/helping.json"
                   for name in files)


def test_erasing_the_account_wipes_a_ready_export(auth_client) -> None:
    user_id = auth_client.user.id
    make_logbook(auth_client, title=WORDS)
    assert start(auth_client).status_code == 202
    assert list(blob_store().keys(f"{user_id}/export-"))
    response = auth_client.delete("/api/me", json={"password": DEFAULT_PASSWORD},
                                  headers=auth_client.csrf)
    assert response.status_code == 204
    assert list(blob_store().keys(f"{user_id}/")) == []


def test_a_failure_says_failed_keeps_nothing_and_logs_no_content(
    auth_client, monkeypatch, caplog
) -> None:
    user_id = auth_client.user.id
    make_logbook(auth_client, title=WORDS)

    def broken(_user, _lang):
        yield "broken.json", {"fine": True}
        raise ValueError(WORDS)

    monkeypatch.setattr(service, "_parts", [*service._parts, broken])
    monkeypatch.setattr(service, "CHUNK", 1024)
    assert start(auth_client).get_json()["state"] == "failed"
    assert list(blob_store().keys(f"{user_id}/export-")) == []
    assert "ValueError" in caplog.text and WORDS not in caplog.text
    assert_error(auth_client.get("/api/me/export/zip"), 409)
    monkeypatch.setattr(service, "_parts", [p for p in service._parts if p is not broken])
    assert start(auth_client).get_json()["state"] == "ready"  # asking again works
