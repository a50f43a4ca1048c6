"""Quote and speaker extraction on real German news: the WikiNews quotation corpus, dev split.

Usage: ``python benchmarks/quotes_bench.py [--data ../shared/data] [--split dev]``

Each article's original text goes through the NER, linking and quote extraction of newsprism (no
repair: the text is clean, and offsets must stay those of the gold). A simplified version of the
official metric, not the official scorer: a system quote matches a gold quote when their character
spans overlap by at least half of the shorter one (one-to-one, greedy by overlap); the speaker is
right when the system's speaker text and the gold speaker text overlap (a pronoun counts when the
gold speaker is that pronoun). Reported: quote P/R/F1, quote+speaker P/R/F1, for all quotes and
for direct quotes alone. The corpus is CC BY-NC-SA: it is only measured on, nothing is trained on it.
"""

from __future__ import annotations

import argparse
import json
import tarfile
from collections import Counter
from pathlib import Path

from newsprism.link import ActorRegistry, KnowledgeBase
from newsprism.model import Article
from newsprism.nlp import add_known_names
from newsprism.pipeline import analyse_articles

ROOT = Path(__file__).resolve().parents[1]


def _gold(document: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, speaker text, type) of every non-nested quote with a quote span."""
    gold = []
    for annotation in document["annotations"]:
        spans = annotation.get("quote", {}).get("spans") or []
        if not spans or annotation.get("isNested"):
            continue
        start, end = min(s["charBegin"] for s in spans), max(s["charEnd"] for s in spans)
        speaker = " ".join(part["text"] for part in [annotation.get("speaker") or {}] if part.get("text"))
        gold.append((start, end, speaker, annotation.get("type", "")))
    return gold


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / max(1, min(a[1] - a[0], b[1] - b[0])) if shared > 0 else 0.0


def _speaker_ok(system: str | None, gold: str) -> bool:
    if not system or not gold:
        return False
    system, gold = system.lower(), gold.lower()
    return system in gold or gold in system or bool(set(system.split()) & set(gold.split()) - {"der", "die", "das"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    kb = KnowledgeBase.load()
    add_known_names(kb.name_patterns())
    registry = ActorRegistry(kb)
    counts: Counter[str] = Counter()
    with tarfile.open(args.data / "quotes-wikinews-de" / f"{args.split}.tar.gz") as archive:
        documents = [json.load(archive.extractfile(m)) for m in archive.getmembers() if m.name.endswith(".json")]
    for document in documents:
        text = document["originalText"]
        article = Article(id="", path="", format="", raw_text=text, text=text, language="de")
        analyse_articles([article], kb, registry)
        system = article.quotes
        gold = _gold(document)
        used: set[int] = set()
        for kind in ("all", "direct"):
            chosen = [g for g in gold if kind == "all" or g[3] == "Direct"]
            predicted = [q for q in system if kind == "all" or q.direct]
            counts[f"{kind}_gold"] += len(chosen)
            counts[f"{kind}_system"] += len(predicted)
            used = set()
            for quote in predicted:
                best = max(
                    (
                        (i, _overlap((quote.start, quote.end), (g[0], g[1])))
                        for i, g in enumerate(chosen)
                        if i not in used
                    ),
                    key=lambda pair: pair[1],
                    default=(None, 0.0),
                )
                if best[0] is not None and best[1] >= 0.5:
                    used.add(best[0])
                    counts[f"{kind}_match"] += 1
                    counts[f"{kind}_speaker"] += _speaker_ok(quote.speaker_text, chosen[best[0]][2])
    print(f"newsprism quote benchmark: WikiNews quotations, {args.split} split, {len(documents)} articles")
    print("  (simplified metric: span overlap ≥ 50 %; not the official GermEval 2023 SpkAtt scorer)")
    for kind in ("all", "direct"):
        gold, system = counts[f"{kind}_gold"], counts[f"{kind}_system"]
        for name, hits in (("quote", counts[f"{kind}_match"]), ("quote+speaker", counts[f"{kind}_speaker"])):
            precision = hits / system if system else 0.0
            recall = hits / gold if gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            print(
                f"  {kind:<7} {name:<14} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (gold {gold}, system {system})"
            )


if __name__ == "__main__":
    main()
