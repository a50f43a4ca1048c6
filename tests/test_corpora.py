"""The training-data converters of scripts/nlp_corpora.py (run by `make models`)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import nlp_corpora


def test_lowercase_names_are_recased_and_other_words_follow_the_cased_text():
    cased = [nlp_corpora._doc_from_bio("Die Stadt liegt im Norden .".split(), ["O"] * 6)]
    cases = nlp_corpora._case_counts(cased)
    words = "die stadt liegt am fluss ludwig van beethoven".split()
    tags = ["O", "O", "O", "O", "O", "B-PER", "I-PER", "I-PER"]
    recased = [nlp_corpora._recase(w, t, i == 0, cases) for i, (w, t) in enumerate(zip(words, tags, strict=True))]
    assert recased == ["Die", "Stadt", "liegt", "am", "Fluss", "Ludwig", "van", "Beethoven"]


def test_a_token_stream_is_cut_at_full_stops_but_never_inside_a_name():
    rows = [("Er", "O"), ("traf", "O"), ("St", "B-PER"), (".", "I-PER"), ("Martin", "I-PER"), (".", "O"), ("Dann", "O")]
    sentences = [[word for word, _ in sentence] for sentence in nlp_corpora._sentences(rows)]
    assert sentences == [["Er", "traf", "St", ".", "Martin", "."], ["Dann"]]


def test_fine_grained_labels_map_to_the_four_coarse_ones():
    assert nlp_corpora._coarse("B-GRT", nlp_corpora.LER_LABELS) == "B-ORG"
    assert nlp_corpora._coarse("I-CW", nlp_corpora._MULTICONER_LABELS) == "I-MISC"
    assert nlp_corpora._coarse("B-GS", nlp_corpora.LER_LABELS) == "O"


def test_whitespace_at_the_edges_of_a_gold_name_is_left_out():
    doc = nlp_corpora.Doc(nlp_corpora.VOCAB, words=["\xa0", "Nordic", "Yards", "\n", ":", "\n"])
    trimmed = nlp_corpora._without_edge_space(nlp_corpora.Span(doc, 0, 4, label="ORG"))
    assert (trimmed.text, trimmed.label_) == ("Nordic Yards", "ORG")
    assert not nlp_corpora._without_edge_space(nlp_corpora.Span(doc, 5, 6, label="ORG"))
