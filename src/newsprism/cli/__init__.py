"""The ``newsprism`` command line: one module per command, all on one Typer app."""

from newsprism.cli import actors, analyze, articles, export, extracted, kb, serve, show, stories  # noqa: F401 - registers the commands
from newsprism.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
