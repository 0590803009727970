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


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, emit BEGIN: savepoints then work (one per sync
    # mutation), see "Serializable isolation / Savepoints" in SQLAlchemy's SQLite notes.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # IMMEDIATE takes the write lock up front: two writers queue on busy_timeout instead of
    # failing with "database is locked" when a read transaction tries to become a write.
    # SQLite is the one-person embedded default; PostgreSQL is for real concurrency.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
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
        app.extensions["houvast_db"] = DatabaseState(make_engine(app.config["DATABASE_URL"]))
        app.teardown_appcontext(lambda _exc: self.session.remove())

    @property
    def engine(self) -> Engine:
        return current_app.extensions["houvast_db"].engine


db = Database()
