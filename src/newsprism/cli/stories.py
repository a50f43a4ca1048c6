"""``newsprism stories`` and ``newsprism story ID``: the stories, and what each source says."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from newsprism.cli.app import DB_OPTION, app, console, fail
from newsprism.cli.database import open_database

MARKS = {"agreed": "✓", "single": "✓", "conflict": "✗"}


@app.command()
def stories(
    db: str | None = DB_OPTION, limit: int = typer.Option(50, "--limit", help="Show at most this many.")
) -> None:
    """List the stories: articles of several outlets and languages about one event."""
    with open_database(db) as database:
        found, articles = database.stories(), {a.id: a for a in database.articles()}
    table = Table(title=f"{len(found)} stories", header_style="bold")
    for column in ("id", "title", "articles", "sources", "languages", "agreed", "single", "conflict"):
        table.add_column(column, overflow="fold")
    for story in found[:limit]:
        members = [articles[i] for i in story.article_ids if i in articles]
        counts = {status: sum(f.status == status for f in story.facts) for status in ("agreed", "single", "conflict")}
        table.add_row(
            story.id,
            Text(story.title),
            str(len(members)),
            str(len({a.source or a.path for a in members})),
            ", ".join(sorted({a.language or "?" for a in members})),
            *(str(counts[status]) for status in ("agreed", "single", "conflict")),
        )
    console.print(table)


@app.command()
def story(story_id: str = typer.Argument(..., help="Story id (or its start)."), db: str | None = DB_OPTION) -> None:
    """One story as a fact × source table: ✓ reports it, — does not, ✗ reports a differing value."""
    with open_database(db) as database:
        matches = [s for s in database.stories() if s.id.startswith(story_id)]
        if len(matches) != 1:
            raise fail(f"{len(matches)} stories match {story_id!r}: see `newsprism stories`")
        found = matches[0]
        articles = {a.id: a for a in database.articles(found.article_ids)}
    source_of = {i: a.source or Path(a.path).name for i, a in articles.items()}
    sources = list(dict.fromkeys(source_of[i] for i in found.article_ids if i in source_of))
    console.print(Text(found.title, style="bold"), Text(f"  {found.id} · {len(sources)} sources", style="dim"))
    table = Table(header_style="bold")
    table.add_column("fact", overflow="fold")
    table.add_column("status")
    for source in sources:
        table.add_column(source, justify="center", overflow="fold")
    for fact in found.facts:
        having = {source_of.get(m.article_id) for m in fact.mentions}
        mark = MARKS[fact.status]
        cells = [mark if source in having else "—" for source in sources]
        table.add_row(Text(fact.statement), fact.status, *cells)
    console.print(table)
