"""Month names in the languages newsprism reads, with their numbers: one list for every stage that
reads dates (datelines and entities in nlp, resolved dates and time adverbials in extract, the
sentence cuts of the stories stage), so that a spelling added here ("Jänner") counts everywhere."""

from __future__ import annotations

GERMAN_MONTH_NAMES = (
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
    "dezember",
)  # fmt: skip
GERMAN_MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(GERMAN_MONTH_NAMES, 1)},
    "jänner": 1, "jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dez": 12,
}  # fmt: skip
ENGLISH_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
)  # fmt: skip
ENGLISH_MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(ENGLISH_MONTH_NAMES, 1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
    "dec": 12,
}  # fmt: skip
MONTH_NUMBERS = {**GERMAN_MONTH_NUMBERS, **ENGLISH_MONTH_NUMBERS}  # lowercase name or abbreviation → 1..12
GERMAN_MONTHS = frozenset(GERMAN_MONTH_NUMBERS)
MONTHS = frozenset(MONTH_NUMBERS)
MONTH_NAMES = frozenset((*GERMAN_MONTH_NAMES, "jänner", *ENGLISH_MONTH_NAMES))  # written out, no abbreviations
