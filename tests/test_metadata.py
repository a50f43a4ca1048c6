"""Metadata precedence (file > sidecar > command-line defaults) and date/title normalisation."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from newsprism.ingest import normalize_date
from newsprism.ingest.metadata import as_text, derive_title, is_title_line, normalize_language
from newsprism.pipeline import run_analysis
from samples import DE_BRIDGE, DE_FLOOD, EN_FERRY, text_file

DEFAULTS = {"source": "Default-Quelle", "published": "2026-12-24"}


def _sidecar(inputs_dir, name, **meta):
    (inputs_dir / name).write_text(json.dumps(meta), encoding="utf-8")


def test_file_header_wins_over_sidecar_and_defaults(read_file, inputs_dir):
    _sidecar(inputs_dir, "a.txt.meta.json", source="Sidecar-Quelle", published="2026-02-01", url="https://side.example")
    header = "Quelle: Datei-Quelle\nDatum: 2026-01-05"
    doc = read_file("a.txt", text_file(DE_FLOOD, header, "Hochwasser"), **DEFAULTS).doc
    assert doc.source == "Datei-Quelle"
    assert doc.published == "2026-01-05"
    assert doc.url == "https://side.example"  # the file has no URL: the sidecar fills it


def test_sidecar_wins_over_defaults(read_file, inputs_dir):
    _sidecar(inputs_dir, "a.meta.json", source="Sidecar-Quelle", published="2026-02-01")
    doc = read_file("a.txt", text_file(DE_FLOOD, title="Hochwasser"), **DEFAULTS).doc
    assert doc.source == "Sidecar-Quelle"
    assert doc.published == "2026-02-01"


def test_defaults_fill_missing_metadata(read_file):
    doc = read_file("a.txt", text_file(DE_FLOOD, title="Hochwasser"), **DEFAULTS).doc
    assert doc.source == "Default-Quelle"
    assert doc.published == "2026-12-24"


def test_markdown_front_matter_wins_over_sidecar(read_file, inputs_dir):
    _sidecar(inputs_dir, "a.md.meta.json", source="Sidecar-Quelle", published="2026-02-01")
    markdown = "---\nsource: Front-Quelle\npublished: 2026-01-05\n---\n# Fähre fährt wieder\n\n" + EN_FERRY
    doc = read_file("a.md", markdown).doc
    assert (doc.source, doc.published) == ("Front-Quelle", "2026-01-05")


def test_front_matter_synonym_keys_win_over_sidecar(read_file, inputs_dir):
    _sidecar(inputs_dir, "a.md.meta.json", source="Sidecar-Quelle", published="2026-02-01")
    markdown = "---\nsite: Front-Quelle\ndate: 2026-01-05\n---\n# Fähre fährt wieder\n\n" + EN_FERRY
    doc = read_file("a.md", markdown).doc
    assert (doc.source, doc.published) == ("Front-Quelle", "2026-01-05")


def test_record_metadata_wins_over_defaults(read_file):
    records = [{"text": DE_BRIDGE, "source": "Agentur", "date": "2026-03-02"}, {"text": DE_FLOOD}]
    result = read_file("a.json", json.dumps(records), **DEFAULTS)
    assert [(d.source, d.published) for d in result.docs] == [
        ("Agentur", "2026-03-02"),
        ("Default-Quelle", "2026-12-24"),
    ]


def test_published_option_fills_only_undated_articles(analyze_files):
    analysis = analyze_files(
        {
            "dated.txt": text_file(DE_BRIDGE, "Datum: 2026-03-02", "Brücke eröffnet"),
            "undated.txt": text_file(DE_FLOOD, title="Hochwasser"),
        },
        published="24.12.2026",
    )
    by_title = {article.title: article for article in analysis.corpus.articles}
    assert by_title["Brücke eröffnet"].published == "2026-03-02"
    assert by_title["Hochwasser"].published == "2026-12-24"  # normalised to ISO


def test_source_option_fills_only_articles_without_source(analyze_files):
    analysis = analyze_files(
        {
            "with.txt": text_file(DE_BRIDGE, "Quelle: Lokalblatt", "Brücke eröffnet"),
            "without.txt": text_file(DE_FLOOD, title="Hochwasser"),
        },
        source="Kreisbote",
    )
    assert sorted(a.source for a in analysis.corpus.articles) == ["Kreisbote", "Lokalblatt"]


@pytest.mark.parametrize("bad", ["gestern", "not a date", "32.13.2026"])
def test_invalid_published_option_raises(tmp_path, bad):
    with pytest.raises(ValueError, match="is not a date"):
        run_analysis([tmp_path], db=tmp_path / "x.db", published=bad)


def test_impossible_iso_published_option_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="is not a date"):
        run_analysis([tmp_path], db=tmp_path / "x.db", published="2026-02-30")


# --------------------------------------------------------------------------- normalize_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-04", "2026-11-04"),
        ("04.11.2026", "2026-11-04"),
        ("4.11.26", "2026-11-04"),
        ("November 4, 2026", "2026-11-04"),
        ("4 November 2026", "2026-11-04"),
        ("2026-11-04T09:30:00+01:00", "2026-11-04T09:30:00+01:00"),
        ("Wed, 04 Nov 2026 09:30:00 +0100", "2026-11-04T09:30:00+01:00"),
        ("  2026-11-04  ", "2026-11-04"),
        (dt.date(2026, 11, 4), "2026-11-04"),
        (dt.datetime(2026, 11, 4, 9, 30, tzinfo=dt.UTC), "2026-11-04T09:30:00+00:00"),
        (time.struct_time((2026, 11, 4, 8, 30, 0, 2, 308, 0)), "2026-11-04T08:30:00+00:00"),
        ("", None),
        (None, None),
        ("irgendwann", None),
        (True, None),
        ([2026, 11, 4], None),
        (float("nan"), None),
        (10**30, None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_normalize_date_epoch_seconds_and_milliseconds_agree():
    assert normalize_date(1_777_000_000) == normalize_date(1_777_000_000_000)
    assert normalize_date(1_777_000_000).startswith("2026-04-2")


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-45"])
def test_normalize_date_rejects_impossible_iso_dates(value):
    assert normalize_date(value) is None


# --------------------------------------------------------------------------- titles, languages, text


def test_derive_title_first_sentence():
    assert derive_title("Die Fähre fährt wieder. Der Hafen ist offen.") == "Die Fähre fährt wieder."
    assert derive_title("Wirklich? Ja.") == "Wirklich?"
    assert derive_title("Ohne Satzende") == "Ohne Satzende"


def test_derive_title_keeps_closing_quote():
    assert derive_title("„Wir sind zurück!“ Der Kapitän lachte.") == "„Wir sind zurück!“"


def test_derive_title_does_not_split_at_german_ordinal_dates():
    text = "Am 3. November räumte die Stadt Bärenfeld Teile der Altstadt. Die Feuerwehr war im Einsatz."
    assert derive_title(text) == "Am 3. November räumte die Stadt Bärenfeld Teile der Altstadt."


def test_is_title_line():
    assert is_title_line("Hochwasser in Bärenfeld")
    assert not is_title_line("")
    assert not is_title_line(" ".join(["Wort"] * 26))
    assert not is_title_line("x" * 151)


@pytest.mark.parametrize(
    ("value", "expected"), [("de-DE", "de"), ("EN", "en"), ("de_AT", "de"), ("deutsch?", None), (7, None)]
)
def test_normalize_language(value, expected):
    assert normalize_language(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"id": "x", "name": "Lokalblatt"}, "Lokalblatt"),
        (["Erste", "Zweite"], "Erste"),
        ("  Viel   Raum \n", "Viel Raum"),
        (42, "42"),
        ([], None),
        ({"foo": "bar"}, None),
        ("   ", None),
    ],
)
def test_as_text(value, expected):
    assert as_text(value) == expected
