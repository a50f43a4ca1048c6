"""JSON and JSONL: one article per object, field names mapped by a ``FieldMap``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsprism.ingest.decode import DecodeError, decode_bytes
from newsprism.ingest.html import fragment_to_text, looks_like_html
from newsprism.ingest.metadata import FieldMap, as_text, normalize_date, normalize_language
from newsprism.model import IngestError, RawDocument

_LIST_KEYS = ("articles", "items", "data", "results", "documents", "docs", "records")


class RecordError(ValueError):
    """A record that is not an article: wrong types, no text."""


def record_to_document(record: Any, path: str, fmt: str, fields: FieldMap) -> RawDocument:
    """Map one JSON object onto a ``RawDocument``."""
    if not isinstance(record, dict):
        raise RecordError(f"expected a JSON object, got {type(record).__name__}")
    key, text = fields.pick(record, "text")
    if key is None:
        raise RecordError("no text field (tried: " + ", ".join(fields.names["text"]) + ")")
    if isinstance(text, list) and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)
    if not isinstance(text, str):
        raise RecordError(f"field {key!r} is {type(text).__name__}, expected a string")
    if looks_like_html(text):
        text = fragment_to_text(text)
    if not text.strip():
        raise RecordError(f"field {key!r} is empty")
    external_id = as_text(fields.pick(record, "external_id")[1])
    return RawDocument(
        path=path,
        raw_text=text.strip(),
        format=fmt,
        title=as_text(fields.pick(record, "title")[1]),
        source=as_text(fields.pick(record, "source")[1]),
        url=as_text(fields.pick(record, "url")[1]),
        published=normalize_date(fields.pick(record, "published")[1]),
        language=normalize_language(fields.pick(record, "language")[1]),
        external_id=external_id,
    )


def _records_in(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    raise RecordError(f"top-level JSON value is {type(data).__name__}, expected an object or a list")


def read_json(text: str, path: str, fields: FieldMap) -> Iterator[RawDocument | IngestError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(path, f"malformed JSON: {exc}")
        return
    yield from read_records(data, path, fields)


def read_records(data: Any, path: str, fields: FieldMap | None = None) -> Iterator[RawDocument | IngestError]:
    """The articles in parsed JSON (one object, a list, or a list under a key such as
    ``articles``), and an error for each record that is not one (``path#index``)."""
    fields = fields or FieldMap()
    try:
        records = _records_in(data)
    except RecordError as exc:
        yield IngestError(path, str(exc))
        return
    if not records:
        yield IngestError(path, "JSON holds no records")
    for index, record in enumerate(records):
        try:
            yield record_to_document(record, path, "json", fields)
        except RecordError as exc:
            yield IngestError(f"{path}#{index}", str(exc))


def read_jsonl(
    lines: Iterable[bytes], path: str, fields: FieldMap, max_bytes: int
) -> Iterator[RawDocument | IngestError]:
    """One object a line; a malformed or oversized line is reported and skipped, the rest is read."""
    count = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        count += 1
        label = f"{path}:{number}"
        if len(raw) > max_bytes:
            yield IngestError(label, f"line over the {max_bytes / 1e6:.0f} MB size limit")
            continue
        try:
            yield record_to_document(json.loads(decode_bytes(raw)), path, "jsonl", fields)
        except json.JSONDecodeError as exc:
            yield IngestError(label, f"malformed JSON line: {exc}")
        except (RecordError, DecodeError) as exc:
            yield IngestError(label, str(exc))
    if count == 0:
        yield IngestError(path, "JSONL file holds no records")
