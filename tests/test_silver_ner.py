"""The unlabelled text that the fine-tuned e5 labels as silver NER data (scripts/silver_ner.py, `make models`)."""

import sys
from pathlib import Path

import pytest
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import nlp_corpora

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data")
def test_silver_text_leaves_out_short_sentences_and_those_of_germeval():
    wikiann = [Doc(nlp_corpora.VOCAB, words=words.split()) for words in ("Ein Satz aus der Wikipedia .", "Zu kurz .")]
    germeval = [Doc(nlp_corpora.VOCAB, words="Ein Satz aus der Wikipedia .".split())]
    texts = {tuple(token.text for token in doc) for doc in nlp_corpora.silver_text(DATA, germeval, wikiann)}
    assert tuple("Ein Satz aus der Wikipedia .".split()) not in texts
    assert tuple("Zu kurz .".split()) not in texts
    assert len(texts) > 10_000  # the speeches and the UD text


def test_the_teacher_inputs_hold_each_word_s_first_piece_and_gold_tag(tmp_path):
    import finetune_ner_teacher
    import numpy as np
    from spacy.tokens import DocBin

    from newsprism.e5 import E5Encoder

    words = ["Aino", "Heikura", "besuchte", "Tampere", "."]
    doc = Doc(nlp_corpora.VOCAB, words=words, ents=["B-PER", "I-PER", "O", "B-LOC", "O"])
    for split in finetune_ner_teacher.SPLITS:
        DocBin(docs=[doc, Doc(nlp_corpora.VOCAB, words=["Nichts", "."])]).to_disk(tmp_path / f"ner_{split}.spacy")
    finetune_ner_teacher.prepare(tmp_path, tmp_path / "inputs.npz")
    data = np.load(tmp_path / "inputs.npz")
    ids, firsts = E5Encoder().word_inputs(words)
    assert list(data["train.pieces"]) == [len(ids), len(E5Encoder().word_inputs(["Nichts", "."])[0])]
    assert list(data["train.words"]) == [5, 2]
    assert list(data["train.firsts"][:5]) == list(firsts)
    labels = finetune_ner_teacher.LABELS
    assert [labels[tag] for tag in data["train.tags"]] == ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"]
    assert len(data["emb.word"]) == len(set(data["train.ids"])) and data["train.ids"].max() < len(data["emb.word"])
