"""Engine, session and declarative base (SQLAlchemy 2.x, typed).

`db.session` is a thread-scoped session bound to the current app's engine. Services use it and
commit; the request teardown removes it. Tests bind it to one connection inside an outer
transaction (`join_transaction_mode="create_savepoint"`), so a service's commit only releases a
savepoint and every test is rolled back.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from flask import Flask, current_app
from sqlalchemy import DateTime, MetaData, String, TypeDecorator, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, scoped_session, sessionmaker

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on SQLite too (which stores no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class GUID(TypeDecorator[uuid.UUID]):
    """UUIDs stored as 36-character strings: the same on SQLite and PostgreSQL."""

    impl = String(36)
    cache_ok = True

    def process_bind_param(self, value: uuid.UUID | str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        return str(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))

    def process_result_value(self, value: str | None, dialect: Any) -> uuid.UUID | None:
        return None if value is None else uuid.UUID(value)


class AppSession(Session):
    """A session that finds the engine (or the test connection) of the current app."""

    def get_bind(self, *args: Any, **kwargs: Any) -> Engine | Connection:
        state: DatabaseState = current_app.extensions["houvast_db"]
        return state.connection if state.connection is not None else state.engine


class DatabaseState:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.connection: Connection | None = None  # set by tests


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, busy_timeout_ms: int = 10000) -> None:
    # Let SQLAlchemy, not the sqlite3 module, emit BEGIN: savepoints then work (one per sync
    # mutation), see "Serializable isolation / Savepoints" in SQLAlchemy's SQLite notes.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


# SQLite transactions (see docs/architecture.md, "Transactions").
#
# Every transaction starts as a deferred `BEGIN`: in WAL mode a reader takes no lock that a
# writer waits for, so reads (the session check, GET requests, a sync pull, the PDF export's
# reading) never queue behind a write and never make one wait.
#
# A transaction becomes a writer at its first write statement (INSERT, UPDATE, DELETE, DDL) or
# its first locking read (`SELECT ... FOR UPDATE`, which SQLite does not have, e.g.
# `lock_owner` or the refresh-token check): just before that statement the read transaction,
# which has written nothing, is ended and `BEGIN IMMEDIATE` takes the write lock, waiting up to
# busy_timeout for another writer. The open savepoints are opened again inside it. SQLite
# cannot turn a read transaction into a write one safely itself: it fails at once with
# "database is locked" (SQLITE_BUSY, or BUSY_SNAPSHOT when another writer committed since the
# read began), without waiting. Writers therefore queue one at a time, and no writer waits
# while holding a snapshot, so two of them cannot deadlock.
#
# What a transaction read before it became a writer may be older than what it reads after:
# the same as PostgreSQL's READ COMMITTED, for which the code is written: a write first locks
# (`lock_owner`, `with_for_update`) and then reads what it changes.

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


def _sqlite_begin(connection: Connection) -> None:
    connection.info["sqlite_tx"] = {"writer": False, "savepoints": []}
    connection.exec_driver_sql("BEGIN")


def _sqlite_end(connection: Connection) -> None:
    connection.info.pop("sqlite_tx", None)


def _writes(statement: str, context: Any) -> bool:
    if statement.lstrip()[:7].upper().startswith(_WRITES):
        return True
    compiled = getattr(context, "compiled", None)
    return getattr(getattr(compiled, "statement", None), "_for_update_arg", None) is not None


def take_write_lock(connection: Connection, timeout: float | None = None) -> None:
    """Make the connection's SQLite transaction a writer now (a no-op when it is one, or on
    another database). `timeout`: wait at most this many seconds instead of busy_timeout.

    :raise sqlite3.OperationalError: "database is locked" after the wait
    """
    tx = connection.info.get("sqlite_tx")
    if tx is None or tx["writer"]:
        return
    raw = connection.connection.dbapi_connection
    raw.execute("COMMIT")  # a read transaction: nothing is lost, its snapshot is let go
    if timeout is not None:
        usual = raw.execute("PRAGMA busy_timeout").fetchone()[0]
        raw.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    try:
        raw.execute("BEGIN IMMEDIATE")  # waits for the writer before us, if there is one
    except Exception:
        raw.execute("BEGIN")  # keep the transaction SQLAlchemy believes in; it rolls back
        raise
    else:
        tx["writer"] = True
    finally:
        if timeout is not None:
            raw.execute(f"PRAGMA busy_timeout={usual}")
        for name in tx["savepoints"]:
            raw.execute(f"SAVEPOINT {name}")


def _sqlite_before_execute(connection: Connection, _cursor: Any, statement: str,
                           _parameters: Any, context: Any, _many: bool) -> None:
    # A busy database raises here: SQLAlchemy wraps it as an OperationalError (503, errors.py).
    tx = connection.info.get("sqlite_tx")
    if tx is None:
        return
    words = statement.split()
    if words[:1] == ["SAVEPOINT"]:  # SQLAlchemy's own, named when it runs
        tx["savepoints"].append(words[1])
    elif words[:2] in (["RELEASE", "SAVEPOINT"], ["ROLLBACK", "TO"]):
        name = words[-1]
        if name in tx["savepoints"]:
            del tx["savepoints"][tx["savepoints"].index(name):]
    elif not tx["writer"] and _writes(statement, context):
        take_write_lock(connection)


def make_engine(url: str, busy_timeout: float = 10.0) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": busy_timeout})
        event.listen(engine, "connect", lambda dbapi_connection, record: _sqlite_pragmas(
            dbapi_connection, record, int(busy_timeout * 1000)))
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "commit", _sqlite_end)
        event.listen(engine, "rollback", _sqlite_end)
        event.listen(engine, "before_cursor_execute", _sqlite_before_execute)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


class Database:
    def __init__(self) -> None:
        self.session = scoped_session(
            sessionmaker(
                class_=AppSession, expire_on_commit=False, join_transaction_mode="create_savepoint"
            )
        )

    def init_app(self, app: Flask) -> None:
        engine = make_engine(app.config["DATABASE_URL"],
                             float(app.config.get("SQLITE_BUSY_TIMEOUT", 10.0)))
        app.extensions["houvast_db"] = DatabaseState(engine)
        app.teardown_appcontext(lambda _exc: self.session.remove())

    def write_lock(self, timeout: float | None = None) -> None:
        """Make the session's transaction a writer now on SQLite (see "SQLite transactions"
        above; PostgreSQL has row locks and needs nothing).

        :raise OperationalError: the database stayed busy (`timeout` seconds, else busy_timeout)
        """
        connection = self.session.connection()
        try:
            take_write_lock(connection, timeout)
        except OperationalError:
            raise
        except Exception as error:
            raise OperationalError("BEGIN IMMEDIATE", None, error) from error

    @property
    def engine(self) -> Engine:
        return current_app.extensions["houvast_db"].engine


db = Database()
