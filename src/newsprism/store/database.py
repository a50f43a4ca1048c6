"""The database: articles, actors, stories and ingest errors, behind a small class."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
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
from newsprism.store.backend import (
    create_engine,
    create_search,
    insert_ignore,
    match_expression,
    prepare,
    search_statement,
    search_table,
    search_terms,
    upsert,
)


class SchemaError(RuntimeError):
    """The database was written by a newer newsprism, or is not a newsprism database."""


@dataclass(slots=True)
class StoryFilter:
    """Which stories a listing shows: those with at least one article matching every given field
    (``since``/``until``: ISO dates, inclusive; ``actor``: an actor id)."""

    source: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None


@dataclass(slots=True)
class StoryListing:
    """A story as lists show it, without its facts: ``first``/``last`` publication day, its
    sources and languages, and ``counts`` of its facts by status."""

    id: str
    title: str
    article_ids: list[str]
    first: str | None
    last: str | None
    sources: list[str]
    languages: list[str]
    counts: dict[str, int]


@dataclass(slots=True)
class SearchHit:
    """One full-text match: ``kind`` article, actor or quote; ``ref`` the article or actor id (a
    quote's is ``article_id#n``); ``snippet`` has its hits between ``MARK_START`` and ``MARK_END``."""

    kind: str
    ref: str
    title: str
    snippet: str


SUMMARY_COLUMNS = ("id", "title", "source", "url", "language", "published", "quality", "duplicate_of", "word_count")


def _search_rows(article: Article) -> list[dict[str, str]]:
    """What search finds of an article: its title and text, and each quote with its speaker."""
    rows = [{"kind": "article", "ref": article.id, "title": article.title or "", "body": article.text}]
    rows.extend(
        {"kind": "quote", "ref": f"{article.id}#{n}", "title": quote.speaker_text or "", "body": quote.text}
        for n, quote in enumerate(article.quotes)
    )
    return rows


def _actor_search_row(actor: Actor) -> dict[str, str]:
    return {"kind": "actor", "ref": actor.id, "title": actor.name, "body": " ".join(actor.aliases)}


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


def _story_from_row(row: sa.Row) -> Story:
    return Story(
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


def _listing(row: sa.Row) -> StoryListing:
    listing = row.listing or {}
    return StoryListing(
        id=row.id,
        title=row.title,
        article_ids=list(row.article_ids),
        first=listing.get("first"),
        last=listing.get("last"),
        sources=listing.get("sources", []),
        languages=listing.get("languages", []),
        counts=listing.get("counts", {}),
    )


class Database:
    """A newsprism database (SQLite file or PostgreSQL URL); the schema is created or migrated on open."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.engine = create_engine(target)
        try:
            self._migrate()
            self._index_for_search()
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

    def _index_for_search(self) -> None:
        """Create the full-text index the first time (new database, or one from version 2)."""
        if sa.inspect(self.engine).has_table("search"):
            return
        with self.engine.begin() as connection:
            create_search(connection)
            for article in self.articles():
                connection.execute(search_table.insert(), _search_rows(article))
            actors = [_actor_search_row(actor) for actor in self.actors()]
            if actors:
                connection.execute(search_table.insert(), actors)

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
                stored = set(
                    connection.scalars(
                        sa.select(schema.articles.c.id).where(schema.articles.c.id.in_([row["id"] for row in rows]))
                    )
                )
                connection.execute(insert_ignore(self.engine, schema.articles), rows)
                self._index_articles(connection, [a for a, _ in articles if a.id not in stored])
            if vectors:
                statement = upsert(self.engine, schema.article_vectors, ["story", "sentences", "spans"])
                connection.execute(statement, list(vectors))
            if actors:
                statement = upsert(self.engine, schema.actors, ["name", "type", "aliases", "roles", "wikidata"])
                connection.execute(statement, [asdict(actor) for actor in actors])
                connection.execute(
                    search_table.delete().where(
                        search_table.c.kind == "actor", search_table.c.ref.in_([actor.id for actor in actors])
                    )
                )
                connection.execute(search_table.insert(), [_actor_search_row(actor) for actor in actors])
            if errors:
                statement = upsert(self.engine, schema.ingest_errors, ["reason", "seen_at"])
                unique = {error.path: error.reason for error in errors}
                connection.execute(
                    statement, [{"path": path, "reason": reason, "seen_at": _now()} for path, reason in unique.items()]
                )

    @staticmethod
    def _index_articles(connection: sa.Connection, articles: list[Article]) -> None:
        """The rows browsing and search need for newly stored articles (same transaction)."""
        actor_rows = [
            row
            for article in articles
            for row in schema.actor_rows(article.id, [asdict(entity) for entity in article.entities])
        ]
        if actor_rows:
            connection.execute(insert_ignore(connection, schema.article_actors), actor_rows)
        search_rows = [row for article in articles for row in _search_rows(article)]
        if search_rows:
            connection.execute(search_table.insert(), search_rows)

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

    def iter_articles(self, chunk: int = 500) -> Iterator[list[Article]]:
        """Every article in insertion order, ``chunk`` at a time (the corpus never whole in memory)."""
        table = schema.articles
        last_seq, last_id = 0, ""
        while True:
            after = sa.or_(table.c.seq > last_seq, sa.and_(table.c.seq == last_seq, table.c.id > last_id))
            query = sa.select(table).where(after).order_by(table.c.seq, table.c.id).limit(chunk)
            with self.engine.connect() as connection:
                rows = connection.execute(query).all()
            if not rows:
                return
            last_seq, last_id = rows[-1].seq, rows[-1].id
            yield [_article_from_row(row) for row in rows]

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
        """Make the stored stories these: rows of stories whose articles changed are rewritten,
        stories that are gone deleted, the others left alone (a short write transaction)."""
        table, members = schema.stories, schema.story_members
        with self.engine.begin() as connection:
            stored = {
                row.id: list(row.article_ids) for row in connection.execute(sa.select(table.c.id, table.c.article_ids))
            }
            changed = [story for story in stories if stored.get(story.id) != story.article_ids]
            stale = (stored.keys() - {story.id for story in stories}) | {story.id for story in changed}
            for start in range(0, len(stale), 500):
                chunk = sorted(stale)[start : start + 500]
                connection.execute(table.delete().where(table.c.id.in_(chunk)))
                connection.execute(members.delete().where(members.c.story_id.in_(chunk)))
            if changed:
                rows = [
                    {"id": s.id, "title": s.title, "article_ids": s.article_ids, "facts": asdict(s)["facts"]}
                    for s in changed
                ]
                connection.execute(table.insert(), rows)
                connection.execute(
                    members.insert(),
                    [{"story_id": s.id, "article_id": i} for s in changed for i in dict.fromkeys(s.article_ids)],
                )
                schema.update_story_listings(connection, [s.id for s in changed])

    def stories(self) -> list[Story]:
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(schema.stories).order_by(schema.stories.c.id)).all()
        return [_story_from_row(row) for row in rows]

    def corpus(self) -> Corpus:
        """Everything in the database, as the export document's objects."""
        return Corpus(articles=self.articles(), actors=self.actors(), stories=self.stories(), errors=self.errors())

    # Browsing: what the web app and the API read, a page at a time, without loading the corpus.

    def story(self, id_prefix: str) -> Story:
        """The one story whose id is or starts with ``id_prefix``."""
        query = sa.select(schema.stories).where(_starts_with(schema.stories.c.id, id_prefix)).limit(2)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        exact = [row for row in rows if row.id == id_prefix]
        if len(rows) != 1 and not exact:
            raise KeyError(f"no story with id {id_prefix!r}" if not rows else f"id {id_prefix!r} is ambiguous")
        return _story_from_row((exact or rows)[0])

    def story_page(self, where: StoryFilter, offset: int = 0, limit: int = 20) -> tuple[list[StoryListing], int]:
        """One page of the stories matching ``where``, newest first, and how many match in all."""
        members, articles = schema.story_members, schema.articles
        conditions: list[sa.ColumnElement[bool]] = []
        if where.source:
            conditions.append(articles.c.source == where.source)
        if where.language:
            conditions.append(articles.c.language == where.language)
        if where.since:
            conditions.append(articles.c.published >= where.since)
        if where.until:
            conditions.append(articles.c.published < where.until + "\uffff")
        if where.actor:
            conditions.append(
                articles.c.id.in_(
                    sa.select(schema.article_actors.c.article_id).where(schema.article_actors.c.actor_id == where.actor)
                )
            )
        stories = schema.stories
        if conditions:
            matching = sa.select(members.c.story_id).join(articles, articles.c.id == members.c.article_id)
            matching = matching.where(*conditions).distinct().subquery()
            chosen = sa.select(stories.c.id).join(matching, matching.c.story_id == stories.c.id)
            total = sa.select(sa.func.count()).select_from(matching)
        else:
            chosen = sa.select(stories.c.id)
            total = sa.select(sa.func.count()).select_from(stories)
        page = chosen.order_by(stories.c.latest.desc().nulls_last(), stories.c.size.desc(), stories.c.id)
        with self.engine.connect() as connection:
            ids = list(connection.scalars(page.offset(offset).limit(limit)))
            count = connection.scalar(total) or 0
            columns = (stories.c.id, stories.c.title, stories.c.article_ids, stories.c.listing)
            rows = {row.id: row for row in connection.execute(sa.select(*columns).where(stories.c.id.in_(ids)))}
        return [_listing(rows[i]) for i in ids if i in rows], count

    def story_titles(self, ids: Iterable[str]) -> dict[str, str]:
        query = sa.select(schema.stories.c.id, schema.stories.c.title).where(schema.stories.c.id.in_(list(ids)))
        with self.engine.connect() as connection:
            return {row.id: row.title for row in connection.execute(query)}

    def story_ids_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The story each of ``article_ids`` belongs to."""
        query = sa.select(schema.story_members).where(schema.story_members.c.article_id.in_(list(article_ids)))
        with self.engine.connect() as connection:
            return {row.article_id: row.story_id for row in connection.execute(query)}

    def summaries(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Article metadata without text, by id (for lists of stories and search hits)."""
        table = schema.articles
        query = sa.select(*(table.c[name] for name in SUMMARY_COLUMNS)).where(table.c.id.in_(list(ids)))
        with self.engine.connect() as connection:
            return {row.id: dict(row._mapping) for row in connection.execute(query)}

    def article_page(
        self, offset: int = 0, limit: int = 50, source: str | None = None, language: str | None = None
    ) -> tuple[list[dict[str, Any]], int]:
        """Article metadata, newest first, a page at a time, and how many match in all."""
        table = schema.articles
        conditions = [
            column == value for column, value in ((table.c.source, source), (table.c.language, language)) if value
        ]
        query = (
            sa.select(*(table.c[name] for name in SUMMARY_COLUMNS))
            .where(*conditions)
            .order_by(table.c.published.desc().nulls_last(), table.c.seq.desc())
            .offset(offset)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            rows = [dict(row._mapping) for row in connection.execute(query)]
            total = connection.scalar(sa.select(sa.func.count()).select_from(table).where(*conditions)) or 0
        return rows, total

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        """Sources and languages with their article counts, most frequent first (for filters)."""
        table = schema.articles
        facets = {}
        with self.engine.connect() as connection:
            for name in ("source", "language"):
                column = table.c[name]
                n = sa.func.count().label("n")
                query = sa.select(column, n).where(column.is_not(None)).group_by(column).order_by(n.desc(), column)
                facets[name] = [(value, count) for value, count in connection.execute(query)]
        return facets

    def actor_page(self, offset: int = 0, limit: int = 50) -> tuple[list[tuple[Actor, int]], int]:
        """Actors by the number of articles that mention them, with that number."""
        links = schema.article_actors
        n = sa.func.count().label("n")
        query = (
            (sa.select(links.c.actor_id, n).group_by(links.c.actor_id).order_by(n.desc(), links.c.actor_id))
            .offset(offset)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            counts = [(row.actor_id, row.n) for row in connection.execute(query)]
            total = connection.scalar(sa.select(sa.func.count(sa.distinct(links.c.actor_id)))) or 0
        actors = {actor.id: actor for actor in self.actors(i for i, _ in counts)}
        return [(actors[i], count) for i, count in counts if i in actors], total

    def articles_mentioning(self, actor_id: str, limit: int = 200) -> list[str]:
        """Ids of the newest articles that mention ``actor_id``."""
        links, table = schema.article_actors, schema.articles
        query = (
            sa.select(links.c.article_id)
            .join(table, table.c.id == links.c.article_id)
            .where(links.c.actor_id == actor_id)
            .order_by(table.c.published.desc().nulls_last(), table.c.seq.desc())
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return list(connection.scalars(query))

    def cooccurrence(self, actor_id: str, limit: int = 12) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
        """The actors most often mentioned in the same articles as ``actor_id`` (id, shared
        articles), and how often each pair of them shares an article (the actor graph's edges)."""
        first, second = schema.article_actors.alias("first"), schema.article_actors.alias("second")
        shared = sa.func.count().label("shared")
        neighbours = (
            sa.select(second.c.actor_id, shared)
            .join(second, first.c.article_id == second.c.article_id)
            .where(first.c.actor_id == actor_id, second.c.actor_id != actor_id)
            .group_by(second.c.actor_id)
            .order_by(shared.desc(), second.c.actor_id)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            nodes = [(row.actor_id, row.shared) for row in connection.execute(neighbours)]
            ids = [actor_id, *(i for i, _ in nodes)]
            edges = (
                sa.select(first.c.actor_id.label("a"), second.c.actor_id.label("b"), shared)
                .join(second, first.c.article_id == second.c.article_id)
                .where(first.c.actor_id.in_(ids), second.c.actor_id.in_(ids), first.c.actor_id < second.c.actor_id)
                .group_by(first.c.actor_id, second.c.actor_id)
            )
            pairs = [(row.a, row.b, row.shared) for row in connection.execute(edges)]
        return nodes, pairs

    def search(self, query: str, kinds: Sequence[str] = (), offset: int = 0, limit: int = 20) -> list[SearchHit]:
        """Full-text matches of all words of ``query`` (the last may be a prefix), best first."""
        terms = search_terms(query)
        if not terms:
            return []
        dialect = self.engine.dialect.name
        parameters: dict[str, Any] = {"match": match_expression(dialect, terms), "limit": limit, "offset": offset}
        parameters.update({f"kind_{n}": kind for n, kind in enumerate(kinds)})
        with self.engine.connect() as connection:
            rows = connection.execute(search_statement(dialect, list(kinds)), parameters).all()
        return [SearchHit(row.kind, row.ref, row.title or "", row.snippet or "") for row in rows]

    # The web API's inbox: articles posted to a running instance wait here, durably, until analysed.

    def enqueue(self, documents: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Queue (article id, raw document fields) pairs for analysis, in one transaction."""
        rows = [{"article_id": i, "document": d, "received_at": _now()} for i, d in documents]
        if rows:
            with self.engine.begin() as connection:
                connection.execute(schema.inbox.insert(), rows)

    def inbox(self, limit: int = 200) -> list[tuple[int, dict[str, Any]]]:
        """The oldest queued documents, as (ticket, fields)."""
        query = sa.select(schema.inbox.c.id, schema.inbox.c.document).order_by(schema.inbox.c.id).limit(limit)
        with self.engine.connect() as connection:
            return [(row.id, row.document) for row in connection.execute(query)]

    def done(self, tickets: Iterable[int]) -> None:
        """Remove analysed documents from the inbox (after their articles were stored)."""
        with self.engine.begin() as connection:
            connection.execute(schema.inbox.delete().where(schema.inbox.c.id.in_(list(tickets))))

    def counts(self) -> dict[str, int]:
        """How many articles, actors, stories and queued posts are stored."""
        tables = {
            "articles": schema.articles,
            "actors": schema.actors,
            "stories": schema.stories,
            "queued": schema.inbox,
        }
        with self.engine.connect() as connection:
            return {
                name: connection.scalar(sa.select(sa.func.count()).select_from(table)) or 0
                for name, table in tables.items()
            }

    def queued(self, article_id: str) -> bool:
        query = sa.select(schema.inbox.c.id).where(schema.inbox.c.article_id == article_id).limit(1)
        with self.engine.connect() as connection:
            return connection.scalar(query) is not None
