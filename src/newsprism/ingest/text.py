"""Plain text and Markdown: front matter, ``Quelle:``/``Source:`` header lines, titles."""

from __future__ import annotations

import re
from typing import Any

import yaml

from newsprism.ingest.metadata import derive_title, is_title_line

_HEADER_KEYS: dict[str, str] = {
    "quelle": "source",
    "source": "source",
    "medium": "source",
    "outlet": "source",
    "datum": "published",
    "date": "published",
    "veröffentlicht": "published",
    "published": "published",
    "url": "url",
    "link": "url",
    "titel": "title",
    "title": "title",
    "sprache": "language",
    "language": "language",
    "id": "id",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-zÄÖÜäöü]+)\s*:\s*(\S.*?)\s*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        data = _header_block(match.group(1).splitlines())[0]
    return data, text[match.end() :]


def _header_block(lines: list[str]) -> tuple[dict[str, str], int]:
    """Leading ``Key: value`` lines with known keys; returns them and how many lines they took."""
    found: dict[str, str] = {}
    for index, line in enumerate(lines):
        match = _HEADER_LINE.match(line)
        if not line.strip():
            return found, index
        if not match or match.group(1).lower() not in _HEADER_KEYS:
            return (found, index) if found else ({}, 0)
        found[_HEADER_KEYS[match.group(1).lower()]] = match.group(2)
    return found, len(lines)


def _strip_markdown(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_HEADING.sub("", text)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def parse_text(text: str, markdown: bool) -> tuple[dict[str, Any], str]:
    """Split a text file into metadata (with ``title``) and body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = _front_matter(text)
    meta = {str(key).lower(): value for key, value in meta.items()}
    lines = body.split("\n")
    header, used = _header_block(lines)
    for key, value in header.items():
        meta.setdefault(key, value)
    lines = lines[used:]
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines:
        first = lines[0].strip()
        heading = re.match(r"#{1,6}\s+(.*)", first) if markdown else None
        rest = any(line.strip() for line in lines[1:])
        stands_alone = len(lines) == 1 or not lines[1].strip()
        if "title" in meta:
            if heading and _same(heading.group(1), str(meta["title"])):
                lines.pop(0)  # the heading repeats the front-matter title
        elif rest and (heading or (stands_alone and is_title_line(first))):
            meta["title"] = heading.group(1).strip() if heading else first
            lines.pop(0)
    body = "\n".join(lines).strip()
    if markdown:
        body = _strip_markdown(body)
        if isinstance(meta.get("title"), str):
            meta["title"] = _strip_markdown(meta["title"])
    if not meta.get("title") and body:
        meta["title"] = derive_title(body)
    return meta, body
