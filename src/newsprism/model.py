"""The data model shared by every stage.

Data flows one way: ``RawDocument`` (ingest) → ``Article`` (repaired, annotated, linked) →
``Corpus`` (related: actors, stories). Stages import these types and nothing of each other's
internals. Field names follow the export contract in ``docs/export-format.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class RawDocument:
    """One article as read from an input, before any processing."""

    path: str
    raw_text: str
    format: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    external_id: str | None = None


@dataclass(slots=True)
class IngestError:
    """An input (or one record of it) that could not be read, and why."""

    path: str
    reason: str


@dataclass(slots=True)
class Repair:
    """One edit made by the repair stage.

    ``raw_text[start:end] == original`` and ``text[text_start:text_end] == replacement``.
    """

    start: int
    end: int
    original: str
    replacement: str
    kind: str
    text_start: int = 0
    text_end: int = 0


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    actor_id: str | None = None


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker_text: str | None = None
    speaker_actor_id: str | None = None
    direct: bool = True
    cue: str | None = None
    date: str | None = None


@dataclass(slots=True)
class Event:
    """A PLOVER event: who (source) did what (``type``, said by ``trigger``) to whom (target), where
    and when. ``negated``: the text says it did not or will not happen; ``modality``: ``None`` when
    stated as fact, else possible, conditional, intended or demanded; ``future``: announced, not
    yet done ("wird teilnehmen", "will attend")."""

    type: str
    trigger: str
    start: int
    end: int
    sentence: str
    source_text: str | None = None
    source_actor_id: str | None = None
    target_text: str | None = None
    target_actor_id: str | None = None
    location: str | None = None
    location_actor_id: str | None = None
    date: str | None = None
    negated: bool = False
    modality: str | None = None
    future: bool = False


@dataclass(slots=True)
class Token:
    """One token of the dependency parse, as the extract stage needs it (offsets into ``text``;
    ``head`` is the index of the head token in the article's token list)."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    sentence_start: bool
    morph: str = ""


@dataclass(slots=True)
class Article:
    """A stored, processed article. ``text`` is the repaired text all offsets refer to."""

    id: str
    path: str
    format: str
    raw_text: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    external_id: str | None = None
    quality: float | None = None
    duplicate_of: str | None = None
    repairs: list[Repair] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def published_day(self) -> date | None:
        """The publication date as a day, or None when missing or not a date."""
        try:
            return date.fromisoformat(self.published[:10]) if self.published else None
        except ValueError:
            return None

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        """The article as it appears in the export document (contract order)."""
        data = asdict(self)
        return {key: data[key] for key in ARTICLE_EXPORT_FIELDS}


ARTICLE_EXPORT_FIELDS: tuple[str, ...] = (
    "id",
    "external_id",
    "path",
    "source",
    "url",
    "title",
    "language",
    "published",
    "raw_text",
    "text",
    "quality",
    "duplicate_of",
    "repairs",
    "entities",
    "quotes",
    "events",
)


@dataclass(slots=True)
class Role:
    title: str
    org: str | None
    article_id: str


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    wikidata: str | None = None


@dataclass(slots=True)
class Mention:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Fact:
    """One thing a story's sources report: ``status`` agreed, single or conflict; ``kind`` quote,
    count, date, event, named (person or place) or sentence; ``mentions`` where each source says it."""

    id: str
    statement: str
    status: str
    mentions: list[Mention] = field(default_factory=list)
    kind: str = ""


FACT_STATUSES = ("conflict", "agreed", "single")


def story_listing(
    statuses: Iterable[str], members: Iterable[tuple[str | None, str | None, str | None]]
) -> dict[str, Any]:
    """What a list of stories shows of one, from its facts' statuses and its articles' (source,
    language, published): first and last publication day, sources, languages, facts by status.
    The store keeps it with each story; the pages compute it for the stories they show whole."""
    rows = list(members)
    days = sorted(published[:10] for _, _, published in rows if published)
    counts = Counter(statuses)
    return {
        "first": days[0] if days else None,
        "last": days[-1] if days else None,
        "sources": sorted({source or "unknown source" for source, _, _ in rows}),
        "languages": sorted({language or "?" for _, language, _ in rows}),
        "counts": {status: counts.get(status, 0) for status in FACT_STATUSES},
    }


@dataclass(slots=True)
class Story:
    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


@dataclass(slots=True)
class Corpus:
    """What an analysis produced: the export document as Python objects."""

    articles: list[Article] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": [article.to_dict() for article in self.articles],
            "actors": [asdict(actor) for actor in self.actors],
            "stories": [asdict(story) for story in self.stories],
            "errors": [asdict(error) for error in self.errors],
        }

    def article(self, article_id: str) -> Article:
        """The article whose id is or starts with ``article_id``."""
        matches = [a for a in self.articles if a.id.startswith(article_id)]
        if len(matches) != 1:
            raise KeyError(f"{len(matches)} articles match id {article_id!r}")
        return matches[0]
