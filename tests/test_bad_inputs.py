"""Bad inputs are reported as (path, reason) and never stop the rest of the batch."""

from __future__ import annotations

import gzip
import json
import random

import pytest

from newsprism.pipeline import run_analysis
from newsprism.store import Database
from samples import DE_BRIDGE, DE_FLOOD, EN_FERRY, html_paragraphs, jsonl, news_page, text_file, warc_bytes

BINARY = b"\x7fELF\x02\x01\x01\x00" + random.Random(7).randbytes(3000)
UNDECODABLE = bytes(0x80 + i % 120 for i in range(300))
NAV_ONLY_PAGE = """<!DOCTYPE html><html lang="de"><head><title>Startseite | Lokalblatt</title></head><body>
<div class="cookie-banner"><p>Wir verwenden Cookies.</p><button>Alle akzeptieren</button></div>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li>
</ul></nav>
<footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer></body></html>"""

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "binary.txt": (BINARY, "binary"),
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\t\n   \r\n", "empty"),
    "undecodable.txt": (UNDECODABLE, "undecodable"),
    "no-main-text.html": (b"<html><head><title>Nur ein Titel</title></head><body></body></html>", "no main text"),
    "broken.html": (b"<html><body><div><p>", "no main text"),
    "wrong-types.json": (json.dumps([{"title": "Zahl", "text": 12345}]).encode(), "expected a string"),
    "no-text.json": (json.dumps([{"title": "Nur Titel"}]).encode(), "no text field"),
    "malformed.json": (b'{"text": "abgebrochen', "malformed JSON"),
    "scalar.json": (b"42", "expected an object or a list"),
    "empty-list.json": (b"[]", "no records"),
    "no-items.rss": (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Leer</title></channel></rss>',
        "no items",
    ),
    "not-a-warc.warc": (b"WARC/1.0\r\nthis is not a real record header\r\n\r\n", "WARC"),
    "bad.gz": (b"\x1f\x8b\x08\x00" + b"\x00" * 40, "binary"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_reported_with_a_meaningful_reason(read_file, name):
    data, expected = BAD_FILES[name]
    result = read_file(name, data)
    assert result.docs == []
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.path.startswith(str(result.path))
    assert expected.lower() in error.reason.lower()


def test_json_record_errors_name_the_record(read_file):
    records = [{"text": DE_BRIDGE}, {"text": 5}, "nur ein String", {"text": "   "}, {"text": DE_FLOOD}]
    result = read_file("mixed.json", json.dumps(records))
    assert [doc.raw_text for doc in result.docs] == [DE_BRIDGE, DE_FLOOD]
    assert [(e.path.rsplit("#", 1)[1], e.reason) for e in result.errors] == [
        ("1", "field 'text' is int, expected a string"),
        ("2", "expected a JSON object, got str"),
        ("3", "field 'text' is empty"),
    ]


def test_malformed_jsonl_line_in_the_middle(read_file):
    good = jsonl([{"headline": "Eins", "body": DE_BRIDGE}, {"headline": "Drei", "body": DE_FLOOD}]).splitlines()
    data = "\n".join([good[0], '{"headline": "Zwei", "body": "kaputt', "", good[1]]) + "\n"
    result = read_file("feed.jsonl", data)
    assert [doc.title for doc in result.docs] == ["Eins", "Drei"]
    assert len(result.errors) == 1
    assert result.errors[0].path == f"{result.path}:2"
    assert "malformed" in result.errors[0].reason


def test_oversized_jsonl_line_is_skipped(read_file):
    data = jsonl([{"text": "kurz und gut"}, {"text": "x" * 500}, {"text": "auch kurz"}])
    result = read_file("feed.jsonl", data, max_bytes=200)
    assert [doc.raw_text for doc in result.docs] == ["kurz und gut", "auch kurz"]
    assert [e.path for e in result.errors] == [f"{result.path}:2"]
    assert "size limit" in result.errors[0].reason


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("big.txt", text_file(DE_BRIDGE, title="Brücke")),
        ("big.html", news_page()),
        ("big.json", json.dumps({"text": DE_BRIDGE})),
        ("big.txt.gz", gzip.compress(text_file(DE_BRIDGE, title="Brücke").encode())),
    ],
)
def test_file_over_the_size_limit(read_file, name, data):
    result = read_file(name, data, max_bytes=300)
    assert result.docs == []
    assert len(result.errors) == 1
    assert "size limit" in result.errors[0].reason


def test_size_limit_reason_states_the_actual_limit(read_file):
    result = read_file("big.txt", "Hallo Welt. " * 50_000, max_bytes=400_000)
    assert len(result.errors) == 1
    assert "0 MB" not in result.errors[0].reason
    assert "0.4" in result.errors[0].reason or "400" in result.errors[0].reason


def test_navigation_only_page_has_no_main_text(read_file):
    result = read_file("startseite.html", NAV_ONLY_PAGE)
    assert result.docs == []
    assert "no main text" in result.errors[0].reason


def test_one_line_news_brief_is_an_article(read_file):
    brief = "Die Wiesel ist in Bärenfeld über die Ufer getreten, mehrere Straßen sind gesperrt."
    result = read_file("eilmeldung.txt", brief + "\n")
    assert result.errors == []
    assert [doc.raw_text for doc in result.docs] == [brief]


# --------------------------------------------------------------------------- truncated WARC


def _three_page_warc(compress: bool):
    pages = [
        ("https://x.example/1", "text/html", news_page(DE_BRIDGE).encode()),
        ("https://x.example/2", "text/html", news_page(DE_FLOOD, "Hochwasser in Bärenfeld").encode()),
        ("https://x.example/3", "text/html", news_page(EN_FERRY, "Ferry service resumes", lang="en").encode()),
    ]
    return warc_bytes(pages, gzip=compress)


def test_truncated_warc_gz_keeps_the_records_before_the_break(read_file):
    data, ids, ends = _three_page_warc(compress=True)
    cut = ends[1] + (ends[2] - ends[1]) // 2  # in the middle of the third record
    result = read_file("crawl.warc.gz", data[:cut])
    assert [doc.external_id for doc in result.docs[:2]] == ids[:2]
    assert [doc.raw_text for doc in result.docs[:2]] == [DE_BRIDGE, DE_FLOOD]


def test_truncated_warc_gz_is_reported(read_file):
    data, _, ends = _three_page_warc(compress=True)
    cut = ends[1] + (ends[2] - ends[1]) // 2
    result = read_file("crawl.warc.gz", data[:cut])
    assert len(result.errors) == 1
    assert "truncated" in result.errors[0].reason


def test_truncated_uncompressed_warc_keeps_earlier_records_and_reports(read_file):
    data, ids, ends = _three_page_warc(compress=False)
    result = read_file("crawl.warc", data[: ends[1] + 40])  # inside the third record's WARC headers
    assert [doc.external_id for doc in result.docs] == ids[:2]
    assert len(result.errors) == 1
    assert result.errors[0].path == str(result.path)


def test_truncated_uncompressed_warc_reason_is_meaningful(read_file):
    data, _, ends = _three_page_warc(compress=False)
    result = read_file("crawl.warc", data[: ends[1] + 40])
    assert "truncated" in result.errors[0].reason


def test_oversized_warc_record_is_skipped(read_file):
    small = ("https://x.example/s", "text/html", f"<html><body><p>{DE_FLOOD}</p></body></html>".encode())
    data, ids, _ = warc_bytes([("https://x.example/big", "text/html", news_page(DE_BRIDGE * 3).encode()), small])
    result = read_file("crawl.warc.gz", data, max_bytes=2000)
    assert [doc.external_id for doc in result.docs] == [ids[1]]
    assert [e.path for e in result.errors] == [f"{result.path}#{ids[0]}"]
    assert "limit" in result.errors[0].reason


def test_feed_item_without_text_is_reported(read_file):
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Kurz</title>'
        "<item><title>Leer</title><guid>leer-1</guid></item>"
        f"<item><title>Voll</title><guid>voll-1</guid><description><![CDATA[{html_paragraphs(DE_FLOOD)}]]>"
        "</description></item></channel></rss>"
    )
    result = read_file("kurz.rss", feed)
    assert [doc.external_id for doc in result.docs] == ["voll-1"]
    assert [(e.path, e.reason) for e in result.errors] == [(f"{result.path}#leer-1", "feed item has no text")]


# --------------------------------------------------------------------------- the whole batch


def test_bad_inputs_do_not_stop_the_batch(inputs_dir, db_path):
    for name, (data, _) in BAD_FILES.items():
        (inputs_dir / name).write_bytes(data)
    (inputs_dir / "gut.txt").write_text(text_file(DE_BRIDGE, "Quelle: Lokalblatt", "Brücke"), encoding="utf-8")
    (inputs_dir / "auch-gut.jsonl").write_text(
        jsonl([{"body": EN_FERRY}]) + "{kaputt\n" + jsonl([{"body": DE_FLOOD}]), encoding="utf-8"
    )
    (inputs_dir / "dangling.txt").symlink_to(inputs_dir / "weg.txt")
    missing = str(inputs_dir / "fehlt.txt")

    analysis = run_analysis([inputs_dir, missing], db=db_path)

    assert sorted(a.raw_text for a in analysis.corpus.articles) == sorted([DE_BRIDGE, EN_FERRY, DE_FLOOD])
    errors = {e.path: e.reason for e in analysis.corpus.errors}
    for name, (_, expected) in BAD_FILES.items():
        matching = [reason for path, reason in errors.items() if path.startswith(str(inputs_dir / name))]
        assert len(matching) == 1, name
        assert expected.lower() in matching[0].lower(), (name, matching)
    assert errors[str(inputs_dir / "dangling.txt")] == "broken symbolic link"
    assert errors[missing] == "no such file or directory"
    assert "malformed" in errors[f"{inputs_dir / 'auch-gut.jsonl'}:2"]
    with Database(str(db_path)) as database:
        assert {e.path: e.reason for e in database.errors()} == errors
        assert database.count_articles() == 3


def test_fixed_file_is_no_longer_reported_as_error(inputs_dir, db_path):
    path = inputs_dir / "spaeter.txt"
    path.write_text("", encoding="utf-8")
    first = run_analysis([inputs_dir], db=db_path)
    assert [e.reason for e in first.corpus.errors] == ["empty file"]
    path.write_text(text_file(DE_FLOOD, title="Hochwasser"), encoding="utf-8")
    second = run_analysis([inputs_dir], db=db_path)
    assert second.corpus.errors == []
    with Database(str(db_path)) as database:
        assert database.errors() == []
