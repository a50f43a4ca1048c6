"""HTML pages (main text and metadata via trafilatura) and HTML fragments (feed items, JSON bodies)."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from trafilatura import bare_extraction

from newsprism.ingest.metadata import normalize_date, normalize_language
from newsprism.model import RawDocument

_BLOCK_END = re.compile(r"(?i)(<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|tr|section|article)>)")
_LANG_ATTR = re.compile(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", re.IGNORECASE)
_MARKUP = re.compile(r"<(?:p|br|div|span|a|em|strong|b|i|h[1-6])\b[^>]*>", re.IGNORECASE)


MIN_CHARS = 80
MIN_WORDS = 12


class NoMainTextError(ValueError):
    """The page has no article text (a navigation page, an empty shell, broken markup)."""


def looks_like_html(text: str) -> bool:
    return bool(_MARKUP.search(text))


def _paragraphs(lines: str) -> str:
    return "\n\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in lines.split("\n") if line.strip())


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if not fragment.strip():
        return ""
    marked = _BLOCK_END.sub(lambda m: m.group(1) + "\n", fragment)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (etree.ParserError, ValueError):
        return _paragraphs(re.sub(r"<[^>]+>", " ", fragment))
    for node in root.iter("script", "style"):
        node.drop_tree()
    return _paragraphs(root.text_content())


def _drop_headline(body: str, title: str | None) -> str:
    """Remove the headline (and a kicker line above it) that trafilatura keeps at the top of the text."""
    if not title:
        return body
    paragraphs = body.split("\n\n")
    for index, paragraph in enumerate(paragraphs[:3]):
        if paragraph.strip() == title.strip():
            return "\n\n".join(paragraphs[index + 1 :])
    return body


def read_html(html: str, path: str, fmt: str = "html", url: str | None = None) -> RawDocument:
    """Extract the main text and metadata of a news page."""
    try:
        # favor_recall keeps the lead paragraph (often styled as a teaser), which carries key facts
        document = bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_recall=True)
    except (etree.LxmlError, RecursionError, ValueError) as exc:
        raise NoMainTextError(f"broken HTML: {exc}") from exc
    if document is None or not (document.text or "").strip():
        raise NoMainTextError("no main text found in HTML")
    title = (document.title or "").strip() or None
    body = _drop_headline(_paragraphs(document.text), title)
    if len(body) < MIN_CHARS or len(body.split()) < MIN_WORDS:
        raise NoMainTextError("no main text in HTML (only navigation, or an empty page)")
    lang = _LANG_ATTR.search(html[:4096])
    return RawDocument(
        path=path,
        raw_text=body,
        format=fmt,
        title=title,
        source=document.sitename or document.hostname,
        url=url or document.url,
        published=normalize_date(document.date),
        language=normalize_language(lang.group(1)) if lang else None,
    )
