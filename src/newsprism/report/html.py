"""The static HTML report: one self-contained file, every piece of article text escaped."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.model import Corpus

_environment = Environment(
    loader=PackageLoader("newsprism.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


ACTORS_SHOWN = 40


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become clickable: no ``javascript:`` from a hostile feed."""
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


_environment.filters["safe_url"] = safe_url


def render_report(corpus: Corpus, title: str = "newsprism report") -> str:
    languages = Counter(article.language or "unknown" for article in corpus.articles)
    mentions = Counter(e.actor_id for a in corpus.articles for e in a.entities if e.actor_id)
    actors = sorted(corpus.actors, key=lambda actor: (-mentions[actor.id], actor.name))
    sources = Counter(article.source or "unknown" for article in corpus.articles)
    return _environment.get_template("report.html.j2").render(
        title=title,
        corpus=corpus,
        languages=languages.most_common(),
        sources=sources.most_common(),
        duplicates=sum(1 for article in corpus.articles if article.duplicate_of),
        actors=[(actor, mentions[actor.id]) for actor in actors[:ACTORS_SHOWN]],
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(corpus: Corpus, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(render_report(corpus), encoding="utf-8")
    temporary.replace(path)
    return path
