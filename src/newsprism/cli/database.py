"""Opening the database for read commands, with a clear error when it is missing."""

from __future__ import annotations

from pathlib import Path

from newsprism.cli.app import fail
from newsprism.store import Database, SchemaError, default_target


def open_database(db: str | None) -> Database:
    target = db or default_target()
    if "://" not in target and not Path(target).exists():
        raise fail(f"no database at {target}: run `newsprism analyze PATH --db {target}` first")
    try:
        return Database(target)
    except SchemaError as exc:
        raise fail(str(exc)) from exc
