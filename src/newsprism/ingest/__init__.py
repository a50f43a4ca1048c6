"""Ingest: read articles from text, Markdown, HTML, JSON/JSONL, WARC and RSS/Atom inputs.

Public surface: ``expand_paths`` turns user paths into inputs, ``read_input`` turns one input into
``RawDocument``s and ``IngestError``s; ``read_records`` does it for JSON already parsed (the web
API's posts). Readers never raise for bad input.
"""

from newsprism.ingest.metadata import FieldMap, normalize_date
from newsprism.ingest.reader import DEFAULT_MAX_BYTES, IngestOptions, read_input, sniff_format
from newsprism.ingest.records import read_records
from newsprism.ingest.sources import STDIN, InputFile, expand_paths

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "FieldMap",
    "IngestOptions",
    "InputFile",
    "expand_paths",
    "normalize_date",
    "read_input",
    "read_records",
    "sniff_format",
]
