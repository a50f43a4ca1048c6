"""``newsprism articles``: the stored articles as a table."""

from __future__ import annotations

import typer

from newsprism.cli.app import DB_OPTION, app, console
from newsprism.cli.database import open_database
from newsprism.cli.tables import articles_table


@app.command()
def articles(
    db: str | None = DB_OPTION,
    source: str | None = typer.Option(None, "--source", help="Only this source."),
    language: str | None = typer.Option(None, "--language", help="Only this language (de, en, ...)."),
    limit: int = typer.Option(100, "--limit", help="Show at most this many."),
) -> None:
    """List stored articles."""
    with open_database(db) as database:
        selected = [
            article
            for article in database.articles()
            if (source is None or article.source == source) and (language is None or article.language == language)
        ]
    console.print(articles_table(selected[:limit], title=f"{len(selected)} articles"))
