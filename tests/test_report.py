"""The HTML report escapes every piece of article text and links only http(s) URLs."""

from __future__ import annotations

import json
import re

import pytest

from newsprism.model import Article, Corpus, IngestError
from newsprism.pipeline import run_analysis
from newsprism.report import render_report, write_report
from newsprism.report.html import safe_url
from samples import EN_FERRY

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def _hostile_article(url: str | None = "javascript:alert(document.cookie)") -> Article:
    text = f"Harmless start {SCRIPT} and {IMG}.\n\nSecond paragraph {SCRIPT}."
    return Article(
        id="dead000000000001",
        path=f"in/{IMG}.json",
        format="json",
        raw_text=text,
        text=text,
        title=f"Title {SCRIPT} {IMG}",
        source=f"Source {IMG}",
        url=url,
        published="2026-05-01",
        language="en",
    )


def _assert_no_payload(page: str) -> None:
    assert SCRIPT not in page
    assert IMG not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert len(re.findall(r"<script", page, re.IGNORECASE)) == 0


def test_article_text_title_and_source_are_escaped():
    corpus = Corpus(articles=[_hostile_article()], errors=[IngestError(f"bad{SCRIPT}.txt", f"reason {IMG}")])
    page = render_report(corpus)
    _assert_no_payload(page)
    assert "Title &lt;script&gt;" in page


def test_javascript_url_is_not_a_link():
    page = render_report(Corpus(articles=[_hostile_article()]))
    assert "javascript:" not in page
    assert 'href="javascript' not in page.lower()


@pytest.mark.parametrize(
    "url",
    ["JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<b>x</b>", "vbscript:msgbox(1)", "//x.example"],
)
def test_only_http_urls_are_safe(url):
    assert safe_url(url) is None


@pytest.mark.parametrize("url", ["https://courier.example/ferry", "http://courier.example/a?b=1&c=2"])
def test_http_urls_become_links(url):
    assert safe_url(url) == url
    page = render_report(Corpus(articles=[_hostile_article(url)]))
    assert f'href="{url.replace("&", "&amp;")}"' in page


def test_report_through_the_pipeline(tmp_path):
    record = {
        "title": f"Ferry {SCRIPT}",
        "text": f"{EN_FERRY}\n\nReader comment: {IMG} {SCRIPT}",
        "url": "javascript:alert(1)",
        "source": "Island Courier",
    }
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.json").write_text(json.dumps(record), encoding="utf-8")
    corpus = run_analysis([tmp_path / "in"], db=tmp_path / "x.db").corpus
    assert len(corpus.articles) == 1
    path = write_report(corpus, tmp_path / "report" / "index.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert "The ferry service between the islands of Northholm and Southholm" in re.sub(r"<[^>]+>", "", page)
    assert "javascript:" not in page
    assert SCRIPT not in page
    assert IMG not in page
    assert "Ferry &lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_report_summary_counts():
    articles = [
        Article(id=f"id{n}", path="a", format="text", raw_text="x", text="x", source=s, language=lang)
        for n, (s, lang) in enumerate([("A", "de"), ("B", "en"), ("A", "de")])
    ]
    articles[2].duplicate_of = "id0"
    page = render_report(Corpus(articles=articles, errors=[IngestError("bad.txt", "empty file")]))
    overview = page.split('class="stats"')[1].split("</div>\n</div>")[0]
    numbers = {label: int(n) for n, label in re.findall(r"<b>(\d+)</b><span>([^<]+)</span>", overview)}
    assert numbers == {
        "articles": 3,
        "sources": 2,
        "languages": 2,
        "stories": 0,
        "near-duplicates": 1,
        "inputs skipped": 1,
    }
    assert "near-duplicate of id0" in re.sub(r"<[^>]+>", "", page)
    assert "bad.txt" in page
