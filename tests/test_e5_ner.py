"""The accurate NER mode: fine-tuned e5 tags sentences (newsprism.nlp.e5_ner), BIO decoding."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.tokens import Doc

from newsprism.nlp import NER_MODE_VARIABLE, load
from newsprism.nlp.bio_tags import LABELS, span_f1, spans, viterbi
from newsprism.nlp.e5_ner import WINDOW_WORDS, E5EntityRecognizer


def _logits(rows: list[dict[str, float]]) -> np.ndarray:
    return np.array([[row.get(label, 0.0) for label in LABELS] for row in rows])


def test_decoding_never_opens_an_entity_with_an_inside_tag():
    # the likeliest tag of each word alone is I-PER, which cannot start an entity or follow an ORG
    logits = _logits([{"I-PER": 5, "B-PER": 3}, {"I-PER": 5}, {"B-ORG": 4}, {"I-PER": 5, "I-ORG": 3}])
    assert viterbi(logits, [4]) == [["B-PER", "I-PER", "B-ORG", "I-ORG"]]


def test_decoding_keeps_sentences_apart():
    logits = _logits([{"B-LOC": 5}, {"I-LOC": 5, "O": 4}])
    assert viterbi(logits, [1, 0, 1]) == [["B-LOC"], [], ["O"]]


def test_spans_and_their_f1():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-MISC"]
    assert spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "ORG"), (6, 7, "MISC")]
    assert span_f1([tags], [tags]) == 1.0
    assert span_f1([["B-PER", "I-PER"]], [["B-PER", "O"]]) == 0.0
    assert span_f1([["B-PER", "O", "B-LOC"]], [["B-PER", "O", "O"]]) == pytest.approx(2 / 3)


@pytest.fixture(scope="module")
def accurate():
    return load("de", "accurate")


def test_the_accurate_mode_replaces_the_german_ner(accurate):
    assert isinstance(accurate.get_pipe("ner"), E5EntityRecognizer)  # under the old name, in its place
    doc = accurate("Die Ministerin Aino Heikura sprach am Montag in Tampere mit Vertretern der Vereinten Nationen.")
    assert {(ent.text, ent.label_) for ent in doc.ents} >= {
        ("Aino Heikura", "PER"),
        ("Tampere", "LOC"),
        ("Vereinten Nationen", "ORG"),
    }


def test_long_sentences_are_tagged_in_windows_and_space_is_no_word(accurate):
    words = ["Heute", "kam", "Aino", "Heikura", "nach", "Tampere", "."]
    filler = ["und", "dann", "noch", "mehr"] * (WINDOW_WORDS // 2)
    doc = accurate(Doc(accurate.vocab, words=[*filler, "\n\n", *words[2:4], *filler, *words]))
    people = [ent for ent in doc.ents if ent.label_ == "PER"]
    assert [ent.text for ent in people] == ["Aino Heikura", "Aino Heikura"]
    assert len(doc) > 2 * WINDOW_WORDS and people[1].start > 2 * WINDOW_WORDS
    assert all(not token.is_space for ent in doc.ents for token in ent)
    assert list(accurate.pipe(["", "   "])) and not accurate("").ents


def test_the_mode_comes_from_the_argument_or_the_environment(monkeypatch):
    monkeypatch.setenv(NER_MODE_VARIABLE, "accurate")
    assert isinstance(load("de").get_pipe("ner"), E5EntityRecognizer)
    monkeypatch.delenv(NER_MODE_VARIABLE)
    assert not isinstance(load("de").get_pipe("ner"), E5EntityRecognizer)
    monkeypatch.setenv(NER_MODE_VARIABLE, "fastest")
    with pytest.raises(ValueError, match="NEWSPRISM_NER"):
        load("de")


def test_the_english_pipeline_takes_the_e5_tagger_too():
    english = load("en", "accurate")
    doc = english("Finnish minister Aino Heikura met United Nations officials in Tampere on Monday.")
    assert isinstance(english.get_pipe("newsprism_e5_ner"), E5EntityRecognizer)  # after the model's own NER
    assert {("Aino Heikura", "PER"), ("Tampere", "LOC")} <= {(ent.text, ent.label_) for ent in doc.ents}
