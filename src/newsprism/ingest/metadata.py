"""Metadata shared by every reader: field names, dates, languages, titles."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from dateutil import parser as date_parser

TITLE_MAX_CHARS = 150
DERIVED_TITLE_CHARS = 100

_DEFAULT_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name", "titel", "ueberschrift"),
    "text": ("text", "content", "body", "article", "maintext", "full_text", "article_text", "inhalt"),
    "url": ("url", "link", "uri", "canonical_url", "permalink"),
    "published": (
        "published",
        "date",
        "published_at",
        "publishedAt",
        "pubDate",
        "publish_date",
        "date_publish",
        "datetime",
        "datum",
        "timestamp",
    ),
    "source": ("source", "site", "outlet", "publisher", "source_name", "sitename", "domain", "quelle"),
    "language": ("language", "lang", "sprache"),
    "external_id": ("id", "guid", "uuid", "_id", "article_id", "doc_id"),
}


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which keys of a JSON record (or sidecar, or front matter) hold which article field."""

    names: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(_DEFAULT_FIELD_NAMES))

    def with_overrides(self, overrides: dict[str, str]) -> FieldMap:
        """Put user-named keys first, e.g. ``{"text": "body_html"}``."""
        unknown = set(overrides) - set(self.names)
        if unknown:
            raise ValueError(f"unknown article field(s): {', '.join(sorted(unknown))}")
        names = dict(self.names)
        for target, key in overrides.items():
            names[target] = (key, *names[target])
        return replace(self, names=names)

    def pick(self, record: dict[str, Any], target: str) -> tuple[str | None, Any]:
        """The first key present (case-insensitive) for ``target``, and its value."""
        lowered = {str(key).lower(): key for key in record}
        for name in self.names[target]:
            key = lowered.get(name.lower())
            if key is not None and record[key] not in (None, ""):
                return str(key), record[key]
        return None, None


def normalize_date(value: Any) -> str | None:
    """ISO 8601 for any date-like value: ``YYYY-MM-DD`` or a full timestamp; None if unparseable."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):  # feedparser's parsed dates are in UTC
        value = datetime(*value[:6], tzinfo=UTC)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    dayfirst = bool(re.match(r"\d{1,2}\.\d{1,2}\.\d{2,4}", text))
    try:
        parsed = date_parser.parse(text, dayfirst=dayfirst, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if re.search(r"\d{1,2}:\d{2}", text):
        return parsed.isoformat()
    return parsed.date().isoformat()


def normalize_language(value: Any) -> str | None:
    """``de-DE``, ``DE``, ``de_AT`` → ``de``."""
    if not isinstance(value, str):
        return None
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def as_text(value: Any) -> str | None:
    """A metadata value as a single clean string (a dict's ``name``, a list's first item)."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("id")
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or isinstance(value, (dict, list)):
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


# A sentence ends at . ! ? … (and a closing quote after it) before an uppercase start, but not
# after an ordinal or a date ("am 3. November") or a common abbreviation ("Dr. Müller").
_SENTENCE_END = re.compile(r"[.!?…][\"“”»'’]?(?=\s+[\"„»«A-ZÄÖÜ0-9])")
_NOT_AN_END = re.compile(
    r"(?:\b\d{1,4}|\b[A-ZÄÖÜa-z]|\b(?:Dr|Prof|St|Nr|Abs|Mio|Mrd|Hr|Fr|Mr|Mrs|Ms|vs|bzw|ca|etc))\.$"
)


def first_sentence(text: str) -> str:
    for match in _SENTENCE_END.finditer(text):
        if not _NOT_AN_END.search(text[: match.start() + 1]):
            return text[: match.end()]
    return text


def derive_title(text: str) -> str:
    """The first sentence, shortened at a word boundary: a title for text that has none."""
    first = re.sub(r"\s+", " ", first_sentence(text.strip())).strip()
    if len(first) <= DERIVED_TITLE_CHARS:
        return first
    cut = first[:DERIVED_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:-–")
    return cut + "…"


def is_title_line(line: str) -> bool:
    """A first line short enough to be a headline rather than a paragraph."""
    stripped = line.strip()
    return 0 < len(stripped) <= TITLE_MAX_CHARS and len(stripped.split()) <= 25
