"""Word knowledge for repairs: frequencies (wordfreq), German case profiles, a German dictionary of
inflected forms (simplemma), and function words."""

from __future__ import annotations

import gzip
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib.resources import files

from simplemma.strategies.dictionaries import StreamDictionaryFactory
from wordfreq import get_frequency_dict

LANGUAGES = ("de", "en")

# Short words that follow a name when a link's text is glued to the next word ("Putinhat",
# "Emirateam"). Suffix-like words ("er", "in", "en", "es", "an", "ist", "man") are left out on
# purpose: "Kiewer", "Ministerin", "Feldman" must never be split.
SHORT_TAILS: dict[str, frozenset[str]] = {
    "de": frozenset(
        [
            "am",
            "im",
            "um",
            "zu",
            "ab",
            "so",
            "wo",
            "ob",
            "hat",
            "war",
            "für",
            "und",
            "als",
            "bei",
            "mit",
            "vom",
            "zum",
            "zur",
            "aus",
            "auf",
            "den",
            "dem",
            "der",
            "die",
            "das",
            "des",
            "ein",
            "sei",
            "wie",
            "was",
            "nun",
            "nur",
            "sie",
            "wir",
            "ihr",
        ]
    ),
    "en": frozenset(["has", "had", "was", "and", "the", "for", "who", "did", "met"]),
}
# Words before a glued year ("in2019").
YEAR_PREPOSITIONS = frozenset(
    ["in", "im", "seit", "bis", "von", "vor", "ab", "um", "nach", "since", "from", "until", "by"]
)


# Closed-class words that a stripped link glues to a neighbour ("undder", "Belagerungvon",
# "wandtesich"). Left out: words that end or start ordinary words ("er", "es", "en", "in", "an",
# "ist", "man", "sein", "dies", "is", "are"), so "Ministerin", "Bewusstsein", "Paris" stay whole.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "de": SHORT_TAILS["de"]
    | frozenset(
        """oder aber sondern denn dass wenn weil nicht auch noch schon sich sind wird wurde wurden
        haben hatte hatten eine einen einem einer eines seine seinen seinem seiner ihre ihren ihrem
        ihrer diese dieser diesem diesen von nach über unter durch gegen ohne seit bis beim ins""".split()
    )
    | frozenset(
        # sentence adverbs: no compound ends in them ("Kerrydagegen", "liefenjedoch"); not "immer",
        # "wohl", "dort", "nie", "heute", which end "Zimmer", "Gemeinwohl", "Standort", "Linie"
        """jedoch dann bereits zudem sogar etwa allerdings inzwischen damals bisher bislang trotzdem
        deshalb daher jetzt erneut ebenfalls zunächst zuvor danach dabei dagegen außerdem kaum zwar
        ohnehin stets vermutlich offenbar""".split()
    ),
    "en": SHORT_TAILS["en"]
    | frozenset(
        """of to with from that this have were will would also can may you but his its they been when where
        which could should into after before""".split()
    ),
}
# English pronouns, auxiliaries, determiners and prepositions, for lowercase glue ("heardit", "doyou").
ENGLISH_CLOSED_CLASS = frozenset(
    """the of to in on at by for with from and or but nor is are was were be been am it its he him his
    she her they them their we us our you your me my this that these those not no as if so do does did
    has have had will would can could should may might must shall there here what which who whom whose
    when where why how all some any than then just only also very about into onto over after before""".split()
)
# ...of which these also end many words ("camp|us", "rob|in", "urb|an", "tax|is", "sum|mit").
ENGLISH_WORD_ENDINGS = frozenset("us in an is it on as am me he be no so or at".split())
# Function words that also begin words: particle verbs ("eingeflogen", "mitgemacht") and
# negated adjectives ("nichtalkoholische"). After one of them only another function word is split
# off ("mitdem", never "mit|gemacht").
WORD_PREFIXES = frozenset(
    """ab an auf aus bei durch ein mit nach über um unter vor zu zum zur gegen hin her weg los
    nicht on up out over off down by""".split()
)
# Lowercase words that form adjectives with a name or noun before them ("Steiermarkweit",
# "EUnah", "Fernsehmacherinnen"): never split off.
COMPOUND_TAILS = frozenset(
    """weit innen nah fern frei los voll reich arm treu fest freundlich feindlich kritisch
    politisch technisch typisch gerecht stämmig förmig mäßig artig weise""".split()
)


@cache
def _case_table() -> dict[str, tuple[int, int, int]]:
    """Form → (lowercase, capitalised, inside-a-name counts) mid-sentence, summed over both lexicons
    (scripts/build_case_lexicon.py and scripts/build_case_lexicon_extra.py)."""
    table: dict[str, tuple[int, int, int]] = {}
    for name in ("de_case.tsv.gz", "de_case_extra.tsv.gz"):
        data = files("newsprism.repair").joinpath("data", name).read_bytes()
        for line in gzip.decompress(data).decode("utf-8").splitlines():
            form, lower, upper, named = line.split("\t")
            seen = table.get(form, (0, 0, 0))
            table[form] = (seen[0] + int(lower), seen[1] + int(upper), seen[2] + int(named))
    return table


@cache
def _frequencies(language: str) -> dict[str, float]:
    """wordfreq's word list as a dict: one lookup instead of re-tokenising every word."""
    return get_frequency_dict(language, wordlist="large")


@cache
def _word_endings(language: str) -> Counter[str]:
    """How many known words end in each three letters: "…son" and "…ner" end many, "…nh" and "…rä"
    almost none, so a head ending so is a cut-off piece of a word, not a name."""
    return Counter(
        word[-3:] for word, frequency in _frequencies(language).items() if len(word) >= 4 and frequency > 1e-7
    )


def ending_count(word: str, language: str) -> int:
    """Known words of ``language`` that end in the last three letters of ``word``."""
    return _word_endings(language)[word[-3:].casefold()] if language in LANGUAGES else 0


@cache
def _sorted_words(language: str) -> list[str]:
    return sorted(word for word, frequency in _frequencies(language).items() if frequency > 1e-7)


@lru_cache(maxsize=50_000)
def prefix_count(word: str, language: str) -> int:
    """Known words of ``language`` that begin with ``word`` and go on for three letters or more: a
    compound's first part begins many ("Gemeinschafts…", "Förder…"), a surname almost none."""
    if language not in LANGUAGES:
        return 0
    words, stem = _sorted_words(language), word.casefold()
    first, last = bisect_left(words, stem), bisect_left(words, stem + "\U0010ffff")
    return sum(1 for known in words[first:last] if len(known) >= len(stem) + 3)


def prefix_span(stem: str, language: str) -> int:
    """Known words of ``language`` that begin with ``stem``, itself included (a bisection, unlike
    ``prefix_count``: cheap enough for every candidate split)."""
    return _count_starting(_sorted_words(language), stem.casefold()) if language in LANGUAGES else 0


@cache
def _sorted_reversed_words(language: str) -> list[str]:
    return sorted(word[::-1] for word, frequency in _frequencies(language).items() if frequency > 1e-7)


@lru_cache(maxsize=50_000)
def suffix_count(ending: str, language: str) -> int:
    """Known words of ``language`` that end in ``ending``: "…bund" ends many, "…nund" none, so a
    token ending so is glue ("Coscon|und"), not a compound ("Staaten|bund")."""
    if language not in LANGUAGES:
        return 0
    return _count_starting(_sorted_reversed_words(language), ending.casefold()[::-1])


def _count_starting(words: list[str], stem: str) -> int:
    return bisect_left(words, stem + "\U0010ffff") - bisect_left(words, stem)


@lru_cache(maxsize=200_000)
def zipf(word: str, language: str) -> float:
    """Zipf frequency (0 = unknown, 7 = "der"/"the") of ``word`` in ``language``."""
    if language not in LANGUAGES:
        return 0.0
    frequency = _frequencies(language).get(word.casefold(), 0.0)
    return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0


def best_zipf(word: str) -> float:
    return max(zipf(word, language) for language in LANGUAGES)


def case_counts(word: str) -> tuple[int, int, int]:
    """How often German writes ``word`` in lowercase, capitalised, and inside a name, mid-sentence."""
    return _case_table().get(word.lower(), (0, 0, 0))


def lowercase_profile(word: str) -> bool | None:
    """True if German writes ``word`` in lowercase (not a noun), False if capitalised, None if unseen."""
    counts = _case_table().get(word.lower())
    if counts is None:
        return None
    lower, upper, _ = counts
    if lower >= 2 and lower >= 4 * upper:
        return True
    if upper >= lower:
        return False
    return None


@cache
def _german_forms() -> Mapping[str, str]:
    """simplemma's German form → lemma list: 1.1 million inflected forms with their case, read from
    its compressed stream on first use (0.5 s, about 30 MB)."""
    return StreamDictionaryFactory().get_dictionary("de")


@cache
def _english_forms() -> Mapping[str, str]:
    """simplemma's English form → lemma list (about 180,000 forms), read on first use."""
    return StreamDictionaryFactory().get_dictionary("en")


def english_dictionary_word(word: str) -> bool:
    """Is ``word`` an English word form the dictionary lists ("tome", "fora", "into"; not web
    text's glue "ofthe" or "ifyou", which wordfreq counts)?"""
    return word in _english_forms()


@lru_cache(maxsize=100_000)
def dictionary_lowercase(word: str) -> bool | None:
    """True if the German dictionary has ``word`` only in lowercase ("berät", "verbuchte"), False
    if only capitalised ("Häuser"), None if both ("reden"/"Reden") or neither. It knows inflected
    verbs and adjectives that the corpus-counted ``lowercase_profile`` has never seen."""
    forms, rest = _german_forms(), word[1:].lower()
    lowercase, capitalised = word[:1].lower() + rest in forms, word[:1].upper() + rest in forms
    return lowercase if lowercase != capitalised else None


@lru_cache(maxsize=100_000)
def dictionary_past_tense(word: str) -> bool:
    """Is lowercase ``word`` a weak past-tense form of a German verb in the dictionary ("begrüßte",
    "appellierten"), and capitalised no noun of its own ("Flaute", "Scharten"), at most a
    nominalised participle ("Beauftragter")? Such a word ends a compound only as that participle,
    and never follows a name. Present forms are left out: they share spellings with plural nouns
    ("turniere", "Turniere")."""
    forms = _german_forms()
    lemma, noun = forms.get(word), forms.get(word[:1].upper() + word[1:])
    return (
        word.endswith(("te", "ten"))
        and lemma is not None
        and lemma != word
        and lemma.islower()
        and lemma.endswith(("en", "ern", "eln"))
        and (noun is None or noun.islower() or noun.endswith("ter"))
    )


def load_lexicons() -> None:
    """Read every word list and dictionary now rather than on first use, so that the first article
    does not pay for them (a benchmark times the repair alone; they take about 2 s)."""
    _case_table()
    _german_forms()
    _english_forms()
    for language in LANGUAGES:
        _word_endings(language)
        _sorted_words(language)
        _sorted_reversed_words(language)


def is_common_noun(word: str) -> bool:
    """A word German capitalises that is mostly not part of a name ("Anzeige", "Europapokal")."""
    lower, upper, named = case_counts(word)
    return upper >= 2 and upper > lower and named * 2 < upper


def is_known_name(word: str) -> bool:
    """A word seen mostly inside person, place or organisation names in the training data."""
    _, upper, named = case_counts(word)
    return named >= 2 and named * 2 >= upper


def is_plain_noun(word: str) -> bool:
    """A noun never seen inside a name ("Geschlecht", "Rechtsschutz"): not a name even when it
    stands alone in the article, unlike "Trump", which is also a common noun in the case lexicon."""
    lower, upper, named = case_counts(word)
    return upper >= 3 and upper > 4 * lower and named == 0
