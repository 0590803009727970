"""Encryption at rest and quiet logs: no answer, note or title in the database file, the
media folder or the logs; ciphertexts moved between rows do not decrypt (and are no 500)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import text

from api import create_app
from api.db import db
from tests.factories import (
    DEFAULT_PASSWORD,
    ON_POSTGRES,
    gps_jpeg,
    logbook_events,
    make_client,
    make_entry,
    make_logbook,
    make_settings,
    raw_sql,
    reset_schema,
    upload_photo,
)

MARKER = "ZEBRA-7731-GEHEIM"


def write_marker(client) -> dict:
    logbook = make_logbook(client, "wellbeing", f"titel {MARKER}")
    entry = make_entry(client, logbook["id"], {"feeling": 3, "what_happened": MARKER},
                      note=f"notitie {MARKER}")
    client.patch(f"/api/entries/{entry['id']}", json={"note": f"nieuw {MARKER}"},
                 headers=client.csrf)
    assert upload_photo(client, entry["id"], gps_jpeg(), keep_original=True).status_code == 201
    return entry


def media_bytes(app) -> bytes:
    return b"".join(p.read_bytes() for p in Path(app.config["MEDIA_DIR"]).rglob("*")
                    if p.is_file())


@pytest.mark.skipif(ON_POSTGRES, reason="reads the SQLite file; PostgreSQL: next test")
def test_marker_is_not_in_the_sqlite_file_nor_the_media_folder(tmp_path, make_user_free_app):
    app, client = make_user_free_app
    write_marker(client)
    files = [p for p in tmp_path.rglob("test.sqlite3*") if p.is_file()]
    stored = b"".join(p.read_bytes() for p in files)
    assert client.user.username.encode() in stored  # committed data really is in these bytes
    assert MARKER.encode() not in stored
    media = media_bytes(app)
    assert media and MARKER.encode() not in media
    assert gps_jpeg()[200:264] not in media  # the kept original is ciphertext too


@pytest.fixture
def make_user_free_app(tmp_path):
    """An app of its own on a fresh SQLite file, committing for real (not rolled back)."""
    app = create_app(make_settings(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'test.sqlite3'}",
                                   HOUVAST_MEDIA_DIR=str(tmp_path / "media"),
                                   MEDIA_DIR=str(tmp_path / "media")))
    reset_schema(app)
    with app.app_context():
        from api.auth import service

        user = service.create_user("marker-client", DEFAULT_PASSWORD, "client",
                                   terms_version="test")
        db.session.commit()
        yield app, make_client(app, user)
        db.session.remove()
    app.extensions["houvast_db"].engine.dispose()


def test_marker_is_not_in_any_raw_column(app, auth_client):
    write_marker(auth_client)
    db.session.commit()
    for table in ("logbooks", "logbook_entries", "logbook_events", "logbook_photos"):
        rows = db.session.execute(text(f"SELECT * FROM {table}")).all()  # noqa: S608
        assert rows
        for row in rows:
            for value in row:
                raw = value if isinstance(value, bytes | memoryview) else str(value).encode()
                assert MARKER.encode() not in bytes(raw), table
    assert MARKER.encode() not in media_bytes(app)


def test_swapped_ciphertexts_do_not_decrypt_and_are_shown_as_damaged(auth_client):
    logbook = make_logbook(auth_client)
    one = make_entry(auth_client, logbook["id"], note="een")
    two = make_entry(auth_client, logbook["id"], note="twee")
    (id1, c1), (id2, c2) = [(e.id, e.content) for e in logbook_events(logbook["id"])]
    raw_sql("UPDATE logbook_events SET content = :c WHERE id = :id", c=c2, id=id1)
    raw_sql("UPDATE logbook_events SET content = :c WHERE id = :id", c=c1, id=id2)
    for entry in (one, two):
        response = auth_client.get(f"/api/entries/{entry['id']}")
        assert response.status_code == 200
        body = response.get_json()
        assert body["damaged"] is True and body["note"] is None
        assert body["revisions"][0]["damaged"] is True
    check = auth_client.get(f"/api/logbooks/{logbook['id']}/verify").get_json()
    assert check["intact"] is False
    assert all(p["problem"] == "the stored content is damaged" for p in check["problems"])
    listed = auth_client.get(f"/api/logbooks/{logbook['id']}/entries").get_json()
    assert [e["damaged"] for e in listed] == [True, True]
    pdf = auth_client.get(f"/api/logbooks/{logbook['id']}/export.pdf")
    assert pdf.status_code == 200
    pdf.close()


def test_swapped_titles_are_damaged_not_an_error(auth_client):
    a, b = make_logbook(auth_client, title="A"), make_logbook(auth_client, title="B")
    rows = dict(db.session.execute(text("SELECT id, title FROM logbooks")).all())
    raw_sql("UPDATE logbooks SET title = :t WHERE id = :id", t=rows[b["id"]], id=a["id"])
    body = auth_client.get(f"/api/logbooks/{a['id']}").get_json()
    assert body["damaged"] is True and body["title"] is None


def test_logs_never_contain_answers_or_notes(auth_client, caplog):
    canary = "KANARIE-5519"
    caplog.set_level(logging.DEBUG)
    logbook = make_logbook(auth_client, "stalking", f"t {canary}")
    entry = make_entry(auth_client, logbook["id"], {
        "what": ["calls"], "where": "home", "witnesses": False, "reported": False,
        "feeling": 1, "details": canary}, note=canary)
    auth_client.patch(f"/api/entries/{entry['id']}", json={"note": f"2 {canary}"},
                      headers=auth_client.csrf)
    bad = auth_client.patch(f"/api/entries/{entry['id']}",
                            json={"answers": {"feeling": canary}}, headers=auth_client.csrf)
    assert bad.status_code == 422
    export = auth_client.get(f"/api/logbooks/{logbook['id']}/export.pdf")
    assert export.status_code == 200
    export.close()
    assert auth_client.get(f"/api/logbooks/{logbook['id']}/verify").status_code == 200
    assert caplog.records  # something was logged, and none of it is content
    assert canary not in caplog.text
    assert all(canary not in str(r.args) for r in caplog.records)


def test_key_rotation_re_encrypts_titles_and_content_and_keeps_the_chain(app, auth_client,
                                                                         monkeypatch):
    """Moved under a new master key (as before account keys) and back to the account's key:
    readable all the way, and the hash chain still holds."""
    from api import crypto
    from api.config import new_data_key, parse_data_keys
    from api.keys_cli import rotate_column
    from api.logbook.models import Logbook, LogbookEvent

    logbook = make_logbook(auth_client, title="Voor de wissel")
    entry = make_entry(auth_client, logbook["id"], note="blijft leesbaar")
    assert all(crypto.is_account_sealed(e.content) for e in logbook_events(logbook["id"]))
    keys = dict(app.config["DATA_KEYS"])
    keys.update(parse_data_keys(f"rotated:{new_data_key()}"))
    monkeypatch.setitem(app.config, "DATA_KEYS", keys)
    ours = [c for c in crypto.encrypted_columns() if c.model in (Logbook, LogbookEvent)]
    assert {c.column for c in ours} == {"title", "content"}
    for to_master, sealed_by in ((True, {"rotated"}), (False, {"account"})):
        assert all(rotate_column(c, to_master=to_master).failed == 0 for c in ours)
        db.session.expire_all()
        assert {"account" if crypto.is_account_sealed(e.content) else crypto.key_id(e.content)
                for e in logbook_events(logbook["id"])} == sealed_by
        assert auth_client.get(f"/api/entries/{entry['id']}").get_json()["note"] == \
            "blijft leesbaar"
        assert auth_client.get(f"/api/logbooks/{logbook['id']}").get_json()["title"] == \
            "Voor de wissel"
        assert auth_client.get(f"/api/logbooks/{logbook['id']}/verify").get_json()["intact"]
