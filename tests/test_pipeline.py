"""The analysis pipeline: languages, identity, idempotent re-runs and near-duplicates."""

from __future__ import annotations

import json

import pytest

import newsprism
from newsprism.model import Corpus
from newsprism.pipeline import article_id, run_analysis
from newsprism.store import Database
from samples import DE_BRIDGE, DE_BUDGET, DE_FLOOD, EN_FERRY, EN_LIBRARY, EXAMPLES, jsonl, text_file

CORPUS = {
    "bruecke.txt": text_file(DE_BRIDGE, "Quelle: Lokalblatt\nDatum: 2026-03-02", "Neue Brücke eröffnet"),
    "hochwasser.md": "---\nsource: Wiesel-Bote\n---\n# Hochwasser in Bärenfeld\n\n" + DE_FLOOD,
    "ferry.json": json.dumps({"title": "Ferry resumes", "text": EN_FERRY, "source": "Island Courier"}),
    "library.jsonl": jsonl([{"headline": "Library opens on Sundays", "body": EN_LIBRARY, "site": "Eastbridge Post"}]),
}


def test_languages_are_identified(analyze_files):
    analysis = analyze_files(CORPUS)
    languages = {article.title: article.language for article in analysis.corpus.articles}
    assert languages == {
        "Neue Brücke eröffnet": "de",
        "Hochwasser in Bärenfeld": "de",
        "Ferry resumes": "en",
        "Library opens on Sundays": "en",
    }


def test_declared_language_is_kept(analyze_files):
    analysis = analyze_files({"a.json": json.dumps({"text": EN_FERRY, "language": "de-CH"})})
    assert [a.language for a in analysis.corpus.articles] == ["de"]


def test_too_little_text_has_no_language(analyze_files):
    analysis = analyze_files({"a.json": json.dumps({"text": "Ja. Nein. 42."})})
    assert [a.language for a in analysis.corpus.articles] == [None]


def test_python_api_analyze(tmp_path, inputs_dir):
    (inputs_dir / "a.txt").write_text(CORPUS["bruecke.txt"], encoding="utf-8")
    corpus = newsprism.analyze(inputs_dir / "a.txt", db=tmp_path / "api.db")
    assert isinstance(corpus, Corpus)
    assert [(a.title, a.source, a.language) for a in corpus.articles] == [("Neue Brücke eröffnet", "Lokalblatt", "de")]
    assert corpus.articles[0].raw_text == DE_BRIDGE
    assert corpus.article(corpus.articles[0].id[:6]) is corpus.articles[0]


def test_analysis_reports_counts(analyze_files):
    analysis = analyze_files(CORPUS)
    assert analysis.files == 4
    assert analysis.processed == 4
    assert len(analysis.article_ids) == 4
    assert analysis.new_ids == set(analysis.article_ids)
    assert [a.id for a in analysis.corpus.articles] == analysis.article_ids
    for article in analysis.corpus.articles:
        assert article.id == article_id(article.raw_text, article.source)
        assert article.text.strip()
        assert article.word_count == len(article.text.split())


# --------------------------------------------------------------------------- identity and idempotency


def test_article_id_ignores_whitespace_but_not_source():
    assert article_id("Die  Brücke\n ist offen. ", "Lokalblatt") == article_id("Die Brücke ist offen.", "Lokalblatt")
    assert article_id("Die Brücke ist offen.", "Lokalblatt") != article_id("Die Brücke ist offen.", "Kreisbote")
    assert article_id("Die Brücke ist offen.", None) != article_id("Die Brücke ist zu.", None)
    assert len(article_id("x", None)) == 16


def test_second_run_adds_nothing(analyze_files, inputs_dir, db_path):
    first = analyze_files(CORPUS)
    with Database(str(db_path)) as database:
        count = database.count_articles()
    assert count == 4
    second = run_analysis([inputs_dir], db=db_path)
    assert second.new_ids == set()
    assert second.article_ids == first.article_ids
    assert [a.id for a in second.corpus.articles] == [a.id for a in first.corpus.articles]
    with Database(str(db_path)) as database:
        assert database.count_articles() == count


def test_rerun_with_more_files_only_adds_the_new_ones(analyze_files, inputs_dir, db_path):
    first = analyze_files(dict(list(CORPUS.items())[:2]))
    (inputs_dir / "budget.txt").write_text(text_file(DE_BUDGET, title="Haushalt"), encoding="utf-8")
    second = run_analysis([inputs_dir], db=db_path)
    assert set(first.article_ids) < set(second.article_ids)
    assert len(second.new_ids) == 1
    assert [a.title for a in second.corpus.articles if a.id in second.new_ids] == ["Haushalt"]
    with Database(str(db_path)) as database:
        assert database.count_articles() == 3


def test_whitespace_only_changes_keep_the_id(analyze_files, inputs_dir, db_path):
    first = analyze_files({"a.txt": text_file(DE_BRIDGE, title="Brücke")})
    (inputs_dir / "a.txt").write_text(
        text_file(DE_BRIDGE.replace(" ", "  ").replace("\n\n", "\n\n\n"), title="Brücke"), encoding="utf-8"
    )
    second = run_analysis([inputs_dir], db=db_path)
    assert second.article_ids == first.article_ids
    assert second.new_ids == set()


def test_same_article_twice_in_one_run_is_stored_once(analyze_files):
    record = {"text": EN_FERRY, "source": "Island Courier"}
    analysis = analyze_files({"a.json": json.dumps([record, record]), "b.jsonl": jsonl([record])})
    assert len(analysis.article_ids) == 1
    assert len(analysis.corpus.articles) == 1


def test_small_batches_give_the_same_result(inputs_dir, tmp_path):
    records = [{"text": f"{EN_FERRY} Update number {n}.", "source": f"Source {n}"} for n in range(7)]
    (inputs_dir / "many.json").write_text(json.dumps(records), encoding="utf-8")
    big = run_analysis([inputs_dir], db=tmp_path / "big.db")
    small = run_analysis([inputs_dir], db=tmp_path / "small.db", batch_size=2)
    assert big.article_ids == small.article_ids
    assert [a.duplicate_of for a in big.corpus.articles] == [a.duplicate_of for a in small.corpus.articles]
    with Database(str(tmp_path / "small.db")) as database:
        assert database.count_articles() == 7


# --------------------------------------------------------------------------- near-duplicates


def test_same_text_from_two_sources_is_a_near_duplicate(analyze_files):
    analysis = analyze_files(
        {
            "a.json": json.dumps({"text": DE_FLOOD, "source": "Agentur Süd", "title": "Original"}),
            "b.json": json.dumps({"text": DE_FLOOD, "source": "Kreisbote", "title": "Kopie"}),
        }
    )
    by_title = {a.title: a for a in analysis.corpus.articles}
    original, copy = by_title["Original"], by_title["Kopie"]
    assert original.id != copy.id
    assert original.duplicate_of is None
    assert copy.duplicate_of == original.id


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: "Von unserem Korrespondenten Max Beispiel, Musterstadt\n\n" + text,
        lambda text: text + "\n\n(mna/lok)",
    ],
    ids=["byline", "agency-tag"],
)
@pytest.mark.parametrize("text", [DE_BRIDGE, DE_FLOOD, EN_FERRY], ids=["bridge", "flood", "ferry"])
def test_lightly_edited_syndicated_copy_is_a_near_duplicate(analyze_files, text, edit):
    analysis = analyze_files(
        {
            "a.json": json.dumps({"text": text, "source": "Agentur Süd", "title": "Original"}),
            "b.json": json.dumps({"text": edit(text), "source": "Kreisbote", "title": "Kopie"}),
        }
    )
    by_title = {a.title: a for a in analysis.corpus.articles}
    assert by_title["Kopie"].id != by_title["Original"].id
    assert by_title["Kopie"].duplicate_of == by_title["Original"].id


def test_different_articles_are_not_near_duplicates(analyze_files):
    analysis = analyze_files(CORPUS)
    assert [a.duplicate_of for a in analysis.corpus.articles] == [None] * 4


def test_near_duplicate_of_an_article_stored_by_an_earlier_run(analyze_files, inputs_dir, db_path):
    first = analyze_files({"a.json": json.dumps({"text": DE_FLOOD, "source": "Agentur Süd"})})
    later = inputs_dir.parent / "later"
    later.mkdir()
    (later / "b.json").write_text(json.dumps({"text": DE_FLOOD, "source": "Kreisbote"}), encoding="utf-8")
    second = run_analysis([later], db=db_path)
    assert [a.duplicate_of for a in second.corpus.articles] == [first.article_ids[0]]


@pytest.mark.parametrize("bad", ["morgen früh", "2026-99"])
def test_invalid_published_raises_before_touching_the_database(tmp_path, bad):
    with pytest.raises(ValueError, match="not a date"):
        run_analysis([tmp_path], db=tmp_path / "sub" / "x.db", published=bad)
    assert not (tmp_path / "sub" / "x.db").exists()


def test_unknown_field_override_raises(tmp_path):
    with pytest.raises(ValueError, match="unknown article field"):
        run_analysis([tmp_path], db=tmp_path / "x.db", fields={"bodytext": "x"})


def test_a_run_reads_its_corpus_only_when_asked(tmp_path):
    """The summary comes from counts gathered a chunk at a time; the articles are loaded whole
    only when the caller asks for the corpus (an export, the Python API)."""
    analysis = run_analysis(
        [EXAMPLES / "flood-elbtalkurier-de.txt", EXAMPLES / "flood-morningledger-en.md"], db=tmp_path / "x.db"
    )
    assert analysis.loaded is None
    assert analysis.stats.articles == 2 and analysis.stats.entities > 5 and analysis.stats.actors
    assert sum(analysis.stats.by_source.values()) == 2
    assert [a.id for a in analysis.corpus.articles] == analysis.article_ids
    assert analysis.loaded is not None and analysis.corpus.stories == analysis.stories


def test_a_known_actor_glued_to_the_next_word_splits_though_the_article_never_writes_it_alone(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Datum: 2024-05-07\n\nWarnung\n\nUN-Generalsekretär António Guterreswarnte am Dienstag vor einer Hungersnot. "
        "Danach will er mit Ursula von der Leyensprechen.",  # a frequent name is a name too
        encoding="utf-8",
    )
    [article] = run_analysis([tmp_path / "a.txt"], db=tmp_path / "x.db").corpus.articles
    assert "Guterres warnte" in article.text
    assert "Leyen sprechen" in article.text
    assert "kb:antonio_guterres" in {entity.actor_id for entity in article.entities}
