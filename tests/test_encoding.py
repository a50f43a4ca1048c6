"""Bytes to text: legacy 8-bit encodings, UTF-16 and UTF-8 byte-order marks."""

from __future__ import annotations

import codecs

import pytest

from newsprism.ingest.decode import DecodeError, decode_bytes
from samples import DE_FLOOD, jsonl, text_file

HEADER = "Quelle: Wiesel-Bote\nDatum: 12.01.2026"
GERMAN = text_file(DE_FLOOD, HEADER, "Überschwemmung in Bärenfeld")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_eight_bit_german_text_is_decoded(read_file, encoding):
    doc = read_file("flood.txt", GERMAN.encode(encoding)).doc
    assert doc.raw_text == DE_FLOOD
    assert doc.title == "Überschwemmung in Bärenfeld"
    assert doc.source == "Wiesel-Bote"
    assert "Größere Schäden an Straßen" in doc.raw_text


def test_cp1252_typographic_quotes_and_dashes(read_file):
    text = (
        "„Wir schaffen das“, sagte Bürgermeisterin Jördis Weiß – und ging zurück an die Arbeit.\n"
        "Die Helfer füllten bis spät in die Nacht Sandsäcke – „so lange es nötig ist“."
    )
    doc = read_file("quotes.txt", text.encode("cp1252")).doc
    assert doc.raw_text == text


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_eight_bit_german_paragraph_without_header_is_decoded(read_file, encoding):
    text = (
        "Die Stadtverwaltung von Musterstadt hat am Dienstag neue Regeln für den Busverkehr beschlossen. "
        "Nach Angaben eines Sprechers sollen die Busse künftig häufiger fahren und die Preise für Schüler sinken. "
        "Der Gemeinderat stimmte mit großer Mehrheit für den Plan."
    )
    doc = read_file("bus.txt", text.encode(encoding)).doc
    assert doc.raw_text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(read_file, encoding):
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[encoding]
    doc = read_file("flood.txt", bom + GERMAN.encode(encoding)).doc
    assert doc.raw_text == DE_FLOOD
    assert doc.title == "Überschwemmung in Bärenfeld"
    assert doc.source == "Wiesel-Bote"
    assert doc.published == "2026-01-12"


def test_utf16_without_bom(read_file):
    doc = read_file("flood.txt", GERMAN.encode("utf-16-le")).doc
    assert doc.raw_text == DE_FLOOD
    assert doc.source == "Wiesel-Bote"


def test_utf8_with_bom(read_file):
    doc = read_file("flood.txt", codecs.BOM_UTF8 + GERMAN.encode("utf-8")).doc
    assert doc.source == "Wiesel-Bote"  # the BOM does not hide the first header line
    assert doc.raw_text == DE_FLOOD
    assert "\ufeff" not in doc.raw_text + (doc.title or "")


def test_utf8_bom_json(read_file):
    doc = read_file("a.json", codecs.BOM_UTF8 + b'{"text": "Gr\xc3\xbc\xc3\x9fe aus K\xc3\xb6ln."}').doc
    assert doc.raw_text == "Grüße aus Köln."


def test_utf16_json(read_file):
    doc = read_file("a.json", '[{"text": "Grüße aus Köln."}]'.encode("utf-16")).doc
    assert doc.raw_text == "Grüße aus Köln."


def test_utf16_jsonl(read_file):
    data = jsonl([{"text": "Grüße aus Köln."}, {"text": "Hallo aus Bärenfeld."}]).encode("utf-16")
    result = read_file("a.jsonl", data)
    assert result.errors == []
    assert [doc.raw_text for doc in result.docs] == ["Grüße aus Köln.", "Hallo aus Bärenfeld."]


def test_declared_charset_is_tried_first():
    assert decode_bytes("Grüße".encode("cp1252"), declared="cp1252") == "Grüße"


def test_binary_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)))
