"""Everything that differs between SQLite and PostgreSQL lives here and nowhere else."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

DEFAULT_DB = "newsprism.db"
DB_ENV = "NEWSPRISM_DB"


def default_target() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB


def database_url(target: str) -> str:
    """A SQLAlchemy URL for a database URL or a plain SQLite file path."""
    if "://" in target:
        return target
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """Per-connection settings: wait for locks instead of failing, sync less often under WAL."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_engine(target: str) -> sa.Engine:
    url = database_url(target)
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def prepare(engine: sa.Engine) -> None:
    """Once the file is known to be ours: WAL lets readers (the web app) work while a batch is
    written. The setting is stored in the file, so a foreign database is never switched."""
    if engine.dialect.name == "sqlite":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
        engine.dispose()  # pooled connections opened before the switch would still report the old mode


def insert_ignore(engine: sa.Engine, table: sa.Table) -> Any:
    """An INSERT that skips rows whose primary key already exists (idempotent re-runs)."""
    if engine.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def upsert(engine: sa.Engine, table: sa.Table, update_columns: list[str]) -> Any:
    """An INSERT that overwrites ``update_columns`` of a row whose primary key exists."""
    dialect_insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    statement = dialect_insert(table)
    keys = [column.name for column in table.primary_key.columns]
    return statement.on_conflict_do_update(
        index_elements=keys, set_={name: statement.excluded[name] for name in update_columns}
    )
