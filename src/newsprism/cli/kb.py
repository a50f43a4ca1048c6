"""``newsprism kb check FILE``: validate a knowledge-base file before using it with ``--kb``."""

from __future__ import annotations

from pathlib import Path

import typer

from newsprism.cli.app import app, console, fail
from newsprism.link import check_file

kb_app = typer.Typer(help="The actor knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("check")
def check(path: Path = typer.Argument(..., help="A knowledge-base YAML file.")) -> None:
    """Check a knowledge-base file against the schema; list every problem."""
    problems = check_file(path)
    if problems:
        for problem in problems:
            console.print(f"[red]✗[/] {problem}", highlight=False)
        raise fail(f"{path}: {len(problems)} problem(s)")
    console.print(f"[green]✓[/] {path} is a valid knowledge base")
