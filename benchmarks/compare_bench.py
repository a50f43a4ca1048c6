"""Fact comparison on the invented example corpus: planted agreements, omissions and contradictions.

Usage: ``python benchmarks/compare_bench.py``

``examples/planted.yaml`` lists, per story, facts with their status (agreed, single, conflict) and,
for every source that reports one, the verbatim text where it does. The examples are analysed as
``make demo`` does; every planted text is located in its article.

* A planted fact is **found** when a fact of the system has mentions inside the planted texts of
  at least two of its sources (one, for a single-source fact) and the planted status.
* **Precision**: among the system's facts whose mentions fall inside the planted texts of one
  planted fact (of two or more sources when that fact is not single), the share with that status.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import yaml

from newsprism.model import Article, Fact
from newsprism.pipeline import run_analysis

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _spans(planted: dict, articles: list[Article]) -> dict[str, list[tuple[str, int, int]]]:
    """Per planted fact id: (article id, start, end) of each source's planted text."""
    by_source: dict[str, list[Article]] = {}
    for article in articles:
        by_source.setdefault(article.source or "", []).append(article)
    found: dict[str, list[tuple[str, int, int]]] = {}
    for fact in planted["facts"]:
        spans = []
        for value in fact["values"]:
            for article in by_source.get(value["source"], []):
                start = article.text.find(value["text"])
                if start >= 0:
                    spans.append((article.id, start, start + len(value["text"])))
                    break
        found[fact["id"]] = spans
    return found


def _inside(fact: Fact, spans: list[tuple[str, int, int]]) -> int:
    """How many planted spans (sources) hold one of the fact's mentions."""
    return sum(any(m.article_id == a and s <= m.start and m.end <= e + 1 for m in fact.mentions) for a, s, e in spans)


def main() -> None:
    planted = yaml.safe_load((EXAMPLES / "planted.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as directory:
        corpus = run_analysis([EXAMPLES], db=Path(directory) / "bench.db").corpus
    spans = _spans(planted, corpus.articles)
    facts = [fact for story in corpus.stories for fact in story.facts]
    recall: Counter[str] = Counter()
    precision: Counter[str] = Counter()
    missing = []
    for gold in planted["facts"]:
        needed = 1 if gold["status"] == "single" else 2
        where = spans[gold["id"]]
        recall[f"{gold['status']}_gold"] += 1
        touching = [fact for fact in facts if _inside(fact, where) >= needed]
        if any(fact.status == gold["status"] for fact in touching):
            recall[f"{gold['status']}_found"] += 1
        else:
            missing.append(f"{gold['id']} ({gold['status']}; system: {sorted({f.status for f in touching})})")
        for fact in touching:
            precision["system"] += 1
            precision["right"] += fact.status == gold["status"]
    located = sum(len(found) for found in spans.values())
    total = sum(len(fact["values"]) for fact in planted["facts"])
    print(f"compare: {len(planted['facts'])} planted facts in examples/, {located} of {total} planted texts located")
    print(f"  stories: {len(corpus.stories)}, system facts: {len(facts)}")
    found_all = sum(recall[f"{s}_found"] for s in ("agreed", "single", "conflict"))
    for status in ("agreed", "single", "conflict"):
        gold = recall[f"{status}_gold"]
        print(
            f"  recall {status:<8} {recall[f'{status}_found'] / max(1, gold):.3f}  ({recall[f'{status}_found']}/{gold})"
        )
    print(f"  recall all      {found_all / max(1, len(planted['facts'])):.3f}")
    right, system = precision["right"], precision["system"]
    print(f"  precision       {right / max(1, system):.3f}  ({right}/{system})")
    if missing:
        print("  not found: " + "; ".join(missing))


if __name__ == "__main__":
    main()
