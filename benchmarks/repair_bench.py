"""How well does the repair stage restore word boundaries lost when links were stripped?

Usage: ``python benchmarks/repair_bench.py [--data ../shared/data] [--limit N] [--seed 13] [--passes 3]``

Clean text: GermEval 2014 test-a sentences (German; left out of the case lexicon) and UD English
EWT dev+test (English). Sentences are grouped into pseudo-articles of 20 and processed in order with
one corpus name memory started with the knowledge base's names, as ``newsprism analyze`` does.
Corruption imitates link stripping: a span (a named entity, or a random run of 1–3 words) loses the
space on its left and/or right. Every removed space is a gold boundary, labelled by what meets there:

* ``case change``: lowercase letter meets an uppercase one ("inIstanbul", "KremlDer");
* ``name + lower``: a capitalised word meets a lowercase one ("Putinhat");
* ``lower + lower``: two lowercase words ("undder");
* ``other``: digits, acronyms and the rest.

Reported: precision and recall of restored boundaries (overall and by kind), false splits per
10,000 tokens on the uncorrupted text (by kind: the source text itself has some genuine glue such as
"denCharakter", which a split there repairs but this benchmark counts as false; the rate without the
"case change" splits is printed beside it, with those splits listed so that they can be checked),
and repair throughput in tokens/s on one core: on the first pass, and warm (the best of ``--passes``
more, when the word caches are filled as a few articles into a corpus).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from newsprism.link import KnowledgeBase
from newsprism.pipeline import name_memory
from newsprism.repair import load_lexicons, repair_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from glue_noise import DOC_SIZE, Sentence, boundary_kind, corrupt_article, read_conllu, read_germeval


def best_throughput(documents: list[str], language: str, knowledge: KnowledgeBase, passes: int) -> float:
    """Tokens/s of the fastest of ``passes`` more repairs of ``documents``, each with a fresh name
    memory: the word caches are warm by then, as they are a few articles into a real corpus."""
    tokens, fastest = sum(len(document.split()) for document in documents), float("inf")
    for _ in range(passes):
        names = name_memory(knowledge)
        began = time.perf_counter()
        for document in documents:
            names.learn(repair_text(document, language, names).text)
        fastest = min(fastest, time.perf_counter() - began)
    return tokens / fastest


def evaluate(sentences: list[Sentence], language: str, seed: int, passes: int) -> dict[str, object]:
    began = time.perf_counter()
    load_lexicons()  # outside the timing, and the first call below loads the boundary model
    repair_text("Lexika laden: Putinhat, Cosconund Lindnerist, Dollarverbuchte.", language)
    load_seconds = time.perf_counter() - began
    rng = random.Random(seed)
    knowledge = KnowledgeBase.load()
    names = name_memory(knowledge)  # as newsprism analyze starts it
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_kinds: Counter[str] = Counter()
    source_glue: list[str] = []  # clean-text tokens with a lowercase letter before a capital ("denCharakter")
    other_false: list[str] = []  # the rest, listed too: some are glue in the source as well ("3Soweit")
    true_positive = predicted = clean_false = tokens = 0
    seconds = 0.0
    documents: list[str] = []
    for start in range(0, len(sentences), DOC_SIZE):
        clean, document, gold = corrupt_article(sentences[start : start + DOC_SIZE], rng)
        documents.append(document)
        began = time.perf_counter()
        result = repair_text(document, language, names)
        seconds += time.perf_counter() - began
        tokens += len(document.split())
        names.learn(result.text)
        inserted = {r.start for r in result.repairs if r.replacement.endswith(" ") and "split" in r.kind}
        predicted += len(inserted)
        true_positive += len(inserted & gold.keys())
        for position, kind in gold.items():
            total[kind] += 1
            found[kind] += position in inserted
        clean_result = repair_text(clean, language, names)
        for repair in clean_result.repairs:
            if "split" in repair.kind:
                clean_false += 1
                left = clean[: repair.start].rsplit(None, 1)[-1] if clean[: repair.start].strip() else ""
                right = clean[repair.end :].split(None, 1)[0] if clean[repair.end :].strip() else ""
                kind = boundary_kind(left or " ", right or " ")
                false_kinds[kind] += 1
                (source_glue if kind == "case change" else other_false).append(f"{left}|{right}")
    clean_tokens = sum(len(s.tokens) for s in sentences)
    return {
        "precision": true_positive / predicted if predicted else 1.0,
        "recall": sum(found.values()) / sum(total.values()) if total else 1.0,
        "by_kind": {kind: (found[kind], total[kind]) for kind in sorted(total)},
        "false_per_10k": clean_false / clean_tokens * 10_000,
        "false_by_kind": dict(false_kinds),
        "source_glue": source_glue,
        "other_false": other_false,
        "false_per_10k_without_source_glue": (clean_false - len(source_glue)) / clean_tokens * 10_000,
        "tokens_per_s": tokens / seconds if seconds else 0.0,
        "best_tokens_per_s": best_throughput(documents, language, knowledge, passes),
        "load_seconds": load_seconds,
        "boundaries": sum(total.values()),
        "clean_tokens": clean_tokens,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--limit", type=int, default=0, help="Use only the first N sentences of each set.")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--passes", type=int, default=3, help="Timed repeats for the warm throughput (0: none).")
    args = parser.parse_args()
    sets = {
        "de (GermEval test-a)": ("de", read_germeval(args.data / "germeval2014" / "NER-de-test-a.tsv")),
        "en (UD EWT dev+test)": (
            "en",
            read_conllu(args.data / "ud-english" / "en_ewt-ud-dev.conllu")
            + read_conllu(args.data / "ud-english" / "en_ewt-ud-test.conllu"),
        ),
    }
    print("newsprism repair benchmark: restoring glued word boundaries")
    for name, (language, sentences) in sets.items():
        if args.limit:
            sentences = sentences[: args.limit]
        result = evaluate(sentences, language, args.seed, args.passes)
        print(f"\n{name}: {len(sentences)} sentences, {result['clean_tokens']} tokens, {result['boundaries']} glued")
        print(f"  precision {result['precision']:.4f}   recall {result['recall']:.4f}")
        by_kind = ", ".join(f"{kind} {count}" for kind, count in sorted(result["false_by_kind"].items()))
        print(f"  false splits per 10k clean tokens {result['false_per_10k']:.2f} ({by_kind or 'none'})")
        print(
            f"    {result['false_per_10k_without_source_glue']:.2f} without the {len(result['source_glue'])} splits of"
            f" tokens the source writes with a capital after a lowercase letter (mostly glue in the source; read"
            f" them): {', '.join(result['source_glue'])}"
        )
        print(f"    the other {len(result['other_false'])}: {', '.join(result['other_false'])}")
        print(
            f"  throughput {result['tokens_per_s']:,.0f} tokens/s on the first pass, {result['best_tokens_per_s']:,.0f}"
            f" warm (best of {args.passes} more; one core; word lists loaded once in {result['load_seconds']:.1f} s)"
        )
        for kind, (hit, count) in result["by_kind"].items():
            print(f"  recall {kind:<14} {hit / count:.3f}  ({hit}/{count})")


if __name__ == "__main__":
    main()
