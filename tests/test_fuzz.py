"""Fuzzing the ingest readers with structured input (a bounded hypothesis run in every ``make
test``): JSON of any shape, HTML with random nesting and entities, feeds and JSONL with broken
parts. No exception escapes; every input yields articles with text or errors with reasons.
Set ``NEWSPRISM_FUZZ_EXAMPLES`` for a longer run."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.ingest import IngestOptions, InputFile, read_input, read_records
from newsprism.model import IngestError, RawDocument

EXAMPLES = int(os.environ.get("NEWSPRISM_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40))
_json = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
_fields = st.sampled_from(["text", "body", "content", "title", "url", "published", "date", "source", "lang", "x"])
_records = st.dictionaries(_fields, _json, max_size=6)
_tags = st.sampled_from(
    ["p", "div", "article", "script", "style", "nav", "h1", "span", "table", "td", "br", "![CDATA["]
)
_words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@st.composite
def _html(draw: st.DrawFn) -> str:
    parts = ["<html><head><title>", draw(_words), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(_tags)
        parts.append(
            draw(st.sampled_from([f"<{tag}>", f"</{tag}>", f"<{tag} class='{draw(_words)}'>", "&amp;", "&#0;"]))
        )
        parts.append(draw(_words))
    if draw(st.booleans()):
        parts.append("</body></html>")
    return "".join(parts)


def _check(results: list[RawDocument | IngestError], path: str) -> None:
    assert results  # always an article or a reason
    for result in results:
        if isinstance(result, RawDocument):
            assert result.raw_text.strip()
        else:
            assert isinstance(result, IngestError)
            assert result.path.startswith(path) and result.reason


def _read(folder, name: str, data: bytes) -> None:
    path = folder / name
    path.write_bytes(data)
    _check(list(read_input(InputFile(str(path), path), IngestOptions(max_bytes=100_000))), str(path))


@FUZZ
@given(_json | st.lists(_records, max_size=4) | _records)
def test_records_of_any_shape(data):
    results = list(read_records(data, "api"))
    _check(results, "api")


@FUZZ
@given(st.lists(_records | _json, max_size=5), st.lists(st.sampled_from(["", "{", "[1,", "\xff", "null"]), max_size=3))
def test_json_and_jsonl_files(tmp_path_factory, records, junk):
    folder = tmp_path_factory.mktemp("fuzz-json")
    _read(folder, "input.json", json.dumps(records).encode())
    lines = [json.dumps(record) for record in records] + junk
    _read(folder, "input.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))


@FUZZ
@given(_html())
def test_html_files(tmp_path_factory, page):
    _read(tmp_path_factory.mktemp("fuzz-html"), "page.html", page.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.lists(st.tuples(_words, _words, st.booleans()), max_size=4), st.booleans())
def test_feeds(tmp_path_factory, items, closed):
    body = "".join(
        f"<item><title>{title}</title><description>{text}</description>{'</item>' if ok else ''}"
        for title, text, ok in items
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{body}'
    if closed:
        feed += "</channel></rss>"
    _read(tmp_path_factory.mktemp("fuzz-feed"), "feed.rss", feed.encode("utf-8", "surrogatepass"))
