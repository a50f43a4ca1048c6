"""NLP: language identification, and spaCy pipelines for German (trained by newsprism, shipped
in ``nlp/models``) and English (en_core_web_sm): sentences, tokens, POS and morphology, lemmas,
dependencies, and named entities labelled PER, LOC, ORG, MISC.

Public surface: ``detect_language``, ``load`` (cached per language), ``annotate`` (``nlp.pipe``
over texts), ``parse_texts`` (entities and dependency parse of many texts, batched, any length, as
``Parsed``), ``entities`` (a Doc's entities as ``Entity`` records), ``add_known_names`` (names the NER must not miss),
``LANGUAGES``.
"""

from newsprism.nlp.language import detect_language
from newsprism.nlp.pipeline import (
    LANGUAGES,
    ModelMissingError,
    Parsed,
    add_known_names,
    annotate,
    entities,
    load,
    parse_texts,
)

__all__ = [
    "LANGUAGES",
    "ModelMissingError",
    "Parsed",
    "add_known_names",
    "annotate",
    "detect_language",
    "entities",
    "load",
    "parse_texts",
]
