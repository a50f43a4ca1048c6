"""The SQLite store: schema version, foreign databases, WAL, finding articles by id prefix."""

from __future__ import annotations

import sqlite3

import pytest

from newsprism.model import Article, IngestError
from newsprism.store import SCHEMA_VERSION, Database, SchemaError, default_target
from samples import DE_FLOOD, EN_FERRY


def _article(article_id: str, text: str = EN_FERRY, **extra) -> Article:
    return Article(id=article_id, path="x.txt", format="text", raw_text=text, text=text, **extra)


@pytest.fixture
def database(db_path):
    with Database(str(db_path)) as opened:
        yield opened


def test_new_database_records_the_schema_version(database, db_path):
    assert database.schema_version == SCHEMA_VERSION
    assert db_path.is_file()  # parent folders are created
    with sqlite3.connect(db_path) as connection:
        stored = connection.execute("SELECT value FROM settings WHERE key = 'schema_version'").fetchone()
    assert stored == (str(SCHEMA_VERSION),)


def test_reopening_keeps_the_data(db_path):
    with Database(str(db_path)) as database:
        database.save_batch([(_article("abc123"), None)], [IngestError("bad.txt", "empty file")])
    with Database(str(db_path)) as database:
        assert database.schema_version == SCHEMA_VERSION
        assert [a.id for a in database.articles()] == ["abc123"]
        assert database.errors() == [IngestError("bad.txt", "empty file")]


def test_sqlite_runs_in_wal_mode(database, db_path):
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    with sqlite3.connect(db_path) as connection:  # WAL is persistent: a plain connection sees it too
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(SchemaError, match="not a newsprism database"):
        Database(str(path))
    with sqlite3.connect(path) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["customers"]  # nothing was created in it


def test_foreign_sqlite_database_is_left_unchanged(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(SchemaError):
        Database(str(path))
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_database_from_a_newer_newsprism_is_refused(db_path):
    with Database(str(db_path)):
        pass
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE settings SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(SchemaError, match="schema version"):
        Database(str(db_path))


def test_find_article_by_unique_prefix(database):
    database.save_batch([(_article("abc123"), None), (_article("abd456", DE_FLOOD), None)], [])
    assert database.find_article("abc").id == "abc123"
    assert database.find_article("abd456").raw_text == DE_FLOOD


def test_ambiguous_prefix_raises_key_error(database):
    database.save_batch([(_article("abc123"), None), (_article("abd456"), None)], [])
    with pytest.raises(KeyError, match="ambiguous"):
        database.find_article("ab")


@pytest.mark.parametrize("prefix", ["zzz", "%", "_bc", "a%"])
def test_missing_prefix_raises_key_error(database, prefix):
    database.save_batch([(_article("abc123"), None)], [])
    with pytest.raises(KeyError, match="no article"):
        database.find_article(prefix)


def test_save_batch_is_idempotent(database):
    article = _article("abc123", language="en", published="2026-05-01")
    database.save_batch([(article, None)], [IngestError("bad.txt", "empty file")])
    database.save_batch([(article, None)], [IngestError("bad.txt", "binary file, not text")])
    assert database.count_articles() == 1
    assert database.known_ids(["abc123", "nope"]) == {"abc123"}
    assert database.errors() == [IngestError("bad.txt", "binary file, not text")]  # latest reason wins
    stored = database.articles()[0]
    assert (stored.language, stored.published, stored.raw_text) == ("en", "2026-05-01", EN_FERRY)


def test_articles_keep_insertion_order_and_filter_by_id(database):
    database.save_batch([(_article("b2"), None), (_article("a1"), None)], [])
    database.save_batch([(_article("c3"), None)], [])
    assert [a.id for a in database.articles()] == ["b2", "a1", "c3"]
    assert [a.id for a in database.articles(["c3", "b2"])] == ["b2", "c3"]


def test_signatures_are_returned_in_insertion_order(database):
    database.save_batch([(_article("b2"), b"\x01\x02"), (_article("a1"), None), (_article("c3"), b"\x03")], [])
    assert list(database.signatures()) == [("b2", b"\x01\x02"), ("c3", b"\x03")]


def test_default_target_honours_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSPRISM_DB", raising=False)
    assert default_target() == "newsprism.db"
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "env.db"))
    assert default_target() == str(tmp_path / "env.db")
