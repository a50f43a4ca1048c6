"""What each page shows, built from the model's objects: the same views for the web app and the
static report. Pages differ only in their ``Links`` (URLs in the app, anchors in one file)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from newsprism.model import Actor, Article, Event, Fact, Story, story_listing
from newsprism.report.highlight import Span, mark_up

STATUS_ORDER = {"conflict": 0, "agreed": 1, "single": 2}
STATUS_LABELS = {"agreed": "agreed", "single": "one source only", "conflict": "conflicting"}
STATUS_SYMBOLS = {"agreed": "✓", "single": "●", "conflict": "✗"}
PLURALS = {"story": "stories", "actor": "actors", "article": "articles"}


@dataclass(slots=True)
class Links:
    """Where a page links to: ``/stories/ID`` in the app; ``#story-ID`` in the static report, and
    nothing where the report does not include the target (``included`` ids)."""

    static: bool = False
    included: set[str] | None = None

    def _to(self, kind: str, identifier: str | None) -> str | None:
        if not identifier:
            return None
        if self.static:
            if self.included is not None and identifier not in self.included:
                return None
            return f"#{kind}-{identifier}"
        return f"/{PLURALS[kind]}/{quote(identifier, safe='')}"

    def story(self, story_id: str | None) -> str | None:
        return self._to("story", story_id)

    def actor(self, actor_id: str | None) -> str | None:
        return self._to("actor", actor_id)

    def article(self, article_id: str | None) -> str | None:
        return self._to("article", article_id)


@dataclass(slots=True)
class StorySummary:
    """One row of the stories list."""

    story: Story
    sources: list[str]
    languages: list[str]
    first: str | None
    last: str | None
    counts: dict[str, int]


def story_summary(story: Story, articles: Iterable[Article]) -> StorySummary:
    members = ((a.source, a.language, a.published) for a in articles)
    return StorySummary(story, **story_listing((fact.status for fact in story.facts), members))


@dataclass(slots=True)
class Cell:
    status: str | None
    symbol: str
    anchor: str | None
    text: str | None


@dataclass(slots=True)
class MatrixRow:
    fact: Fact
    number: int
    cells: list[Cell]


@dataclass(slots=True)
class Column:
    """One source of a story: its article, marked-up text, and what it alone has or lacks."""

    article: Article
    number: int
    text: Markup
    only_here: int
    missing: list[MatrixRow] = field(default_factory=list)


@dataclass(slots=True)
class TimelineItem:
    day: str
    kind: str
    label: str
    detail: str
    source: str
    anchor: str | None
    negated: bool = False
    future: bool = False


@dataclass(slots=True)
class StoryView:
    summary: StorySummary
    key: str
    columns: list[Column]
    matrix: list[MatrixRow]
    timeline: list[TimelineItem]
    hidden: int = 0


MAX_COLUMNS = 12  # side by side; a bigger story shows the sources with the most facts


def _shown(articles: list[Article], facts: list[Fact]) -> list[Article]:
    """At most ``MAX_COLUMNS`` articles, those with the most fact mentions, in publication order."""
    if len(articles) <= MAX_COLUMNS:
        return articles
    mentions = Counter(m.article_id for fact in facts for m in fact.mentions)
    chosen = set(sorted((a.id for a in articles), key=lambda i: -mentions[i])[:MAX_COLUMNS])
    return [article for article in articles if article.id in chosen]


def fact_anchor(key: str, fact_number: int, column_number: int) -> str:
    return f"{key}-f{fact_number}-c{column_number}"


def event_label(event: Event, names: dict[str, str]) -> str:
    source = names.get(event.source_actor_id or "", event.source_text or "")
    target = names.get(event.target_actor_id or "", event.target_text or "")
    parts = [part for part in (source, ("not " if event.negated else "") + event.trigger, target) if part]
    return " ".join(parts)


def _article_spans(
    article: Article, names: dict[str, str], links: Links, anchors: dict[tuple[int, int], tuple[str, Fact]] | None
) -> list[Span]:
    spans = []
    for entity in article.entities:
        href = links.actor(entity.actor_id)
        title = f"{entity.label}: {names.get(entity.actor_id or '', entity.text)}"
        attributes = {"title": title, **({"href": href} if href else {})}
        spans.append(
            Span(entity.start, entity.end, "a" if href else "span", f"ent ent-{entity.label}", None, attributes)
        )
    for quote_ in article.quotes:
        speaker = names.get(quote_.speaker_actor_id or "", quote_.speaker_text or "unknown speaker")
        spans.append(Span(quote_.start, quote_.end, "q", "quote", None, {"title": f"quote: {speaker}"}))
    for event in article.events:
        spans.append(
            Span(event.start, event.end, "span", "event", None, {"title": f"{event.type}: {event_label(event, names)}"})
        )
    for (start, end), (anchor, fact) in (anchors or {}).items():
        title = f"{STATUS_LABELS[fact.status]}: {fact.statement}"
        spans.append(Span(start, end, "mark", f"fact fact-{fact.status}", anchor, {"title": title}))
    return spans


def story_view(story: Story, articles: list[Article], actors: Iterable[Actor], links: Links) -> StoryView:
    """The sources side by side, the fact matrix (fact × source), and the timeline of events."""
    names = {actor.id: actor.name for actor in actors}
    by_id = {article.id: article for article in articles}
    every = sorted(
        (by_id[i] for i in dict.fromkeys(story.article_ids) if i in by_id), key=lambda a: (a.published or "", a.id)
    )
    ordered = _shown(every, story.facts)
    number_of = {article.id: n for n, article in enumerate(ordered, 1)}
    key = "s" + story.id.replace("s-", "")[:12]
    facts = sorted(
        (f for f in story.facts if any(m.article_id in number_of for m in f.mentions)),
        key=lambda fact: STATUS_ORDER.get(fact.status, 3),
    )
    anchors: dict[str, dict[tuple[int, int], tuple[str, Fact]]] = {a.id: {} for a in ordered}
    matrix = []
    for fact_number, fact in enumerate(facts, 1):
        cells = []
        for article in ordered:
            mentions = [m for m in fact.mentions if m.article_id == article.id]
            if not mentions:
                cells.append(Cell(None, "—", None, None))
                continue
            anchor = fact_anchor(key, fact_number, number_of[article.id])
            for n, mention in enumerate(mentions):
                anchors[article.id].setdefault((mention.start, mention.end), (anchor if n == 0 else None, fact))
            cells.append(Cell(fact.status, STATUS_SYMBOLS[fact.status], f"#{anchor}", mentions[0].text))
        matrix.append(MatrixRow(fact, fact_number, cells))
    columns = []
    for article in ordered:
        index = number_of[article.id] - 1
        only_here = sum(1 for row in matrix if row.fact.status == "single" and row.cells[index].status)
        missing = [row for row in matrix if row.fact.status != "single" and row.cells[index].status is None]
        spans = _article_spans(article, names, links, anchors[article.id])
        columns.append(Column(article, index + 1, mark_up(article.text, spans), only_here, missing))
    summary = story_summary(story, every)
    return StoryView(summary, key, columns, matrix, _timeline(ordered, names, number_of), len(every) - len(ordered))


def _timeline(articles: list[Article], names: dict[str, str], number_of: dict[str, int]) -> list[TimelineItem]:
    """Events by the day they happen (or, undated, the day they were reported), and publications."""
    items = []
    for article in articles:
        source = article.source or f"source {number_of[article.id]}"
        day = (article.published or "")[:10]
        if day:
            items.append(TimelineItem(day, "published", article.title or "(untitled)", "published", source, None))
        for event in article.events:
            when = event.date or day
            if when:
                items.append(
                    TimelineItem(
                        when[:10],
                        "event",
                        event_label(event, names),
                        event.type,
                        source,
                        None,
                        event.negated,
                        event.future,
                    )
                )
    return sorted(items, key=lambda item: (item.day, item.kind != "published", item.source))


def raw_with_repairs(article: Article) -> Markup:
    """The raw text with each repair shown: what was there struck out, what replaced it after."""
    out: list[str] = []
    position = 0
    for repair in sorted(article.repairs, key=lambda r: (r.start, r.end)):
        if repair.start < position:
            continue
        out.append(str(escape(article.raw_text[position : repair.start])))
        title = escape(repair.kind)
        if repair.original:
            out.append(f'<del title="{title}">{escape(repair.original)}</del>')
        if repair.replacement:
            out.append(f'<ins title="{title}">{escape(repair.replacement.replace(" ", "␣"))}</ins>')
        position = repair.end
    out.append(str(escape(article.raw_text[position:])))
    return Markup("".join(out))


@dataclass(slots=True)
class ArticleView:
    article: Article
    text: Markup
    raw: Markup
    story_id: str | None
    names: dict[str, str]
    repair_kinds: list[tuple[str, int]]


def article_view(article: Article, actors: Iterable[Actor], story_id: str | None, links: Links) -> ArticleView:
    names = {actor.id: actor.name for actor in actors}
    return ArticleView(
        article=article,
        text=mark_up(article.text, _article_spans(article, names, links, None)),
        raw=raw_with_repairs(article),
        story_id=story_id,
        names=names,
        repair_kinds=Counter(repair.kind for repair in article.repairs).most_common(),
    )


@dataclass(slots=True)
class GraphNode:
    id: str
    name: str
    weight: int
    x: float
    y: float
    radius: float
    href: str | None


@dataclass(slots=True)
class GraphEdge:
    a: GraphNode
    b: GraphNode
    weight: int
    width: float


@dataclass(slots=True)
class ActorView:
    actor: Actor
    roles: list[tuple[str, str, str | None]]
    quotes: list[tuple[Article, Any]]
    events: list[tuple[Article, Event, str]]
    stories: list[str]
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    names: dict[str, str]


GRAPH_SIZE = 420


def _graph(
    actor: Actor,
    neighbours: list[tuple[str, int]],
    pairs: list[tuple[str, str, int]],
    names: dict[str, str],
    links: Links,
) -> tuple[list[GraphNode], list[GraphEdge]]:
    """The actor in the middle, the actors it appears with on a circle around it, sized by shared
    articles; lines between every pair that share articles."""
    centre = GRAPH_SIZE / 2
    strongest = max((n for _, n in neighbours), default=1)
    nodes = {actor.id: GraphNode(actor.id, actor.name, strongest, centre, centre, 22, links.actor(actor.id))}
    for position, (actor_id, shared) in enumerate(neighbours):
        angle = 2 * math.pi * position / max(len(neighbours), 1) - math.pi / 2
        radius = 8 + 12 * shared / strongest
        x = centre + (centre - 60) * math.cos(angle)
        y = centre + (centre - 40) * math.sin(angle)
        nodes[actor_id] = GraphNode(
            actor_id, names.get(actor_id, actor_id), shared, x, y, radius, links.actor(actor_id)
        )
    heaviest = max((n for _, _, n in pairs), default=1)
    edges = [GraphEdge(nodes[a], nodes[b], n, 1 + 5 * n / heaviest) for a, b, n in pairs if a in nodes and b in nodes]
    return list(nodes.values()), edges


def actor_view(
    actor: Actor,
    articles: list[Article],
    story_of: dict[str, str],
    neighbours: list[tuple[str, int]],
    pairs: list[tuple[str, str, int]],
    actors: Iterable[Actor],
    links: Links,
) -> ActorView:
    """``articles``: those mentioning the actor (newest first); ``neighbours``/``pairs``: co-occurrence."""
    names = {other.id: other.name for other in actors}
    names[actor.id] = actor.name
    published = {article.id: (article.published or "")[:10] for article in articles}
    roles = sorted(
        {(published.get(role.article_id, ""), role.title, role.org) for role in actor.roles},
        key=lambda role: (role[0] or "9999", role[1]),
    )
    quotes = [(a, q) for a in articles for q in a.quotes if q.speaker_actor_id == actor.id]
    events = [
        (a, e, "source" if e.source_actor_id == actor.id else "target")
        for a in articles
        for e in a.events
        if actor.id in (e.source_actor_id, e.target_actor_id)
    ]
    nodes, edges = _graph(actor, neighbours, pairs, names, links)
    stories = list(dict.fromkeys(story_of[a.id] for a in articles if a.id in story_of))
    return ActorView(actor, roles, quotes, events, stories, nodes, edges, names)


def short_date(value: str | None) -> str:
    """``2025-05-15T10:00:00+02:00`` → ``15 May 2025``; anything unreadable as it is."""
    if not value:
        return ""
    try:
        return date.fromisoformat(value[:10]).strftime("%-d %b %Y")
    except ValueError:
        return value
