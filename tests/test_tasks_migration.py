"""Migration 0009 on a database that has dossier tasks: they move into the task list with
nothing lost (text still readable, done state, dates, change log), phones get a full snapshot,
and the way back keeps the staff tasks. Runs on an SQLite file of its own (the migration's SQL
is plain; the PostgreSQL pass migrates its empty database through it)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import sqlalchemy as sa
from alembic import command
from sqlalchemy import select, text

from api import create_app
from api.auth import service as accounts
from api.auth.models import User
from api.cli import alembic_config
from api.crypto import aad, decrypt_text, encrypt_text
from api.db import GUID, UTCDateTime, db
from api.dossier.models import Dossier
from api.sync.changelog import Change, OwnerSequence
from api.tasks import service as tasks
from tests.factories import make_settings

OLD_TASKS = sa.Table(
    "dossier_tasks", sa.MetaData(),
    sa.Column("id", GUID), sa.Column("dossier_id", GUID), sa.Column("source", sa.String),
    sa.Column("title", sa.LargeBinary), sa.Column("explanation", sa.LargeBinary),
    sa.Column("due_date", sa.Date), sa.Column("done", sa.Boolean),
    sa.Column("done_at", UTCDateTime), sa.Column("created_by", sa.Integer),
    sa.Column("version", sa.BigInteger), sa.Column("deleted", sa.Boolean),
    sa.Column("created_at", UTCDateTime), sa.Column("updated_at", UTCDateTime),
)
WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def _old_user(name: str, role: str) -> SimpleNamespace:
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO users (username, username_key, password_hash, role, created_at) "
            "VALUES (:n, :n, :h, :r, :c)"),
            {"n": name, "h": accounts.hasher.hash("een lang wachtwoord"), "r": role,
             "c": WHEN.isoformat()})
        user_id = conn.execute(text("SELECT id FROM users WHERE username = :n"),
                               {"n": name}).scalar_one()
    return SimpleNamespace(id=user_id)


def test_dossier_tasks_move_into_the_task_list_and_back(tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/m.sqlite3"))
    with app.app_context():
        cfg = alembic_config()
        command.upgrade(cfg, "0008")
        # The users table as it was at 0008 (the model has columns of later revisions).
        client, staff = (_old_user(name, role) for name, role in (("client-m", "client"),
                                                                   ("staff-m", "staff")))
        dossier = Dossier(id=uuid.uuid4(), staff_id=staff.id, client_id=client.id,
                          label=b"x", version=1)
        db.session.add(dossier)
        db.session.commit()
        open_id, done_id = uuid.uuid4(), uuid.uuid4()
        with db.engine.begin() as conn:
            for task_id, title, done in ((open_id, "Bonnetjes opsturen", False),
                                         (done_id, "Formulier invullen", True)):
                conn.execute(OLD_TASKS.insert().values(
                    id=task_id, dossier_id=dossier.id, source="staff",
                    title=encrypt_text(title, aad("dossier_tasks", task_id, dossier.id, "title")),
                    explanation=None, due_date=date(2026, 12, 15), done=done,
                    done_at=WHEN if done else None, created_by=staff.id, version=2 if done else 1,
                    deleted=False, created_at=WHEN, updated_at=WHEN))
            conn.execute(text("INSERT INTO sync_owner_sequences (owner_id, last_seq, pruned_seq) "
                              "VALUES (:o, 2, 0)"), {"o": client.id})
            for seq, task_id in ((1, open_id), (2, done_id)):
                conn.execute(text(
                    "INSERT INTO sync_changes (owner_id, seq, entity, record_id, version, "
                    "deleted, created_at) VALUES (:o, :s, 'dossier_task', :r, 1, 0, :w)"),
                    {"o": client.id, "s": seq, "r": str(task_id), "w": WHEN.isoformat()})

        db.session.remove()
        command.upgrade(cfg, "heads")
        moved = {t.id: tasks.task_dict(t) for t in tasks.client_tasks(client.id)}
        assert set(moved) == {open_id, done_id}
        assert moved[open_id]["title"] == "Bonnetjes opsturen" and moved[open_id]["done"] is False
        assert moved[done_id]["done"] is True and moved[done_id]["done_at"] == WHEN
        assert moved[open_id]["source"] == "staff" and moved[open_id]["due_date"] == date(2026,
                                                                                         12, 15)
        assert {c.entity for c in db.session.scalars(select(Change))} == {"task"}
        sequence = db.session.get(OwnerSequence, client.id)
        assert sequence.pruned_seq > 2  # every phone with cursor 2 or less gets a snapshot
        own = tasks.create_task(db.session.get(User, client.id), uuid.uuid4(),
                                {"source": "own", "title": "Eigen taak"})
        db.session.commit()
        assert tasks.task_dict(own)["title"] == "Eigen taak"

        db.session.remove()  # no open read of the session in SQLite's way during DDL
        command.downgrade(cfg, "0008")
        with db.engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(select(OLD_TASKS))}
            entities = {r[0] for r in conn.execute(text("SELECT entity FROM sync_changes"))}
            changed = {r[0] for r in conn.execute(text("SELECT record_id FROM sync_changes"))}
        assert set(rows) == {open_id, done_id}  # the own task cannot exist here
        assert decrypt_text(rows[done_id].title,
                            aad("dossier_tasks", done_id, dossier.id, "title")) == \
            "Formulier invullen"
        assert rows[done_id].done is True and rows[done_id].version == 2
        assert entities == {"dossier_task"} and changed == {str(open_id), str(done_id)}

        db.session.remove()
        command.upgrade(cfg, "heads")
        assert {t.id for t in tasks.client_tasks(client.id)} == {open_id, done_id}
    app.extensions["houvast_db"].engine.dispose()
