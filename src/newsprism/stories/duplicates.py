"""Near-duplicate detection (syndicated copies, re-published wire stories) with MinHash LSH."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE_WORDS = 4
THRESHOLD = 0.75
# Pinned so stored signatures stay comparable across datasketch releases.
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> bytes:
    """A compact MinHash signature of ``text``, stored so nothing is hashed twice."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(_shingles(text)))
    return minhash.hashvalues.astype("<u4").tobytes()


def _minhash(signature_bytes: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(signature_bytes, dtype="<u4"))


class NearDuplicateIndex:
    """Articles seen so far; ``find`` names the earliest one a new text nearly copies."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._order: dict[str, int] = {}
        self._hashes: dict[str, MinHash] = {}

    def add(self, article_id: str, signature_bytes: bytes) -> None:
        if article_id in self._order:
            return
        minhash = _minhash(signature_bytes)
        self._lsh.insert(article_id, minhash)
        self._order[article_id] = len(self._order)
        self._hashes[article_id] = minhash

    def find(self, signature_bytes: bytes) -> str | None:
        minhash = _minhash(signature_bytes)
        candidates = [key for key in self._lsh.query(minhash) if self._hashes[key].jaccard(minhash) >= THRESHOLD]
        return min(candidates, key=self._order.__getitem__, default=None)
