"""The command line: analyze, articles, show and export, their messages and exit codes."""

from __future__ import annotations

import json
import sqlite3

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import Database
from samples import DE_BRIDGE, DE_FLOOD, EN_FERRY, EXAMPLES, jsonl, text_file


def flat(output: str) -> str:
    """Rich wraps lines to the terminal width: compare text with whitespace collapsed."""
    return " ".join(output.split())


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """``newsprism analyze examples/`` once for the module: (result, db, export, report)."""
    out = tmp_path_factory.mktemp("cli")
    db, export, report = out / "np.db", out / "analysis.json", out / "report.html"
    runner = CliRunner(env={"NEWSPRISM_DB": None})
    result = runner.invoke(
        app, ["analyze", str(EXAMPLES), "--db", str(db), "--export", str(export), "--report", str(report)]
    )
    return result, db, export, report


def test_analyze_examples_prints_summary_and_writes_files(analysed):
    result, db, export, report = analysed
    assert result.exit_code == 0, result.output
    output = flat(result.stdout)
    assert "newsprism analyze" in output
    assert "inputs read │ 12" in output
    assert "articles │ 15" in output
    assert "new │ 15" in output
    assert "inputs skipped │ 0" in output
    assert "By source and language" in output
    assert "Elbtal-Kurier" in output
    assert "wrote" in output
    assert export.name in output
    assert report.name in output
    assert db.is_file()
    document = json.loads(export.read_text(encoding="utf-8"))
    assert len(document["articles"]) == 15
    assert document["errors"] == []
    page = report.read_text(encoding="utf-8")
    assert "Hochwasser in Meißen: 1.200 Menschen verlassen die Altstadt" in page
    assert "<b>15</b><span>articles</span>" in page


def test_second_analyze_reports_everything_as_already_stored(analysed, runner):
    _, db, _, _ = analysed
    result = runner.invoke(app, ["analyze", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    output = flat(result.stdout)
    assert "new │ 0" in output
    assert "already stored │ 15" in output
    with Database(str(db)) as database:
        assert database.count_articles() == 15


def test_articles_lists_the_stored_articles(analysed, runner):
    _, db, _, _ = analysed
    result = runner.invoke(app, ["articles", "--db", str(db)])
    assert result.exit_code == 0, result.output
    output = flat(result.stdout)
    assert "15 articles" in output
    with Database(str(db)) as database:
        articles = database.articles()
    for article in articles:
        assert article.id[:10] in output
    assert "Netzblick24" in output


def test_articles_filters(analysed, runner):
    _, db, _, _ = analysed
    result = runner.invoke(app, ["articles", "--db", str(db), "--language", "en"])
    assert result.exit_code == 0
    assert "5 articles" in flat(result.stdout)
    result = runner.invoke(app, ["articles", "--db", str(db), "--source", "Continental Wire", "--limit", "1"])
    assert "2 articles" in flat(result.stdout)
    assert flat(result.stdout).count("Continental Wire") == 1


def _stored(db, source):
    with Database(str(db)) as database:
        return next(a for a in database.articles() if a.source == source)


def test_show_prints_title_and_text(analysed, runner):
    _, db, _, _ = analysed
    article = _stored(db, "Elbtal-Kurier")
    result = runner.invoke(app, ["show", article.id[:8], "--db", str(db)])
    assert result.exit_code == 0, result.output
    output = flat(result.stdout)
    assert article.title in output
    assert article.id in output
    assert "Elbtal-Kurier" in output
    assert flat(article.text) in output


def test_show_raw_prints_the_raw_text(analysed, runner):
    _, db, _, _ = analysed
    article = _stored(db, "Netzblick24")  # the noisy example: raw and repaired text may differ
    result = runner.invoke(app, ["show", article.id, "--db", str(db), "--raw"])
    assert result.exit_code == 0, result.output
    assert flat(article.raw_text) in flat(result.stdout)
    assert ',,Ohne uns steht in diesem Hafen alles still."' in flat(result.stdout)


@pytest.mark.parametrize(("prefix", "message"), [("zzzz", "no article with id 'zzzz'"), ("", "ambiguous")])
def test_show_unknown_or_ambiguous_id(analysed, runner, prefix, message):
    _, db, _, _ = analysed
    result = runner.invoke(app, ["show", prefix, "--db", str(db)])
    assert result.exit_code == 1
    assert message in flat(result.stderr)


@pytest.mark.parametrize("command", [["articles"], ["show", "abc"], ["export"]])
def test_missing_database_is_a_clear_error(runner, tmp_path, command):
    missing = tmp_path / "nowhere.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"error: no database at {missing}" in flat(result.stderr)
    assert not missing.exists()


def test_foreign_database_is_a_clear_error(runner, tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    result = runner.invoke(app, ["articles", "--db", str(path)])
    assert result.exit_code == 1
    assert "is not a newsprism database" in flat(result.stderr)


def test_non_sqlite_file_as_database_is_a_clear_error(runner, tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("Das ist keine Datenbank, sondern eine Notiz. " * 20, encoding="utf-8")
    result = runner.invoke(app, ["articles", "--db", str(path)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "error:" in result.stderr


def test_newsprism_db_environment_variable(runner, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text_file(DE_FLOOD, "Quelle: Wiesel-Bote", "Hochwasser"), "utf-8")
    env_db = tmp_path / "from-env.db"
    result = runner.invoke(app, ["analyze", str(tmp_path / "in"), "-q"], env={"NEWSPRISM_DB": str(env_db)})
    assert result.exit_code == 0, result.output
    assert env_db.is_file()
    result = runner.invoke(app, ["articles"], env={"NEWSPRISM_DB": str(env_db)})
    assert result.exit_code == 0, result.output
    assert "1 articles" in flat(result.stdout)
    assert "Wiesel-Bote" in flat(result.stdout)


# --------------------------------------------------------------------------- exit codes


def test_exit_code_zero_when_some_inputs_are_bad(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(text_file(DE_BRIDGE, title="Brücke"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["analyze", str(folder), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    output = flat(result.stdout)
    assert "articles │ 1" in output
    assert "inputs skipped │ 2" in output
    assert "Skipped inputs (2)" in output
    assert "empty file" in output
    assert "binary file, not text" in output


def test_exit_code_two_when_nothing_could_be_processed(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.json").write_text("{oops", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(folder), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "no article could be processed" in flat(result.stderr)
    assert "inputs skipped │ 3" in flat(result.stdout)


def test_exit_code_two_when_quiet_too(runner, tmp_path):
    result = runner.invoke(app, ["analyze", str(tmp_path / "missing"), "--db", str(tmp_path / "x.db"), "-q"])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_invalid_published_is_a_clear_error(runner, tmp_path):
    (tmp_path / "a.txt").write_text(text_file(DE_FLOOD, title="Hochwasser"), encoding="utf-8")
    result = runner.invoke(
        app, ["analyze", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), "--published", "bald"]
    )
    assert result.exit_code == 1
    assert "error: --published 'bald' is not a date" in flat(result.stderr)


def test_published_and_source_options(runner, tmp_path):
    (tmp_path / "a.txt").write_text(text_file(DE_FLOOD, title="Hochwasser"), encoding="utf-8")
    db = tmp_path / "x.db"
    result = runner.invoke(
        app,
        ["analyze", str(tmp_path / "a.txt"), "--db", str(db), "--published", "12.01.2026", "--source", "Bote", "-q"],
    )
    assert result.exit_code == 0, result.output
    with Database(str(db)) as database:
        assert [(a.published, a.source) for a in database.articles()] == [("2026-01-12", "Bote")]


@pytest.mark.parametrize(
    ("value", "message"),
    [("bogus=x", "unknown article field(s): bogus"), ("nonsense", "--field takes FIELD=KEY")],
)
def test_bad_field_option(runner, tmp_path, value, message):
    result = runner.invoke(app, ["analyze", str(tmp_path), "--db", str(tmp_path / "x.db"), "--field", value])
    assert result.exit_code == 1
    assert message in flat(result.stderr)


def test_field_option_maps_keys(runner, tmp_path):
    (tmp_path / "a.jsonl").write_text(jsonl([{"story": EN_FERRY, "kopf": "Ferry", "text": "short"}]), "utf-8")
    db = tmp_path / "x.db"
    result = runner.invoke(
        app, ["analyze", str(tmp_path / "a.jsonl"), "--db", str(db), "--field", "text=story", "--field", "title=kopf"]
    )
    assert result.exit_code == 0, result.output
    with Database(str(db)) as database:
        assert [(a.title, a.raw_text) for a in database.articles()] == [("Ferry", EN_FERRY)]


def test_max_size_option(runner, tmp_path):
    (tmp_path / "a.txt").write_text(text_file(DE_BRIDGE * 20, title="Brücke"), encoding="utf-8")
    result = runner.invoke(
        app, ["analyze", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), "--max-size", "0.001"]
    )
    assert result.exit_code == 2
    assert "size limit" in flat(result.stdout)


def test_stdin_dash(runner, tmp_path):
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["analyze", "-", "--db", str(db), "--source", "Pipe", "-q"], input=EN_FERRY.encode())
    assert result.exit_code == 0, result.output
    with Database(str(db)) as database:
        assert [(a.path, a.source, a.language) for a in database.articles()] == [("-", "Pipe", "en")]


def test_analyze_export_with_unknown_suffix(runner, tmp_path):
    (tmp_path / "a.txt").write_text(text_file(DE_FLOOD, title="Hochwasser"), encoding="utf-8")
    args = ["analyze", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), "--export", str(tmp_path / "o.xlsx")]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "cannot tell the export format" in flat(result.stderr)


# --------------------------------------------------------------------------- export


def test_export_json_to_stdout(analysed, runner):
    _, db, _, _ = analysed
    result = runner.invoke(app, ["export", "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert list(document) == ["articles", "actors", "stories", "errors"]
    assert len(document["articles"]) == 15
    assert {a["language"] for a in document["articles"]} == {"de", "en"}


def test_export_without_format_defaults_to_json(analysed, runner):
    _, db, _, _ = analysed
    result = runner.invoke(app, ["export", "--db", str(db)])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["articles"]) == 15


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_table_files(analysed, runner, tmp_path, fmt):
    _, db, _, _ = analysed
    result = runner.invoke(app, ["export", str(tmp_path / f"out.{fmt}"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob(f"out.*.{fmt}"))) == 12
    if fmt == "parquet":
        assert pq.read_table(tmp_path / "out.articles.parquet").num_rows == 15
        assert pq.read_table(tmp_path / "out.errors.parquet").num_rows == 0
    elif fmt == "csv":
        articles = pa_csv.read_csv(tmp_path / "out.articles.csv")
        assert articles.num_rows == 15
        assert set(articles.column("language").to_pylist()) == {"de", "en"}
    else:
        lines = (tmp_path / "out.articles.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == 15
        assert all(json.loads(line)["title"] for line in lines)
    assert "wrote" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["out.xlsx"], "cannot tell the export format"),
        (["--format", "xml"], "--format must be one of json, jsonl, parquet, csv"),
        (["--format", "csv"], "writes one file per table: give an OUTPUT path"),
    ],
)
def test_export_errors(analysed, runner, tmp_path, args, message):
    _, db, _, _ = analysed
    args = [str(tmp_path / arg) if arg.endswith(".xlsx") else arg for arg in args]
    result = runner.invoke(app, ["export", *args, "--db", str(db)])
    assert result.exit_code == 1
    assert message in flat(result.stderr)


def test_help_lists_the_commands(runner):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("analyze", "articles", "show", "export"):
        assert command in result.stdout


def test_quotes_and_events_commands(runner, tmp_path):
    text = (
        "Berlin. Bundeskanzler Friedrich Merz traf am Dienstag den französischen Präsidenten Emmanuel Macron "
        "in Paris. „Wir stehen fest an der Seite der Ukraine“, sagte Merz. Macron werde nicht nach Moskau reisen."
    )
    (tmp_path / "a.txt").write_text(text_file(text, title="Merz in Paris"), encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--db", db, "-q"]).exit_code == 0
    quotes = runner.invoke(app, ["quotes", "--db", db, "--actor", "Merz"])
    assert quotes.exit_code == 0, quotes.output
    assert "Wir stehen fest" in flat(quotes.stdout) and "Friedrich Merz" in quotes.stdout
    events = runner.invoke(app, ["events", "--db", db, "--type", "consult"])
    assert events.exit_code == 0, events.output
    assert "2 events" in events.stdout and "Emmanuel Macron" in events.stdout and "not" in events.stdout
    only_macron = runner.invoke(app, ["events", "--db", db, "--actor", "Macron", "--type", "CONSULT"])
    assert "2 events" in only_macron.stdout
    assert runner.invoke(app, ["events", "--db", db, "--actor", "Niemand Unbekannt"]).exit_code == 1


def test_analyze_takes_the_accurate_ner_on_request(runner, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(text_file(DE_BRIDGE, title="Neue Brücke in Musterstadt"), encoding="utf-8")
    export = tmp_path / "out.json"
    result = runner.invoke(app, ["analyze", str(article), "--db", str(tmp_path / "np.db"), "--ner", "accurate"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["export", str(export), "--db", str(tmp_path / "np.db")])
    assert result.exit_code == 0, result.output
    entities = json.loads(export.read_text(encoding="utf-8"))["articles"][0]["entities"]
    # the river and the whole name: the fast NER, as shipped, finds "Petra" alone and not the river
    assert {("Petra Beispiel", "PER"), ("Lauter", "LOC")} <= {(entity["text"], entity["label"]) for entity in entities}
    bad = runner.invoke(app, ["analyze", str(article), "--db", str(tmp_path / "np.db"), "--ner", "best"])
    assert bad.exit_code != 0 and "--ner is fast or accurate" in flat(bad.output)
