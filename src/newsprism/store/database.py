"""The database: articles, actors, stories and ingest errors, behind a small class."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from newsprism.model import (
    Actor,
    Article,
    Corpus,
    Entity,
    Event,
    Fact,
    IngestError,
    Mention,
    Quote,
    Repair,
    Role,
    Story,
)
from newsprism.store import schema
from newsprism.store.backend import create_engine, insert_ignore, prepare, upsert


class SchemaError(RuntimeError):
    """The database was written by a newer newsprism, or is not a newsprism database."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _starts_with(column: sa.ColumnElement[str], prefix: str) -> sa.ColumnElement[bool]:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(escaped + "%", escape="\\")


def _errors_of(path: str) -> sa.ColumnElement[bool]:
    """Error rows of input ``path`` itself and of its records (``path:line``, ``path#item``)."""
    column = schema.ingest_errors.c.path
    return sa.or_(column == path, _starts_with(column, path + ":"), _starts_with(column, path + "#"))


def _article_row(article: Article, minhash: bytes | None, seq: int) -> dict[str, Any]:
    row = asdict(article)
    row.update(minhash=minhash, seq=seq, word_count=article.word_count, ingested_at=_now())
    return row


def _article_from_row(row: sa.Row) -> Article:
    data = row._asdict()
    return Article(
        id=data["id"],
        path=data["path"],
        format=data["format"],
        raw_text=data["raw_text"],
        text=data["text"],
        title=data["title"],
        source=data["source"],
        url=data["url"],
        published=data["published"],
        language=data["language"],
        external_id=data["external_id"],
        quality=data["quality"],
        duplicate_of=data["duplicate_of"],
        repairs=[Repair(**item) for item in data["repairs"]],
        entities=[Entity(**item) for item in data["entities"]],
        quotes=[Quote(**item) for item in data["quotes"]],
        events=[Event(**item) for item in data["events"]],
    )


class Database:
    """A newsprism database (SQLite file or PostgreSQL URL); the schema is created or migrated on open."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.engine = create_engine(target)
        try:
            self._migrate()
            prepare(self.engine)
        except sa.exc.DatabaseError as exc:
            self.engine.dispose()
            raise SchemaError(f"{target} is not a newsprism database ({exc.orig})") from exc
        except SchemaError:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        inspector = sa.inspect(self.engine)
        with self.engine.begin() as connection:
            if not inspector.has_table("settings"):
                if inspector.get_table_names():
                    raise SchemaError(f"{self.target} is not a newsprism database")
                schema.metadata.create_all(connection)
                connection.execute(
                    schema.settings.insert().values(key="schema_version", value=str(schema.SCHEMA_VERSION))
                )
                return
            version = int(
                connection.scalar(sa.select(schema.settings.c.value).where(schema.settings.c.key == "schema_version"))
                or 0
            )
            if version > schema.SCHEMA_VERSION:
                raise SchemaError(
                    f"{self.target} has schema version {version}; this newsprism knows {schema.SCHEMA_VERSION}"
                )
            for step in range(version, schema.SCHEMA_VERSION):
                schema.MIGRATIONS[step](connection)
            connection.execute(
                schema.settings.update()
                .where(schema.settings.c.key == "schema_version")
                .values(value=str(schema.SCHEMA_VERSION))
            )

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as connection:
            value = connection.scalar(
                sa.select(schema.settings.c.value).where(schema.settings.c.key == "schema_version")
            )
        return int(value)

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(set(ids))
        found: set[str] = set()
        with self.engine.connect() as connection:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                found.update(connection.scalars(sa.select(schema.articles.c.id).where(schema.articles.c.id.in_(chunk))))
        return found

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """Stored near-duplicate signatures, in insertion order."""
        query = sa.select(schema.articles.c.id, schema.articles.c.minhash).order_by(schema.articles.c.seq)
        with self.engine.connect() as connection:
            for article_id, minhash in connection.execute(query):
                if minhash is not None:
                    yield article_id, minhash

    def save_batch(
        self,
        articles: list[tuple[Article, bytes | None]],
        errors: list[IngestError],
        reread_paths: Sequence[str] = (),
        actors: Sequence[Actor] = (),
        vectors: Sequence[dict[str, Any]] = (),
    ) -> None:
        """Write one batch in one transaction: all of it lands, or none of it does.

        ``reread_paths`` are inputs read again in this batch: their old errors are dropped first,
        so a file that was fixed is no longer reported. ``actors`` are new or updated actors;
        ``vectors`` the stories stage's embeddings of the articles (``article_vectors`` rows).
        """
        with self.engine.begin() as connection:
            for path in reread_paths:
                connection.execute(schema.ingest_errors.delete().where(_errors_of(path)))
            seq = connection.scalar(sa.select(sa.func.coalesce(sa.func.max(schema.articles.c.seq), 0)))
            rows = [_article_row(article, minhash, seq + n) for n, (article, minhash) in enumerate(articles, 1)]
            if rows:
                connection.execute(insert_ignore(self.engine, schema.articles), rows)
            if vectors:
                statement = upsert(self.engine, schema.article_vectors, ["story", "sentences", "spans"])
                connection.execute(statement, list(vectors))
            if actors:
                statement = upsert(self.engine, schema.actors, ["name", "type", "aliases", "roles", "wikidata"])
                connection.execute(statement, [asdict(actor) for actor in actors])
            if errors:
                statement = upsert(self.engine, schema.ingest_errors, ["reason", "seen_at"])
                unique = {error.path: error.reason for error in errors}
                connection.execute(
                    statement, [{"path": path, "reason": reason, "seen_at": _now()} for path, reason in unique.items()]
                )

    def count_articles(self) -> int:
        with self.engine.connect() as connection:
            return connection.scalar(sa.select(sa.func.count()).select_from(schema.articles)) or 0

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles in insertion order; all of them, or those with the given ids."""
        query = sa.select(schema.articles).order_by(schema.articles.c.seq)
        if ids is not None:
            query = query.where(schema.articles.c.id.in_(list(ids)))
        with self.engine.connect() as connection:
            return [_article_from_row(row) for row in connection.execute(query)]

    def find_article(self, id_prefix: str) -> Article:
        """The one article whose id starts with ``id_prefix`` (like short git hashes)."""
        query = sa.select(schema.articles).where(_starts_with(schema.articles.c.id, id_prefix)).limit(2)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        if len(rows) != 1:
            raise KeyError(f"no article with id {id_prefix!r}" if not rows else f"id {id_prefix!r} is ambiguous")
        return _article_from_row(rows[0])

    def errors(self) -> list[IngestError]:
        query = sa.select(schema.ingest_errors.c.path, schema.ingest_errors.c.reason).order_by(
            schema.ingest_errors.c.path
        )
        with self.engine.connect() as connection:
            return [IngestError(path, reason) for path, reason in connection.execute(query)]

    def actors(self, ids: Iterable[str] | None = None) -> list[Actor]:
        """Actors by id; all of them, or those with the given ids."""
        query = sa.select(schema.actors).order_by(schema.actors.c.id)
        if ids is not None:
            query = query.where(schema.actors.c.id.in_(list(ids)))
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            Actor(
                id=row.id,
                name=row.name,
                type=row.type,
                aliases=list(row.aliases),
                roles=[Role(**role) for role in row.roles],
                wikidata=row.wikidata,
            )
            for row in rows
        ]

    def vectors(self, ids: Iterable[str] | None = None, sentences: bool = True) -> dict[str, dict[str, Any]]:
        """Stored embeddings rows by article id: all, or those of ``ids`` that have them; without
        ``sentences``, only the lead vectors (what clustering needs)."""
        table = schema.article_vectors
        columns = [table.c.article_id, table.c.story] + ([table.c.sentences, table.c.spans] if sentences else [])
        query = sa.select(*columns)
        if ids is not None:
            query = query.where(schema.article_vectors.c.article_id.in_(list(ids)))
        with self.engine.connect() as connection:
            return {row.article_id: dict(row._mapping) for row in connection.execute(query)}

    def save_stories(self, stories: Sequence[Story]) -> None:
        """Replace the stories (they are rebuilt from all articles after each analysis)."""
        with self.engine.begin() as connection:
            connection.execute(schema.stories.delete())
            if stories:
                connection.execute(
                    schema.stories.insert(),
                    [
                        {"id": s.id, "title": s.title, "article_ids": s.article_ids, "facts": asdict(s)["facts"]}
                        for s in stories
                    ],
                )

    def stories(self) -> list[Story]:
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(schema.stories).order_by(schema.stories.c.id)).all()
        return [
            Story(
                id=row.id,
                title=row.title,
                article_ids=list(row.article_ids),
                facts=[
                    Fact(
                        id=fact["id"],
                        statement=fact["statement"],
                        status=fact["status"],
                        mentions=[Mention(**mention) for mention in fact["mentions"]],
                        kind=fact.get("kind", ""),
                    )
                    for fact in row.facts
                ],
            )
            for row in rows
        ]

    def corpus(self) -> Corpus:
        """Everything in the database, as the export document's objects."""
        return Corpus(articles=self.articles(), actors=self.actors(), stories=self.stories(), errors=self.errors())
