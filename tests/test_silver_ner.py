"""The silver NER teacher of scripts/silver_ner.py and its unlabelled text (run by `make models`)."""

import sys
from pathlib import Path

import numpy as np
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import nlp_corpora
import silver_ner

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _logits(rows: list[dict[str, float]]) -> np.ndarray:
    return np.array([[row.get(label, 0.0) for label in silver_ner.LABELS] for row in rows])


def test_decoding_never_opens_an_entity_with_an_inside_tag():
    # the likeliest tag of each word alone is I-PER, which cannot start an entity or follow an ORG
    logits = _logits([{"I-PER": 5, "B-PER": 3}, {"I-PER": 5}, {"B-ORG": 4}, {"I-PER": 5, "I-ORG": 3}])
    assert silver_ner.viterbi(logits, [4]) == [["B-PER", "I-PER", "B-ORG", "I-ORG"]]


def test_decoding_keeps_sentences_apart():
    logits = _logits([{"B-LOC": 5}, {"I-LOC": 5, "O": 4}])
    assert silver_ner.viterbi(logits, [1, 0, 1]) == [["B-LOC"], [], ["O"]]


def test_the_teacher_learns_tags_from_word_states_and_keeps_its_best_epoch():
    vocab = Vocab()
    words = ["Anna", "Berg", "wohnt", "in", "Linz", "."]
    tags = ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]
    doc = Doc(vocab, words=words, ents=tags)
    states = np.eye(len(words), dtype=np.float32)[np.tile(np.arange(len(words)), 50)]
    gold = np.tile([silver_ner.LABELS.index(tag) for tag in tags], 50)
    teacher = silver_ner.Teacher(len(words))
    assert teacher.fit(states, gold, [doc], np.eye(len(words), dtype=np.float32)) == 1.0
    assert silver_ner.viterbi(teacher.logits(np.eye(len(words))), [len(words)]) == [tags]
    assert silver_ner.span_f1([doc], [["O"] * len(words)]) == 0.0


@pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data")
def test_silver_text_leaves_out_short_sentences_and_those_of_germeval():
    wikiann = [Doc(nlp_corpora.VOCAB, words=words.split()) for words in ("Ein Satz aus der Wikipedia .", "Zu kurz .")]
    germeval = [Doc(nlp_corpora.VOCAB, words="Ein Satz aus der Wikipedia .".split())]
    texts = {tuple(token.text for token in doc) for doc in nlp_corpora.silver_text(DATA, germeval, wikiann)}
    assert tuple("Ein Satz aus der Wikipedia .".split()) not in texts
    assert tuple("Zu kurz .".split()) not in texts
    assert len(texts) > 10_000  # the speeches and the UD text
