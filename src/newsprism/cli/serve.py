"""``newsprism serve``: the web app and REST API over a database."""

from __future__ import annotations

import os

import typer

from newsprism.cli.app import DB_OPTION, app, console, fail
from newsprism.store import SchemaError, default_target


@app.command()
def serve(
    db: str | None = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 0.0.0.0 exposes it to the network."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    ingest: bool = typer.Option(True, "--ingest/--read-only", help="Analyse articles posted to POST /api/articles."),
) -> None:
    """Start the web app: stories with their sources side by side, actors, articles, search, and the
    REST API under /api/ (documented at /docs). Set NEWSPRISM_API_TOKEN to protect posting."""
    import uvicorn

    from newsprism.web import TOKEN_ENV, create_app

    target = db or default_target()
    try:
        web_app = create_app(target, ingest=ingest)
    except SchemaError as exc:
        raise fail(str(exc)) from exc
    if host not in ("127.0.0.1", "localhost", "::1") and ingest and not os.environ.get(TOKEN_ENV):
        console.print(f"[yellow]warning:[/] anyone who reaches {host}:{port} can post articles; set {TOKEN_ENV}")
    console.print(f"newsprism on [bold]http://{host}:{port}/[/] — database {target} — Ctrl+C stops it")
    # Keep-alive longer than clients usually keep idle connections, so none is closed under them.
    uvicorn.run(web_app, host=host, port=port, log_level="warning", timeout_keep_alive=30)
