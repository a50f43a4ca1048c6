"""Everything that differs between SQLite and PostgreSQL lives here and nowhere else."""

from __future__ import annotations

import os
import re
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
        scheme, rest = target.split("://", 1)
        if scheme in ("postgresql", "postgres"):
            return f"postgresql+psycopg://{rest}"  # psycopg 3, a dependency; SQLAlchemy's default is psycopg2
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
    # Enough connections for a web app's threads waiting on a writer, without failing at 15.
    engine = sa.create_engine(url, pool_size=10, max_overflow=50)
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


def insert_ignore(engine: sa.Engine | sa.Connection, table: sa.Table) -> Any:
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


# Full-text search over articles, actors and quotes: FTS5 in SQLite, a GIN-indexed tsvector in
# PostgreSQL. Rows are (kind, ref, title, body); matches come back with a snippet whose hits are
# wrapped in MARK_START / MARK_END, so the page can escape the text first and mark the hits after.
MARK_START, MARK_END = "\x02", "\x03"
search_table = sa.table("search", sa.column("kind"), sa.column("ref"), sa.column("title"), sa.column("body"))


def create_search(connection: sa.Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, ref UNINDEXED, title, body,"
            " tokenize='unicode61 remove_diacritics 2')"
        )
        return
    connection.exec_driver_sql(
        "CREATE TABLE search (kind VARCHAR(16) NOT NULL, ref TEXT NOT NULL, title TEXT, body TEXT)"
    )
    connection.exec_driver_sql("CREATE INDEX ix_search_ref ON search (ref)")
    connection.exec_driver_sql(
        "CREATE INDEX ix_search_text ON search USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || body))"
    )


def search_terms(query: str) -> list[str]:
    """The words of a user's query; no operator of either engine's query language gets through."""
    return re.findall(r"\w+", query)[:12]


def search_statement(dialect: str, kinds: list[str]) -> sa.TextClause:
    """Matches of all ``terms`` (the last one as a prefix), best first, as (kind, ref, title, snippet)
    rows; parameters ``:match``, ``:limit``, ``:offset`` and ``:kind_N``."""
    kind_filter = ""
    if kinds:
        kind_filter = " AND kind IN (" + ", ".join(f":kind_{n}" for n in range(len(kinds))) + ")"
    if dialect == "sqlite":
        return sa.text(
            "SELECT kind, ref, title, snippet(search, 3, char(2), char(3), '…', 16) AS snippet FROM search"
            f" WHERE search MATCH :match{kind_filter} ORDER BY rank LIMIT :limit OFFSET :offset"
        )
    document = "to_tsvector('simple', coalesce(title, '') || ' ' || body)"
    return sa.text(
        "SELECT kind, ref, title, ts_headline('simple', body, to_tsquery('simple', :match),"
        " 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=8') AS snippet FROM search"
        f" WHERE {document} @@ to_tsquery('simple', :match){kind_filter}"
        f" ORDER BY ts_rank({document}, to_tsquery('simple', :match)) DESC LIMIT :limit OFFSET :offset"
    )


def match_expression(dialect: str, terms: list[str]) -> str:
    """``terms`` in the engine's query language: all of them, the last as a prefix."""
    if dialect == "sqlite":
        return " ".join(f'"{term}"' for term in terms) + "*"
    return " & ".join([*terms[:-1], terms[-1] + ":*"])
