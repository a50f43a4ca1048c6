"""Exports: the JSON contract document and one JSONL/Parquet/CSV file per flat table."""

from __future__ import annotations

import json

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest

from newsprism.model import (
    ARTICLE_EXPORT_FIELDS,
    Actor,
    Article,
    Corpus,
    Entity,
    Event,
    Fact,
    IngestError,
    Mention,
    Quote,
    Repair,
    Role,
    Story,
)
from newsprism.report import FORMATS, corpus_tables, write_export
from newsprism.report.tables import SCHEMAS
from samples import DE_FLOOD, EN_FERRY

TABLES = [
    "articles",
    "repairs",
    "mentions",
    "actors",
    "roles",
    "quotes",
    "events",
    "stories",
    "story_articles",
    "facts",
    "fact_mentions",
    "errors",
]
CONTRACT_ARTICLE_KEYS = [
    "id",
    "external_id",
    "path",
    "source",
    "url",
    "title",
    "language",
    "published",
    "raw_text",
    "text",
    "quality",
    "repairs",
    "entities",
    "quotes",
    "events",
]


def _full_corpus() -> Corpus:
    flood = Article(
        id="aaaa000011112222",
        path="in/flood.txt",
        format="text",
        raw_text='Die Wiesel stieg ,,stark".',
        text="Die Wiesel stieg „stark“.",
        title="Hochwasser",
        source="Wiesel-Bote",
        url="https://wiesel.example/1",
        published="2026-01-12",
        language="de",
        quality=0.8,
        repairs=[Repair(17, 19, ",,", "„", "quote"), Repair(24, 25, '"', "“", "quote")],
        entities=[Entity(4, 10, "Wiesel", "LOC", "wiesel")],
        quotes=[Quote("stark", 17, 24, "Jördis Weiß", "weiss", True)],
        events=[
            Event(
                type="MOBILIZE",
                trigger="stieg",
                start=10,
                end=15,
                sentence="Die Wiesel stieg.",
                location="Bärenfeld",
                date="2026-01-12",
            )
        ],
    )
    ferry = Article(
        id="bbbb000011112222",
        path="in/ferry.json",
        format="json",
        raw_text=EN_FERRY,
        text=EN_FERRY,
        title="Ferry resumes",
        source="Island Courier",
        language="en",
        external_id="ic-1",
        duplicate_of=None,
    )
    actors = [
        Actor("wiesel", "Wiesel", "LOC", aliases=["Wieselfluss"]),
        Actor("weiss", "Jördis Weiß", "PER", aliases=[], roles=[Role("Bürgermeisterin", "Bärenfeld", flood.id)]),
    ]
    story = Story(
        id="story-1",
        title="Hochwasser an der Wiesel",
        article_ids=[flood.id, ferry.id],
        facts=[Fact("fact-1", "Die Wiesel stieg.", "agreed", [Mention(flood.id, 0, 16, "Die Wiesel stieg")])],
    )
    return Corpus(
        articles=[flood, ferry], actors=actors, stories=[story], errors=[IngestError("in/bad.txt", "empty file")]
    )


def _minimal_corpus() -> Corpus:
    article = Article(id="cccc", path="a.txt", format="text", raw_text=DE_FLOOD, text=DE_FLOOD, language="de")
    return Corpus(articles=[article])


EXPECTED_ROWS = {
    "articles": 2,
    "repairs": 2,
    "mentions": 1,
    "actors": 2,
    "roles": 1,
    "quotes": 1,
    "events": 1,
    "stories": 1,
    "story_articles": 2,
    "facts": 1,
    "fact_mentions": 1,
    "errors": 1,
}


def test_json_export_follows_the_contract(tmp_path):
    corpus = _full_corpus()
    written = write_export(corpus, tmp_path / "out" / "analysis.json")
    assert written == [tmp_path / "out" / "analysis.json"]
    document = json.loads(written[0].read_text(encoding="utf-8"))
    assert list(document) == ["articles", "actors", "stories", "errors"]
    assert len(document["articles"]) == 2
    for article in document["articles"]:
        assert set(CONTRACT_ARTICLE_KEYS) <= set(article)
        assert list(article) == list(ARTICLE_EXPORT_FIELDS)
    flood = document["articles"][0]
    assert flood["text"] == "Die Wiesel stieg „stark“."
    first_repair = flood["repairs"][0]
    assert {key: first_repair[key] for key in ("start", "end", "original", "replacement", "kind")} == {
        "start": 17,
        "end": 19,
        "original": ",,",
        "replacement": "„",
        "kind": "quote",
    }
    assert flood["entities"][0]["label"] == "LOC"
    assert flood["quotes"][0]["speaker_text"] == "Jördis Weiß"
    assert flood["events"][0]["location"] == "Bärenfeld"
    assert document["actors"][1]["roles"] == [
        {"title": "Bürgermeisterin", "org": "Bärenfeld", "article_id": "aaaa000011112222"}
    ]
    assert document["stories"][0]["facts"][0]["mentions"][0]["text"] == "Die Wiesel stieg"
    assert document["errors"] == [{"path": "in/bad.txt", "reason": "empty file"}]
    assert "Jördis" in written[0].read_text(encoding="utf-8")  # not \u-escaped
    assert not list((tmp_path / "out").glob(".*.tmp"))  # the temporary file was renamed


def test_corpus_tables_have_the_declared_schemas():
    tables = corpus_tables(_full_corpus())
    assert list(tables) == TABLES
    for name, table in tables.items():
        assert table.schema == SCHEMAS[name], name
        assert table.num_rows == EXPECTED_ROWS[name], name
    articles = tables["articles"].to_pylist()
    assert [row["word_count"] for row in articles] == [4, len(EN_FERRY.split())]
    assert tables["stories"].to_pylist() == [{"id": "story-1", "title": "Hochwasser an der Wiesel", "article_count": 2}]


def _read_table(path, fmt):
    if fmt == "parquet":
        return pq.read_table(path)
    if fmt == "csv":
        return pa_csv.read_csv(path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return rows


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])
def test_table_exports_write_one_file_per_table(tmp_path, fmt):
    written = write_export(_full_corpus(), tmp_path / f"analysis.{fmt}")
    assert written == [tmp_path / f"analysis.{table}.{fmt}" for table in TABLES]
    assert not (tmp_path / f"analysis.{fmt}").exists()
    for table, path in zip(TABLES, written, strict=True):
        data = _read_table(path, fmt)
        count = len(data) if fmt == "jsonl" else data.num_rows
        assert count == EXPECTED_ROWS[table], (table, fmt)
    articles = _read_table(tmp_path / f"analysis.articles.{fmt}", fmt)
    ids = [row["id"] for row in articles] if fmt == "jsonl" else articles.column("id").to_pylist()
    assert ids == ["aaaa000011112222", "bbbb000011112222"]


def test_parquet_round_trip_keeps_types_and_text(tmp_path):
    write_export(_full_corpus(), tmp_path / "a.parquet")
    articles = pq.read_table(tmp_path / "a.articles.parquet")
    assert articles.schema == SCHEMAS["articles"]
    assert articles.column("text").to_pylist()[0] == "Die Wiesel stieg „stark“."
    actors = pq.read_table(tmp_path / "a.actors.parquet")
    assert actors.column("aliases").to_pylist() == [["Wieselfluss"], []]


def test_csv_list_columns_become_json(tmp_path):
    write_export(_full_corpus(), tmp_path / "a.csv")
    actors = pa_csv.read_csv(tmp_path / "a.actors.csv")
    assert [json.loads(value) for value in actors.column("aliases").to_pylist()] == [["Wieselfluss"], []]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_empty_tables_keep_their_columns(tmp_path, fmt):
    write_export(_minimal_corpus(), tmp_path / f"a.{fmt}")
    for table in TABLES:
        data = _read_table(tmp_path / f"a.{table}.{fmt}", fmt)
        assert data.column_names == SCHEMAS[table].names, table
        assert data.num_rows == (1 if table == "articles" else 0), table


def test_empty_jsonl_tables_are_empty_files(tmp_path):
    write_export(_minimal_corpus(), tmp_path / "a.jsonl")
    assert (tmp_path / "a.quotes.jsonl").read_text(encoding="utf-8") == ""
    assert len((tmp_path / "a.articles.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_explicit_format_overrides_the_suffix(tmp_path):
    written = write_export(_minimal_corpus(), tmp_path / "dump.out", fmt="json")
    assert written == [tmp_path / "dump.out"]
    assert json.loads(written[0].read_text(encoding="utf-8"))["articles"][0]["id"] == "cccc"
    written = write_export(_minimal_corpus(), tmp_path / "dump.out", fmt="csv")
    assert tmp_path / "dump.articles.csv" in written


@pytest.mark.parametrize("name", ["analysis.xlsx", "analysis", "analysis.json.gz"])
def test_unknown_suffix_is_a_clear_error(tmp_path, name):
    with pytest.raises(ValueError, match="cannot tell the export format"):
        write_export(_minimal_corpus(), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        write_export(_minimal_corpus(), tmp_path / "a.json", fmt="xml")


def test_formats_constant():
    assert FORMATS == ("json", "jsonl", "parquet", "csv")
