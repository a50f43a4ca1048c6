"""The SQLite store: schema version, foreign databases, WAL, finding articles by id prefix."""

from __future__ import annotations

import sqlite3

import pytest

from newsprism.model import Actor, Article, Entity, Fact, IngestError, Mention, Quote, Story
from newsprism.store import MARK_START, SCHEMA_VERSION, Database, SchemaError, StoryFilter, default_target
from samples import DE_FLOOD, EN_FERRY


def _article(article_id: str, text: str = EN_FERRY, **extra) -> Article:
    return Article(id=article_id, path="x.txt", format="text", raw_text=text, text=text, **extra)


@pytest.fixture
def database(db_target):
    """The storage tests run on SQLite and on PostgreSQL."""
    with Database(db_target) as opened:
        yield opened


def test_new_database_records_the_schema_version(db_path):
    with Database(str(db_path)) as database:
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


def test_sqlite_runs_in_wal_mode(db_path):
    with Database(str(db_path)) as database, database.engine.connect() as connection:
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


def _linked(article_id: str, published: str, source: str, language: str, actors: list[str]) -> Article:
    text = f"{' and '.join(actors)} met in Oslo on Monday. " + EN_FERRY
    entities, position = [], 0
    for name in actors:
        entities.append(Entity(position, position + len(name), name, "PER", "new:person:" + name.lower()))
        position += len(name) + 5
    quote = Quote("we will keep the ferries running", 0, 10, actors[0], "new:person:" + actors[0].lower())
    return _article(
        article_id, text, published=published, source=source, language=language, entities=entities, quotes=[quote]
    )


@pytest.fixture
def browsable(database):
    """Three stories over four articles, with actors, for the browsing queries."""
    people = [Actor("new:person:" + n.lower(), n, "person", [n[:3]]) for n in ("Berger", "Novak", "Costa")]
    database.save_batch(
        [
            (_linked("a1", "2026-11-01", "Wire", "en", ["Berger", "Novak"]), None),
            (_linked("a2", "2026-11-02", "Blatt", "de", ["Berger"]), None),
            (_linked("a3", "2026-11-10", "Wire", "en", ["Costa", "Novak"]), None),
            (_linked("a4", "2026-11-20", "Post", "en", ["Costa"]), None),
        ],
        [],
        actors=people,
    )
    fact = Fact("f1", "statement", "agreed", [Mention("a1", 0, 6, "Berger")], "named")
    database.save_stories(
        [Story("s-1", "first", ["a1", "a2"], [fact]), Story("s-2", "second", ["a3"]), Story("s-3", "third", ["a4"])]
    )
    return database


def test_story_pages_are_newest_first_and_filtered(browsable):
    stories, total = browsable.story_page(StoryFilter())
    assert [s.id for s in stories] == ["s-3", "s-2", "s-1"] and total == 3
    assert stories[2].counts == {"conflict": 0, "agreed": 1, "single": 0}
    assert (stories[2].sources, stories[2].languages, stories[2].first, stories[2].last) == (
        ["Blatt", "Wire"],
        ["de", "en"],
        "2026-11-01",
        "2026-11-02",
    )
    assert browsable.story("s-1").facts[0].mentions[0].text == "Berger"
    assert [s.id for s in browsable.story_page(StoryFilter(), offset=1, limit=1)[0]] == ["s-2"]
    assert browsable.story_page(StoryFilter(language="de"))[0][0].id == "s-1"
    assert [s.id for s in browsable.story_page(StoryFilter(source="Wire"))[0]] == ["s-2", "s-1"]
    assert [s.id for s in browsable.story_page(StoryFilter(since="2026-11-02", until="2026-11-10"))[0]] == [
        "s-2",
        "s-1",
    ]
    by_actor = browsable.story_page(StoryFilter(actor="new:person:novak"))
    assert ([s.id for s in by_actor[0]], by_actor[1]) == (["s-2", "s-1"], 2)
    assert browsable.story("s-1").title == "first"
    assert browsable.story_ids_of(["a2", "a4"]) == {"a2": "s-1", "a4": "s-3"}


def test_full_text_search_over_articles_actors_and_quotes(browsable):
    kinds = {hit.kind for hit in browsable.search("Novak")}
    assert kinds == {"article", "actor"}
    assert {hit.ref for hit in browsable.search("ferries runn", kinds=["quote"])} == {"a1#0", "a2#0", "a3#0", "a4#0"}
    assert browsable.search("Costa ferry")[0].snippet.count(MARK_START) >= 1
    assert browsable.search("'); DROP TABLE articles; --") == []
    assert browsable.count_articles() == 4
    browsable.save_batch([], [], actors=[Actor("new:person:novak", "Ana Novak", "person", ["Novak"])])
    assert [hit.title for hit in browsable.search("Ana", kinds=["actor"])] == ["Ana Novak"]


def test_actor_pages_and_cooccurrence(browsable):
    actors, total = browsable.actor_page()
    assert total == 3 and sorted(count for _, count in actors) == [2, 2, 2]
    assert browsable.articles_mentioning("new:person:novak") == ["a3", "a1"]
    neighbours, pairs = browsable.cooccurrence("new:person:novak")
    assert sorted(neighbours) == [("new:person:berger", 1), ("new:person:costa", 1)]
    assert sorted(pairs) == [("new:person:berger", "new:person:novak", 1), ("new:person:costa", "new:person:novak", 1)]
    assert browsable.facets()["source"] == [("Wire", 2), ("Blatt", 1), ("Post", 1)]


def test_inbox_keeps_documents_until_done(database):
    database.enqueue([("id1", {"raw_text": "one"}), ("id2", {"raw_text": "two"})])
    queued = database.inbox()
    assert [fields["raw_text"] for _, fields in queued] == ["one", "two"]
    assert database.queued("id1") and database.counts()["queued"] == 2
    database.done([queued[0][0]])
    assert [fields["raw_text"] for _, fields in database.inbox()] == ["two"]
    assert not database.queued("id1")


def test_articles_are_read_a_chunk_at_a_time_in_insertion_order(database):
    database.save_batch([(_article(f"id{n:02d}"), None) for n in (5, 3, 9, 1, 7)], [])
    database.save_batch([(_article("id00"), None)], [])
    chunks = list(database.iter_articles(chunk=2))
    assert [len(chunk) for chunk in chunks] == [2, 2, 2]
    assert [a.id for chunk in chunks for a in chunk] == ["id05", "id03", "id09", "id01", "id07", "id00"]
