"""Tables and schema migrations. Portable SQLAlchemy Core only: no dialect-specific SQL here."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

SCHEMA_VERSION = 2

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
)

article_vectors = sa.Table(
    "article_vectors",
    metadata,
    sa.Column("article_id", sa.String(32), primary_key=True),
    sa.Column("story", sa.LargeBinary, nullable=False),
    sa.Column("sentences", sa.LargeBinary, nullable=False),
    sa.Column("spans", sa.JSON, nullable=False),
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


# Version N → N+1 steps, keyed by N. A new database is created from ``metadata`` directly.
MIGRATIONS: dict[int, Migration] = {1: _add_article_vectors}
