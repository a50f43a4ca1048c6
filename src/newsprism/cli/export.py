"""``newsprism export``: the whole database as a JSON document or flat tables."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from newsprism.cli.app import DB_OPTION, app, console, fail
from newsprism.cli.database import open_database
from newsprism.report import FORMATS, write_export


@app.command()
def export(
    output: Path | None = typer.Argument(None, help="Output file; JSON goes to stdout when omitted."),
    fmt: str | None = typer.Option(None, "--format", "-f", help=f"One of {', '.join(FORMATS)} [default: by suffix]"),
    db: str | None = DB_OPTION,
) -> None:
    """Export everything stored: the JSON document, or one JSONL/Parquet/CSV file per table."""
    if fmt is not None and fmt not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}")
    with open_database(db) as database:
        corpus = database.corpus()
    if output is None:
        if fmt not in (None, "json"):
            raise fail(f"--format {fmt} writes one file per table: give an OUTPUT path")
        typer.echo(json.dumps(corpus.to_dict(), ensure_ascii=False, indent=1))
        return
    try:
        written = write_export(corpus, output, fmt)
    except (ValueError, OSError) as exc:
        raise fail(str(exc)) from exc
    for path in written:
        console.print(f"wrote [bold]{path}[/]")
