"""Store: SQLite by default (one file, WAL), PostgreSQL by URL, through SQLAlchemy Core.

Public surface: ``Database`` (open, write batches, read back), ``default_target`` (the database
used when none is named: ``$NEWSPRISM_DB`` or ``newsprism.db``), ``SchemaError``, and what
browsing reads: ``StoryFilter``, ``StoryListing``, ``SearchHit`` (snippets mark hits with ``MARK_START``/``MARK_END``).
"""

from newsprism.store.backend import MARK_END, MARK_START, default_target
from newsprism.store.database import Database, SchemaError, SearchHit, StoryFilter, StoryListing
from newsprism.store.schema import SCHEMA_VERSION

__all__ = [
    "MARK_END",
    "MARK_START",
    "SCHEMA_VERSION",
    "Database",
    "SchemaError",
    "SearchHit",
    "StoryFilter",
    "StoryListing",
    "default_target",
]
