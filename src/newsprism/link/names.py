"""Transliteration-aware name keys: "Selenskyj", "Zelenskyy", "Zelensky" and "Zelenskiy" share one.

German and English news transliterate Cyrillic names differently (w/v, j/y, sch/sh, ij/iy/yy,
final -i/-y/-iy, z/s, ch/kh). A key folds those differences away; two names match when their keys
are equal, or nearly equal for a misspelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "ch"),
    ("ph", "f"),
    ("ck", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("j", "y"),
    ("z", "s"),
    ("y", "i"),
    ("ou", "u"),
)
_DOUBLE = re.compile(r"(.)\1+")
_NOT_LETTERS = re.compile(r"[^a-z0-9 ]+")
_HYPHEN_DIGIT = re.compile(r"(?<=[a-z])-(?=\d)")
_SPACES = re.compile(r"\s+")
# German genitive and adjective endings that a name can carry in running text.
_GENITIVE = re.compile(r"(?<=[a-z]{3})(?:s|')$")


@lru_cache(maxsize=100_000)
def fold(name: str) -> str:
    """Lowercase ASCII with hyphens and apostrophes as spaces ("Erdoğan" → "erdogan")."""
    text = _HYPHEN_DIGIT.sub("", anyascii(unicodedata.normalize("NFC", name)).lower())  # "G-20" = "G20"
    return _SPACES.sub(" ", _NOT_LETTERS.sub(" ", text.replace("'", ""))).strip()


def word_key(word: str) -> str:
    for old, new in _RULES:
        word = word.replace(old, new)
    return _DOUBLE.sub(r"\1", word)


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """The key under which all spellings of a name meet."""
    return " ".join(word_key(word) for word in fold(name).split())


def surname_key(name: str) -> str:
    """The key of a name's last word ("Wladimir Putin" → "putin")."""
    words = fold(name).split()
    return word_key(words[-1]) if words else ""


def without_genitive(text: str) -> str:
    """ "Putins" → "Putin", "Selenskyjs" → "Selenskyj" (the caller checks the result is known)."""
    return _GENITIVE.sub("", text)


def slug(name: str) -> str:
    return "_".join(fold(name).split())[:60] or "unnamed"
