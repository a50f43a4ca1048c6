"""Every input format yields the article text and its metadata."""

from __future__ import annotations

import gzip
import json

import pytest

from newsprism.ingest import FieldMap, sniff_format
from newsprism.ingest.metadata import DERIVED_TITLE_CHARS
from samples import (
    BOILERPLATE,
    DE_BRIDGE,
    DE_FLOOD,
    EN_FERRY,
    EN_LIBRARY,
    atom_feed,
    html_paragraphs,
    jsonl,
    news_page,
    rss_feed,
    text_file,
    warc_bytes,
)

# --------------------------------------------------------------------------- plain text


def test_german_header_lines(read_file):
    header = "Quelle: Lokalblatt Musterstadt\nDatum: 02.03.2026\nURL: https://lokalblatt.example/bruecke"
    doc = read_file("bruecke.txt", text_file(DE_BRIDGE, header, "Neue Brücke eröffnet")).doc
    assert doc.format == "text"
    assert doc.source == "Lokalblatt Musterstadt"
    assert doc.published == "2026-03-02"
    assert doc.url == "https://lokalblatt.example/bruecke"
    assert doc.title == "Neue Brücke eröffnet"
    assert doc.raw_text == DE_BRIDGE
    assert "Quelle:" not in doc.raw_text


def test_english_header_lines(read_file):
    header = "Source: The Island Courier\nDate: 2026-05-01"
    doc = read_file("ferry.txt", text_file(EN_FERRY, header, "Ferry service resumes")).doc
    assert doc.source == "The Island Courier"
    assert doc.published == "2026-05-01"
    assert doc.title == "Ferry service resumes"
    assert doc.raw_text == EN_FERRY


def test_short_first_line_followed_by_blank_line_is_the_title(read_file):
    doc = read_file("flood.txt", f"Hochwasser in Bärenfeld\n\n{DE_FLOOD}\n").doc
    assert doc.title == "Hochwasser in Bärenfeld"
    assert doc.raw_text == DE_FLOOD
    assert doc.source is None
    assert doc.published is None


def test_long_first_paragraph_gives_a_derived_shortened_title(read_file):
    doc = read_file("bridge.txt", DE_BRIDGE).doc
    first_sentence = DE_BRIDGE.split(". ")[0]
    assert len(first_sentence) > DERIVED_TITLE_CHARS
    assert doc.title.endswith("…")
    assert len(doc.title) <= DERIVED_TITLE_CHARS + 1
    assert first_sentence.startswith(doc.title[:-1])
    assert doc.raw_text == DE_BRIDGE  # the first paragraph stays in the body


def test_short_first_sentence_is_the_whole_derived_title(read_file):
    text = "The city library will open on Sundays. The council announced the change on Tuesday.\n" + EN_LIBRARY
    doc = read_file("library.txt", text).doc
    assert doc.title == "The city library will open on Sundays."
    assert doc.raw_text == text.strip()


# --------------------------------------------------------------------------- Markdown


def test_markdown_front_matter_heading_and_links(read_file):
    markdown = (
        "---\nsource: The Island Courier\npublished: 2026-05-01\nurl: https://courier.example/ferry\n"
        "language: en-GB\n---\n"
        "# Ferry service *resumes*\n\n"
        "The [ferry service](https://courier.example/tags/ferry) between the islands resumed on **Friday**.\n\n"
        "![A ferry](https://courier.example/img/ferry.jpg)\n\n"
        "## Timetables\n\nOperators said timetables would return to normal by Monday.\n"
    )
    doc = read_file("ferry.md", markdown).doc
    assert doc.format == "markdown"
    assert doc.title == "Ferry service resumes"
    assert doc.source == "The Island Courier"
    assert doc.published == "2026-05-01"
    assert doc.url == "https://courier.example/ferry"
    assert doc.language == "en"
    assert "The ferry service between the islands resumed on Friday." in doc.raw_text
    assert "Timetables\n\nOperators said" in doc.raw_text
    for markup in ("](", "https://", "**", "# ", "---", "!["):
        assert markup not in doc.raw_text


def test_markdown_heading_repeating_front_matter_title_is_not_in_body(read_file):
    markdown = "---\ntitle: Ferry service resumes\n---\n# Ferry service resumes\n\n" + EN_FERRY + "\n"
    doc = read_file("ferry.md", markdown).doc
    assert doc.title == "Ferry service resumes"
    assert doc.raw_text == EN_FERRY


# --------------------------------------------------------------------------- sidecars


@pytest.mark.parametrize("sidecar_name", ["flood.txt.meta.json", "flood.meta.json"])
def test_sidecar_metadata(read_file, inputs_dir, sidecar_name):
    meta = {"source": "Wiesel-Bote", "published": "2026-01-12", "url": "https://wiesel.example/hochwasser"}
    (inputs_dir / sidecar_name).write_text(json.dumps(meta), encoding="utf-8")
    doc = read_file("flood.txt", text_file(DE_FLOOD, title="Hochwasser in Bärenfeld")).doc
    assert (doc.source, doc.published, doc.url) == ("Wiesel-Bote", "2026-01-12", "https://wiesel.example/hochwasser")
    assert doc.title == "Hochwasser in Bärenfeld"


def test_sidecar_that_is_not_json_is_ignored(read_file, inputs_dir):
    (inputs_dir / "flood.txt.meta.json").write_text("{not json", encoding="utf-8")
    doc = read_file("flood.txt", text_file(DE_FLOOD, title="Hochwasser in Bärenfeld")).doc
    assert doc.source is None
    assert doc.raw_text == DE_FLOOD


# --------------------------------------------------------------------------- HTML


def test_html_page_text_and_meta_tags_without_boilerplate(read_file):
    doc = read_file("bruecke.html", news_page()).doc
    assert doc.format == "html"
    assert doc.title == "Neue Brücke in Musterstadt eröffnet"
    assert doc.source == "Lokalblatt Musterstadt"
    assert doc.published == "2026-03-02"
    assert doc.language == "de"
    assert doc.raw_text == DE_BRIDGE
    for noise in (*BOILERPLATE, "Mehr zum Thema", "Baustelle am Bahnhof"):
        assert noise not in doc.raw_text


def test_html_lead_paragraph_is_kept(read_file):
    lead = "Musterstadt. Die neue Brücke über die Lauter ist nach drei Jahren Bauzeit fertig und für Autos frei."
    page = news_page().replace("</h1>", f'</h1>\n<p class="teaser">{lead}</p>', 1)
    doc = read_file("bruecke.html", page).doc
    assert lead in doc.raw_text


# --------------------------------------------------------------------------- JSON


def _record(text, **extra):
    return {"title": "Titel", "text": text, "source": "Lokalblatt", "url": "https://l.example/1", **extra}


def test_json_list(read_file):
    records = [_record(DE_BRIDGE, id="a-1", published="2026-03-02"), _record(DE_FLOOD, id="a-2", lang="de-DE")]
    result = read_file("list.json", json.dumps(records))
    assert result.errors == []
    assert [doc.raw_text for doc in result.docs] == [DE_BRIDGE, DE_FLOOD]
    assert [doc.external_id for doc in result.docs] == ["a-1", "a-2"]
    assert result.docs[0].published == "2026-03-02"
    assert result.docs[1].language == "de"
    assert {doc.format for doc in result.docs} == {"json"}


def test_json_object_with_articles_list(read_file):
    result = read_file("obj.json", json.dumps({"status": "ok", "articles": [_record(EN_FERRY), _record(EN_LIBRARY)]}))
    assert result.errors == []
    assert [doc.raw_text for doc in result.docs] == [EN_FERRY, EN_LIBRARY]


def test_json_single_object(read_file):
    doc = read_file("one.json", json.dumps(_record(EN_FERRY, headline="ignored"))).doc
    assert doc.raw_text == EN_FERRY
    assert doc.title == "Titel"
    assert doc.source == "Lokalblatt"


def test_newsapi_style_record(read_file):
    record = {
        "source": {"id": "island-courier", "name": "The Island Courier"},
        "author": "Jo Reporter",
        "title": "Ferry service resumes",
        "description": "Boats are running again.",
        "url": "https://courier.example/ferry",
        "publishedAt": "2026-05-01T07:30:00Z",
        "content": EN_FERRY,
    }
    doc = read_file("newsapi.json", json.dumps({"status": "ok", "totalResults": 1, "articles": [record]})).doc
    assert doc.source == "The Island Courier"
    assert doc.published == "2026-05-01T07:30:00+00:00"
    assert doc.title == "Ferry service resumes"
    assert doc.url == "https://courier.example/ferry"
    assert doc.raw_text == EN_FERRY


def test_json_text_with_html_markup_is_reduced_to_text(read_file):
    html = (
        "<p>Der Gemeinderat hat <b>gestern</b> den <a href='https://l.example/haushalt'>Haushalt</a> beschlossen."
        "</p><script>trackVisitor()</script><p>Die Opposition stimmte dagegen.<br>Der Kämmerer zeigte sich "
        "zufrieden.</p>"
    )
    doc = read_file("html.json", json.dumps([_record(html)])).doc
    assert doc.raw_text == (
        "Der Gemeinderat hat gestern den Haushalt beschlossen.\n\n"
        "Die Opposition stimmte dagegen.\n\nDer Kämmerer zeigte sich zufrieden."
    )
    assert "<" not in doc.raw_text
    assert "trackVisitor" not in doc.raw_text


def test_json_text_given_as_list_of_paragraphs(read_file):
    doc = read_file("paras.json", json.dumps(_record(["Erster Absatz.", "Zweiter Absatz."]))).doc
    assert doc.raw_text == "Erster Absatz.\n\nZweiter Absatz."


def test_json_epoch_milliseconds_date(read_file):
    doc = read_file("epoch.json", json.dumps(_record(EN_FERRY, published=1_777_000_000_000))).doc
    assert doc.published is not None
    assert doc.published.startswith("2026-04-2")


# --------------------------------------------------------------------------- JSONL


DNR_LIKE = [
    {
        "guid": "ml-1",
        "headline": "Brücke eröffnet",
        "body": DE_BRIDGE,
        "link": "https://ml.example/1",
        "date": "2026-03-02T09:00:00+01:00",
        "site": "Musterländer Nachrichtendienst",
    },
    {
        "guid": "ml-2",
        "headline": "Hochwasser in Bärenfeld",
        "body": DE_FLOOD,
        "link": "https://ml.example/2",
        "date": "12.01.2026",
        "site": "Musterländer Nachrichtendienst",
    },
]


def test_jsonl_with_non_default_field_names(read_file):
    result = read_file("feed.jsonl", jsonl(DNR_LIKE))
    assert result.errors == []
    first, second = result.docs
    assert (first.external_id, first.title, first.url) == ("ml-1", "Brücke eröffnet", "https://ml.example/1")
    assert first.source == "Musterländer Nachrichtendienst"
    assert first.published == "2026-03-02T09:00:00+01:00"
    assert first.raw_text == DE_BRIDGE
    assert first.format == "jsonl"
    assert second.published == "2026-01-12"  # German day-first date
    assert second.raw_text == DE_FLOOD


def test_jsonl_field_overrides(read_file):
    records = [
        {"kopf": "Haushalt beschlossen", "text": "Kurzfassung.", "story": DE_BRIDGE, "medium": "Kreisbote", "nr": 7},
    ]
    fields = FieldMap().with_overrides({"text": "story", "title": "kopf", "source": "medium", "external_id": "nr"})
    doc = read_file("custom.jsonl", jsonl(records), fields=fields).doc
    assert doc.raw_text == DE_BRIDGE  # the override wins over the default "text" key
    assert doc.title == "Haushalt beschlossen"
    assert doc.source == "Kreisbote"
    assert doc.external_id == "7"


def test_field_override_for_unknown_article_field_is_rejected():
    with pytest.raises(ValueError, match="unknown article field"):
        FieldMap().with_overrides({"headline_text": "x"})


def test_field_map_pick_is_case_insensitive_and_skips_empty_values():
    fields = FieldMap()
    assert fields.pick({"Title": "", "HEADLINE": "Schlagzeile"}, "title") == ("HEADLINE", "Schlagzeile")
    assert fields.pick({"foo": 1}, "title") == (None, None)


# --------------------------------------------------------------------------- WARC


def _warc_records():
    return [
        ("https://lokalblatt.example/bruecke", "text/html; charset=utf-8", news_page().encode()),
        ("https://lokalblatt.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(40))),
        (
            "https://courier.example/ferry",
            "text/html",
            news_page(EN_FERRY, "Ferry service resumes", "The Island Courier", "2026-05-01T09:00:00Z", "en").encode(),
        ),
    ]


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_html_responses_become_articles(read_file, name, compress):
    data, ids, _ = warc_bytes(_warc_records(), gzip=compress)
    result = read_file(name, data)
    assert result.errors == []  # the PNG record is skipped silently
    assert len(result.docs) == 2
    bridge, ferry = result.docs
    assert bridge.external_id == ids[0]
    assert ferry.external_id == ids[2]
    assert bridge.url == "https://lokalblatt.example/bruecke"
    assert ferry.url == "https://courier.example/ferry"
    assert bridge.raw_text == DE_BRIDGE
    assert ferry.raw_text == EN_FERRY
    assert bridge.source == "Lokalblatt Musterstadt"
    assert {doc.format for doc in result.docs} == {"warc"}


def test_warc_with_no_html_pages_is_reported(read_file):
    data, _, _ = warc_bytes([("https://x.example/a.png", "image/png", b"\x89PNG\r\n")])
    result = read_file("images.warc.gz", data)
    assert result.docs == []
    assert [error.reason for error in result.errors] == ["WARC holds no HTML pages"]


# --------------------------------------------------------------------------- feeds


RSS_ITEMS = [
    {
        "title": "Neue Brücke eröffnet",
        "link": "https://morgenpost.example/bruecke",
        "guid": "mp-2026-0302-bruecke",
        "pubDate": "Mon, 02 Mar 2026 09:15:00 +0100",
        "description": "Kurz: Die Brücke ist offen.",
        "content": html_paragraphs(DE_BRIDGE),
    },
    {
        "title": "Hochwasser in Bärenfeld",
        "link": "https://morgenpost.example/hochwasser",
        "guid": "mp-2026-0112-hochwasser",
        "pubDate": "Mon, 12 Jan 2026 06:00:00 GMT",
        "description": html_paragraphs(DE_FLOOD).replace("<", "&lt;").replace(">", "&gt;"),
    },
]


def test_rss_with_content_encoded(read_file):
    result = read_file("morgenpost.rss", rss_feed(RSS_ITEMS))
    assert result.errors == []
    bridge, flood = result.docs
    assert bridge.raw_text == DE_BRIDGE  # full content, not the short description
    assert bridge.external_id == "mp-2026-0302-bruecke"
    assert bridge.source == "Morgenpost Musterstadt"
    assert bridge.title == "Neue Brücke eröffnet"
    assert bridge.url == "https://morgenpost.example/bruecke"
    assert bridge.published == "2026-03-02T08:15:00+00:00"
    assert bridge.language == "de"
    assert bridge.format == "feed"
    assert flood.raw_text == DE_FLOOD  # no content:encoded: the description is used
    assert flood.published == "2026-01-12T06:00:00+00:00"


def test_rss_with_xml_extension(read_file):
    result = read_file("morgenpost.xml", rss_feed(RSS_ITEMS[:1]))
    assert [doc.external_id for doc in result.docs] == ["mp-2026-0302-bruecke"]


def test_atom_feed(read_file):
    atom = atom_feed("tag:gazette.example,2026:ferry-1", "2026-05-01T09:30:00+02:00", html_paragraphs(EN_FERRY))
    doc = read_file("gazette.atom", atom).doc
    assert doc.external_id == "tag:gazette.example,2026:ferry-1"
    assert doc.source == "Harbour Gazette"
    assert doc.published == "2026-05-01T07:30:00+00:00"
    assert doc.title == "Ferry service resumes"
    assert doc.url == "https://gazette.example/ferry"
    assert doc.raw_text == EN_FERRY


# --------------------------------------------------------------------------- gzip and sniffing


def test_gzipped_text_file(read_file):
    data = gzip.compress(text_file(DE_FLOOD, "Quelle: Wiesel-Bote", "Hochwasser in Bärenfeld").encode())
    doc = read_file("flood.txt.gz", data).doc
    assert doc.source == "Wiesel-Bote"
    assert doc.raw_text == DE_FLOOD


def test_unknown_extension_is_sniffed(read_file):
    result = read_file("export.dat", json.dumps([_record(EN_FERRY)]))
    assert [doc.raw_text for doc in result.docs] == [EN_FERRY]
    assert result.docs[0].format == "json"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: response"), "warc"),
        (gzip.compress(b"Hallo Welt"), "gzip"),
        (b"\x1f\x8b\x08garbage", "binary"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
        (b"  <html lang='de'>", "html"),
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b'{"articles": [\n{"text": "a"}]}', "json"),
        (b'[{"text": "a"}]', "json"),
        (b"Quelle: Lokalblatt\n\nText", "text"),
    ],
)
def test_sniff_format(head, expected):
    assert sniff_format(head) == expected
