"""The NLP stage: the shipped German pipeline, en_core_web_sm, sentences, entities in the pipeline."""

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsprism.link import KnowledgeBase
from newsprism.nlp import add_known_names, load, parse_texts
from newsprism.nlp.components import (
    NATION,
    KnownNames,
    dateline_places,
    entity_consistency,
    event_names,
    name_edges,
    team_names,
)
from newsprism.pipeline import run_analysis
from newsprism.repair import repair_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def german():
    return load("de")


def test_german_pipeline_has_every_component_and_is_cached(german):
    components = ("tok2vec", "morphologizer", "parser", "trainable_lemmatizer", "newsprism_lemma_lookup", "ner")
    for name in (*components, "newsprism_entity_shape", "newsprism_sentence_hints"):
        assert name in german.pipe_names
    assert load("de") is german
    assert set(german.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}


def test_german_pipeline_accepts_a_pretokenised_doc(german):
    words = ["Bundeskanzler", "Friedrich", "Merz", "reiste", "am", "Montag", "nach", "Paris", "."]
    doc = german(Doc(german.vocab, words=words))
    assert [token.text for token in doc] == words
    assert all(token.pos_ for token in doc)
    assert all(token.lemma_ for token in doc)
    assert doc.has_annotation("DEP")


def test_german_sentences_survive_dates_abbreviations_and_quotes(german):
    doc = german(
        "Am 15. Mai traf Dr. Müller den Minister in Berlin. Er sagte: „Das ist z. B. ein gutes Ergebnis.“ "
        "Danach reiste er nach Hamburg."
    )
    starts = [sentence[0].text for sentence in doc.sents]
    assert "Mai" not in starts
    assert "Müller" not in starts
    assert "B." not in starts
    assert len(list(doc.sents)) in (3, 4)


def test_headlines_and_paragraphs_end_sentences_and_wrapped_lines_do_not(german):
    body = "Der Kanzler sprach am Montag in Berlin über den Haushalt und die Lage der Wirtschaft im Land"
    one_per_line = f"Merz reist nach Paris\nDer Besuch gilt als Zeichen\n{body}, sagte ein Sprecher.\nEr kam."
    starts = [sentence[0].text for sentence in german(one_per_line).sents]
    assert starts[:3] == ["Merz", "Der", "Der"]
    wrapped = "Titel der Meldung\n\nDer Kanzler sprach am Montag in Berlin\nüber den Haushalt der Regierung."
    assert [sentence[0].text for sentence in german(wrapped).sents] == ["Titel", "Der"]


def test_a_full_stop_before_extra_spaces_ends_the_sentence(german):
    text = "Verletzt wurde niemand, da er nicht im Haus war.  Nach Angaben der Polizei ist die Ursache unklar."
    starts = [sentence[0].text for sentence in german(text).sents if not sentence[0].is_space]
    assert starts == ["Verletzt", "Nach"]


@pytest.mark.parametrize(
    ("language", "text", "first"),
    [
        ("de", "Genf, 3. Mai 2025 – Der Stadtrat kritisierte die Pläne.", "Der"),
        ("de", "Titel der Meldung\n\nGENF (dpa) - Der Stadtrat kritisierte die Pläne.", "Der"),
        ("en", "GENEVA, May 3 (Reuters) - The council criticised the plans.", "The"),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(language, text, first):
    sentences = [sentence for sentence in load(language)(text).sents if sentence.text.strip()]
    assert sentences[-1][0].text == first and sentences[-2][-1].text in ("–", "-")


@pytest.mark.parametrize(
    "text", ["Karla Brenner – die neue Ministerin – sagte das am Montag.", "EU – und damit Genf – muss handeln."]
)
def test_a_name_and_a_dash_are_no_dateline(german, text):
    assert len(list(german(text).sents)) == 1


def test_a_surname_taken_for_a_place_is_the_person_named_in_full():
    nlp = spacy.blank("de")
    words = "Karla Brenner kam . Brenner sagte , sie fahre in Brenner vorbei .".split()
    tags = ["B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O", "O", "O", "B-LOC", "O", "O"]
    doc = entity_consistency(Doc(nlp.vocab, words=words, ents=tags))
    assert [(ent.start, ent.label_) for ent in doc.ents] == [(0, "PER"), (4, "PER"), (10, "LOC")]


def _tagged(words: str, tags: str, pos: str) -> Doc:
    """A Doc from space-separated words, BIO tags and POS, a sentence ending at each full stop."""
    split = words.split()
    starts = [index == 0 or split[index - 1] == "." for index in range(len(split))]
    return Doc(spacy.blank("en").vocab, words=split, ents=tags.split(), pos=pos.split(), sent_starts=starts)


def _labelled(doc: Doc) -> list[tuple[str, str]]:
    return [(ent.text, ent.label_) for ent in doc.ents]


def test_a_place_followed_by_its_score_is_a_team_but_a_country_a_player_and_a_date_are_not():
    words = "Chicago 3 Toronto 2 . Japan 2 Syria 1 . W. Athey 111 , V. Wells 50 . On July 4 Chicago had 3 ."
    tags = "B-LOC O O O O B-LOC O B-LOC O O " + "O " * 8 + "O O O B-LOC O O O"
    pos = "PROPN NUM PROPN NUM PUNCT " * 2 + "PROPN PROPN NUM PUNCT " * 2 + "ADP PROPN NUM PROPN VERB NUM PUNCT"
    doc = _tagged(words, tags, pos)
    doc.ents = [
        Span(doc, ent.start, ent.end, "LOC", span_id=NATION) if ent.start in (5, 7) else ent for ent in doc.ents
    ]
    found = _labelled(team_names(doc))
    assert found == [("Chicago", "ORG"), ("Toronto", "ORG"), ("Japan", "LOC"), ("Syria", "LOC"), ("Chicago", "LOC")]


def test_a_list_of_places_and_counts_is_no_result():
    words = "Kharkiv 12 , Odesa 4 , Dnipro 3 . Leeds 2 ( Smith 34 ) Everton 1 ."
    tags = "B-LOC O O B-LOC O O B-LOC O O B-LOC O O B-PER O O B-LOC O O"
    pos = "PROPN NUM PUNCT " * 3 + "PROPN NUM PUNCT PROPN NUM PUNCT PROPN NUM PUNCT"
    found = _labelled(team_names(_tagged(words, tags, pos)))
    assert found == [
        *[(place, "LOC") for place in ("Kharkiv", "Odesa", "Dnipro")],
        ("Leeds", "ORG"),
        ("Smith", "PER"),
        ("Everton", "ORG"),
    ]


def test_two_sides_taken_for_one_name_are_two_teams_and_a_scorer_keeps_his_label():
    words = "Pohang 3 Ulsan 2 . Motherwell 2 ( Davies 39 , Ross 89 ) Celtic 1 ."
    tags = "B-PER I-PER I-PER I-PER O B-ORG O O B-PER I-PER O B-PER O O B-ORG O O"
    pos = "PROPN NUM PROPN NUM PUNCT PROPN NUM PUNCT PROPN NUM PUNCT PROPN NUM PUNCT PROPN NUM PUNCT"
    found = _labelled(team_names(_tagged(words, tags, pos)))
    teams_and_scorers = [("Motherwell", "ORG"), ("Davies", "PER"), ("Ross", "PER"), ("Celtic", "ORG")]
    assert found == [("Pohang", "ORG"), ("Ulsan", "ORG"), *teams_and_scorers]


def test_the_name_a_dateline_opens_with_is_a_place_and_nothing_else_changes():
    words = "BONN 1996-12-06 . NICE , France 1996-08-30 . BERLIN ( dpa ) – . NATO met in June ."
    tags = "B-ORG O O B-ORG O B-LOC O O B-ORG O B-ORG O O O B-ORG O O O O"
    pos = "PROPN NUM PUNCT PROPN PUNCT PROPN NUM PUNCT PROPN PUNCT PROPN PUNCT PUNCT PUNCT PROPN VERB ADP PROPN PUNCT"
    found = _labelled(dateline_places(_tagged(words, tags, pos)))
    assert found == [
        ("BONN", "LOC"),
        ("NICE", "LOC"),
        ("France", "LOC"),
        ("BERLIN", "LOC"),
        ("dpa", "ORG"),
        ("NATO", "ORG"),
    ]


def test_a_competition_or_an_award_is_an_event_not_an_organisation():
    words = "UEFA Cup and Nobel Peace Prize , Cup Noodles Ltd and Cup ."
    tags = "B-ORG I-ORG O B-ORG I-ORG I-ORG O B-ORG I-ORG I-ORG O B-ORG O"
    pos = "PROPN PROPN CCONJ PROPN PROPN PROPN PUNCT PROPN PROPN PROPN CCONJ PROPN PUNCT"
    found = _labelled(event_names(_tagged(words, tags, pos)))
    assert found == [("UEFA Cup", "MISC"), ("Nobel Peace Prize", "MISC"), ("Cup Noodles Ltd", "ORG"), ("Cup", "ORG")]


def test_initials_belong_to_the_person_and_figures_alone_are_no_name_but_a_currency_sign_stays():
    words = "S. Waugh and J.R. Smith scored 3 1 2 0 for A. Ltd in € ."
    tags = "O B-PER O O B-PER O B-MISC I-MISC I-MISC I-MISC O O B-ORG O B-MISC O"
    pos = "PROPN PROPN CCONJ PROPN PROPN VERB NUM NUM NUM NUM ADP PROPN PROPN ADP SYM PUNCT"
    found = _labelled(name_edges(_tagged(words, tags, pos)))
    assert found == [("S. Waugh", "PER"), ("J.R. Smith", "PER"), ("Ltd", "ORG"), ("€", "MISC")]


def test_a_known_country_carries_its_kind_and_a_table_names_clubs_as_organisations():
    patterns = KnowledgeBase.load().name_patterns()
    assert {"label": "LOC", "pattern": "Japan", "kind": NATION} in patterns
    add_known_names(patterns)
    doc = load("en", "accurate")("Pohang 3 Ulsan 2. Japan 2 Syria 1.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Pohang") == labels.get("Ulsan") == "ORG"
    assert labels.get("Japan") == labels.get("Syria") == "LOC"


def test_an_english_headline_is_a_sentence_of_its_own():
    text = "Ukraine and Russia agree to swap prisoners after talks in Geneva\n\nDelegations met in Geneva on Friday."
    starts = [sentence[0].text for sentence in load("en")(text).sents if not sentence[0].is_space]
    assert starts == ["Ukraine", "Delegations"]


def test_line_breaks_are_no_words_in_the_parse():
    text = "Trump schlägt einen Kompromiss vor\n\nZuvor hatte Trump die Gespräche gelobt."
    tokens = parse_texts([text], "de")[0].tokens
    spaces = [index for index, token in enumerate(tokens) if not token.text.strip()]
    assert spaces and all(tokens[index].pos == "SPACE" for index in spaces)
    assert not any(token.head in spaces and index not in spaces for index, token in enumerate(tokens))
    assert tokens[spaces[-1] + 1].sentence_start


def test_german_lemmas_and_parts_of_speech(german):
    doc = german("Die Minister haben die Verhandlungen abgebrochen.")
    by_text = {token.text: token for token in doc}
    assert by_text["Minister"].pos_ == "NOUN"
    assert by_text["haben"].lemma_ == "haben"
    assert by_text["Verhandlungen"].lemma_ == "Verhandlung"


def test_german_entities_are_capitalised_and_end_at_names(german):
    doc = german("Brasilien Und China Beide, die Beziehungen zu Moskau pflegen, unterstützten direkte Gespräche.")
    assert [ent.text for ent in doc.ents] == ["Brasilien", "China", "Moskau"]
    assert [ent.text for ent in german("Er wird den türkischen Präsidenten treffen, meldet dpa.").ents] == ["dpa"]


def test_a_sentence_adverb_is_no_name(german):
    for adverb in ("Interessanterweise", "Möglicherweise", "Glücklicherweise"):
        doc = german(f"{adverb} reiste Anna Berg am Montag nach Tampere.")
        assert adverb not in [ent.text for ent in doc.ents]
        assert ("Anna Berg", "PER") in [(ent.text, ent.label_) for ent in doc.ents]


def test_the_gazetteer_fills_the_ner_gaps_and_curated_names_win(german):
    text = "Die Horizon Air ehrte gestern Künstler aus Aserbaidschan."
    with german.select_pipes(disable=["newsprism_gazetteer"]):  # (other tests may add knowledge-base names)
        assert "Horizon Air" not in [ent.text for ent in german(text).ents]
    assert [(ent.text, ent.label_) for ent in german(text).ents] == [
        ("Horizon Air", "ORG"),
        ("Aserbaidschan", "LOC"),
    ]
    assert german.pipe_names.index("newsprism_gazetteer") < german.pipe_names.index("newsprism_known_names")


def test_a_persons_genitive_before_a_noun_is_the_person(german):
    doc = german("Präsident Selenskyj reiste ab. Der Minister will Selenskyjs Friedensvision präsentieren.")
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Selenskyj", "PER"), ("Selenskyjs", "PER")]


def test_a_compound_of_an_acronym_and_a_noun_is_no_name(german):
    doc = german("Der FDP-Chef und der CSU-Fraktionsvorsitzende reisten nach Nordrhein-Westfalen.")
    assert [ent.text for ent in doc.ents] == ["Nordrhein-Westfalen"]


def test_german_verbs_the_trained_lemmatizer_garbles_get_their_infinitive(german):
    doc = german("Tausende demonstrierten gestern, und heute liefert die Regierung neue Zahlen.")
    by_text = {token.text: token.lemma_ for token in doc}
    assert (by_text["demonstrierten"], by_text["liefert"]) == ("demonstrieren", "liefern")


def test_english_pipeline_maps_labels_to_newsprism_labels():
    doc = load("en")("Chancellor Friedrich Merz met Volodymyr Zelensky in Paris on Thursday.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Friedrich Merz") == "PER"
    assert labels.get("Paris") == "LOC"
    assert "Thursday" not in labels


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="no pipeline"):
        load("xx")


def test_parse_offsets_point_into_the_text_even_for_long_texts():
    paragraph = "Außenministerin Annalena Baerbock traf in Warschau ihren polnischen Kollegen. " * 20
    text = (paragraph + "\n") * 80  # over the 100,000-character chunk size
    parsed = parse_texts([text, "Kurz."], "de")[0]
    assert len(text) > 100_000
    assert parsed.entities
    for entity in parsed.entities:
        assert text[entity.start : entity.end] == entity.text
    assert any(entity.text == "Warschau" and entity.label == "LOC" for entity in parsed.entities)
    for token in parsed.tokens:
        assert text[token.start : token.end] == token.text
        assert 0 <= token.head < len(parsed.tokens)
    last = parsed.tokens[-1]
    assert parsed.tokens[last.head].start >= 100_000  # heads of later chunks point into their own chunk


def test_analysis_fills_entities_with_offsets_into_the_repaired_text(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Quelle: Testblatt\nDatum: 2026-11-04\n\nTreffen in Warschau\n\n"
        "Außenministerin Annalena Baerbockhat am Dienstag in Warschau ihren polnischen Kollegen Radosław "
        "Sikorski getroffen. Baerbock sprach über die Europäische Union.",
        encoding="utf-8",
    )
    corpus = run_analysis([article], db=tmp_path / "x.db").corpus
    (stored,) = corpus.articles
    assert "Baerbock hat" in stored.text
    assert stored.entities
    for entity in stored.entities:
        assert stored.text[entity.start : entity.end] == entity.text
    assert {"PER", "LOC"} <= {entity.label for entity in stored.entities}


def _seed(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not matches:
        pytest.skip("../shared/seeds is not available")
    return repair_text(matches[0].read_text(encoding="utf-8"), "de").text


@pytest.mark.parametrize(
    ("prefix", "people", "places"),
    [
        ("000", ["Putin", "Trump", "Medinski", "Fomin", "Selenskyj"], ["Moskau", "Kiew", "Istanbul", "Russland"]),
        (
            "001",
            ["Putin", "Medinsky", "Trump", "Zelenskyy", "Lavrov", "Rubio", "Merz"],
            ["Istanbul", "Ankara", "Moskau"],
        ),
    ],
)
def test_seed_people_places_and_the_kremlin(german, prefix, people, places):
    doc = german(_seed(prefix))
    by_label: dict[str, set[str]] = {}
    for ent in doc.ents:
        by_label.setdefault(ent.label_, set()).update(token.text for token in ent)
    for surname in people:
        assert surname in by_label.get("PER", set()), surname
    for place in places:
        assert place in by_label.get("LOC", set()), place
    assert by_label.get("ORG", set()) & {"Kreml", "Kremls"}


def test_a_proper_noun_after_a_facility_noun_is_a_place(german):
    doc = german("Die Familien übernachteten in der Sporthalle Triebischtal am Rand der Stadt.")
    assert ("Triebischtal", "LOC") in [(ent.text, ent.label_) for ent in doc.ents]


@pytest.mark.parametrize("replace_parts", [True, False])
def test_a_known_name_replaces_one_entity_cut_short_but_not_a_coordination(replace_parts):
    nlp = spacy.blank("de")
    known = KnownNames(nlp, replace_parts=replace_parts)
    known.add_patterns(
        [
            {"label": "LOC", "pattern": "Vereinigte Arabische Emirate"},
            {"label": "LOC", "pattern": "Bosnien und Herzegowina"},
        ]
    )
    words = "Er besuchte Vereinigte Arabische Emirate sowie Bosnien und Herzegowina .".split()
    tags = ["O", "O", "B-LOC", "I-LOC", "O", "O", "B-LOC", "O", "B-LOC", "O"]
    doc = known(Doc(nlp.vocab, words=words, ents=tags))
    cut_short = ("Vereinigte Arabische Emirate", "LOC") if replace_parts else ("Vereinigte Arabische", "LOC")
    assert [(ent.text, ent.label_) for ent in doc.ents] == [cut_short, ("Bosnien", "LOC"), ("Herzegowina", "LOC")]


@pytest.mark.parametrize(
    "text, first",
    [
        ("Die von Papst Benedikt XVI. betriebene Reform wurde kritisiert. Danach sprach Jens Kohl.", "Die"),
        ("Mit dem Ruf „Wer, wenn nicht wir?!“ hatten die Schüler zur Demo aufgerufen. Danach sprach Jens Kohl.", "Mit"),
        ("Die Zeitung (Haaretz, dt. etwa Das Land) berichtete darüber. Danach sprach Jens Kohl.", "Die"),
    ],
)
def test_a_lower_case_word_after_a_full_stop_or_a_closing_quote_starts_no_sentence(german, text, first):
    assert [sentence[0].text for sentence in german(text).sents] == [first, "Danach"]


def test_a_brand_in_lower_case_after_a_full_stop_still_starts_a_sentence(german):
    doc = german("Der Laden öffnete im Mai. eBay sieht darin keinen Wettbewerber.")
    assert [sentence[0].text for sentence in doc.sents] == ["Der", "eBay"]
