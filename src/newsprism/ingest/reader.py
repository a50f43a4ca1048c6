"""Read one input: check its size, sniff its format, hand it to the right reader, fill metadata."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from newsprism.ingest.decode import DecodeError, decode_bytes
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.html import NoMainTextError, read_html
from newsprism.ingest.metadata import FieldMap, as_text, normalize_date, normalize_language
from newsprism.ingest.records import read_json, read_jsonl
from newsprism.ingest.sources import SIDECAR_SUFFIX, InputFile, read_stdin
from newsprism.ingest.text import parse_text
from newsprism.ingest.warc import read_warc
from newsprism.model import IngestError, RawDocument

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"

_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".arc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read inputs: size limit, field mapping, and metadata for inputs that carry none."""

    max_bytes: int = DEFAULT_MAX_BYTES
    fields: FieldMap = field(default_factory=FieldMap)
    source: str | None = None
    published: str | None = None


def _format_by_extension(name: str) -> str | None:
    lowered = name.lower()
    if lowered.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    return _EXTENSIONS.get(Path(lowered).suffix)


def sniff_format(head: bytes) -> str:
    """Guess the format from the first bytes, for stdin and files without a known extension."""
    if head.startswith(_GZIP_MAGIC):
        try:
            inner = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return "binary"
        return "warc" if inner.startswith(b"WARC/") else "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed" if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf")) else "html"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if start.startswith(b"{"):
        first_line = start.split(b"\n", 1)[0].strip()
        return "jsonl" if first_line.endswith(b"}") and b"\n{" in start else "json"
    if start.startswith(b"["):
        return "json"
    return "text"


def _sidecar(path: Path | None) -> dict[str, object]:
    """Metadata from ``NAME.meta.json`` (or ``STEM.meta.json``) beside a file."""
    if path is None:
        return {}
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return {}
            return data if isinstance(data, dict) else {}
    return {}


def _read_text_file(text: str, item: InputFile, fmt: str, options: IngestOptions) -> RawDocument:
    meta, body = parse_text(text, markdown=fmt == "markdown")
    fields = options.fields
    sidecar = _sidecar(item.fs_path)

    def pick(target: str) -> object:
        """The file's own value for ``target`` (any synonym), else the sidecar's."""
        value = fields.pick(meta, target)[1]
        return value if value is not None else fields.pick(sidecar, target)[1]

    return RawDocument(
        path=item.display,
        raw_text=body,
        format=fmt,
        title=as_text(pick("title")),
        source=as_text(pick("source")),
        url=as_text(pick("url")),
        published=normalize_date(pick("published")),
        language=normalize_language(pick("language")),
        external_id=as_text(pick("external_id")),
    )


def _open(item: InputFile) -> BinaryIO:
    if item.fs_path is None:
        return io.BytesIO(read_stdin())
    return item.fs_path.open("rb")


def _human_size(size: int) -> str:
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def _read_limited(stream: BinaryIO, limit: int, label: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise DecodeError(f"{label} is over the {_human_size(limit)} size limit (--max-size)")
    return data


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes]:
    """Lines of a stream, none held longer than ``limit + 1`` bytes (the rest is skipped)."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield line


def _dispatch(item: InputFile, options: IngestOptions) -> Iterator[RawDocument | IngestError]:
    path = item.display
    with _open(item) as stream:
        head = stream.read(4096)
        stream.seek(0)
        if not head.strip():
            yield IngestError(path, "empty file")
            return
        fmt = (_format_by_extension(item.name) if item.fs_path else None) or sniff_format(head)
        if fmt == "warc":
            yield from read_warc(stream, path, options.max_bytes)
            return
        if fmt == "jsonl" and not head.startswith(_GZIP_MAGIC) and b"\x00" not in head[:64]:
            yield from read_jsonl(_bounded_lines(stream, options.max_bytes), path, options.fields, options.max_bytes)
            return
        if fmt == "binary" or (fmt != "gzip" and head.startswith(_GZIP_MAGIC)):
            yield IngestError(path, "binary file, not text")
            return
        if fmt == "gzip" or head.startswith(_GZIP_MAGIC):
            with gzip.GzipFile(fileobj=stream) as inner:
                data = _read_limited(inner, options.max_bytes, "decompressed file")
            inner_name = item.name[: -len(".gz")] if item.name.lower().endswith(".gz") else ""
            fmt = _format_by_extension(inner_name) or sniff_format(data[:4096])
        else:
            data = _read_limited(stream, options.max_bytes, "file")
    if not data.strip():
        yield IngestError(path, "empty file")
        return
    if fmt == "feed":
        yield from read_feed(data, path)
        return
    if fmt == "jsonl":
        if b"\x00" in data[:64]:  # UTF-16/32: decode the whole file before splitting lines
            data = decode_bytes(data).encode("utf-8")
        yield from read_jsonl(data.splitlines(), path, options.fields, options.max_bytes)
        return
    text = decode_bytes(data)
    if fmt == "json":
        yield from read_json(text, path, options.fields)
    elif fmt == "html":
        yield read_html(text, path)
    elif fmt in ("text", "markdown"):
        yield _read_text_file(text, item, fmt, options)
    else:
        yield IngestError(path, f"unsupported format {fmt}")


def _with_defaults(document: RawDocument, options: IngestOptions) -> RawDocument | IngestError:
    if not document.raw_text.strip():
        return IngestError(document.path, "no article text")
    document.source = document.source or options.source
    document.published = document.published or normalize_date(options.published)
    return document


def read_input(item: InputFile, options: IngestOptions) -> Iterator[RawDocument | IngestError]:
    """Every article in one input, and an error for each part that could not be read.

    Never raises for bad input: a file that fails half-way keeps the articles read before.
    """
    try:
        for result in _dispatch(item, options):
            yield _with_defaults(result, options) if isinstance(result, RawDocument) else result
    except (DecodeError, NoMainTextError) as exc:
        yield IngestError(item.display, str(exc))
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestError(item.display, f"could not read file: {exc}")
    except Exception as exc:  # noqa: BLE001 - one bad input must never stop the batch
        yield IngestError(item.display, f"unexpected {type(exc).__name__}: {exc}")
