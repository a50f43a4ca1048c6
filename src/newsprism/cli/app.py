"""The Typer application every command registers on, and options they share."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="newsprism",
    help="What every news source says about a story: ingest, repair, analyse, compare, export.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
err_console = Console(stderr=True)

DB_OPTION = typer.Option(
    None, "--db", envvar="NEWSPRISM_DB", help="Database file or URL [default: newsprism.db]", show_default=False
)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a clear error and give the exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)
