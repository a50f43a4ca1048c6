"""Link-stripping noise for clean text: the corruption the repair benchmark measures against and
the boundary model (scripts/train_boundary_model.py) learns from, in one place.

A span (a named entity, or in 30 % of sentences a random run of 1–3 words) loses the space on its
left and/or right (each with p = 0.5) wherever two word characters meet; every removed space is a
gold boundary, labelled by what meets there (``case change``, ``name + lower``, ``lower + lower``,
``other``). Sentences come from GermEval-style TSV (entities: PER/LOC/ORG/OTH), UD CoNLL-U (PROPN
runs) or token/IOB2 files such as WikiANN and WNUT (their entities).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from nlp_corpora import blocks

DOC_SIZE = 20  # sentences per pseudo-article
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "“", "'", "%"}
_NO_SPACE_AFTER = {"(", "[", "„"}


@dataclass
class Sentence:
    tokens: list[str]
    entities: list[tuple[int, int]]  # token spans [start, end)


def spans(flags: list[bool], starts: list[bool]) -> list[tuple[int, int]]:
    """Token spans [start, end) of runs of ``flags``, a new run also where ``starts`` says so."""
    found, start = [], None
    for index, (inside, begins) in enumerate(zip([*flags, False], [*starts, False], strict=True)):
        if start is not None and (not inside or begins):
            found.append((start, index))
            start = None
        if inside and start is None:
            start = index
    return found


def read_germeval(path: Path) -> list[Sentence]:
    sentences = []
    for block in blocks(path):
        labels = [row[2] for row in block]
        names = [label[2:] in {"PER", "LOC", "ORG", "OTH"} and label[:2] in ("B-", "I-") for label in labels]
        sentences.append(
            Sentence([row[1] for row in block], spans(names, [label.startswith("B-") for label in labels]))
        )
    return sentences


def read_conllu(path: Path) -> list[Sentence]:
    sentences = []
    for block in blocks(path):
        rows = [row for row in block if row[0].isdigit()]
        propn = [row[3] == "PROPN" for row in rows]
        sentences.append(Sentence([row[1] for row in rows], spans(propn, [False] * len(rows))))
    return sentences


def detokenise(tokens: list[str]) -> tuple[str, list[int]]:
    """Text from tokens, and the character offset of each token's start."""
    text, starts = "", []
    for index, token in enumerate(tokens):
        if index and token not in _NO_SPACE_BEFORE and tokens[index - 1] not in _NO_SPACE_AFTER:
            text += " "
        starts.append(len(text))
        text += token
    return text, starts


def boundary_kind(left: str, right: str) -> str:
    a, b = left[-1], right[0]
    if a.islower() and b.isupper():
        return "case change"
    if left[0].isupper() and left.isalpha() and not left.isupper() and b.islower():
        return "name + lower"
    if left.isalpha() and right.isalpha() and left.islower() and right.islower():
        return "lower + lower"
    return "other"


def corrupt(sentence: Sentence, rng: random.Random) -> tuple[str, str, dict[int, str]]:
    """(clean text, corrupted text, gold: corrupted offset → boundary kind)."""
    text, starts = detokenise(sentence.tokens)
    linked = list(sentence.entities)
    if rng.random() < 0.3 and len(sentence.tokens) > 3:
        start = rng.randrange(len(sentence.tokens) - 1)
        linked.append((start, min(len(sentence.tokens), start + rng.randint(1, 3))))
    glued: set[int] = set()  # token index i: the space before token i is removed
    for start, end in linked:
        for boundary in (start, end):
            if 0 < boundary < len(sentence.tokens) and rng.random() < 0.5:
                glued.add(boundary)
    removals = {}
    for index in sorted(glued):
        left, right = sentence.tokens[index - 1], sentence.tokens[index]
        position = starts[index] - 1
        if position >= 0 and text[position] == " " and left[-1].isalnum() and right[0].isalnum():
            removals[position] = boundary_kind(left, right)
    corrupted, gold, removed = [], {}, 0
    for position, char in enumerate(text):
        if position in removals:
            gold[position - removed] = removals[position]
            removed += 1
            continue
        corrupted.append(char)
    return text, "".join(corrupted), gold


def corrupt_article(sentences: list[Sentence], rng: random.Random) -> tuple[str, str, dict[int, str]]:
    """A pseudo-article of ``sentences``, one per line: (clean text, corrupted text, gold:
    corrupted offset → boundary kind), each sentence corrupted in turn."""
    batch = [corrupt(sentence, rng) for sentence in sentences]
    gold: dict[int, str] = {}
    offset = 0
    for _, corrupted, sentence_gold in batch:
        gold.update({offset + position: kind for position, kind in sentence_gold.items()})
        offset += len(corrupted) + 1
    return "\n".join(clean for clean, _, _ in batch), "\n".join(corrupted for _, corrupted, _ in batch), gold


def read_iob(path: Path, language_prefix: bool = False) -> list[Sentence]:
    """Sentences of a two-column token/IOB2 file, entities from the tags: WikiANN (its tokens carry
    a language prefix, "en:Saunders") and WNUT 2017."""
    sentences = []
    for block in blocks(path):
        labels = [row[-1] for row in block]
        sentences.append(
            Sentence(
                [row[0].split(":", 1)[1] if language_prefix else row[0] for row in block],
                spans([label != "O" for label in labels], [label.startswith("B-") for label in labels]),
            )
        )
    return sentences
