"""Test data, made the way the app's users make it: through the real API where there is one.

Every helper that more than one test module needs lives here (fixtures live in conftest.py);
test modules import from here and never from each other. Helpers are named after the domain.

- app:      `ON_POSTGRES`, `make_settings`, `reset_schema`, `fresh_app`
- accounts: `DEFAULT_PASSWORD`, `login`, `make_client`, `assert_error`
- logbook:  `WHEN`, `FEELING`, `DAMAGE`, `STALKING`, `make_logbook`, `make_entry`, `gps_jpeg`,
            `upload_photo`, `logbook_events`
- dossier:  `DOSSIER_LABEL`, `DOSSIER_MARKER`, `make_dossier`, `make_dossier_event`,
            `make_dossier_task`, `link_dossier`
- sync:     `sync_mutation`, `logbook_upsert`, `entry_upsert`, `post_sync`, `sync`
- push:     `make_subscription`, `discreet_payload`
- database: `raw_sql`, `raw_rows`
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from flask import Flask, g
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import text

from api import create_app
from api.cli import alembic_config
from api.db import Base, db

# -- app -------------------------------------------------------------------------------------

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


def fresh_keystore(app: Flask, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty key store for one test (the session's holds keys wrapped by its own master
    key, made in other tests for user ids that get reused after each rollback)."""
    from api import keystore

    state = Flask("keystore")
    state.config["KEYSTORE_URL"] = f"sqlite:///{folder / 'keystore.sqlite3'}"
    keystore.init_app(state)
    monkeypatch.setitem(app.extensions, "houvast_keystore", state.extensions["houvast_keystore"])
    g.pop("houvast_data_keys", None)


def reset_schema(app: Flask) -> None:
    """Drop everything and migrate from nothing to head."""
    with app.app_context():
        engine = db.engine
        import api.domains  # noqa: F401

        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            else:
                Base.metadata.drop_all(conn)
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        command.upgrade(alembic_config(), "heads")


@contextmanager
def fresh_app(app: Flask, **settings: object) -> Iterator[Flask]:
    """Another app on this test's database connection (the limiter is global: restored)."""
    from api.extensions import limiter

    saved = dict(limiter.__dict__)
    url = app.config["DATABASE_URL"]
    other = create_app(make_settings(Path(app.instance_path), DATABASE_URL=url, **settings))
    other.extensions["houvast_db"].connection = app.extensions["houvast_db"].connection
    try:
        yield other
    finally:
        limiter.reset()
        limiter.__dict__.update(saved)
        other.extensions["houvast_db"].engine.dispose()


# -- accounts --------------------------------------------------------------------------------

DEFAULT_PASSWORD = "a calm walk by the river"
ERROR_KEYS = {"code", "status", "message"}


def login(client: FlaskClient, user, password: str = DEFAULT_PASSWORD) -> dict[str, str]:
    """Log `client` in as `user` through the real API; returns the CSRF header for writes."""
    response = client.post("/api/auth/login", json={"username": user.username,
                                                    "password": password})
    assert response.status_code == 200, response.get_json()
    cookie = client.get_cookie("csrf_access_token")
    assert cookie is not None
    return {"X-CSRF-TOKEN": cookie.value}


def make_client(app: Flask, user) -> FlaskClient:
    """A test client of `app` logged in as `user`; `.csrf` holds the CSRF header, `.user` the
    user. Every call is a device of its own (its own session)."""
    test_client = app.test_client()
    test_client.csrf = login(test_client, user)  # type: ignore[attr-defined]
    test_client.user = user  # type: ignore[attr-defined]
    return test_client


def assert_error(response, code: int) -> dict:
    """`response` is an error `code` in the one JSON error shape; returns its body."""
    body = response.get_json()
    assert response.status_code == code, body
    assert ERROR_KEYS <= set(body) <= ERROR_KEYS | {"errors"}
    assert body["code"] == code and body["message"]
    return body


# -- logbook ---------------------------------------------------------------------------------

WHEN = "2026-11-20T09:30:00+00:00"
FEELING = {"feeling": 2, "sleep": 4, "what_happened": "Slecht geslapen", "what_helped": "Thee"}
DAMAGE = {"category": "medical", "amount_cents": 12345, "reimbursed": True,
          "reimbursed_cents": 2345, "reimbursed_by": "insurer", "description": "Bril"}
STALKING = {"what": ["followed", "messages"], "where": "street", "witnesses": True,
            "reported": True, "report_number": "pl0900-2026123456", "feeling": 2}


def make_logbook(client, type_="wellbeing", title="Mijn logboek") -> dict:
    """POST /api/logbooks as `client`; the created logbook."""
    response = client.post("/api/logbooks", json={"type": type_, "title": title},
                           headers=client.csrf)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def make_entry(client, logbook_id, answers=None, note=None, when=WHEN, **extra) -> dict:
    """POST an entry (FEELING answers unless given) to the logbook; the created entry."""
    body = {"occurred_at": when, "answers": answers or FEELING, "note": note, **extra}
    response = client.post(f"/api/logbooks/{logbook_id}/entries", json=body,
                           headers=client.csrf)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def gps_jpeg(size=(800, 600)) -> bytes:
    """A JPEG with a camera make and a GPS position in its EXIF, as phones make them."""
    img = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (52.0, 22.0, 1.0)
    gps[3], gps[4] = "E", (4.0, 53.0, 2.0)
    out = BytesIO()
    img.save(out, "JPEG", exif=exif)
    data = out.getvalue()
    assert Image.open(BytesIO(data)).getexif().get_ifd(0x8825)  # the fixture really has GPS
    return data


def upload_photo(client, entry_id, data: bytes, name="photo.jpg", keep_original=None):
    """POST a photo to the entry; the response (not checked: some tests expect a refusal)."""
    form = {"file": (BytesIO(data), name)}
    if keep_original is not None:
        form["keep_original"] = "true" if keep_original else "false"
    return client.post(f"/api/entries/{entry_id}/photos", data=form,
                       content_type="multipart/form-data", headers=client.csrf)


def logbook_events(logbook_id: str) -> list:
    """The logbook's chain events as stored now, in sequence order."""
    from api.logbook.models import LogbookEvent

    db.session.expire_all()
    return (db.session.query(LogbookEvent).filter_by(logbook_id=uuid.UUID(logbook_id))
            .order_by(LogbookEvent.seq).all())


# -- dossier ---------------------------------------------------------------------------------

DOSSIER_MARKER = "Aangifte-7f3c-geheim"  # in every text staff write: must never be stored plain
DOSSIER_LABEL = "Mevrouw Jansen-label-91b2"  # staff's own label: never shown to the client


def make_dossier(staff, **extra) -> dict:
    """POST /api/staff/dossiers as the `staff` client; the dossier with its invite code."""
    response = staff.post("/api/staff/dossiers", json={"label": DOSSIER_LABEL, **extra},
                          headers=staff.csrf)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def make_dossier_event(staff, dossier_id, **extra) -> dict:
    body = {"kind": "from_police", "title": f"{DOSSIER_MARKER} title",
            "body": f"{DOSSIER_MARKER} body", "occurred_at": "2026-11-01T10:00:00+01:00",
            **extra}
    response = staff.post(f"/api/staff/dossiers/{dossier_id}/events", json=body,
                          headers=staff.csrf)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def make_dossier_task(staff, dossier_id, **extra) -> dict:
    body = {"title": f"{DOSSIER_MARKER} task", "explanation": f"{DOSSIER_MARKER} why", **extra}
    response = staff.post(f"/api/staff/dossiers/{dossier_id}/tasks", json=body,
                          headers=staff.csrf)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def link_dossier(client, code: str):
    """The client enters an invite code; the response (not checked)."""
    return client.post("/api/dossier/link", json={"code": code}, headers=client.csrf)


# -- sync ------------------------------------------------------------------------------------


def sync_mutation(entity: str, record_id, data: dict | None = None, *, op: str = "upsert",
                  base: int | None = None) -> dict:
    """One mutation as a device's outbox holds it, with a new mutation id."""
    return {"mutation_id": str(uuid.uuid4()), "entity": entity, "op": op,
            "id": str(record_id), "base_version": base, "data": data}


def logbook_upsert(id_=None, title="Mijn logboek", base=None) -> dict:
    return sync_mutation("logbook", id_ or uuid.uuid4(), {"type": "wellbeing", "title": title},
                         base=base)


def entry_upsert(logbook_id, id_=None, answers=None, base=None) -> dict:
    data = {"logbook_id": str(logbook_id), "occurred_at": WHEN, "answers": answers or FEELING}
    return sync_mutation("logbook_entry", id_ or uuid.uuid4(), data, base=base)


def post_sync(client, mutations: Iterable[dict] = (), cursor: str | None = None,
              client_id: str = "phone"):
    """POST /api/sync as `client`; the response (not checked)."""
    return client.post("/api/sync", json={"client_id": client_id, "cursor": cursor,
                                          "mutations": list(mutations)}, headers=client.csrf)


def sync(client, mutations: Iterable[dict] = (), cursor: str | None = None,
         client_id: str = "phone") -> dict:
    """POST /api/sync as `client`, expecting 200; the answer."""
    response = post_sync(client, mutations, cursor, client_id)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


# -- push ------------------------------------------------------------------------------------


def make_subscription(user, device) -> Any:
    """Subscribe `device` (a tests.pushservice device) for `user` through the service."""
    from api.notifications import service

    keys = device.subscription()["keys"]
    sub, _ = service.subscribe(user.id, device.endpoint, keys["p256dh"], keys["auth"])
    return sub


def discreet_payload(kind: str = "dossier", view: str = "/dossier",
                     topic: str | None = None) -> dict:
    """The push payload a device receives when the person did not ask for details."""
    from push.payload import DISCREET_BODY, DISCREET_TITLE

    return {"title": DISCREET_TITLE, "body": DISCREET_BODY, "view": view,
            "topic": topic or kind, "kind": kind}


# -- database --------------------------------------------------------------------------------


def raw_sql(sql: str, **params) -> None:
    """Change stored bytes behind the ORM's back, as an attacker with database access could."""
    db.session.execute(text(sql), params)
    db.session.commit()
    db.session.expire_all()


def raw_rows(table: str) -> bytes:
    """Every value of every row of `table`, as the database returns it."""
    out = b""
    for row in db.session.execute(text(f"SELECT * FROM {table}")):  # noqa: S608
        for value in row:
            out += bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
    return out
