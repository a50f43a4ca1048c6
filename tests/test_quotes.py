"""Quotes with speakers (issue 7): direct in every quotation style, reported, pronouns, titles."""

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.extract import find_quotes
from newsprism.model import Entity, Quote, Token
from newsprism.nlp import parse_texts
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


@cache
def _tokens(text: str, language: str = "de") -> list[Token]:
    return parse_texts([text], language)[0].tokens


def _quotes(text: str, people: dict[str, str] | None = None, language: str = "de") -> list[Quote]:
    return find_quotes(text, _entities(text, people or {}), _tokens(text, language))


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
    language = "de" if "Zeit" in text else "en"
    (quote,) = _quotes(text, {"Karla Brenner": "kb:brenner"}, language)
    assert quote.direct
    assert quote.speaker_actor_id == "kb:brenner"
    assert "keine Zeit" in quote.text or "no time" in quote.text
    assert text[quote.start : quote.end] == quote.text


def test_pronoun_speaker_is_the_subject_of_the_previous_sentence():
    text = "Jonas Wiik traf Dörte Kampmann im Rathaus. „Wir müssen reden“, sagte er danach."
    quotes = _quotes(text, {"Jonas Wiik": "a:wiik", "Dörte Kampmann": "a:kampmann"})
    assert [(q.speaker_text, q.speaker_actor_id) for q in quotes] == [("er", "a:wiik")]


def test_reported_speech_and_attribution_phrases():
    text = (
        "Karla Brenner sagte, die Deiche würden halten. "
        "Laut Tobias Mäder sind 600 Helfer im Einsatz. "
        "Der Pegel steigt weiter."
    )
    quotes = _quotes(text, {"Karla Brenner": "a:brenner", "Tobias Mäder": "a:maeder"})
    assert [(q.speaker_actor_id, q.direct) for q in quotes] == [("a:brenner", False), ("a:maeder", False)]
    assert quotes[0].text.startswith("die Deiche würden halten")
    assert quotes[0].cue == "sagte"


def test_single_quoted_words_are_not_quotes():
    text = "Er nannte es eine „Möglichkeit“ und sprach von „Verantwortung“."
    assert [q for q in _quotes(text) if q.direct] == []


def test_plural_speakers_are_not_a_person():
    text = "Lula traf Xi in Peking. Sie erklärten, direkte Gespräche seien der einzige Weg, den Konflikt zu beenden."
    (quote,) = _quotes(text, {"Lula": "a:lula"})
    assert (quote.speaker_text, quote.speaker_actor_id) == ("Sie", None)


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        ("Dem Bericht des Landesamts zufolge wurden 40 Häuser zerstört.", "Dem Bericht des Landesamts", "40 Häuser"),
        ("Nach Angaben der Feuerwehr brannte das Lager vollständig aus.", "Angaben der Feuerwehr", "das Lager"),
        ("Die Lage sei unter Kontrolle, so ein Sprecher der Polizei.", "ein Sprecher der Polizei", "Die Lage sei"),
        ("Wie die Staatsanwaltschaft mitteilte, wurde der Mann festgenommen.", "die Staatsanwaltschaft", "der Mann"),
        (
            "Am Freitag teilte ein Sprecher des Landesamts mit, dass die Straße gesperrt bleibe.",
            "ein Sprecher des Landesamts",
            "die Straße gesperrt",
        ),
    ],
)
def test_attributions_and_cues_name_the_whole_noun_phrase(text, speaker, words):
    (quote,) = _quotes(text)
    assert (quote.speaker_text, quote.direct) == (speaker, False)
    assert words in quote.text and speaker not in quote.text


def test_reported_speech_goes_on_in_konjunktiv_i():
    text = "Karla Brenner sagte, die Deiche würden halten. Die Helfer seien seit Tagen im Einsatz. Der Pegel steigt."
    quotes = _quotes(text, {"Karla Brenner": "a:brenner"})
    assert [(q.text, q.speaker_actor_id) for q in quotes] == [
        ("die Deiche würden halten.", "a:brenner"),
        ("Die Helfer seien seit Tagen im Einsatz.", "a:brenner"),
    ]


def test_quoted_titles_are_not_quotes_but_the_speech_around_them_is_reported():
    text = "Die Zeitung „Die Zeit“ berichtete, der „Tag der offenen Tür“ sei abgesagt worden."
    (quote,) = _quotes(text)
    assert (quote.direct, quote.speaker_text) == (False, "Die Zeitung „Die Zeit“")


def test_a_colon_gives_the_quote_to_the_subject_of_its_frame():
    text = "Hartmann weist das von sich: „Diese Verantwortung kann nur der Vorsitzende übernehmen.“"
    (quote,) = _quotes(text, {"Hartmann": "a:hartmann"})
    assert (quote.direct, quote.speaker_actor_id) == (True, "a:hartmann")


def test_a_passive_cue_has_no_speaker():
    assert _quotes("Dem Minister wurde vorgeworfen, er habe das Parlament belogen.", {"Minister": "a:m"}) == []


def test_a_speech_act_without_a_clause_is_reported_speech():
    (quote,) = _quotes("Die Gewerkschaft forderte seinen sofortigen Rücktritt.")
    assert (quote.speaker_text, quote.cue, quote.direct) == ("Die Gewerkschaft", "forderte", False)


def test_a_cue_without_a_clause_speaks_for_the_konjunktiv_after_it():
    text = "Der Minister wies den Vorwurf zurück. Die Studie sei richtig. Der Pegel steigt."
    assert [(q.text, q.speaker_text) for q in _quotes(text)] == [
        ("Der Minister wies den Vorwurf zurück.", "Der Minister"),
        ("Die Studie sei richtig.", "Der Minister"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In der Erklärung heißt es: „Wir bleiben bei unserem Ergebnis.“", "der Erklärung"),
        ("Ein Beamter der Polizei: „Hier weiß man, wer die Täter sind.“", "Ein Beamter der Polizei"),
    ],
)
def test_frames_without_a_subject_name_their_source(text, speaker):
    (quote,) = _quotes(text)
    assert (quote.direct, quote.speaker_text) == (True, speaker)


def test_own_statements_are_the_subjects():
    (quote,) = _quotes("Die Feuerwehr hat nach eigenen Angaben die Hälfte der Halle abgesucht.")
    assert (quote.speaker_text, quote.text) == ("Die Feuerwehr", "die Hälfte der Halle abgesucht.")


def test_a_motto_in_quotation_marks_is_not_a_quote():
    assert _quotes("Sie demonstrierten unter dem Motto „Wir sind das Volk!“ vor dem Rathaus.") == []


def test_a_second_verb_shares_the_subject_of_the_first():
    text = "Auch der Außenminister Sergei Lawrow sprach sich gegen das Verbot aus und sagte, das Gesetz sei falsch."
    (quote,) = _quotes(text, {"Sergei Lawrow": "a:lawrow"})
    assert (quote.speaker_actor_id, quote.text) == ("a:lawrow", "das Gesetz sei falsch.")


def test_hearsay_goes_on_with_the_source_before_it():
    text = "Laut Polizei wurden sechs Menschen erschossen. Alle Opfer sollen einander gekannt haben. Der Täter floh."
    assert [q.speaker_text for q in _quotes(text)] == ["Polizei", "Polizei"]


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
    for quote in find_quotes(text, article.entities, _tokens(text)):
        assert 0 <= quote.start <= quote.end <= len(text)


def test_a_failing_analysis_step_keeps_the_article_and_reports_it(tmp_path, monkeypatch):
    import newsprism.pipeline

    def broken(text, entities, tokens):
        raise RuntimeError("boom")

    monkeypatch.setattr(newsprism.pipeline, "find_quotes", broken)
    (tmp_path / "a.txt").write_text("Quelle: Blatt\n\nTitel\n\nKarla Brenner sagte, es regne.", encoding="utf-8")
    corpus = run_analysis([tmp_path / "a.txt"], db=tmp_path / "x.db").corpus
    assert len(corpus.articles) == 1
    from newsprism.store import Database

    with Database(str(tmp_path / "x.db")) as database:
        assert any("boom" in error.reason for error in database.errors())
