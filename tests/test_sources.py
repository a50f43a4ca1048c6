"""Turning user paths into inputs: files, directories, globs, standard input, missing paths."""

from __future__ import annotations

import io
import json
import os
import sys

from newsprism.ingest import STDIN, IngestOptions, InputFile, expand_paths, read_input
from newsprism.pipeline import run_analysis
from samples import DE_BRIDGE, DE_FLOOD, EN_FERRY, text_file


def _tree(root):
    files = {
        "a.txt": text_file(DE_BRIDGE, title="Brücke"),
        "sub/b.md": "# Fähre\n\n" + EN_FERRY,
        "sub/deeper/c.json": json.dumps({"text": DE_FLOOD}),
        "README.md": "# Notizen\n\nDiese Dateien sind Testdaten.",
        "planted.yaml": "facts: []\n",
        "config.yml": "a: 1\n",
        ".hidden.txt": text_file(DE_FLOOD, title="versteckt"),
        ".git/objects.txt": text_file(DE_FLOOD, title="versteckt"),
        "a.txt.meta.json": json.dumps({"source": "Lokalblatt"}),
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data, encoding="utf-8")


def _names(inputs, root):
    return sorted(os.path.relpath(item.display, root) for item in inputs)


def test_directory_is_walked_recursively_skipping_non_articles(tmp_path):
    _tree(tmp_path)
    inputs, errors = expand_paths([str(tmp_path)])
    assert errors == []
    assert _names(inputs, tmp_path) == ["a.txt", "sub/b.md", "sub/deeper/c.json"]
    assert all(item.fs_path is not None and item.fs_path.is_file() for item in inputs)


def test_directory_analysis_reads_every_article(tmp_path):
    _tree(tmp_path / "corpus")
    analysis = run_analysis([tmp_path / "corpus"], db=tmp_path / "x.db")
    assert analysis.files == 3
    assert analysis.corpus.errors == []
    assert sorted(a.raw_text for a in analysis.corpus.articles) == sorted([DE_BRIDGE, EN_FERRY, DE_FLOOD])
    assert {a.source for a in analysis.corpus.articles if a.raw_text == DE_BRIDGE} == {"Lokalblatt"}


def test_named_readme_is_still_read(tmp_path):
    _tree(tmp_path)
    inputs, errors = expand_paths([str(tmp_path / "README.md")])
    assert errors == []
    assert _names(inputs, tmp_path) == ["README.md"]


def test_article_whose_name_starts_like_licence_is_not_skipped(tmp_path):
    (tmp_path / "licence-fee-debate-en.txt").write_text(text_file(EN_FERRY, title="Licence fee"), encoding="utf-8")
    inputs, errors = expand_paths([str(tmp_path)])
    assert _names(inputs, tmp_path) == ["licence-fee-debate-en.txt"]
    assert errors == []


def test_glob_pattern(tmp_path):
    _tree(tmp_path)
    inputs, errors = expand_paths([str(tmp_path / "**" / "*.md")])
    assert errors == []
    # a glob names files explicitly: README.md is matched too
    assert _names(inputs, tmp_path) == ["README.md", "sub/b.md"]


def test_glob_matching_nothing_is_reported(tmp_path):
    inputs, errors = expand_paths([str(tmp_path / "*.warc.gz")])
    assert inputs == []
    assert [(e.path, e.reason) for e in errors] == [(str(tmp_path / "*.warc.gz"), "no file matches this pattern")]


def test_missing_path_is_reported_and_the_rest_is_read(tmp_path):
    _tree(tmp_path)
    missing = str(tmp_path / "gibt-es-nicht.txt")
    inputs, errors = expand_paths([missing, str(tmp_path / "a.txt")])
    assert [(e.path, e.reason) for e in errors] == [(missing, "no such file or directory")]
    assert _names(inputs, tmp_path) == ["a.txt"]


def test_same_file_given_twice_is_read_once(tmp_path):
    _tree(tmp_path)
    inputs, _ = expand_paths([str(tmp_path / "a.txt"), str(tmp_path), str(tmp_path / "sub" / ".." / "a.txt")])
    assert _names(inputs, tmp_path).count("a.txt") == 1


def test_symlinked_file_is_read_and_broken_symlink_reported(tmp_path):
    _tree(tmp_path)
    (tmp_path / "link.txt").symlink_to(tmp_path / "sub" / "b.md")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "weg.txt")
    inputs, errors = expand_paths([str(tmp_path / "link.txt"), str(tmp_path / "dangling.txt")])
    assert _names(inputs, tmp_path) == ["link.txt"]
    assert [(e.path, e.reason) for e in errors] == [(str(tmp_path / "dangling.txt"), "broken symbolic link")]


def _fake_stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_input(monkeypatch):
    _fake_stdin(monkeypatch, text_file(DE_FLOOD, "Quelle: Wiesel-Bote", "Hochwasser").encode())
    inputs, errors = expand_paths([STDIN])
    assert errors == []
    assert inputs == [InputFile("-", None)]
    results = list(read_input(inputs[0], IngestOptions()))
    assert len(results) == 1
    doc = results[0]
    assert (doc.path, doc.source, doc.title, doc.raw_text) == ("-", "Wiesel-Bote", "Hochwasser", DE_FLOOD)


def test_stdin_format_is_sniffed(monkeypatch):
    _fake_stdin(monkeypatch, json.dumps([{"text": EN_FERRY, "source": "Courier"}]).encode())
    results = list(read_input(InputFile(STDIN, None), IngestOptions()))
    assert [(r.format, r.source, r.raw_text) for r in results] == [("json", "Courier", EN_FERRY)]


def test_stdin_through_run_analysis(monkeypatch, tmp_path):
    _fake_stdin(monkeypatch, EN_FERRY.encode())
    analysis = run_analysis(["-"], db=tmp_path / "x.db", source="Pipe")
    assert [(a.path, a.source, a.language) for a in analysis.corpus.articles] == [("-", "Pipe", "en")]


def test_empty_stdin_is_reported(monkeypatch):
    _fake_stdin(monkeypatch, b"")
    results = list(read_input(InputFile(STDIN, None), IngestOptions()))
    assert [(r.path, r.reason) for r in results] == [("-", "empty file")]
