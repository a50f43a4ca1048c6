"""How well are name variants, titles and demonyms resolved to the right actor?

Usage: ``python benchmarks/linking_bench.py [--variants benchmarks/data/name_variants.yaml]``

Each entry of the list (written for this project) is a mention as news writes it, its language, an
optional article date, and the knowledge-base id it must resolve to — or null for a person or thing
that is not in the knowledge base and must not be merged into anyone. Reported: accuracy, and false
merges (a mention resolved to a different actor than its own: two people made one).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

from newsprism.link import KnowledgeBase, resolve_mention

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=Path, default=ROOT / "benchmarks" / "data" / "name_variants.yaml")
    parser.add_argument("--show", type=int, default=20, help="Print this many errors.")
    args = parser.parse_args()
    kb = KnowledgeBase.load()
    variants = yaml.safe_load(args.variants.read_text(encoding="utf-8"))["variants"]
    correct, false_merges, errors = 0, 0, []
    by_kind: Counter[str] = Counter()
    start = time.perf_counter()
    for entry in variants:
        when = entry.get("date")
        when = date.fromisoformat(str(when)) if when else None
        found = resolve_mention(entry["mention"], entry["language"], when, kb)
        gold = entry["gold"]
        if found == gold:
            correct += 1
            continue
        if found is not None:
            false_merges += 1
        by_kind["wrong actor" if found else "not resolved"] += 1
        errors.append(f"{entry['mention']!r} ({entry['language']}, {when}): {found} instead of {gold}")
    seconds = time.perf_counter() - start
    print(f"newsprism linking benchmark: {len(variants)} mentions, {len(kb.actors)} knowledge-base actors")
    print(f"  accuracy     {correct / len(variants):.3f} ({correct}/{len(variants)})")
    print(f"  false merges {false_merges} (resolved to another actor than their own)")
    print(f"  errors       {dict(by_kind)}")
    print(f"  speed        {len(variants) / seconds:,.0f} mentions/s")
    for line in errors[: args.show]:
        print("  ✗", line)


if __name__ == "__main__":
    main()
