"""``newsprism analyze``: ingest, process, store, and optionally export and report."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsprism.cli.app import DB_OPTION, app, console, err_console, fail
from newsprism.cli.tables import breakdown_table, errors_table
from newsprism.ingest import DEFAULT_MAX_BYTES
from newsprism.nlp import NER_MODE_VARIABLE, NER_MODES
from newsprism.pipeline import BATCH_SIZE, NOISY_BELOW, Analysis, run_analysis
from newsprism.report import write_export, write_report
from newsprism.store import SchemaError, default_target

EXIT_NOTHING_PROCESSED = 2


class _RichProgress:
    """Adapts the pipeline's progress reports to a Rich progress bar."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("Analysing", total=None)

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def advance(self, label: str) -> None:
        self.progress.update(self.task, advance=1, description=f"Analysing [dim]{Path(label).name[:40]}[/]")


def _parse_fields(pairs: list[str]) -> dict[str, str]:
    fields = {}
    for pair in pairs:
        target, sep, key = pair.partition("=")
        if not sep or not target or not key:
            raise fail(f"--field takes FIELD=KEY (e.g. text=body_html), not {pair!r}")
        fields[target.strip()] = key.strip()
    return fields


def _summary(analysis: Analysis) -> Table:
    stats = analysis.stats
    table = Table(title="newsprism analyze", show_header=False, title_style="bold")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("inputs read", str(analysis.files))
    table.add_row("articles", str(stats.articles))
    table.add_row("  new", str(len(analysis.new_ids)))
    table.add_row("  already stored", str(stats.articles - len(analysis.new_ids)))
    table.add_row("near-duplicates", str(stats.near_duplicates))
    table.add_row("repairs", str(stats.repairs))
    table.add_row("named entities", str(stats.entities))
    table.add_row("actors", str(len(stats.actors)))
    if stats.quality_count:
        table.add_row("mean text quality", f"{stats.quality_sum / stats.quality_count:.2f}")
        table.add_row(f"noisy articles (< {NOISY_BELOW})", str(stats.noisy))
    table.add_row("inputs skipped", str(len(analysis.errors)))
    return table


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive), globs, or - for stdin."),
    db: str | None = DB_OPTION,
    export: Path | None = typer.Option(None, "--export", help="Write .json, .jsonl, .parquet or .csv output."),
    report: Path | None = typer.Option(None, "--report", help="Write a self-contained HTML report."),
    published: str | None = typer.Option(None, "--published", help="Publication date for inputs without one."),
    source: str | None = typer.Option(None, "--source", help="Source (outlet) name for inputs without one."),
    field: list[str] = typer.Option([], "--field", help="Map a JSON key onto a field: text=body_html."),
    max_size: float = typer.Option(DEFAULT_MAX_BYTES / 1e6, "--max-size", help="Skip files larger than this (MB)."),
    kb: list[Path] = typer.Option([], "--kb", help="An extra actor knowledge base (YAML); repeatable."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no tables."),
    engine: str = typer.Option("local", "--engine", help="local (one process) or dask (a cluster)."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address; none: a local cluster."),
    workers: int | None = typer.Option(None, "--workers", help="Worker processes of the local Dask cluster."),
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1, help="Articles written per transaction."),
    ner: str | None = typer.Option(
        None,
        "--ner",
        help="fast: the pipeline's own NER; accurate: fine-tuned e5, slower (default: $NEWSPRISM_NER or fast).",
    ),
) -> None:
    """Ingest, repair and analyse articles, store them, and export or report the result."""
    target = db or default_target()
    if ner is not None:
        if ner not in NER_MODES:
            raise fail(f"--ner is {' or '.join(NER_MODES)}, not {ner!r}")
        os.environ[NER_MODE_VARIABLE] = ner  # read where the pipelines load, in worker processes too
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
        transient=True,
    ) as bar:
        arguments = {
            "db": target,
            "published": published,
            "source": source,
            "fields": _parse_fields(field),
            "max_bytes": int(max_size * 1e6),
            "progress": _RichProgress(bar),
            "kb": kb,
        }
        try:
            if engine == "dask":
                from newsprism.scale import DaskOptions, run_distributed

                analysis = run_distributed(paths, dask=DaskOptions(scheduler, workers), **arguments)
            elif engine == "local":
                if scheduler or workers:
                    raise ValueError("--scheduler and --workers need --engine dask")
                analysis = run_analysis(paths, batch_size=batch_size, **arguments)
            else:
                raise ValueError(f"--engine is local or dask, not {engine!r}")
        except (ValueError, SchemaError) as exc:
            raise fail(str(exc)) from exc
    written = []
    try:
        if export:  # only now is the run's corpus read whole
            written += write_export(analysis.corpus, export)
        if report:
            written.append(write_report(analysis.corpus, report))
    except (ValueError, OSError) as exc:
        raise fail(str(exc)) from exc
    if not quiet:
        console.print(_summary(analysis))
        if analysis.stats.by_source:
            console.print(breakdown_table(analysis.stats.by_source))
        if analysis.errors:
            console.print(errors_table(analysis.errors))
        console.print(f"database: [bold]{target}[/]")
        for path in written:
            console.print(f"wrote [bold]{path}[/]")
    if not analysis.article_ids:
        raise fail("no article could be processed", EXIT_NOTHING_PROCESSED)
