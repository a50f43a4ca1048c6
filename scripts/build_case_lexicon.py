"""Build the German case lexicon the repair stage uses to tell nouns from other words.

For every word form seen in the middle of a sentence, count how often it starts with a lowercase
and with an uppercase letter, and how often it is part of a named entity (PER, LOC, ORG). German
capitalises nouns, so a glued tail such as "hat" or
"gemeinsame" (mostly lowercase) is a word that can follow a name, while "minister" or "sprecher"
(mostly capitalised) is the second half of a compound and must not be split off.

Sources (all in ../shared/data, all share-alike or more permissive; the output is CC BY-SA 4.0):
GermEval 2014 dev (CC BY 4.0), UD German GSD dev+test (CC BY-SA 4.0), UD German PUD (CC BY-SA 3.0),
WikiANN de+en train+dev (CC BY-SA). GermEval test-a is left out: the repair benchmark runs on it.

Usage: python scripts/build_case_lexicon.py [--data ../shared/data] [--out FILE]
(default FILE: src/newsprism/repair/data/de_case.tsv.gz; `make lexicon` runs it)
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from nlp_corpora import blocks

MIN_COUNT = 2


Token = tuple[str, bool]  # (form, inside a PER/LOC/ORG entity)
_NAME_LABELS = ("PER", "LOC", "ORG")


def _is_name(label: str) -> bool:
    return label[:2] in ("B-", "I-") and label[2:5] in _NAME_LABELS and not label[5:]


def _germeval(path: Path) -> Iterator[list[Token]]:
    for block in blocks(path):
        yield [(row[1], _is_name(row[2])) for row in block if len(row) >= 3]


def _conllu(path: Path) -> Iterator[list[Token]]:
    for block in blocks(path):
        yield [(row[1], False) for row in block if len(row) > 1 and row[0].isdigit()]


def _wikiann(path: Path) -> Iterator[list[Token]]:
    for block in blocks(path):
        yield [
            (row[0].split(":", 1)[1] if row[0][:3] in ("de:", "en:") else row[0], _is_name(row[-1])) for row in block
        ]


def sentences(data: Path) -> Iterator[tuple[list[Token], bool]]:
    """Sentences, each with whether it is German (English ones only add names)."""
    for sentence in _germeval(data / "germeval2014" / "NER-de-dev.tsv"):
        yield sentence, True
    for name in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu"):
        for sentence in _conllu(data / "ud-german" / name):
            yield sentence, True
    for language in ("de", "en"):
        for name in ("train", "dev"):
            for sentence in _wikiann(data / "wikiann" / language / name):
                yield sentence, language == "de"


_OPENERS = frozenset({".", "!", "?", ":", "„", '"', "“", "«", "»", "-", "–"})
Lexicon = dict[str, tuple[int, int, int]]


def count_cases(sentences: Iterable[tuple[list[Token], bool]]) -> Lexicon:
    """Form → (lowercase, capitalised, inside-a-name) counts mid-sentence (sentence starts and words
    after an opening quote or colon are left out); sentences marked False only add names."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for sentence, german in sentences:
        for position, (token, is_name) in enumerate(sentence):
            if position == 0 or not token.isalpha() or sentence[position - 1][0] in _OPENERS:
                continue
            if german:
                (lower if token[0].islower() else upper)[token.lower()] += 1
            named[token.lower()] += is_name and token[0].isupper()
    forms = set(lower) | set(upper) | set(named)
    return {
        form: (lower[form], upper[form], named[form])
        for form in forms
        if lower[form] + upper[form] >= MIN_COUNT or named[form] >= MIN_COUNT
    }


def build(data: Path) -> Lexicon:
    return count_cases(sentences(data))


def run(build: Callable[[Path], Lexicon], file_name: str, description: str) -> None:
    """The command line both lexicon scripts share: read ``--data``, write ``--out`` (gzip, no mtime)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "src" / "newsprism" / "repair" / "data" / file_name,
    )
    args = parser.parse_args()
    lexicon = build(args.data)
    lines = [f"{form}\t{low}\t{up}\t{name}" for form, (low, up, name) in sorted(lexicon.items())]
    with gzip.GzipFile(args.out, "wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"wrote {len(lines)} forms to {args.out}")


if __name__ == "__main__":
    run(build, "de_case.tsv.gz", __doc__.splitlines()[0])
