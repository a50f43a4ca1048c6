"""Build the German gazetteer that fills the NER's gaps: names from MultiCoNER German train.

Usage: ``python scripts/build_gazetteer.py [--data ../shared/data] [--out PATH]`` (``make gazetteer``).

MultiCoNER (SemEval-2022 Task 11, CC BY 4.0) is lowercase; ``scripts/nlp_corpora.py`` recases it with
the case counts of the GermEval train split, UD German train, Europarl and LER text, and maps its
fine-grained labels onto PER, LOC, ORG and MISC. A name is kept when it is tagged at least twice,
with one label at least 90 % of the time, is not found untagged more than 10 % as often as tagged,
starts with a capital and has three characters or more; one word only if it is a place that the
repair stage's case lexicon does not know as a plain noun (single-word products, works and
organisations are mostly common nouns: "Pizza", "Tee", "Gasthaus"), and no name whose recasing
left a lowercase letter after a hyphen ("Sachsen-anhalt"). Measured in docs/benchmarks.md ("NER").
Names from the corpora the NER is trained on were tried too and added nothing (the model knows them).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

import nlp_corpora
from spacy.tokens import Doc

from newsprism.repair.lexicon import is_plain_noun

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsprism" / "nlp" / "data" / "gazetteer_de.jsonl"
MIN_COUNT = 2
MIN_LABEL_SHARE = 0.9
MAX_UNTAGGED_SHARE = 0.1
LABELS = ("PER", "LOC", "ORG", "MISC")


def names(docs: list[Doc]) -> list[dict[str, str]]:
    """``{"label", "pattern"}`` of every name that is tagged consistently and rarely untagged."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for entity in doc.ents:
            if entity.label_ in LABELS:
                labels[entity.text][entity.label_] += 1
    frequent = {name for name, counts in labels.items() if sum(counts.values()) >= MIN_COUNT}
    occurrences: Counter[str] = Counter()
    for doc in docs:
        words = doc.text.split()
        for size in range(1, 1 + max((len(name.split()) for name in frequent), default=0)):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                if phrase in frequent:
                    occurrences[phrase] += 1
    patterns = []
    for name in sorted(frequent):
        counts = labels[name]
        tagged = sum(counts.values())
        label, top = counts.most_common(1)[0]
        consistent = top / tagged >= MIN_LABEL_SHARE and occurrences[name] <= tagged * (1 + MAX_UNTAGGED_SHARE)
        if consistent and _name_like(name, label):
            patterns.append({"label": label, "pattern": name})
    return patterns


def _name_like(name: str, label: str) -> bool:
    if not name[:1].isupper() or len(name) < 3 or any(part[:1].islower() for part in name.split("-")[1:]):
        return False
    return " " in name or (label == "LOC" and not is_plain_noun(name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    train, _, _ = nlp_corpora._split(nlp_corpora.germeval(args.data), (0.75, 0.10, 0.15))
    ud_train, _, _ = nlp_corpora._split(nlp_corpora.ud(args.data), (0.8, 0.1, 0.1))
    cased = [*train, *ud_train, *nlp_corpora.europarl(args.data), *nlp_corpora.ler(args.data)]
    patterns = names(nlp_corpora.multiconer(args.data, cased))
    args.out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in patterns), encoding="utf-8")
    print(f"{len(patterns)} names written to {args.out}")


if __name__ == "__main__":
    main()
