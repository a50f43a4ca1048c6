"""Quotes with speakers (issue 7): direct in every quotation style, reported, pronouns, titles."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.extract import find_quotes
from newsprism.model import Entity
from newsprism.pipeline import run_analysis

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _entities(text: str, people: dict[str, str]) -> list[Entity]:
    found = []
    for name, actor in people.items():
        start = text.find(name)
        while start >= 0:
            found.append(Entity(start, start + len(name), name, "PER", actor))
            start = text.find(name, start + 1)
    return sorted(found, key=lambda e: e.start)


@pytest.mark.parametrize(
    "text",
    [
        "„Wir haben keine Zeit zu verlieren“, sagte Karla Brenner am Dienstag.",
        "Karla Brenner sagte: „Wir haben keine Zeit zu verlieren.“",
        "»Wir haben keine Zeit zu verlieren«, erklärte Karla Brenner.",
        '"We have no time to lose," Karla Brenner said.',
        "“We have no time to lose,” said Karla Brenner.",
    ],
)
def test_direct_quotes_in_every_style_get_their_speaker(text):
    (quote,) = find_quotes(text, _entities(text, {"Karla Brenner": "kb:brenner"}))
    assert quote.direct
    assert quote.speaker_actor_id == "kb:brenner"
    assert "keine Zeit" in quote.text or "no time" in quote.text
    assert text[quote.start : quote.end] == quote.text


def test_pronoun_speaker_is_the_subject_of_the_previous_sentence():
    text = "Jonas Wiik traf Dörte Kampmann im Rathaus. „Wir müssen reden“, sagte er danach."
    quotes = find_quotes(text, _entities(text, {"Jonas Wiik": "a:wiik", "Dörte Kampmann": "a:kampmann"}))
    assert [(q.speaker_text, q.speaker_actor_id) for q in quotes] == [("er", "a:wiik")]


def test_reported_speech_and_attribution_phrases():
    text = (
        "Karla Brenner sagte, die Deiche würden halten. "
        "Laut Tobias Mäder sind 600 Helfer im Einsatz. "
        "Der Pegel steigt weiter."
    )
    quotes = find_quotes(text, _entities(text, {"Karla Brenner": "a:brenner", "Tobias Mäder": "a:maeder"}))
    assert [(q.speaker_actor_id, q.direct) for q in quotes] == [("a:brenner", False), ("a:maeder", False)]
    assert quotes[0].text.startswith("die Deiche würden halten")
    assert quotes[0].cue == "sagte"


def test_single_quoted_words_are_not_quotes():
    text = "Er nannte es eine „Möglichkeit“ und sprach von „Verantwortung“."
    assert [q for q in find_quotes(text, []) if q.direct] == []


def test_plural_speakers_are_not_a_person():
    text = "Brasilien und China erklärten, direkte Gespräche seien „der einzige Weg, den Konflikt zu beenden“."
    direct = [q for q in find_quotes(text, _entities(text, {"Lula": "a:lula"})) if q.direct]
    assert direct and direct[0].speaker_actor_id is None


@pytest.fixture
def seeds(analysed_seeds):
    return analysed_seeds


def _quote(article, words):
    matches = [q for q in article.quotes if words in q.text]
    assert matches, words
    return matches[0]


def test_seed_quotes_of_zelenskyy_are_one_actors(seeds):
    first = _quote(seeds["001"], "Wenn Putin nicht ankommt und Spiele spielt")
    second = _quote(seeds["000"], "wenn er keine Angst hat")
    assert first.speaker_actor_id == second.speaker_actor_id == "kb:volodymyr_zelenskyy"
    assert first.direct and second.direct


def test_seed_quotes_of_lula_are_his(seeds):
    for words in ("Ich werde versuchen, mit Putin zu sprechen", "Es kostet mich nichts"):
        assert _quote(seeds["001"], words).speaker_actor_id == "kb:luiz_inacio_lula_da_silva"


def test_quotes_are_exported_with_offsets(seeds):
    for article in seeds.values():
        for quote in article.quotes:
            assert article.text[quote.start : quote.end] == quote.text


_WORDS = st.sampled_from(
    ["„", "“", '"', "»", "«", ",", ".", "sagte", "er", "sie", "Putin", "Wladimir", "laut", "zufolge", "der", "Kreml",
     "Präsident", "russische", "Kiewer", "said", "he", "\n", "Bundeskanzler", "Merz", "US-Präsident", "dass"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_linking_and_quotes_never_raise_and_stay_in_bounds(text):
    from newsprism.link import ActorRegistry, KnowledgeBase, link_article
    from newsprism.model import Article

    kb = KnowledgeBase.load()
    article = Article(id="x", path="p", format="text", raw_text=text, text=text, language="de", published="2025-05-14")
    article.entities = _entities(text, {"Putin": None, "Merz": None})
    link_article(article, kb, ActorRegistry(kb))
    for entity in article.entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.text
    for quote in find_quotes(text, article.entities):
        assert 0 <= quote.start <= quote.end <= len(text)


def test_a_failing_analysis_step_keeps_the_article_and_reports_it(tmp_path, monkeypatch):
    import newsprism.pipeline

    def broken(text, entities):
        raise RuntimeError("boom")

    monkeypatch.setattr(newsprism.pipeline, "find_quotes", broken)
    (tmp_path / "a.txt").write_text("Quelle: Blatt\n\nTitel\n\nKarla Brenner sagte, es regne.", encoding="utf-8")
    corpus = run_analysis([tmp_path / "a.txt"], db=tmp_path / "x.db").corpus
    assert len(corpus.articles) == 1
    from newsprism.store import Database

    with Database(str(tmp_path / "x.db")) as database:
        assert any("boom" in error.reason for error in database.errors())
