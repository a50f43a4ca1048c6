"""NLP: language identification now; sentences, tokens, lemmas and entities on spaCy follow.

Public surface: ``detect_language``.
"""

from newsprism.nlp.language import detect_language

__all__ = ["detect_language"]
