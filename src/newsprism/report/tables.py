"""The corpus as flat tables (one row per article, mention, actor, quote, event, story, fact...)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

import pyarrow as pa

from newsprism.model import Corpus

_STR = pa.string()
_INT = pa.int64()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("id", _STR),
            ("external_id", _STR),
            ("path", _STR),
            ("format", _STR),
            ("source", _STR),
            ("url", _STR),
            ("title", _STR),
            ("language", _STR),
            ("published", _STR),
            ("quality", pa.float64()),
            ("duplicate_of", _STR),
            ("word_count", _INT),
            ("raw_text", _STR),
            ("text", _STR),
        ]
    ),
    "repairs": pa.schema(
        [
            ("article_id", _STR),
            ("start", _INT),
            ("end", _INT),
            ("original", _STR),
            ("replacement", _STR),
            ("kind", _STR),
            ("text_start", _INT),
            ("text_end", _INT),
        ]
    ),
    "mentions": pa.schema(
        [("article_id", _STR), ("start", _INT), ("end", _INT), ("text", _STR), ("label", _STR), ("actor_id", _STR)]
    ),
    "actors": pa.schema(
        [("id", _STR), ("name", _STR), ("type", _STR), ("aliases", pa.list_(_STR)), ("wikidata", _STR)]
    ),
    "roles": pa.schema([("actor_id", _STR), ("title", _STR), ("org", _STR), ("article_id", _STR)]),
    "quotes": pa.schema(
        [
            ("article_id", _STR),
            ("text", _STR),
            ("start", _INT),
            ("end", _INT),
            ("speaker_text", _STR),
            ("speaker_actor_id", _STR),
            ("direct", pa.bool_()),
            ("cue", _STR),
            ("date", _STR),
        ]
    ),
    "events": pa.schema(
        [
            ("article_id", _STR),
            ("type", _STR),
            ("trigger", _STR),
            ("start", _INT),
            ("end", _INT),
            ("sentence", _STR),
            ("source_text", _STR),
            ("source_actor_id", _STR),
            ("target_text", _STR),
            ("target_actor_id", _STR),
            ("location", _STR),
            ("location_actor_id", _STR),
            ("date", _STR),
            ("negated", pa.bool_()),
            ("modality", _STR),
            ("future", pa.bool_()),
        ]
    ),
    "stories": pa.schema([("id", _STR), ("title", _STR), ("article_count", _INT)]),
    "story_articles": pa.schema([("story_id", _STR), ("article_id", _STR)]),
    "facts": pa.schema([("story_id", _STR), ("id", _STR), ("kind", _STR), ("statement", _STR), ("status", _STR)]),
    "fact_mentions": pa.schema(
        [("fact_id", _STR), ("article_id", _STR), ("start", _INT), ("end", _INT), ("text", _STR)]
    ),
    "errors": pa.schema([("path", _STR), ("reason", _STR)]),
}


def _rows(corpus: Corpus) -> dict[str, Iterator[dict[str, Any]]]:
    articles = corpus.articles
    return {
        "articles": ({**asdict(a), "word_count": a.word_count} for a in articles),
        "repairs": ({"article_id": a.id, **asdict(r)} for a in articles for r in a.repairs),
        "mentions": ({"article_id": a.id, **asdict(e)} for a in articles for e in a.entities),
        "actors": (asdict(actor) for actor in corpus.actors),
        "roles": ({"actor_id": actor.id, **asdict(role)} for actor in corpus.actors for role in actor.roles),
        "quotes": ({"article_id": a.id, **asdict(q)} for a in articles for q in a.quotes),
        "events": ({"article_id": a.id, **asdict(e)} for a in articles for e in a.events),
        "stories": ({**asdict(s), "article_count": len(s.article_ids)} for s in corpus.stories),
        "story_articles": ({"story_id": s.id, "article_id": i} for s in corpus.stories for i in s.article_ids),
        "facts": ({"story_id": s.id, **asdict(f)} for s in corpus.stories for f in s.facts),
        "fact_mentions": ({"fact_id": f.id, **asdict(m)} for s in corpus.stories for f in s.facts for m in f.mentions),
        "errors": (asdict(e) for e in corpus.errors),
    }


def corpus_tables(corpus: Corpus) -> dict[str, pa.Table]:
    """Every flat table, typed by ``SCHEMAS`` (empty tables keep their columns)."""
    tables = {}
    for name, rows in _rows(corpus).items():
        schema = SCHEMAS[name]
        records = [{column: row.get(column) for column in schema.names} for row in rows]
        tables[name] = pa.Table.from_pylist(records, schema=schema)
    return tables
