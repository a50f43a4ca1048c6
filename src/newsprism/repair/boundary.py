"""A learned judge of glued words the rules leave whole ("Hübnerwies", "Leblacherausgetragen").

Why a model: the rules in ``glue.py`` split only where one kind of evidence is strong (a name seen
alone, a tail no word ends in, a function word). Many glued joins show several weak signs at once
— a rare capitalised head, a frequent lowercase tail, a whole that no word list knows — which no
single rule may trust, but which together are clear. Gradient-boosted trees
(scripts/train_boundary_model.py, trained on link-stripping noise put into clean corpora) weigh
them; a split is made only where the trees are very sure, since a false split damages clean text.

The trees ship as arrays (``data/boundary_{language}.npz``) and run in numpy, all trees and all
candidate points of a document at once.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import numpy as np

from newsprism.repair.lexicon import (
    COMPOUND_TAILS,
    SHORT_TAILS,
    WORD_PREFIXES,
    case_counts,
    ending_count,
    prefix_span,
    suffix_count,
    zipf,
)

MIN_PART = 2  # letters on each side of a learned split
MIN_TAIL_ZIPF = 2.5  # the tail must be a word of some frequency to be split off
MAX_WHOLE_ZIPF = 3.0  # a whole this frequent is a word, not glue

FEATURES = (
    "head zipf",
    "tail zipf",
    "whole zipf",
    "head length",
    "tail length",
    "head capitalised",
    "head all capitals",
    "head at sentence start",
    "head alone in document",
    "head known from corpus",
    "words beginning with head",
    "words ending with tail",
    "words ending with tail and one letter before",
    "words ending with tail and two letters before",
    "tail a short function word",
    "words ending like head",
    "head plus first letter of tail zipf",
    "head without last letter zipf",
    "last letter of head plus tail zipf",
    "whole alone in document",
    "tail alone in document",
    "tail capitalised alone in document",
    "head lowercase count",
    "head capitalised count",
    "head in-name count",
    "tail lowercase count",
    "tail capitalised count",
    "tail in-name count",
    "whole lowercase count",
    "whole capitalised count",
    "whole in-name count",
    "after a noun phrase's opener",
)
# Never asked: a feminine ending ("Stadtpatron|in"), an adjective-forming tail ("Steiermark|weit")
# or a particle verb, adverb's or adjective's compound ("mit|gehörten", "los|gefahren",
# "rein|geführt", "wohl|organisierten", "gut|schrieben", "weit|erreichten", "pro|syrischen"),
# which look like glue to every feature.
_FEMININE_ENDINGS = frozenset({"in", "innen"})
_PARTICLES = WORD_PREFIXES | frozenset(
    "rein raus rauf runter rüber dazu teil wohl viel hoch fest frei weiter zusammen voran zurück vorbei heim fort "
    "nieder wieder darüber darunter daneben davor dahinter gut schwer leicht voll nah weit fern offen tot "
    "pro anti".split()
)


def _log_count(count: int) -> float:
    return math.log1p(count)


def split_features(
    word: str,
    point: int,
    language: str,
    document: Counter[str],
    names: Collection[str],
    sentence_start: bool,
    after_opener: bool = False,
) -> list[float]:
    """What the trees see of splitting ``word`` before ``point``, in the order of ``FEATURES``
    (``after_opener``: the word follows an article, preposition or determiner)."""
    head, tail = word[:point], word[point:]
    return [
        zipf(head, language),
        zipf(tail, language),
        zipf(word, language),
        len(head),
        len(tail),
        float(head[0].isupper()),
        float(head.isupper()),
        float(sentence_start),
        _log_count(document[head]),
        float(head in names),
        _log_count(prefix_span(head, language)),
        _log_count(suffix_count(tail, language)),
        _log_count(suffix_count(head[-1] + tail, language)),
        _log_count(suffix_count(head[-2:] + tail, language)),
        float(tail in SHORT_TAILS.get(language, ())),
        _log_count(ending_count(head, language)),
        zipf(head + tail[0], language),
        zipf(head[:-1], language),
        zipf(head[-1] + tail, language),
        _log_count(document[word]),
        _log_count(document[tail]),
        _log_count(document[tail.capitalize()]),
        *map(_log_count, case_counts(head)),
        *map(_log_count, case_counts(tail)),
        *map(_log_count, case_counts(word)),
        float(after_opener),
    ]


def split_points(word: str, language: str) -> list[int]:
    """Where the trees are asked about ``word``: both parts long enough, the tail a known word, the
    whole not one, and no ending or particle that makes words (the cheap tests first, so most
    words ask nothing)."""
    if len(word) < 2 * MIN_PART or zipf(word, language) >= MAX_WHOLE_ZIPF:
        return []
    return [
        point
        for point in range(MIN_PART, len(word) - MIN_PART + 1)
        if zipf(word[point:], language) >= MIN_TAIL_ZIPF
        and word[point:] not in _FEMININE_ENDINGS
        and word[point:] not in COMPOUND_TAILS
        and not (word.islower() and word[:point] in _PARTICLES)
    ]


@dataclass(frozen=True, slots=True)
class BoundaryModel:
    """Boosted regression trees over ``FEATURES``, padded to one shape: per tree and node, the
    feature and threshold to test (feature −1 at a leaf), the children, and the leaf's share of the
    log-odds (the learning rate folded in)."""

    feature: np.ndarray  # (trees, nodes) int
    threshold: np.ndarray  # (trees, nodes) float
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    bias: float
    cutoff: float  # the probability from which a point is split

    @classmethod
    def load(cls, path: Path) -> BoundaryModel:
        data = np.load(path)
        return cls(
            data["feature"],
            data["threshold"],
            data["left"],
            data["right"],
            data["value"],
            float(data["bias"]),
            float(data["cutoff"]),
        )

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            feature=self.feature.astype(np.int16),
            threshold=self.threshold.astype(np.float64),  # the trees' own split values, exactly
            left=self.left.astype(np.int16),
            right=self.right.astype(np.int16),
            value=self.value.astype(np.float32),
            bias=np.float64(self.bias),
            cutoff=np.float64(self.cutoff),
        )

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(glue) for each row of features: every tree walks every row in step, level by level."""
        trees = np.arange(self.feature.shape[0])[:, None]
        node = np.zeros((self.feature.shape[0], len(rows)), dtype=np.int64)
        columns = np.arange(len(rows))[None, :]
        while True:
            feature = self.feature[trees, node]
            inner = feature >= 0
            if not inner.any():
                break
            values = rows[columns, np.maximum(feature, 0)]
            goes_left = values <= self.threshold[trees, node]
            node = np.where(inner, np.where(goes_left, self.left[trees, node], self.right[trees, node]), node)
        scores = self.bias + self.value[trees, node].sum(axis=0)
        return 1.0 / (1.0 + np.exp(-scores))


def choose_splits(words: Sequence[Hashable], probabilities: np.ndarray, cutoff: float) -> list[int]:
    """Indices of the points to split: per word, the likeliest point, if it reaches ``cutoff``."""
    best: dict[Hashable, int] = {}
    for index, (word, probability) in enumerate(zip(words, probabilities, strict=True)):
        if probability >= cutoff and (word not in best or probability > probabilities[best[word]]):
            best[word] = index
    return sorted(best.values())


def model_path(language: str) -> Path:
    return Path(str(files("newsprism.repair").joinpath("data", f"boundary_{language}.npz")))


@cache
def boundary_model(language: str) -> BoundaryModel | None:
    """The shipped trees for ``language``, or None where none were trained."""
    path = model_path(language)
    return BoundaryModel.load(path) if path.exists() else None
