"""BIO tags of the four NER labels: the e5 tagger's decoding, and span scoring for its training.

numpy only, so that scripts/finetune_ner_teacher.py can load this file by path where spaCy is not
installed (a GPU machine).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

ENTITY_LABELS = ("PER", "LOC", "ORG", "MISC")
LABELS = ("O", *(f"{prefix}-{label}" for label in ENTITY_LABELS for prefix in ("B", "I")))


def _continues(previous: str, tag: str) -> bool:
    """Whether ``tag`` may follow ``previous``: I-X only inside an X entity."""
    return not tag.startswith("I-") or (previous != "O" and previous[2:] == tag[2:])


_TRANSITIONS = np.array([[0.0 if _continues(a, b) else -1e9 for b in LABELS] for a in LABELS])
_STARTS = np.array([-1e9 if tag.startswith("I-") else 0.0 for tag in LABELS])


def viterbi(logits: np.ndarray, lengths: Sequence[int]) -> list[list[str]]:
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


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each entity in a BIO tag sequence; a stray I- opens one."""
    found: list[tuple[int, int, str]] = []
    for index, tag in enumerate(tags):
        if tag == "O":
            continue
        if tag.startswith("I-") and found and found[-1][1] == index and found[-1][2] == tag[2:]:
            found[-1] = (found[-1][0], index + 1, tag[2:])
        else:
            found.append((index, index + 1, tag[2:]))
    return found


def span_f1(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> float:
    """Exact-span F1 of predicted against gold tag sequences (one pair per sentence)."""
    gold_spans = {(number, *span) for number, tags in enumerate(gold) for span in spans(tags)}
    found = {(number, *span) for number, tags in enumerate(predicted) for span in spans(tags)}
    return 2 * len(gold_spans & found) / max(len(gold_spans) + len(found), 1)
