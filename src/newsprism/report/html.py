"""HTML: the page templates the web app renders, and the static report (one self-contained file
with the same views). Every piece of article text is escaped; no page carries JavaScript."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.model import Article, Corpus
from newsprism.report.views import (
    STATUS_LABELS,
    STATUS_SYMBOLS,
    Links,
    actor_view,
    article_view,
    event_label,
    raw_with_repairs,
    short_date,
    story_summary,
    story_view,
)

_environment = Environment(
    loader=PackageLoader("newsprism.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)

ACTORS_SHOWN = 40
STORIES_SHOWN = 200
NEIGHBOURS_SHOWN = 12


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become clickable: no ``javascript:`` from a hostile feed."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme in ("http", "https") and url == url.strip() else None


def outlet(article: Article) -> str:
    """The source's name; for an article without one, its file name, which tells more than "unknown"."""
    return article.source or Path(article.path).name or "unknown source"


_environment.filters["safe_url"] = safe_url
_environment.filters["outlet"] = outlet
_environment.filters["short_date"] = short_date
_environment.globals.update(symbols=STATUS_SYMBOLS, labels=STATUS_LABELS, raw=raw_with_repairs, event_label=event_label)


def render_page(template: str, **context: Any) -> str:
    """One page of the web app (``links`` default to the app's URLs)."""
    context.setdefault("links", Links())
    context.setdefault("home", "/")
    return _environment.get_template(template).render(**context)


def _cooccurrence(actor_id: str, articles: list[Article]) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
    """Actors mentioned in the same articles as ``actor_id``, and the pairs among them (in memory,
    as the store computes it in SQL for the app)."""
    per_article = [{e.actor_id for e in a.entities if e.actor_id} for a in articles]
    neighbours = Counter(other for ids in per_article if actor_id in ids for other in ids if other != actor_id)
    shown = [actor_id, *(i for i, _ in neighbours.most_common(NEIGHBOURS_SHOWN))]
    pairs = Counter(pair for ids in per_article for pair in combinations(sorted(ids & set(shown)), 2))
    return neighbours.most_common(NEIGHBOURS_SHOWN), [(a, b, n) for (a, b), n in pairs.items()]


def render_report(corpus: Corpus, title: str = "newsprism report") -> str:
    """The whole corpus as one HTML file: stories, their sources side by side, actors, articles."""
    articles = corpus.articles
    by_id = {article.id: article for article in articles}
    stories = sorted(corpus.stories, key=lambda s: -len(s.article_ids))[:STORIES_SHOWN]
    mention_articles = Counter(actor for a in articles for actor in {e.actor_id for e in a.entities if e.actor_id})
    actors = sorted(corpus.actors, key=lambda actor: (-mention_articles[actor.id], actor.name))[:ACTORS_SHOWN]
    links = Links(static=True, included={s.id for s in stories} | {a.id for a in actors} | set(by_id))
    story_of = {i: story.id for story in corpus.stories for i in story.article_ids}
    actor_views = []
    for actor in actors:
        mentioning = [a for a in articles if any(e.actor_id == actor.id for e in a.entities)]
        neighbours, pairs = _cooccurrence(actor.id, mentioning)
        actor_views.append(actor_view(actor, mentioning, story_of, neighbours, pairs, corpus.actors, links))
    return _environment.get_template("report.html.j2").render(
        title=title,
        static=True,
        home="#stories",
        links=links,
        corpus=corpus,
        languages=Counter(article.language or "unknown" for article in articles).most_common(),
        sources=Counter(article.source or "unknown" for article in articles).most_common(),
        duplicates=sum(1 for article in articles if article.duplicate_of),
        summaries=[story_summary(s, [by_id[i] for i in s.article_ids if i in by_id]) for s in stories],
        stories_left_out=len(corpus.stories) - len(stories),
        story_views=[
            story_view(s, [by_id[i] for i in s.article_ids if i in by_id], corpus.actors, links) for s in stories
        ],
        actors=[(actor, mention_articles[actor.id]) for actor in actors],
        actor_views=actor_views,
        story_titles={story.id: story.title for story in corpus.stories},
        article_views=[article_view(a, corpus.actors, story_of.get(a.id), links) for a in articles],
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(corpus: Corpus, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(render_report(corpus), encoding="utf-8")
    temporary.replace(path)
    return path
