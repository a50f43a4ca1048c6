"""Tagging, parsing and lemma accuracy of the German pipeline on held-out UD German.

Usage: ``python benchmarks/parse_bench.py [--data ../shared/data] [--model PATH]``

The held-out 10 % of UD German GSD dev+test and PUD (seed 2026; see scripts/nlp_corpora.py). Each
sentence is given pre-tokenised; reported: UPOS accuracy, morphological-feature accuracy, UAS, LAS,
lemma accuracy and sentence-boundary F1 (spaCy's scorer).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example

from newsprism.nlp import load

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import nlp_corpora  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--model", type=Path, help="A German pipeline to measure instead of the shipped one.")
    args = parser.parse_args()
    nlp = spacy.load(args.model) if args.model else load("de")
    _, _, test = nlp_corpora._split(nlp_corpora.ud(args.data), (0.8, 0.1, 0.1))
    examples = [
        Example(Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold]), gold)
        for gold in test
    ]
    scores = nlp.evaluate(examples)
    print(f"UD German held-out split: {len(test)} sentences, {sum(len(d) for d in test)} tokens")
    for key, name in [
        ("pos_acc", "UPOS accuracy"),
        ("morph_acc", "morphology accuracy"),
        ("dep_uas", "UAS"),
        ("dep_las", "LAS"),
        ("lemma_acc", "lemma accuracy"),
        ("sents_f", "sentence F1"),
    ]:
        if scores.get(key) is not None:
            print(f"  {name:<22} {scores[key]:.3f}")


if __name__ == "__main__":
    main()
