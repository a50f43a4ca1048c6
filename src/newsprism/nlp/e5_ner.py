"""The accurate NER: multilingual-e5-small, fine-tuned for German NER, tags each sentence.

Why a second NER: the CNN that the German pipeline ships runs at spaCy speed but reaches F1 0.69
on held-out GermEval; e5 fine-tuned on the same gold with low-rank adapters
(scripts/finetune_ner_teacher.py) reaches 0.82 and, being multilingual, tags English news better
than en_core_web_sm too, at a seventh of the pipeline's speed (docs/benchmarks.md, "NER").
Users choose (``newsprism analyze --ner accurate``); the same component labels the CNN's silver
training data (scripts/silver_ner.py).

The adapter (``models/e5_ner_de.npz``, a few MB) changes e5's weights as ``E5Encoder`` loads them;
its ``head.*`` entries map the last layer's state at each word's first piece to BIO tags, which
Viterbi decoding keeps consistent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from newsprism.e5 import E5Encoder
from newsprism.nlp.bio_tags import ENTITY_LABELS, spans, viterbi

ADAPTER = Path(str(files("newsprism.nlp").joinpath("models", "e5_ner_de.npz")))
WINDOW_WORDS = 150  # e5 reads at most 512 pieces; a longer sentence is tagged in windows


@cache
def _tagger(adapter_path: Path) -> tuple[E5Encoder, np.ndarray, np.ndarray]:
    """The adapted encoder and the tag layer, loaded once per process."""
    adapter = dict(np.load(adapter_path))
    return E5Encoder(adapter=adapter), np.ascontiguousarray(adapter["head.w"].T), adapter["head.b"]


class E5EntityRecognizer:
    """Sets ``doc.ents`` from the fine-tuned e5, sentence by sentence: its ``labels`` (of PER, LOC,
    ORG, MISC), plus the entities of the labels in ``keep`` that an earlier NER found where e5
    found none (English: en_core_web_sm's nationalities, events, laws and works, which GermEval's
    MISC, and so e5's, hardly covers)."""

    def __init__(
        self, labels: Iterable[str] = ENTITY_LABELS, keep: Iterable[str] = (), adapter_path: Path = ADAPTER
    ) -> None:
        self.labels, self.keep, self.adapter_path = frozenset(labels), frozenset(keep), adapter_path

    def __call__(self, doc: Doc) -> Doc:
        self._tag([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            self._tag(batch)
            yield from batch

    def _tag(self, docs: list[Doc]) -> None:
        """One e5 pass over every window of every doc (whitespace tokens are not words to e5)."""
        encoder, weights, bias = _tagger(self.adapter_path)
        windows: list[tuple[int, list[int]]] = []
        for number, doc in enumerate(docs):
            sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
            for sentence in sentences:
                words = [token.i for token in sentence if not token.is_space]
                starts = range(0, len(words), WINDOW_WORDS)
                windows.extend((number, words[start : start + WINDOW_WORDS]) for start in starts)
        texts = [[docs[number][i].text for i in words] for number, words in windows]
        states = encoder.word_states(texts, (encoder.layer_count,))
        logits = np.concatenate(states) @ weights + bias if states else np.zeros((0, len(bias)), np.float32)
        found: list[list[Span]] = [[] for _ in docs]
        for (number, words), tags in zip(windows, viterbi(logits, [len(words) for _, words in windows]), strict=True):
            doc = docs[number]
            found[number].extend(
                Span(doc, words[start], words[end - 1] + 1, label)
                for start, end, label in spans(tags)
                if label in self.labels
            )
        for doc, entities in zip(docs, found, strict=True):
            taken = {token for entity in entities for token in range(entity.start, entity.end)}
            kept = [
                entity
                for entity in doc.ents
                if entity.label_ in self.keep and not taken.intersection(range(entity.start, entity.end))
            ]
            doc.set_ents([*entities, *kept], default="outside")


@Language.factory("newsprism_e5_ner", default_config={"labels": list(ENTITY_LABELS), "keep": []})
def make_e5_ner(nlp: Language, name: str, labels: list[str], keep: list[str]) -> E5EntityRecognizer:
    return E5EntityRecognizer(labels, keep)
