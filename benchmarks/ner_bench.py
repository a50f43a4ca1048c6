"""Named-entity recognition accuracy and speed of newsprism's pipelines.

Usage: ``python benchmarks/ner_bench.py [--data ../shared/data] [--model PATH] [--ner fast|accurate]``

``--ner accurate`` measures both languages with the fine-tuned e5 in place of the pipelines' own NER
(newsprism/nlp/e5_ner.py); the speed baseline stays en_core_web_sm as it ships.

* German: the held-out 15 % of GermEval 2014 dev + test-a (seed 2026; see scripts/nlp_corpora.py),
  OTH → MISC, ``*deriv``/``*part`` → O; exact outer spans, labels PER, LOC, ORG, MISC. Also
  CoNLL-2003 German ``deu.testa`` (evaluation only, never trained on: its licence forbids it), whose
  guidelines differ: MISC includes nationality adjectives ("deutsche"), which GermEval calls LOCderiv.
* English: CoNLL-2003 ``eng.testb`` with en_core_web_sm, its OntoNotes labels mapped to
  PER/LOC/ORG/MISC (PERSON → PER; GPE, LOC, FAC → LOC; ORG → ORG; NORP, EVENT, WORK_OF_ART, LAW,
  PRODUCT, LANGUAGE → MISC).
* Speed: words/s of the whole German pipeline and of en_core_web_sm on the same number of words of
  running text, ``nlp.pipe`` on one core, side by side in one run (report the ratio: the machine is
  shared and noisy).
Every document is given pre-tokenised (``nlp(Doc(nlp.vocab, words=words))``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc

from newsprism.link import KnowledgeBase
from newsprism.nlp import NER_MODES, add_known_names, load

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import nlp_corpora  # noqa: E402

LABELS = ("PER", "LOC", "ORG", "MISC")


def _spans(doc: Doc) -> set[tuple[int, int, str]]:
    return {(ent.start, ent.end, ent.label_) for ent in doc.ents}


def score(nlp: spacy.Language, gold_docs: list[Doc]) -> dict[str, tuple[float, float, float, int]]:
    """Per label and overall: precision, recall, F1 and the number of gold entities."""
    hits: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold_count: Counter[str] = Counter()
    for gold in gold_docs:
        prediction = nlp(Doc(nlp.vocab, words=[token.text for token in gold]))
        gold_spans, predicted_spans = _spans(gold), _spans(prediction)
        for spans, counter in ((gold_spans, gold_count), (predicted_spans, predicted)):
            for _, _, label in spans:
                counter[label] += 1
                counter["ALL"] += 1
        for _, _, label in gold_spans & predicted_spans:
            hits[label] += 1
            hits["ALL"] += 1
    table = {}
    for label in (*LABELS, "ALL"):
        precision = hits[label] / predicted[label] if predicted[label] else 0.0
        recall = hits[label] / gold_count[label] if gold_count[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = (precision, recall, f1, gold_count[label])
    return table


def words_per_second(nlp: spacy.Language, texts: list[str]) -> float:
    words = sum(len(text.split()) for text in texts)
    list(nlp.pipe(texts[:20]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return words / (time.perf_counter() - start)


def _print(title: str, table: dict[str, tuple[float, float, float, int]]) -> None:
    print(f"\n{title}")
    print(f"  {'label':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label, (precision, recall, f1, count) in table.items():
        print(f"  {label:<6} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f} {count:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--model", type=Path, help="A German pipeline to measure instead of the shipped one.")
    parser.add_argument("--skip-english", action="store_true")
    parser.add_argument("--split", choices=["test", "dev"], default="test", help="GermEval part to score.")
    parser.add_argument("--ner", choices=NER_MODES, default="fast", help="The pipelines' own NER or the e5 one.")
    args = parser.parse_args()
    german = spacy.load(args.model) if args.model else load("de", args.ner)
    _, dev, test = nlp_corpora._split(nlp_corpora.germeval(args.data), (0.75, 0.10, 0.15))
    test = test if args.split == "test" else dev
    _print(f"German: GermEval held-out {args.split} split ({len(test)} sentences)", score(german, test))
    if "newsprism_known_names" in german.pipe_names:
        with german.select_pipes(disable=["newsprism_known_names"]):
            _print("German, without the known-names component (it must not lower F1)", score(german, test))
        add_known_names(KnowledgeBase.load().name_patterns())
        _print("German, known names + the actor knowledge base (as `newsprism analyze` runs)", score(german, test))
    conll_german = [
        nlp_corpora._doc_from_bio([row[0] for row in block], [row[-1] for row in block])  # IOB1 reads as IOB2 here
        for block in nlp_corpora.blocks(args.data / "conll2003-de" / "deu.testa")
    ]
    title = f"German: CoNLL-2003 deu.testa ({len(conll_german)} sentences; other guidelines)"
    _print(title, score(german, conll_german))
    if args.skip_english:
        return
    english = load("en", args.ner)
    conll = [
        nlp_corpora._doc_from_bio([row[0] for row in block], [row[-1] for row in block])
        for block in nlp_corpora.blocks(args.data / "conll2003-en" / "eng.testb")
    ]
    _print(f"English: CoNLL-2003 eng.testb ({len(conll)} sentences), NER {args.ner}", score(english, conll))
    english = load("en", "fast")
    german_texts = [" ".join(t.text for t in doc) for doc in test] * 3
    english_texts = [" ".join(t.text for t in doc) for doc in conll]
    budget, taken = sum(len(text.split()) for text in german_texts), 0
    for count, text in enumerate(english_texts, start=1):
        taken += len(text.split())
        if taken >= budget:
            english_texts = english_texts[:count]
            break
    de_speed, en_speed = words_per_second(german, german_texts), words_per_second(english, english_texts)
    print(f"\nSpeed, one core, nlp.pipe: German ({args.ner} NER) {de_speed:,.0f} words/s, ", end="")
    print(f"en_core_web_sm {en_speed:,.0f} words/s")
    print(f"  ratio German / en_core_web_sm: {de_speed / en_speed:.2f}")


if __name__ == "__main__":
    main()
