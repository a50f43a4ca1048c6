"""``newsprism show ID``: one article's metadata and text."""

from __future__ import annotations

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsprism.cli.app import DB_OPTION, app, console, fail
from newsprism.cli.database import open_database


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id or a unique prefix of it."),
    db: str | None = DB_OPTION,
    raw: bool = typer.Option(False, "--raw", help="Show the raw text as ingested."),
) -> None:
    """Show one article."""
    with open_database(db) as database:
        try:
            article = database.find_article(article_id)
        except KeyError as exc:
            raise fail(str(exc.args[0])) from exc
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    for label, value in [
        ("id", article.id),
        ("source", article.source),
        ("published", article.published),
        ("language", article.language),
        ("url", article.url),
        ("path", article.path),
        ("format", article.format),
        ("external id", article.external_id),
        ("words", str(article.word_count)),
        ("near-duplicate of", article.duplicate_of),
    ]:
        if value:
            meta.add_row(label, Text(value))
    console.print(Panel(meta, title=Text(article.title or "(untitled)", style="bold"), expand=False))
    console.print(Text(article.raw_text if raw else article.text))
