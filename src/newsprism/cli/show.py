"""``newsprism show ID``: one article's metadata and text."""

from __future__ import annotations

from collections import Counter

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsprism.cli.app import DB_OPTION, app, console, fail
from newsprism.cli.database import open_database
from newsprism.model import Repair


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id or a unique prefix of it."),
    db: str | None = DB_OPTION,
    raw: bool = typer.Option(False, "--raw", help="Show the raw text as ingested."),
    repairs: bool = typer.Option(False, "--repairs", help="Show the raw text with every repair marked."),
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
        ("quality", f"{article.quality:.2f}" if article.quality is not None else None),
        ("repairs", _repair_counts(article.repairs) if article.repairs else None),
        ("near-duplicate of", article.duplicate_of),
    ]:
        if value:
            meta.add_row(label, Text(value))
    console.print(Panel(meta, title=Text(article.title or "(untitled)", style="bold"), expand=False))
    if repairs:
        console.print(marked_repairs(article.raw_text, article.repairs))
    else:
        console.print(Text(article.raw_text if raw else article.text))


def _repair_counts(repairs: list[Repair]) -> str:
    counts = Counter(repair.kind for repair in repairs)
    return ", ".join(f"{count} {kind}" for kind, count in counts.most_common())


def marked_repairs(raw_text: str, repairs: list[Repair]) -> Text:
    """The raw text with each repair shown: removed text struck out in red, inserted text in green."""
    text = Text()
    position = 0
    for repair in sorted(repairs, key=lambda r: (r.start, r.end)):
        text.append(raw_text[position : repair.start])
        if repair.original:
            text.append(repair.original, style="red strike")
        if repair.replacement:
            text.append(repair.replacement.replace(" ", "␣"), style="bold green")
        position = repair.end
    text.append(raw_text[position:])
    return text
