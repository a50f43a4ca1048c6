"""``newsprism quotes`` and ``newsprism events``: who said what, and who did what to whom."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from newsprism.cli.actors import find_actor
from newsprism.cli.app import DB_OPTION, app, console
from newsprism.cli.database import open_database
from newsprism.model import Actor, Article

ACTOR_OPTION = typer.Option(None, "--actor", help="Only those involving this actor (name, alias or id).")
LIMIT_OPTION = typer.Option(100, "--limit", help="Show at most this many.")


def _load(db: str | None, actor: str | None) -> tuple[list[Article], dict[str, Actor], str | None]:
    with open_database(db) as database:
        known, articles = database.actors(), database.articles()
    wanted = find_actor(known, actor).id if actor else None
    return articles, {a.id: a for a in known}, wanted


def _name(actors: dict[str, Actor], actor_id: str | None, text: str | None) -> str:
    return actors[actor_id].name if actor_id in actors else (text or "")


@app.command()
def quotes(db: str | None = DB_OPTION, actor: str | None = ACTOR_OPTION, limit: int = LIMIT_OPTION) -> None:
    """List quotes with their speakers, direct and reported."""
    articles, actors, wanted = _load(db, actor)
    rows = [
        (article, quote)
        for article in articles
        for quote in article.quotes
        if wanted is None or quote.speaker_actor_id == wanted
    ]
    table = Table(title=f"{len(rows)} quotes", header_style="bold")
    for column in ("speaker", "quote", "kind", "cue", "date", "source"):
        table.add_column(column, overflow="fold")
    for article, quote in rows[:limit]:
        table.add_row(
            Text(_name(actors, quote.speaker_actor_id, quote.speaker_text)),
            Text(quote.text),
            "direct" if quote.direct else "reported",
            Text(quote.cue or ""),
            quote.date or "",
            Text(article.source or Path(article.path).name),
        )
    console.print(table)


@app.command()
def events(
    db: str | None = DB_OPTION,
    event_type: str | None = typer.Option(None, "--type", help="Only this PLOVER type (CONSULT, REJECT, ...)."),
    actor: str | None = ACTOR_OPTION,
    limit: int = LIMIT_OPTION,
) -> None:
    """List PLOVER events: who did what to whom, where and when, negated or not."""
    articles, actors, wanted = _load(db, actor)
    rows = [
        (article, event)
        for article in articles
        for event in article.events
        if (event_type is None or event.type == event_type.upper())
        and (wanted is None or wanted in (event.source_actor_id, event.target_actor_id))
    ]
    table = Table(title=f"{len(rows)} events", header_style="bold")
    for column in ("type", "source", "trigger", "target", "where", "when", "status", "article"):
        table.add_column(column, overflow="fold")
    for article, event in rows[:limit]:
        status = ", ".join(
            part
            for part in ("not" if event.negated else "", event.modality or "", "announced" if event.future else "")
            if part
        )
        table.add_row(
            event.type,
            Text(_name(actors, event.source_actor_id, event.source_text)),
            Text(event.trigger),
            Text(_name(actors, event.target_actor_id, event.target_text)),
            Text(event.location or ""),
            event.date or "",
            status,
            Text(article.source or Path(article.path).name),
        )
    console.print(table)
