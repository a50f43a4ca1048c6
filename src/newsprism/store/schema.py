"""Tables and schema migrations. Portable SQLAlchemy Core only: no dialect-specific SQL here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import sqlalchemy as sa

from newsprism.model import story_listing

SCHEMA_VERSION = 4

metadata = sa.MetaData()

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("external_id", sa.Text),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("language", sa.String(8)),
    sa.Column("published", sa.String(40)),
    sa.Column("raw_text", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("quality", sa.Float),
    sa.Column("duplicate_of", sa.String(32)),
    sa.Column("word_count", sa.Integer, nullable=False),
    sa.Column("repairs", sa.JSON, nullable=False),
    sa.Column("entities", sa.JSON, nullable=False),
    sa.Column("quotes", sa.JSON, nullable=False),
    sa.Column("events", sa.JSON, nullable=False),
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("ingested_at", sa.String(40), nullable=False),
    sa.Index("ix_articles_source", "source"),
    sa.Index("ix_articles_published", "published"),
    sa.Index("ix_articles_seq", "seq"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("wikidata", sa.String(32)),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("article_ids", sa.JSON, nullable=False),
    sa.Column("facts", sa.JSON, nullable=False),
    # Kept for listing without reading members or facts: the member count, the newest member's
    # publication date, and ``listing`` (first/last day, sources, languages, fact counts).
    sa.Column("size", sa.Integer, nullable=False, server_default="0"),
    sa.Column("latest", sa.String(40)),
    sa.Column("listing", sa.JSON),
    sa.Index("ix_stories_latest", "latest", "size"),
)

article_vectors = sa.Table(
    "article_vectors",
    metadata,
    sa.Column("article_id", sa.String(32), primary_key=True),
    sa.Column("story", sa.LargeBinary, nullable=False),
    sa.Column("sentences", sa.LargeBinary, nullable=False),
    sa.Column("spans", sa.JSON, nullable=False),
)

story_members = sa.Table(
    "story_members",
    metadata,
    sa.Column("story_id", sa.String(64), primary_key=True),
    sa.Column("article_id", sa.String(32), primary_key=True),
    sa.Index("ix_story_members_article", "article_id"),
)

article_actors = sa.Table(
    "article_actors",
    metadata,
    sa.Column("article_id", sa.String(32), primary_key=True),
    sa.Column("actor_id", sa.String(64), primary_key=True),
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Index("ix_article_actors_actor", "actor_id"),
)

inbox = sa.Table(
    "inbox",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(32), nullable=False),
    sa.Column("document", sa.JSON, nullable=False),
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.Index("ix_inbox_article", "article_id"),
)

ingest_errors = sa.Table(
    "ingest_errors",
    metadata,
    sa.Column("path", sa.Text, primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("seen_at", sa.String(40), nullable=False),
)

Migration = Callable[[sa.Connection], None]


def _add_article_vectors(connection: sa.Connection) -> None:
    """Version 2 stores each article's embeddings, so that nothing is embedded twice. Articles
    stored by version 1 have none; they are embedded when their story is next compared."""
    article_vectors.create(connection, checkfirst=True)


def _add_browse_tables(connection: sa.Connection) -> None:
    """Version 3 adds what browsing needs (story members and actors per article as rows, the
    inbox of the web API); the full-text index is created and filled by the database on open."""
    for table in (story_members, article_actors, inbox):
        table.create(connection, checkfirst=True)
    present = {column["name"] for column in sa.inspect(connection).get_columns("stories")}
    if "size" not in present:
        connection.execute(sa.text("ALTER TABLE stories ADD COLUMN size INTEGER NOT NULL DEFAULT 0"))
    if "latest" not in present:
        connection.execute(sa.text("ALTER TABLE stories ADD COLUMN latest VARCHAR(40)"))
    if "listing" not in present:
        connection.execute(
            sa.text(f"ALTER TABLE stories ADD COLUMN listing {stories.c.listing.type.compile(connection.dialect)}")
        )
    for index in stories.indexes:
        index.create(connection, checkfirst=True)
    connection.execute(story_members.delete())
    connection.execute(article_actors.delete())
    for story_id, article_ids in connection.execute(sa.select(stories.c.id, stories.c.article_ids)):
        rows = [{"story_id": story_id, "article_id": article_id} for article_id in dict.fromkeys(article_ids)]
        if rows:
            connection.execute(story_members.insert(), rows)
    for article_id, entities in connection.execute(sa.select(articles.c.id, articles.c.entities)).all():
        rows = actor_rows(article_id, entities)
        if rows:
            connection.execute(article_actors.insert(), rows)
    update_story_listings(connection)


def _drop_use_lead_vectors(connection: sa.Connection) -> None:
    """Version 4 embeds leads with e5 (384 dimensions) instead of USE (512): the stored vectors
    are dropped and each article is embedded again, leads and sentences, when next clustered."""
    connection.execute(article_vectors.delete())


def update_story_listings(connection: sa.Connection, story_ids: list[str] | None = None) -> None:
    """The listing columns of these stories (all if None), from their members' metadata and facts."""
    chosen = sa.select(stories.c.id, stories.c.article_ids, stories.c.facts)
    member_ids = sa.select(story_members.c.article_id)
    if story_ids is not None:
        chosen = chosen.where(stories.c.id.in_(story_ids))
        member_ids = member_ids.where(story_members.c.story_id.in_(story_ids))
    metadata_columns = (articles.c.id, articles.c.source, articles.c.language, articles.c.published)
    meta = {
        row.id: row for row in connection.execute(sa.select(*metadata_columns).where(articles.c.id.in_(member_ids)))
    }
    updates = []
    for story_id, article_ids, facts in connection.execute(chosen):
        members = [meta[i] for i in dict.fromkeys(article_ids) if i in meta]
        listing = story_listing(
            (fact["status"] for fact in facts), ((m.source, m.language, m.published) for m in members)
        )
        latest = max((m.published for m in members if m.published), default=None)
        updates.append({"key": story_id, "size": len(members), "latest": latest, "listing": listing})
    if updates:
        statement = (
            stories.update()
            .where(stories.c.id == sa.bindparam("key"))
            .values(size=sa.bindparam("size"), latest=sa.bindparam("latest"), listing=sa.bindparam("listing"))
        )
        connection.execute(statement, updates)


def actor_rows(article_id: str, entities: list[dict]) -> list[dict]:
    """``article_actors`` rows of one article: each linked actor and how often it is mentioned."""
    counts = Counter(entity["actor_id"] for entity in entities if entity.get("actor_id"))
    return [{"article_id": article_id, "actor_id": actor, "mentions": n} for actor, n in counts.items()]


# Version N → N+1 steps, keyed by N. A new database is created from ``metadata`` directly.
MIGRATIONS: dict[int, Migration] = {1: _add_article_vectors, 2: _add_browse_tables, 3: _drop_use_lead_vectors}
