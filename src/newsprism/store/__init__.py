"""Store: SQLite by default (one file, WAL), PostgreSQL by URL, through SQLAlchemy Core.

Public surface: ``Database`` (open, write batches, read back), ``default_target`` (the database
used when none is named: ``$NEWSPRISM_DB`` or ``newsprism.db``) and ``SchemaError``.
"""

from newsprism.store.backend import default_target
from newsprism.store.database import Database, SchemaError
from newsprism.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Database", "SchemaError", "default_target"]
