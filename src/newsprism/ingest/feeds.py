"""RSS and Atom feeds: one article per item, from its full content or else its summary."""

from __future__ import annotations

import re
from collections.abc import Iterator

import feedparser

from newsprism.ingest.html import fragment_to_text
from newsprism.ingest.metadata import as_text, normalize_date, normalize_language
from newsprism.model import IngestError, RawDocument

_SECTION_SEPARATOR = re.compile(r"\s+[–—|-]\s+|:\s+")


def outlet_name(feed_title: str | None) -> str | None:
    """The outlet of a feed titled "Outlet – Section" ("Spiegel Online - Nachrichten" → "Spiegel Online")."""
    if not feed_title:
        return None
    outlet = _SECTION_SEPARATOR.split(feed_title, maxsplit=1)[0].strip()
    return outlet if len(outlet) >= 3 else feed_title


def read_feed(data: bytes, path: str) -> Iterator[RawDocument | IngestError]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        yield IngestError(path, f"malformed feed: {problem}" if problem else "feed has no items")
        return
    feed = parsed.feed
    for index, entry in enumerate(parsed.entries):
        contents = [part.get("value", "") for part in entry.get("content", [])]
        body = max((fragment_to_text(value) for value in contents), key=len, default="")
        if not body:
            body = fragment_to_text(entry.get("summary", ""))
        label = entry.get("id") or entry.get("link") or f"item {index}"
        if not body:
            yield IngestError(f"{path}#{label}", "feed item has no text")
            continue
        yield RawDocument(
            path=path,
            raw_text=body,
            format="feed",
            title=as_text(entry.get("title")),
            source=outlet_name(as_text(feed.get("title"))),
            url=as_text(entry.get("link")),
            published=normalize_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            language=normalize_language(entry.get("language") or feed.get("language")),
            external_id=as_text(entry.get("id")),
        )
