"""Build a second German case lexicon from larger corpora, added to ``de_case.tsv.gz`` at load time.

The first lexicon (scripts/build_case_lexicon.py) has about 400,000 German tokens, too few to know
whether rarer words such as "Rechtsschutz", "Verfahren" or "beauftragte" are nouns. This one counts
the same columns (lowercase, capitalised, inside-a-name mid-sentence) over German LER dev+test
(court decisions, 430,000 tokens, CC BY 4.0): its person, location and organisation labels
(PER/RR/AN, LD/ST/STR/LDS, ORG/UN/INN/GRT/MRK) give the name column. A corpus without name labels
would make names look like common nouns ("Trump" capitalised, never inside a name), so none is used.

The output is CC BY 4.0. GermEval test-a is not used: the repair benchmark runs on it.

Usage: python scripts/build_case_lexicon_extra.py [--data ../shared/data] [--out FILE]
(default FILE: src/newsprism/repair/data/de_case_extra.tsv.gz)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from build_case_lexicon import Lexicon, Token, count_cases, run
from nlp_corpora import LER_LABELS, blocks


def _ler(path: Path) -> Iterator[list[Token]]:
    for block in blocks(path):
        yield [(row[0], row[-1][2:] in LER_LABELS) for row in block if len(row) >= 2]


def sentences(data: Path) -> Iterator[list[Token]]:
    for name in ("ler_dev.conll", "ler_test.conll"):
        yield from _ler(data / "ler-de" / name)


def build(data: Path) -> Lexicon:
    return count_cases((sentence, True) for sentence in sentences(data))


if __name__ == "__main__":
    run(build, "de_case_extra.tsv.gz", __doc__.splitlines()[0])
