"""`flask keys new` / `flask keys rotate` with real keys, a real blob folder and the database."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select, update

from api import crypto, keystore
from api.config import parse_data_keys
from api.db import db
from api.storage import (
    FileBlobStore,
    blob_aad,
    blob_store,
    get_encrypted,
    new_key,
    put_encrypted,
)
from tests.factories import fresh_keystore

MARKER = b"verklaring-politie-3391"
OLD, NEW = os.urandom(32), os.urandom(32)


@pytest.fixture
def old_key(app: Flask, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    """The app with only the "old" key and an empty blob folder of its own."""
    monkeypatch.setitem(app.config, "DATA_KEYS", {"old": OLD})
    monkeypatch.setitem(app.extensions, "houvast_blob_store", FileBlobStore(tmp_path / "media"))
    fresh_keystore(app, tmp_path, monkeypatch)
    return app


def add_new_key(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.config, "DATA_KEYS", {"old": OLD, "new": NEW})


def rotate(app: Flask, *extra: str) -> tuple[int, str]:
    result = app.test_cli_runner().invoke(args=["keys", "rotate", "--batch-size", "2", *extra])
    return result.exit_code, result.output


def test_keys_new_prints_a_key_the_configuration_accepts(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["keys", "new"])
    assert result.exit_code == 0
    line = result.output.strip()
    (kid, key), = parse_data_keys(line).items()
    assert line.startswith(f"{kid}:") and len(key) == 32
    again = app.test_cli_runner().invoke(args=["keys", "new"]).output.strip()
    assert again != line


def test_help_explains_the_procedure(app: Flask) -> None:
    output = app.test_cli_runner().invoke(args=["keys", "--help"]).output
    assert "LAST" in output and "keys rotate" in output and "remove the old key" in output


def legacy(place: str) -> str:
    """The same place without an owner: sealed by a master key, as before account keys."""
    return str(place)


def sealed_by(ciphertext: bytes) -> str:
    return "account" if crypto.is_account_sealed(ciphertext) else crypto.key_id(ciphertext)


def test_rotate_moves_every_blob_to_its_owners_key_and_back(
    old_key: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    owners = [uuid.uuid4(), uuid.uuid4()]
    blobs = {new_key(owner): (owner, MARKER + bytes([i])) for i, owner in
             enumerate([owners[0], owners[0], owners[1]])}
    for key, (owner, data) in blobs.items():  # written before account keys
        blob_store().put(key, crypto.encrypt(data, legacy(blob_aad(key, owner))))
    add_new_key(old_key, monkeypatch)
    fresh = new_key(owners[1])
    put_encrypted(fresh, owners[1], MARKER)
    blobs[fresh] = (owners[1], MARKER)
    assert sorted(sealed_by(blob_store().get(k)) for k in blobs) == [
        "account", "old", "old", "old"]

    code, output = rotate(old_key)
    assert code == 0, output
    assert "newest key: new" in output
    assert "blobs: 3 re-encrypted, 1 already current, 0 failed" in output
    assert MARKER.decode() not in output
    assert {sealed_by(blob_store().get(k)) for k in blobs} == {"account"}

    # Resumable and idempotent: a second run finds nothing to do.
    code, output = rotate(old_key)
    assert code == 0 and "blobs: 0 re-encrypted, 4 already current, 0 failed" in output

    # The old key can go: everything still decrypts, for its own owner only.
    monkeypatch.setitem(old_key.config, "DATA_KEYS", {"new": NEW})
    for key, (owner, data) in blobs.items():
        assert get_encrypted(key, owner) == data
        assert MARKER not in blob_store().get(key)
    with pytest.raises(crypto.DecryptionError):
        get_encrypted(fresh, owners[0])

    # And back, for a release that knows no account keys: readable without the key store.
    code, output = rotate(old_key, "--to-master-keys")
    assert code == 0 and "blobs: 4 re-encrypted, 0 already current, 0 failed" in output
    for key, (owner, data) in blobs.items():
        assert sealed_by(blob_store().get(key)) == "new"
        crypto.destroy_account_key(f"user:{owner}")
        assert crypto.decrypt(blob_store().get(key), legacy(blob_aad(key, owner))) == data


def test_rotate_reports_what_it_cannot_decrypt_and_leaves_it(
    old_key: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = uuid.uuid4()
    good, foreign, wrong_owner = new_key(owner), new_key(owner), new_key(owner)
    blob_store().put(good, crypto.encrypt(MARKER, legacy(blob_aad(good, owner))))
    blob_store().put(foreign, b"not encrypted by Houvast")
    other = uuid.uuid4()
    # A blob encrypted for another owner but stored in this owner's folder.
    blob_store().put(wrong_owner, crypto.encrypt(MARKER, legacy(blob_aad(wrong_owner, other))))
    add_new_key(old_key, monkeypatch)

    code, output = rotate(old_key)
    assert code == 1
    assert "blobs: 1 re-encrypted, 0 already current, 2 failed" in output
    assert blob_store().get(foreign) == b"not encrypted by Houvast"
    assert crypto.key_id(blob_store().get(wrong_owner)) == "old"
    assert sealed_by(blob_store().get(good)) == "account"


def test_a_new_master_key_rewraps_the_account_keys_and_leaves_the_data(
    old_key: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = uuid.uuid4()
    key = new_key(owner)
    put_encrypted(key, owner, MARKER)
    stored = blob_store().get(key)
    add_new_key(old_key, monkeypatch)

    code, output = rotate(old_key)
    assert code == 0, output
    assert "account keys: " in output and " 0 failed" in output
    assert blob_store().get(key) == stored  # the data did not need to change
    wrapped = {o: w for _kid, o, w in keystore.rows()}[f"user:{owner}"]
    assert crypto.key_id(wrapped) == "new"

    # With only the new master key, a fresh app context (no unwrapped keys kept) still reads it.
    monkeypatch.setitem(old_key.config, "DATA_KEYS", {"new": NEW})
    with old_key.app_context():
        assert get_encrypted(key, owner) == MARKER


def test_prune_destroys_the_keys_of_owners_that_are_gone(app: Flask, make_user) -> None:
    from api.keys_cli import prune_account_keys

    kept = make_user()
    crypto.account_key(f"user:{kept.id}")
    crypto.account_key("user:999999999")  # no such account (any more)
    assert prune_account_keys() == 0  # too young: its owner may still be committing
    with keystore._engine().begin() as conn:
        conn.execute(update(keystore.data_keys).values(
            created_at=datetime.now(UTC) - timedelta(days=2)))
    assert prune_account_keys() >= 1
    owners = {owner for _kid, owner, _wrapped in keystore.rows()}
    assert "user:999999999" not in owners and f"user:{kept.id}" in owners


def test_rotate_moves_every_registered_column_to_the_account_keys(
    old_key: Flask, monkeypatch: pytest.MonkeyPatch, make_user
) -> None:  # type: ignore[no-untyped-def]
    from api.logbook.models import GENESIS, Logbook, LogbookEvent, content_aad, title_aad

    owner = make_user()
    books, events = [], []
    for i in range(3):
        book = Logbook(id=uuid.uuid4(), owner_id=owner.id, type="daily", title=b"")
        book.title = crypto.encrypt(MARKER + b" title %d" % i, legacy(title_aad(book)))
        db.session.add(book)
        db.session.flush()
        for seq in (1, 2):
            event = LogbookEvent(logbook_id=book.id, owner_id=owner.id, seq=seq,
                                 kind="revision", revision=seq, prev_hash=GENESIS,
                                 hash=f"{seq:064d}")
            # The second event of each logbook was purged: its content is NULL.
            event.content = (crypto.encrypt_json({"note": f"{MARKER.decode()} {i}"},
                                                 legacy(content_aad(event)))
                             if seq == 1 else None)
            db.session.add(event)
            events.append(event)
        books.append(book)
    db.session.commit()
    add_new_key(old_key, monkeypatch)
    fresh = Logbook(id=uuid.uuid4(), owner_id=owner.id, type="daily", title=b"")
    fresh.title = crypto.encrypt(MARKER, title_aad(fresh))
    db.session.add(fresh)
    db.session.commit()
    books.append(fresh)
    stamps = {b.id: (b.updated_at, b.version) for b in books}

    code, output = rotate(old_key)
    assert code == 0, output
    assert "logbooks.title: 3 re-encrypted, 1 already current, 0 failed" in output
    assert "logbook_events.content: 3 re-encrypted, 0 already current, 0 failed" in output
    assert MARKER.decode() not in output

    monkeypatch.setitem(old_key.config, "DATA_KEYS", {"new": NEW})
    db.session.expire_all()
    for book in db.session.scalars(select(Logbook).where(Logbook.owner_id == owner.id)):
        assert sealed_by(book.title) == "account"
        assert crypto.decrypt(book.title, title_aad(book)).startswith(MARKER)
        assert (book.updated_at, book.version) == stamps[book.id]  # not a change for sync
    contents = [e.content for e in db.session.scalars(
        select(LogbookEvent).where(LogbookEvent.owner_id == owner.id).order_by(LogbookEvent.id))]
    assert contents.count(None) == 3
    notes = sorted(crypto.decrypt_json(e.content, content_aad(e))["note"] for e in
                   db.session.scalars(select(LogbookEvent).where(
                       LogbookEvent.owner_id == owner.id, LogbookEvent.content.is_not(None))))
    assert notes == [f"{MARKER.decode()} {i}" for i in range(3)]

    code, output = rotate(old_key)
    assert code == 0 and "logbooks.title: 0 re-encrypted, 4 already current" in output


def test_every_registered_column_and_blob_names_its_owner(app: Flask, make_user) -> None:
    """Nothing personal is sealed by a master key alone: that would survive an erasure."""
    from api.dossier.models import Dossier
    from api.tasks.models import Task, TaskHelp

    user = make_user()
    dossier = Dossier(id=uuid.uuid4(), staff_id=user.id, label=b"")
    task = Task(id=uuid.uuid4(), owner_id=user.id)
    db.session.add_all([dossier, task])
    db.session.flush()
    examples = {Dossier: dossier, Task: task,
                TaskHelp: TaskHelp(id=uuid.uuid4(), task_id=task.id, link_id=uuid.uuid4())}
    import api.domains  # noqa: F401

    for column in crypto.encrypted_columns():
        row = examples.get(column.model) or column.model(
            **{c.key: uuid.uuid4() if c.key == "dossier_id" else 1
               for c in column.model.__table__.columns
               if c.key in ("owner_id", "user_id", "client_id", "dossier_id")})
        owner = crypto.owner_of_place(column.aad(row))
        assert owner and owner.split(":")[0] in ("user", "dossier"), column
    assert crypto.owner_of_place(blob_aad(new_key(7), 7)) == "user:7"


def test_rotate_does_not_overwrite_a_value_changed_meanwhile(
    old_key: Flask, monkeypatch: pytest.MonkeyPatch, make_user
) -> None:  # type: ignore[no-untyped-def]
    from api.keys_cli import rotate_column
    from api.logbook.models import Logbook, title_aad

    owner = make_user()
    book = Logbook(id=uuid.uuid4(), owner_id=owner.id, type="daily", title=b"")
    book.title = crypto.encrypt(b"old title", title_aad(book))
    db.session.add(book)
    db.session.commit()
    add_new_key(old_key, monkeypatch)
    edited = crypto.encrypt(b"edited while rotating", title_aad(book))

    def aad_while_the_app_writes(row: Logbook) -> str:
        # The app saves a new title between rotation's read and its write.
        db.session.execute(update(Logbook).where(Logbook.id == row.id).values(title=edited))
        return title_aad(row)

    column = crypto.EncryptedColumn(Logbook, "title", aad_while_the_app_writes)
    counts = rotate_column(column)
    assert (counts.rotated, counts.current, counts.failed) == (0, 1, 0)
    stored = db.session.scalar(select(Logbook.title).where(Logbook.id == book.id))
    assert stored == edited
    assert crypto.decrypt(stored, title_aad(book)) == b"edited while rotating"
