"""WARC and WARC.gz: every HTML response (or resource) record is one page."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsprism.ingest.decode import DecodeError, decode_bytes
from newsprism.ingest.html import NoMainTextError, read_html
from newsprism.model import IngestError, RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record: ArcWarcRecord) -> tuple[str, str | None]:
    headers = record.http_headers if record.http_headers else record.rec_headers
    value = (headers.get_header("Content-Type") or "").lower()
    mime, _, params = value.partition(";")
    charset = params.partition("charset=")[2].strip(" \"'") or None
    return mime.strip(), charset


def read_warc(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    """Stream the archive; a truncated one yields what came before the break, then an error."""
    pages = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            mime, charset = _content_type(record)
            if mime not in _HTML_TYPES:
                continue
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            uri = record.rec_headers.get_header("WARC-Target-URI")
            label = f"{path}#{record_id or pages}"
            payload = record.content_stream().read(max_bytes + 1)
            pages += 1
            if len(payload) > max_bytes:
                yield IngestError(label, f"record larger than the {max_bytes:,}-byte limit")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside this record
                yield IngestError(path, f"truncated WARC: it ends inside record {pages} ({record_id})")
                return
            try:
                document = read_html(decode_bytes(payload, charset), path, "warc", url=uri)
            except (DecodeError, NoMainTextError) as exc:
                yield IngestError(label, str(exc))
                continue
            document.external_id = record_id
            yield document
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, zlib.error) as exc:
        # warcio raises AttributeError when a record header is cut short
        yield IngestError(path, f"truncated or corrupt WARC after {pages} page(s): {exc}")
        return
    if pages == 0:
        yield IngestError(path, "WARC holds no HTML pages")
