"""Rich tables shared by commands: articles, languages and sources, errors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rich.table import Table

from newsprism.model import Article, IngestError


def articles_table(articles: Iterable[Article], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("source")
    table.add_column("lang", no_wrap=True)
    table.add_column("words", justify="right")
    table.add_column("quality", justify="right")
    table.add_column("title")
    for article in articles:
        title_text = article.title or ""
        if article.duplicate_of:
            title_text += f" [dim](near-duplicate of {article.duplicate_of[:10]})[/]"
        table.add_row(
            article.id[:10],
            (article.published or "")[:10],
            article.source or "",
            article.language or "",
            str(article.word_count),
            f"{article.quality:.2f}" if article.quality is not None else "",
            title_text,
        )
    return table


def breakdown_table(counts: Counter[tuple[str, str]]) -> Table:
    """Articles per (source, language)."""
    table = Table(title="By source and language", header_style="bold")
    table.add_column("source")
    table.add_column("language")
    table.add_column("articles", justify="right")
    for (source, language), count in sorted(counts.items()):
        table.add_row(source, language, str(count))
    return table


def errors_table(errors: list[IngestError]) -> Table:
    table = Table(title=f"Skipped inputs ({len(errors)})", header_style="bold", title_style="bold yellow")
    table.add_column("input", style="yellow", overflow="fold")
    table.add_column("reason")
    for error in errors:
        table.add_row(error.path, error.reason)
    return table
