"""NLP: language identification, and spaCy pipelines for German (trained by newsprism, shipped
in ``nlp/models``) and English (en_core_web_sm): sentences, tokens, POS and morphology, lemmas,
dependencies, and named entities labelled PER, LOC, ORG, MISC.

Public surface: ``detect_language``, ``load`` (cached per language), ``annotate`` (``nlp.pipe``
over texts), ``parse_texts`` (entities and dependency parse of many texts, batched, any length, as
``Parsed``), ``entities`` (a Doc's entities as ``Entity`` records), ``add_known_names`` (names the NER must not miss),
``LANGUAGES``, ``NER_MODES`` (``load(language, ner="accurate")`` or ``NEWSPRISM_NER=accurate``: the
fine-tuned e5 tagger instead of the pipeline's own NER, more accurate and slower).
"""

from newsprism.nlp.language import detect_language
from newsprism.nlp.pipeline import (
    LANGUAGES,
    NER_MODE_VARIABLE,
    NER_MODES,
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
    "NER_MODES",
    "NER_MODE_VARIABLE",
    "ModelMissingError",
    "Parsed",
    "add_known_names",
    "annotate",
    "detect_language",
    "entities",
    "load",
    "parse_texts",
]
