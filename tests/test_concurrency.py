"""One slow request never logs anybody out (issue 9, part 1).

On SQLite (the embedded default) a transaction that writes holds the database's write lock.
Reads must not wait for it (WAL mode, deferred read transactions), writes queue for it as long
as busy_timeout and then answer 503 with Retry-After, and a database error in the session check
is a 503 too, never the 401 that sends the person to the login screen.

The SQLite tests run against an app of their own with its own database file (the suite's app
shares one connection, in one transaction per test, with every request).
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from api import create_app
from api.auth import service as accounts
from api.db import db
from api.sync.changelog import Change
from tests.factories import (
    DEFAULT_PASSWORD,
    ON_POSTGRES,
    assert_error,
    make_client,
    make_entry,
    make_logbook,
    make_settings,
    post_sync,
    reset_schema,
)

BUSY_TIMEOUT = 1.5  # seconds a write waits for the lock in these tests (10 in production)
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="SQLite's database-wide write lock")


@pytest.fixture
def own_app(tmp_path: Path) -> Iterator[tuple[Flask, Path]]:
    from api.extensions import limiter

    saved = dict(limiter.__dict__)
    path = tmp_path / "concurrency.sqlite3"
    app = create_app(make_settings(tmp_path, DATABASE_URL=f"sqlite:///{path}",
                                   SQLITE_BUSY_TIMEOUT=BUSY_TIMEOUT))
    reset_schema(app)
    try:
        yield app, path
    finally:
        app.extensions["houvast_db"].engine.dispose()
        limiter.reset()
        limiter.__dict__.update(saved)


def _user(app: Flask, name: str):
    with app.app_context():
        user = accounts.create_user(name, DEFAULT_PASSWORD, "client", terms_version="test")
        db.session.commit()
        db.session.expunge(user)
        return user


class WriteLock:
    """Another connection holding SQLite's write lock: BEGIN IMMEDIATE and a write, open."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None, timeout=5,
                                          check_same_thread=False)

    def __enter__(self) -> WriteLock:
        self.connection.execute("BEGIN IMMEDIATE")
        self.connection.execute("UPDATE users SET role = role")  # a write, not only the lock
        return self

    def release(self) -> None:
        if self.connection.in_transaction:
            self.connection.execute("COMMIT")

    def __exit__(self, *_exc: object) -> None:
        self.release()
        self.connection.close()


def timed(call):
    started = time.perf_counter()
    response = call()
    return response, time.perf_counter() - started


@sqlite_only
def test_reads_answer_while_another_connection_holds_the_write_lock(own_app) -> None:
    app, path = own_app
    phone = make_client(app, _user(app, "reader"))
    other = app.test_client()
    with WriteLock(path):
        me, seconds = timed(lambda: phone.get("/api/me"))
        assert me.status_code == 200, me.get_json()
        assert seconds < BUSY_TIMEOUT / 2  # it did not queue behind the writer
        pull, seconds = timed(lambda: post_sync(phone))
        assert pull.status_code == 200, pull.get_json()
        assert seconds < BUSY_TIMEOUT / 2
        logbooks = phone.get("/api/logbooks")
        assert logbooks.status_code == 200
        # A wrong password needs no write either: a plain "not correct", at once.
        wrong, _ = timed(lambda: other.post("/api/auth/login", json={
            "username": "reader", "password": "not the right password"}))
        assert wrong.status_code == 401
        assert wrong.get_json()["message"] == "Username or password is not correct."


@sqlite_only
def test_a_due_activity_touch_is_skipped_rather_than_waited_for(own_app, monkeypatch) -> None:
    app, path = own_app
    phone = make_client(app, _user(app, "toucher"))
    later = accounts.clock() + accounts.TOUCH_INTERVAL + timedelta(seconds=5)
    monkeypatch.setattr(accounts, "clock", lambda: later)
    with WriteLock(path):
        me, seconds = timed(lambda: phone.get("/api/me"))
    assert me.status_code == 200, me.get_json()
    assert seconds < BUSY_TIMEOUT / 2
    me = phone.get("/api/me")  # the lock is gone: this one notes the activity
    assert me.status_code == 200
    with app.app_context():
        seen = db.session.scalars(select(accounts.AuthSession.last_seen_at)).all()
    assert later in seen


@sqlite_only
def test_a_write_waits_for_the_lock_and_then_succeeds(own_app) -> None:
    app, path = own_app
    user = _user(app, "writer")
    phone = make_client(app, user)
    logbook = make_logbook(phone)
    device = app.test_client()
    with WriteLock(path) as lock:
        threading.Timer(0.4, lock.release).start()
        login, seconds = timed(lambda: device.post("/api/auth/login", json={
            "username": "writer", "password": DEFAULT_PASSWORD}))
        assert login.status_code == 200, login.get_json()
        assert 0.3 < seconds < BUSY_TIMEOUT
    with WriteLock(path) as lock:
        threading.Timer(0.4, lock.release).start()
        entry = make_entry(phone, logbook["id"], note="written after the wait")
        assert entry["note"] == "written after the wait"


@sqlite_only
def test_a_write_that_cannot_get_the_lock_answers_503_not_401(own_app) -> None:
    app, path = own_app
    user = _user(app, "patient")
    phone = make_client(app, user)
    mutation = {"mutation_id": str(uuid.uuid4()), "entity": "logbook", "op": "upsert",
                "id": str(uuid.uuid4()), "base_version": None,
                "data": {"type": "wellbeing", "title": "Tijdens de drukte"}}
    with WriteLock(path):
        login = app.test_client().post("/api/auth/login", json={
            "username": "patient", "password": DEFAULT_PASSWORD})
        assert_error(login, 503)
        assert int(login.headers["Retry-After"]) > 0
        pushed = post_sync(phone, [mutation])
        assert_error(pushed, 503)
        assert int(pushed.headers["Retry-After"]) > 0
        assert phone.get("/api/me").status_code == 200  # still logged in
    # Nothing was consumed: the same mutation is applied once the database is free.
    answer = post_sync(phone, [mutation])
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["results"][0]["status"] == "applied"


@sqlite_only
def test_writers_of_one_owner_queue_without_deadlock_or_database_is_locked(own_app) -> None:
    """Requests that read first and then write (every write does: the session check and the
    user lookup come first) become writers one at a time; none fails."""
    app, _ = own_app
    user = _user(app, "busy")
    phones = [make_client(app, user) for _ in range(3)]
    logbook = make_logbook(phones[0])
    statuses: list[int] = []
    reads: list[int] = []

    def write(phone) -> None:
        for i in range(6):
            response = phone.post(f"/api/logbooks/{logbook['id']}/entries", json={
                "occurred_at": "2026-11-20T10:00:00Z", "answers": {"feeling": 5},
                "note": f"{i}"}, headers=phone.csrf)
            statuses.append(response.status_code)

    def read(phone) -> None:
        for _ in range(12):
            reads.append(phone.get(f"/api/logbooks/{logbook['id']}/entries").status_code)

    threads = [threading.Thread(target=write, args=(p,)) for p in phones]
    threads.append(threading.Thread(target=read, args=(phones[0],)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert statuses == [201] * 18
    assert set(reads) == {200}
    entries = phones[2].get(f"/api/logbooks/{logbook['id']}/entries").get_json()
    assert len(entries) == 18
    with app.app_context():  # the change log numbers every write once, without a gap
        seqs = db.session.scalars(select(Change.seq).where(Change.owner_id == user.id)
                                  .order_by(Change.seq)).all()
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) >= 19


@sqlite_only
def test_the_pdf_is_rendered_outside_any_transaction(own_app, monkeypatch) -> None:
    from api.logbook import pdf

    app, path = own_app
    phone = make_client(app, _user(app, "exporter"))
    logbook = make_logbook(phone)
    make_entry(phone, logbook["id"], note="x" * 3000)
    render, seen = pdf.render, []

    def watched(*args, **kwargs):
        seen.append(db.session().in_transaction())
        with WriteLock(path):  # another writer gets the lock at once meanwhile
            pass
        return render(*args, **kwargs)

    monkeypatch.setattr(pdf, "render", watched)
    response = phone.get(f"/api/logbooks/{logbook['id']}/export.pdf")
    assert response.status_code == 200
    assert seen == [False]


# -- a database error in the session check: 503, on every database -------------------------


def _broken(*_args, **_kwargs):
    raise OperationalError("SELECT auth_sessions", {}, Exception("database is locked"))


@pytest.mark.parametrize("check", ["check_access", "check_refresh"])
def test_a_database_error_in_the_session_check_is_503_with_retry_after(
        auth_client, monkeypatch, check) -> None:
    monkeypatch.setattr(accounts, check, _broken)
    if check == "check_access":
        response = auth_client.get("/api/me")
    else:
        csrf = auth_client.get_cookie("csrf_refresh_token").value
        response = auth_client.post("/api/auth/refresh", headers={"X-CSRF-TOKEN": csrf})
    body = assert_error(response, 503)
    assert int(response.headers["Retry-After"]) > 0
    assert "log in" not in body["message"].lower()
    monkeypatch.undo()
    assert auth_client.get("/api/me").status_code == 200  # the session did not end


def test_a_database_error_at_login_is_503(client, client_user, monkeypatch) -> None:
    monkeypatch.setattr(accounts, "authenticate", _broken)
    response = client.post("/api/auth/login", json={"username": client_user.username,
                                                    "password": DEFAULT_PASSWORD})
    assert_error(response, 503)
    assert int(response.headers["Retry-After"]) > 0


def test_a_token_without_a_session_id_is_still_401(app, client_user) -> None:
    from flask_jwt_extended import create_access_token

    with app.test_request_context():
        token = create_access_token(identity=client_user)  # no `sid`: not one of ours
    response = app.test_client().get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert_error(response, 401)
