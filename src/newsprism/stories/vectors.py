"""What the stories stage embeds of an article: its lead (e5, for clustering) and its sentences
(USE, for lining up facts across sources and languages)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from newsprism.model import Article
from newsprism.months import GERMAN_MONTH_NAMES
from newsprism.stories.embed import DIMENSIONS, LEAD_DIMENSIONS, embed, embed_leads, from_bytes, lead, to_bytes

MAX_SENTENCES = 80
MIN_SENTENCE_CHARS = 20
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"“”»«]?\s+(?=[\"„“»«‚(]?[A-ZÄÖÜ0-9])|\n+")
# Full stops that end no sentence: a German ordinal before a month ("Berlin, 12. März"), "Dr.", "z. B."
_ORDINAL_BEFORE = re.compile(r"(?:^|\W)\d{1,2}\.$")
_MONTH_AFTER = re.compile(r"(?:" + "|".join(name.capitalize() for name in (*GERMAN_MONTH_NAMES, "jänner")) + r")\b")
_ABBREVIATION_BEFORE = re.compile(r"(?:^|\W)(?:Dr|Prof|Nr|St|ca|vgl|bzw|z|u)\.$")


@dataclass(slots=True)
class ArticleVectors:
    article_id: str
    story: np.ndarray
    spans: list[tuple[int, int]]
    sentences: np.ndarray


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence worth comparing, at most MAX_SENTENCES."""
    spans, start = [], 0
    for match in [*(m for m in _SENTENCE_END.finditer(text) if _ends_sentence(text, m)), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        stripped = piece.strip()
        if len(stripped) >= MIN_SENTENCE_CHARS:
            offset = start + piece.index(stripped[0])
            spans.append((offset, offset + len(stripped)))
        start = match.end() if match else end
    return spans[:MAX_SENTENCES]


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 8) : match.start()]
    if _ORDINAL_BEFORE.search(before) and _MONTH_AFTER.match(text, match.end()):
        return False
    return not _ABBREVIATION_BEFORE.search(before)


def vectorize(articles: list[Article]) -> list[ArticleVectors]:
    """Embeddings of the articles' leads and sentences, each batch in one call of the encoder."""
    leads = embed_leads([lead(a.title, a.text) for a in articles])
    spans = [sentence_spans(a.text) for a in articles]
    flat = embed([a.text[s:e] for a, found in zip(articles, spans, strict=True) for s, e in found])
    result, position = [], 0
    for index, article in enumerate(articles):
        count = len(spans[index])
        result.append(ArticleVectors(article.id, leads[index], spans[index], flat[position : position + count]))
        position += count
    return result


def pack(vectors: ArticleVectors) -> dict[str, object]:
    """The row the store keeps (int8 vectors as bytes)."""
    return {
        "article_id": vectors.article_id,
        "story": to_bytes(vectors.story[None, :]),
        "sentences": to_bytes(vectors.sentences),
        "spans": [list(span) for span in vectors.spans],
    }


def unpack(row: dict[str, object]) -> ArticleVectors:
    spans = [(int(start), int(end)) for start, end in row["spans"]]  # type: ignore[union-attr]
    sentences = from_bytes(row["sentences"]) if spans else np.zeros((0, DIMENSIONS), dtype=np.float32)  # type: ignore[arg-type]
    return ArticleVectors(str(row["article_id"]), from_bytes(row["story"], LEAD_DIMENSIONS)[0], spans, sentences)  # type: ignore[arg-type]
