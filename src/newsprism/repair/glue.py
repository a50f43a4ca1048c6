"""Split words glued together where a link was stripped: "abgelehntVolodymyr", "Putinhat".

Kinds of glue, each decided conservatively, because a false split damages clean text:

* a case change inside a token ("demKremlDer", "USAAußenminister", "Diplomaten.Yuri", "in2019"),
  split unless the token is a known word ("YouTube", "BioNTech"), a camel-case name ("McDonald",
  "DeSantis"), a gender form ("LehrerInnen"), or a part is not word-shaped ("AfD", "iPhone");
* a name followed by a lowercase word with no case change ("Putinhat", "Sybihagemeinsame"),
  split only when the tail is a word German writes in lowercase (so never a compound's noun:
  "Außenminister", "Kremlchef") and the head is a name seen elsewhere in the document, a common
  word, or an unknown name followed by a long tail;
* a function word glued to an unknown token ("Belagerungvon", "undder", "FDPzu"), split only when
  the other part is a name, a frequent word or an acronym and no particle verb is cut ("eingeflogen");
* a word glued to a number ("auf166", "Stuttgart1994", "40Prozent"), never a name or unit ("G20",
  "1990er", "18jährige").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from newsprism.months import MONTH_NAMES
from newsprism.repair.alignment import TextEdit
from newsprism.repair.boundary import FEATURES, boundary_model, choose_splits, split_features, split_points
from newsprism.repair.lexicon import (
    COMPOUND_TAILS,
    ENGLISH_CLOSED_CLASS,
    ENGLISH_WORD_ENDINGS,
    FUNCTION_WORDS,
    SHORT_TAILS,
    WORD_PREFIXES,
    YEAR_PREPOSITIONS,
    best_zipf,
    dictionary_lowercase,
    dictionary_past_tense,
    ending_count,
    english_dictionary_word,
    is_common_noun,
    is_known_name,
    is_plain_noun,
    lowercase_profile,
    prefix_count,
    suffix_count,
    zipf,
)

KNOWN_WHOLE = 1.0
KNOWN_LOWERCASE = 2.0  # Zipf from which a lowercase token is taken for a word rather than glue
WEAK_HEAD = 2.5
COMMON_WORD = 3.5
FREQUENT_WORD = 4.0
VERY_FREQUENT_WORD = 4.5  # "wurde|er", "ist|es", "bin|ich": any pronoun may follow
CLEARLY_LIKELIER = 1.0  # Zipf units between the best split of a token and the next
I_GLUE_CEILING = 3.0  # Zipf below which "I" + a frequent word is web glue, not a name ("Iknow" 2.4, "Iran" 4.6)
RARE_ENDING = 6  # known words ending so, at most, for a token's end to be no word's
WORDLIKE_ENDING = 100  # known words ending in a head's last three letters for it to look like a whole word
_CAMEL_PREFIXES = frozenset(
    {"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Al", "El", "Pro", "Bio", "Info", "Net", "Web", "Smart"}
)
_GENDER_TAILS = frozenset({"In", "Innen"})
# Abbreviations written in mixed case: never split inside, but split after them ("GmbHauf").
_MIXED_CASE = re.compile(
    r"GmbH|AfD|KfW|UdSSR|BaFin|BfV|BMWi|BMBF|DGzRS|eBay|iPhone|iPad|iPod|YouTube|WhatsApp|LinkedIn|TikTok"
)

_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = "\"'„“”‚‘’«»()[]{}<>.,;:!?…*"
_SKIP = re.compile(
    r"(?i)(?:https?://|www\.|@|#|\w\.(?:de|com|org|net|at|ch|eu|uk|ru|ua|gov)\b|[_=<>{}\\|/`]|\(\)|\d[.,:]\d"
    r"|\.(?:pdf|docx?|xlsx?|pptx?|html?|php|jpe?g|png|gif|txt|csv|zip|json|xml)\b)"
)
_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
_WORD = re.compile(rf"[{_LETTERS}]+")
_CAPITALISED = re.compile(r"[A-ZÄÖÜÀ-ÖØ-ÞĀ-Ž][a-zäöüßà-öø-ÿā-ž]+")
_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,}")
_LOWER_THEN_CAPITAL = re.compile(r"([a-zäöüß]+)[A-ZÄÖÜ]")
_CAPITALISED_THEN_ACRONYM = re.compile(r"([A-ZÄÖÜ][a-zäöüß]+)[A-ZÄÖÜ]{2}")
_PUNCT_GLUE = re.compile(r"(?<=[a-zäöüß]{2})[.,;:!?](?=[A-ZÄÖÜ][a-zäöüß])")
# A participle with an adjective ending ("angesprochenes"), never a noun's genitive ("Komplexes").
_PARTICIPLE = re.compile(r"[a-zäöüß]{0,8}ge[a-zäöüß]{3,}(?:t|en)(?:e|en|er|es|em)")
# Pronouns after a verb ("handelte|es", "hisste|er", "sieht|man"; a head of four letters at least,
# so not "nah|man" for "nahm an"), with the ending the verb must have: adjectives end in "-es"/"-er"
# too ("exakt|es", "schlechter"), but none in "-tees"/"-teer".
_PRONOUN_TAILS = {"de": {"es": "te", "er": "te", "man": "", "sie": "", "ich": "", "wir": "", "mir": ""}}
# Verbs that are names too (Edward Said), yet a lowercase word after a name.
_ENGLISH_SPEECH_VERBS = frozenset({"said", "says", "told", "added"})
# Prepositions and verbs that end words too ("Iran", "Boston", "Journalist"; "weiterkam"): split
# off only after a well-known name; German "in" also by its own rule (`_in_after`).
_NAME_ONLY_TAILS = {
    "de": frozenset({"an", "in", "ist", "vor", "kam"}),
    "en": frozenset({"in", "on", "at", "to", "is"}),
}
# Function words that also end words ("Verl|auf", "Todtenh|aus", "Ver|ein", "Bo|den"): after an
# unknown head they are split off only when the head ends as words do ("Gledson|und").
_WORD_ENDINGS = frozenset("aus auf und ein ins den der des die das dem mit als hat sie wie war was ihr".split())
# Endings of the names that are also the stems of women's titles ("Kaiser|in", "Herzog|in",
# "König|in", "Graf|in", "Fürst|in", "Methodist|in").
_FEMININE_STEMS = (
    "er",
    "ist",
    "og",
    "ig",
    "af",
    "st",
    "ant",
    "ent",
    "or",
    "eur",
    "at",
    "ot",
    "ar",
    "är",
    "rt",
    "s",
    "ß",
    "in",
)
_PREPOSITIONS = frozenset("in an auf aus bei mit zu für von vor nach über unter durch gegen um ab seit bis".split())
# German function words with "in" and "an", which the name rules leave out (women's titles end in "-in").
_GERMAN_FUNCTION_WORDS_AND_IN = FUNCTION_WORDS["de"] | {"in", "an"}
_LOWERCASE_FUNCTION_WORDS = {"de": _GERMAN_FUNCTION_WORDS_AND_IN, "en": FUNCTION_WORDS["en"]}
# Words before a capital that make the join glue, whatever wordfreq knows ("theUS", "inSan").
_GLUE_HEADS = {
    "de": _GERMAN_FUNCTION_WORDS_AND_IN,
    "en": ENGLISH_CLOSED_CLASS | {"a", "an", "the"},
}
# What a name's next token may begin with: a capital, or the hyphen of "al - Qaida".
_NAME_STARTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ-")
_ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())
_PREPOSITION_ARTICLES = frozenset(head + article for head in _PREPOSITIONS for article in _ARTICLES)
# Words that open a noun phrase: after one, a glued-looking word is more likely a compound ("mit
# Umsturzversuchen", "den Dachangeboten") than two words; the boundary model weighs it.
_NOUN_PHRASE_OPENERS = {
    "de": _ARTICLES
    | _PREPOSITIONS
    | frozenset(
        """im am zum zur vom beim ins ans aufs kein keine keinem keinen keiner keines sein seine seinem seinen
        seiner seines ihre ihrem ihren ihrer ihres unser unsere unserem unseren unserer dieser diese diesem
        diesen dieses jeder jede jedem jeden jedes""".split()
    ),
    "en": frozenset("the a an this these those his its their our my your of in on at to for with from by".split()),
}
# Endings of nominalised adjectives and verbs ("Umweltfreundliche", "Revolutionsfeiern").
_NOMINAL_ENDINGS = ("e", "n", "er", "es", "em")
# An ordinal after a noun is a nominalised ordinal's compound, as sports news writes them
# ("Tabellenletzten", "Bundesligavierten", "Weltranglistenerste"), not two words.
_ORDINAL_TAIL = re.compile(
    r"(?:erst|zweit|dritt|viert|fünft|sechst|siebt|siebent|acht|neunt|zehnt|elft|zwölft|[a-zäöü]+zehnt|"
    r"[a-zäöü]+zigst|letzt)(?:e|en|er|es|em)"
)
_CLOSED_TAILS = {language: FUNCTION_WORDS[language] | tails for language, tails in _NAME_ONLY_TAILS.items()}
_SENTENCE_END = re.compile(r"[.!?:…]\W*$")
_SENTENCE_CHARS = frozenset(".!?:…")
# Fast path: a token needs a closer look only if one of these matches (most tokens are skipped).
_CANDIDATE = re.compile(
    r"[a-zäöüß][A-ZÄÖÜ]|[A-ZÄÖÜ]{2}[a-zäöüß]{2}|[A-ZÄÖÜ]{3}[a-zäöüß]|[a-zäöüß][.,;:!?][A-ZÄÖÜ]|[a-zäöü]\d"
    r"|\d[A-Za-zÄÖÜäöüß]{3}|\d[a-z]{2}\b|[A-Za-zÄÖÜäöüß][a-zäöüß]{4}|[a-z]{2}al(?![a-zäöüß])"
)  # two capitals before two lowercase letters ("UKand", "USfor"; before one, every "CDs"), "3000in"
# A run of letters meeting a run of digits: "auf166", "Stuttgart1994", "40Prozent", "1987das".
_LETTERS_DIGITS = re.compile(
    rf"^([{_LETTERS}]+)(\d+)(?:st|nd|rd|th)?\.?$|^((?:[A-ZÄÖÜ]{{1,3}})?\d+|\d{{1,3}}(?:[.,]\d+)+)([{_LETTERS}]+)$"
)  # the digits may follow a code's capitals: "A12|wurden", "S6|beendete"
_WORD_THEN_CODE = re.compile(r"([a-zäöüß]+)[A-ZÄÖÜ]{1,3}")
_DECIMAL_GLUE = re.compile(rf"\d{{1,3}}(?:[.,]\d+)+[{_LETTERS}]+")
# What may follow a number in one word: "1990er", "18jährige", "3fach", "10mal", "100km", and the
# short endings only as they are ("20er", "3te", "21st"; "2004|stieg" and "2010|erhielt" are glue).
_NUMBER_SUFFIXES = (
    "jährig", "fach", "mal", "teilig", "stellig", "prozentig", "seitig", "stündig", "tägig", "köpfig", "sitzig",
    "stöckig", "km", "kg", "mm", "cm", "ml",
)  # fmt: skip
_CURRENCY_CODES = frozenset("EUR USD CHF GBP JPY CNY RUB UAH PLN SEK NOK DKK CZK HUF TRY CAD AUD INR".split())
_SHORT_AFTER_NUMBERS = frozenset("am an im in um zu".split())  # German prepositions that no unit is spelt like
_NUMBER_ENDINGS = frozenset("er ern ers te ten ter tes tem st ste sten ster th nd rd".split())


def _number_split(core: str, language: str) -> int | None:
    """Where a word glued to a number splits ("auf|166", "Stuttgart|1994", "40|Prozent",
    "1987|das"); never inside names and units such as "G20", "A320", "3D", "1990er", "18jährige"."""
    found = _LETTERS_DIGITS.match(core)
    if found is None:
        return None
    if found.group(1):  # letters, then digits
        letters, digits = found.group(1), found.group(2)
        if letters.islower():  # "auf|166"; German also "rund|6", "ihm|1926" (English "rev1", "mp3" are names)
            known = letters in FUNCTION_WORDS[language] or letters in YEAR_PREPOSITIONS
            frequent = language == "de" and _frequent_lowercase(letters, language, COMMON_WORD)
            return len(letters) if known or frequent else None
        code = _WORD_THEN_CODE.fullmatch(letters)  # "des|T3", "am|A380"
        if code:
            head = code.group(1)
            return len(head) if head in FUNCTION_WORDS[language] or _frequent_lowercase(head, language) else None
        year = len(digits) == 4 and 1000 <= int(digits) <= 2099
        word = _CAPITALISED.fullmatch(letters) and len(letters) >= 4
        # a frequent word before three digits or more ("Deutschland|947"; brands have one or two:
        # "Check24", "Tele2"), a month before its day ("September|20", "März|15")
        known = best_zipf(letters) >= COMMON_WORD - 0.5 and (len(digits) >= 3 or letters.lower() in MONTH_NAMES)
        return len(letters) if word and (year or known) else None
    digits, letters = found.group(3), found.group(4)
    if letters.islower():
        if language == "de" and letters in _SHORT_AFTER_NUMBERS:  # "3000|in", "92|am" (English "10am" is a time)
            return len(digits)
        known = letters in FUNCTION_WORDS[language] or _frequent_lowercase(letters, language)
        known = known or (language == "de" and len(letters) >= 5 and bool(dictionary_lowercase(letters)))
        suffix = letters in _NUMBER_ENDINGS or letters.startswith(_NUMBER_SUFFIXES) or letters in COMPOUND_TAILS
        return len(digits) if known and len(letters) >= 3 and not suffix else None
    word_like = _CAPITALISED.fullmatch(letters) and (len(letters) >= 4 or letters == "Uhr")
    currency = letters[:3] in _CURRENCY_CODES and (len(letters) == 3 or letters[3:].islower())  # "2,60|EUR"
    return len(digits) if currency or (word_like and best_zipf(letters) >= COMMON_WORD - 0.5) else None


def _case_splits(word: str, standalone: _Seen, language: str) -> list[int]:
    """Split points inside ``word`` (letters only) at case changes that look like glue."""
    if best_zipf(word) >= KNOWN_WHOLE and not _article_then_capital(word, language):
        return []
    # mixed-case abbreviations are never cut, but glue around them is ("dieUdSSRauf", "GmbHauf")
    protected: set[int] = set()
    edges: list[int] = []
    for abbreviation in _MIXED_CASE.finditer(word):
        start, end = abbreviation.span()
        protected.update(range(start + 1, end))
        if start > 0 and word[start - 1].islower() and word[start].isupper():
            edges.append(start)
        if end < len(word):
            edges.append(end)
    points = list(edges)
    for index in range(1, len(word)):
        if index in protected:
            continue
        previous, current = word[index - 1], word[index]
        if previous.islower() and current.isupper():
            points.append(index)
        elif (
            index >= 2
            and current.isupper()
            and word[index - 2].isupper()
            and previous.isupper()
            and index + 1 < len(word)
            and word[index + 1].islower()
        ):
            # "USAAußenminister" splits before the last capital, "BMWund" after it
            run_end = index + 1
            while run_end < len(word) and word[run_end].islower():
                run_end += 1
            run = word[index + 1 : run_end]
            after = _lowercase_word(run, language) or _acronym_tail(run, language, word[index])
            points.append(index + 1 if after else index)
        elif (
            index >= 2
            and current.islower()
            and previous.isupper()
            and word[index - 2].isupper()
            and (index == 2 or word[index - 3].islower())
        ):
            # a two-letter acronym before a word: "the|US|assault", "EU|member"; not "CDs", "EUweit"
            run_end = index
            while run_end < len(word) and word[run_end].islower():
                run_end += 1
            run = word[index:run_end]
            lowercase = len(run) >= 3 and _tail_kind(run, language) in ("function", "lower")
            closed_class = language == "en" and len(run) >= 2 and _acronym_tail(run, language)  # "NY|but"
            if lowercase or closed_class:
                points.append(index)
    points = sorted(set(points) - protected)
    accepted = [point for point in points if point in edges]
    bounds = [0, *points, len(word)]
    for number, point in enumerate(points, start=1):
        if point in edges:
            continue
        head, tail = word[bounds[number - 1] : point], word[point : bounds[number + 1]]
        if _case_split_ok(head, tail, standalone, language):
            accepted.append(point)
    return sorted(accepted)


def _article_then_capital(word: str, language: str) -> bool:
    """A function word glued to a capitalised word ("theUS", "inSan"), or a sentence's first
    function word to an acronym ("TheUS", "DieFDP"; not "InDesign"): glue, though web text puts
    such joins in wordfreq's lists (hashtags, URLs)."""
    found = _LOWER_THEN_CAPITAL.match(word) or _CAPITALISED_THEN_ACRONYM.match(word)
    return found is not None and found.group(1).lower() in _GLUE_HEADS[language]


def _acronym_tail(tail: str, language: str, capital: str = "") -> bool:
    """A word that may follow an acronym it was glued to: a function word, a preposition or "ist"
    ("FDA|in", "EADS|ist"), or a word written in lowercase; in English any closed-class word
    ("NY|but", "LSU|may"), whatever names share it, unless ``capital`` (the acronym's last letter)
    makes a frequent word of it ("MAYWARD|For", not "MAYWARDF|or"; but "ENA|as")."""
    if _tail_kind(tail, language) in ("function", "short", "lower"):
        return True
    begins = bool(capital) and zipf(capital + tail, language) >= FREQUENT_WORD
    return language == "en" and tail in ENGLISH_CLOSED_CLASS and not begins


def _word_like(part: str, standalone: _Seen) -> bool:
    return standalone[part] > 0 or best_zipf(part) >= WEAK_HEAD or len(part) >= 4


def _case_split_ok(head: str, tail: str, standalone: _Seen, language: str) -> bool:
    # English glues its article "a", and a possessive's "s" (the apostrophe ends the letters before
    # it), to a known capitalised word: "a|Saab", "Saturday's|World"; not to a rare one ("aQuantive")
    if language == "en" and head in ("a", "s") and len(tail) >= 3 and _CAPITALISED.fullmatch(tail):
        return best_zipf(tail) >= WEAK_HEAD or standalone[tail] > 0
    # and "I" to a common word or a name the text has alone: "can|I", "before|I", "Dan|I"
    if language == "en" and tail == "I" and len(head) >= 2:
        return zipf(head.lower(), language) >= COMMON_WORD or standalone[head] > 0
    if len(head) < 2 or len(tail) < 2 or tail in _GENDER_TAILS or head in _CAMEL_PREFIXES:
        return False
    head_lower = head[0].islower()
    if _ACRONYM.fullmatch(tail):
        if head_lower:  # German: also a rarer word written in lowercase ("debütierten|RATM")
            return zipf(head, language) >= COMMON_WORD or (
                language == "de" and len(head) >= 5 and bool(dictionary_lowercase(head) or _attested_lowercase(head))
            )
        if head.lower() in _GLUE_HEADS[language]:  # "The|US", "Die|FDP"
            return True
        if language == "de" and len(head) >= 5 and is_common_noun(head):  # "Nachrichtenagentur|UNIAN", "Thema|FC"
            return True
        return len(tail) >= 3 and (standalone[tail] > 0 or best_zipf(tail) >= WEAK_HEAD)
    if _ACRONYM.fullmatch(head) and tail.islower():  # "SPDund", "EADSist"; never "PKWs", "EUweit"
        return _acronym_tail(tail, language)
    if not _CAPITALISED.fullmatch(tail):
        return False
    if _ACRONYM.fullmatch(head):
        return len(tail) >= 4 and (standalone[tail] > 0 or best_zipf(tail) >= WEAK_HEAD)
    if head_lower:
        return head.isalpha() and head.islower()
    if language == "en":  # English capitalises names, not nouns: "BlackBayou" is more likely a brand
        # the words that meet here, where the parts are glued on ("Bushnominated|Jennifer", "United|Statescould")
        head_split, tail_split = (_name_tail_split(part, language, standalone, _Place()) for part in (head, tail))
        head, tail = head[head_split or 0 :], tail[: tail_split or len(tail)]
        if head.islower():
            return True
        frequent = min(zipf(head, language), zipf(tail, language)) >= FREQUENT_WORD  # "United|States"
        return standalone[head] > 0 or standalone[tail] > 0 or frequent
    return _word_like(head, standalone) and _word_like(tail, standalone)


def _head_evidence(head: str, standalone: _Seen, sentence_start: bool) -> int:
    """How sure are we that ``head`` is a name? 3 = standing alone in this document, 2 = a name
    known from the corpus or the gazetteer, 1 = an unknown word (most likely a rare name), 0 = a
    common or function word (then a split would cut a compound: "Anzeige|erlösen")."""
    if lowercase_profile(head) is True or is_plain_noun(head):
        return 0
    if standalone.document[head] > 0:
        return 3
    if sentence_start or is_common_noun(head):
        return 0
    if is_known_name(head) or (head in standalone.corpus and lowercase_profile(head) is None):
        return 2
    return 1 if len(head) >= 4 and best_zipf(head) < WEAK_HEAD else 0


def _frequent_name(head: str, sentence_start: bool, floor: float = COMMON_WORD) -> bool:
    """A capitalised word at least as frequent as ``floor`` that the case lexicon does not know as
    a noun ("Erdogan")."""
    return (
        not sentence_start and lowercase_profile(head) is None and not is_common_noun(head) and best_zipf(head) >= floor
    )


def _function_tail_after_rare_name(word: str, tail: str, language: str) -> bool:
    """May a function word be split off a rare name? One that ends no words ("Sulkovsky|bei"), or
    one that does where the head ends as words do or where no word ends like the token ("Coscon|und");
    a two-letter one only where no word ends in it and two letters more ("Euronext|am": "…xtam"),
    never after the same vowel ("Kaiserbaam" is a name)."""
    head = word[: -len(tail)]
    if len(tail) == 2:
        return head[-1] != tail[0] and _no_word_ending(word, tail, language, before=2)
    return len(tail) >= 3 and (
        tail not in _WORD_ENDINGS
        or ending_count(head, language) >= WORDLIKE_ENDING
        or _no_word_ending(word, tail, language)
    )


def _no_word_ending(word: str, tail: str, language: str, before: int = 1) -> bool:
    """Does hardly any word end like ``word``, in ``tail`` and the ``before`` letters before it?
    Then a tail that also ends words ("und", "ein", "war") is a word of its own: "Coscon|und"
    ("…nund"), "Schrempf|war" ("…fwar"), not "Staatenb|und" ("…bund"); a two-letter one only
    where no word ends in it and two letters more ("Euronext|am": "…xtam")."""
    if tail in ("ein", "ins"):  # "Seldomridg|ein" is "Seldomridge in"
        return False
    if _ends_in_longer_word(word, len(tail) + 2, language):
        return False  # the token ends in a longer word: "Ex|lobbyist", not "Exlobby|ist"
    ending = suffix_count(word[-len(tail) - before :], language)
    return ending == 0 if before > 1 else ending <= RARE_ENDING


def _ends_in_longer_word(word: str, shortest: int, language: str, floor: float = WEAK_HEAD) -> bool:
    """Does ``word`` end in a known word of ``shortest`` letters or more, short of the whole? Then a
    short tail is that word's end ("Ex|lobbyist", "Landes|patronin")."""
    return any(zipf(word[-size:], language) >= floor for size in range(shortest, len(word) - 1))


def _unlisted_name(word: str, point: int, kind: str, standalone: _Seen, language: str) -> bool:
    """Is ``word[:point]`` a name the lexicons miss ("Lindner|ist", "Scholz|äußerte")? German:
    frequent, never seen in the case lexicon, and the start of almost no other word, which a
    compound's first part is ("Gemeinschafts|treffen"). A lowercase tail in -n may be a nominalised
    verb ("Stumm|sein", "Revolutions|feiern"), and a token that splits elsewhere into two known
    words is that glue ("Minsk|eine", not "Mins|keine")."""
    head, tail = word[:point], word[point:]
    return (
        language == "de"
        and kind in ("function", "short", "lower")
        and (kind != "lower" or not tail.endswith("n"))
        and _frequent_name(head, False, WEAK_HEAD)  # unseen in the case lexicon: a name, even a sentence's first word
        and prefix_count(head, language) <= 1
        and not _rival_split(word, point, standalone, language)
    )


def _attested_lowercase(tail: str) -> bool | None:
    """German case profile of ``tail``, or of its stem without an adjective ending ("angesprochenes")."""
    profile = lowercase_profile(tail)
    if profile is None:
        for ending in ("es", "en", "er", "em", "e"):
            if tail.endswith(ending) and len(tail) - len(ending) >= 4:
                profile = lowercase_profile(tail[: -len(ending)])
                if profile is not None:
                    break
    return profile


def _lowercase_word(tail: str, language: str) -> bool:
    """Is ``tail`` a word written in lowercase on its own (whatever comes before it)?"""
    if len(tail) <= 3:
        return tail in SHORT_TAILS.get(language, frozenset())
    if language == "de":
        return _attested_lowercase(tail) is True
    return zipf(tail, language) >= 3.0 and not is_known_name(tail)


@lru_cache(maxsize=200_000)  # pure, and the same words come back every round
def _tail_kind(tail: str, language: str) -> str | None:
    """What ``tail`` is as the end of a glued token.

    "function": a closed-class word ("hat", "von", "oder"); "lower": a word attested in lowercase
    ("gemeinsame"); "unattested": a frequent long word the case lexicon has not seen
    ("eingeflogen"); "stem": lowercase only without its adjective ending ("angesprochenes");
    "noun": a noun or compound-forming word, so the token is a compound ("Tankstellen|angestellte",
    "Steiermark|weit"); "frequent" and "name word": English words that names share ("administration";
    "made", "park", "are", "or": German name counts hold "Made", "Park", the "Are" of titles, and
    names end in "or"), split off only a surer name; None: nothing to say.
    """
    if tail in FUNCTION_WORDS[language]:
        return "function"
    if tail in _NAME_ONLY_TAILS.get(language, ()):
        return "short"
    if len(tail) <= 3:
        if language != "en":
            return None
        # a two-letter closed-class word ("Houston|or", "Harvey|up"), not "am", which brands end in
        # ("Illuminatiam"); a frequent three-letter word ("Delhi|say")
        two_letters = len(tail) == 2 and tail in ENGLISH_CLOSED_CLASS and tail != "am"
        frequent = len(tail) == 3 and _frequent_lowercase(tail, language, FREQUENT_WORD)
        return "name word" if two_letters or frequent else None
    if tail in COMPOUND_TAILS:
        return "noun"
    if language == "en":  # a closed-class word or "said" is one whatever names share it (Edward Said)
        common = tail in ENGLISH_CLOSED_CLASS or tail in _ENGLISH_SPEECH_VERBS or not is_known_name(tail)
        if common and zipf(tail, language) >= 3.0:
            return "lower"
        if len(tail) >= 5 and zipf(tail, language) >= 4.5:
            return "frequent"
        return "name word" if _frequent_lowercase(tail, language, FREQUENT_WORD) else None
    profile = lowercase_profile(tail)
    if profile is True:
        return "lower"
    if profile is False:
        return "noun" if len(tail) >= 5 else None
    if _dictionary_verb_or_adjective(tail, language):
        return "lower"  # a form the corpora never showed: "verbucht", "zusammengetragen"
    if len(tail) >= 6 and zipf(tail, language) >= 1.5:
        return "unattested"
    return "stem" if _attested_lowercase(tail) else None


def _dictionary_verb_or_adjective(tail: str, language: str) -> bool:
    """Is ``tail`` a German form of some length and frequency that the dictionary has in lowercase
    only ("verbucht", "meldete")? Then no noun ends so, even where the corpora never showed it."""
    if language != "de" or len(tail) < 6 or zipf(tail, language) < WEAK_HEAD:
        return False
    return bool(dictionary_lowercase(tail))


def _misread_in(head: str, tail: str, language: str) -> bool:
    """Is "…e in" read as "… ein"? ("Kirch|ein" is "Kirche in", "gern|ein" is "gerne in")."""
    return tail.startswith("ein") and zipf(head + "e", language) >= COMMON_WORD - 0.5


def _participle_cut(head: str, tail: str) -> bool:
    """Would the split cut a participle's ending ("Reisen|der", "zustimmen|des")?"""
    return head.endswith("n") and tail in ("der", "den", "dem", "des")


def _better_head(word: str, point: int, standalone: _Seen, longer: bool = False) -> bool:
    """Does ``word`` start with a known word other than ``word[:point]`` (a ``longer`` one)? Then an
    unknown head is a misreading: "Taiw|angehört" is "Taiwan gehört", "Niederschlä|geführten"
    "Niederschläge führten"."""
    return any(
        other != point and (standalone[word[:other]] > 0 or best_zipf(word[:other]) >= WEAK_HEAD)
        for other in range(point + 1 if longer else 4, len(word) - 1)
    )


def _rival_split(word: str, point: int, standalone: _Seen, language: str) -> bool:
    """Does ``word`` also split elsewhere into two known words? Then it is more likely a compound
    ("Wahlkampf|verlauf", not "Wahlkampfverl|auf") or another glue ("Taiwan|gehört")."""
    return any(
        other != point
        and (standalone[word[:other]] > 0 or best_zipf(word[:other]) >= WEAK_HEAD)
        and zipf(word[other:], language) >= WEAK_HEAD
        for other in range(3, len(word) - 1)
    )


def _in_after(head: str, word: str, point: int, standalone: _Seen, language: str, evidence: int) -> bool:
    """May "in" be split off ``head``? German "-in" also makes women's titles ("Ministerin",
    "Methodistin", "Französin", "Königin"), but never after a vowel ("Kirche|in", "Olympiahalle|in")."""
    if head[-1] in "aeiouy":
        return (
            evidence >= 2
            or is_common_noun(head)
            or (evidence == 1 and not _rival_split(word, point, standalone, language))
        )
    if head.endswith(_FEMININE_STEMS):
        return False
    # a common noun: where no word ends in its last two letters and "in" ("Platz|in", "Antrag|in";
    # not "Teamchef|in": "…efin" ends "Chefin")
    return evidence >= 2 or (is_common_noun(head) and _no_word_ending(word, "in", language, before=2))


def _function_tail_ok(head: str, tail: str, language: str, evidence: int) -> bool:
    """A function word may follow a name, a common word or a capitalised adverb ("Belagerung|von",
    "Allerdings|ist"); a short one needs a longer or better-known head ("Mala|den" stays whole)."""
    if _participle_cut(head, tail) or _misread_in(head, tail, language):
        return False
    common = zipf(head, language) >= COMMON_WORD - 0.5 or lowercase_profile(head) is True
    if len(tail) <= 3:  # English has few words that end in a name and "and"/"has": "Iraq|and"
        return evidence == 3 or (len(head) >= (4 if language == "en" else 5) and (evidence >= 2 or common))
    return evidence >= 2 or common


class _Place(NamedTuple):
    """Where a capitalised piece of a token stands, which may tell that it begins with a name."""

    sentence_start: bool = False  # a sentence's first word is capitalised whatever it is
    after_name: bool = False  # the token before is a given name: "Joachim Nagelkönnte"
    glued_before: bool = False  # a lowercase word is glued to its start: "in|Wurzachwaren"
    before_capital: bool = False  # a capitalised word is glued to its end: "Durukanin|Hannover"


def _name_tail_split(word: str, language: str, standalone: _Seen, place: _Place) -> int | None:
    """Where a capitalised unknown ``word`` splits into a name (or word) and a lowercase word, if anywhere.

    The longest tail that says something decides ("Leblacher|ausgetragen", not
    "Leblacheraus|getragen"); if it is a noun, or a word the head cannot take, the token is left
    alone rather than split elsewhere ("Untersuchungeinschließlich" is not cut into
    "Untersuchungein schließlich", "Tankstellenangestellte" not into "Tankstellenan gestellte"),
    unless a shorter tail is a closed-class word after a well-known name ("Berlin|das" in
    "Berlindas", whose "lindas" is some other language's word).
    """
    if len(word) < 5 or not _CAPITALISED.fullmatch(word) or best_zipf(word) >= KNOWN_WHOLE:
        return None
    repeated = standalone.document[word] > 1  # a word of its own, unless a name seen alone ends it
    decided = False
    for point in range(3, len(word) - 1):
        tail = word[point:]
        if decided and tail not in _CLOSED_TAILS[language]:
            continue
        if repeated and not (tail in _CLOSED_TAILS[language] and standalone.document[word[:point]] > 0):
            continue
        kind = _tail_kind(tail, language)
        if kind is None and not decided:
            chained = _chained_tail(word, point, standalone, language)
            if chained is not None:  # judged as the token up to the tail's first word
                scope, first = chained
                # the glue before says nothing of a word in the middle: "undSchelklingen|eine"
                evidence = _name_evidence(scope, point, first, standalone, language, place._replace(glued_before=False))
                if _tail_ok(scope, point, first, evidence, standalone, language, place.sentence_start):
                    return point
        if kind is None:
            continue
        head = word[:point]
        evidence = _name_evidence(word, point, kind, standalone, language, place)
        if decided:
            compound_head = kind == "function" and _ends_in_common_noun(head, language)  # "Herrscherfamilie|der"
            sure = evidence >= 2 or compound_head
            if sure and _tail_ok(word, point, kind, evidence, standalone, language, place.sentence_start):
                return point
            continue
        if kind != "noun" and _tail_ok(word, point, kind, evidence, standalone, language, place.sentence_start):
            return point
        if kind == "function" and not _misread_in(head, tail, language):  # "Raptor|seinen" refused:
            return None  # "Raptors|einen" is no likelier; but "Kirch|ein" yields to "Kirche|in", next
        decided = kind != "name word"  # too weak to settle the token: "Israeli|sand" or "Israelis|and"
    return None


def _name_evidence(word: str, point: int, kind: str, standalone: _Seen, language: str, place: _Place) -> int:
    """`_head_evidence` of ``word[:point]``, raised where the tail tells more: after a given name
    ("Joachim Nagel|könnte": a surname, whatever else it is; not before a short word names end in,
    "Frohma|der", nor where two other words meet, "Hübn|erwies" is "Hübner|wies"); a rare name
    glued on its left, since link text glued on one side mostly is on the other too
    ("in|Wurzach|waren"; a tail of four letters or more: "in|Seldomridgein" may be "…ge in"); a
    preposition glued between a rare name and the next one (`_preposition_before_name`); a frequent
    word before a function word no compound ends in ("Erdogan|am", "Tabasco|nach"); a name the
    lexicons miss (`_unlisted_name`); a known name that begins an English sentence."""
    head, tail = word[:point], word[point:]
    sentence_start = place.sentence_start
    # German capitalises nouns and names anyway, so a sentence's first word hides something only
    # where it is also a lowercase word; otherwise it is as good a head there ("Mulzer|vermutet")
    hidden = sentence_start and (language != "de" or zipf(head.lower(), language) >= KNOWN_LOWERCASE)
    evidence = _head_evidence(head, standalone, hidden)
    if place.after_name and len(tail) >= 5 and not _rival_split(word, point, standalone, language):
        evidence = max(evidence, 2)
    if evidence == 1 and place.glued_before and _glued_name_tail(word, point, standalone, language):
        evidence = 2
    if evidence == 1 and place.before_capital and _preposition_before_name(word, tail, language):
        evidence = 2
    if kind == "function" and evidence == 0:
        floor = WEAK_HEAD if tail not in _WORD_ENDINGS else COMMON_WORD
        evidence = 2 if _frequent_name(head, sentence_start, floor) else 0
    if evidence == 0 and _unlisted_name(word, point, kind, standalone, language):
        evidence = 2
    # English capitalises a sentence's first word, but a known name is one anywhere ("Natasha|is")
    english_start = sentence_start and language == "en" and len(head) >= 5 and tail in ENGLISH_CLOSED_CLASS
    if evidence == 0 and english_start and is_known_name(head):
        evidence = 2
    return evidence


def _word_inside(tail: str, words: Collection[str]) -> bool:
    """Does one of ``words`` begin a letter or two into ``tail``? Then the cut is in doubt: the
    letters may end the head instead ("Umminge|rund" or "Umminger|und")."""
    return tail[1:] in words or tail[2:] in words


def _glued_name_tail(word: str, point: int, standalone: _Seen, language: str) -> bool:
    """May a tail of four letters or more split off a rare name glued on its left? Not where a
    function word begins a letter later, so the cut is in doubt ("und|Trabelheim|eine", not
    "Trabelhei|meine"), nor where the token splits another way."""
    tail = word[point:]
    return (
        len(tail) >= 4
        and not _word_inside(tail, FUNCTION_WORDS[language])
        and not _rival_split(word, point, standalone, language)
    )


def _preposition_before_name(word: str, tail: str, language: str) -> bool:
    """Is ``tail``, with a capitalised word glued after it, a preposition glued to that name
    ("Durukan|in|Hannover")? Not "um", which ends many nouns ("Folgealbum|Enemies"), nor where the
    token ends in a longer word: a woman's title before her name ("Stadtpatronin|Virgen")."""
    return (
        tail in _PREPOSITIONS
        and tail != "um"
        and not _ends_in_longer_word(word, len(tail) + 4, language, KNOWN_LOWERCASE)
    )


def _chained_tail(word: str, point: int, standalone: _Seen, language: str) -> tuple[str, str] | None:
    """Is German ``word[point:]`` itself two glued lowercase words ("Vereine|haben|große",
    "Adelaide|wurde|dann")? Then the token up to the tail's first word, and what that word is (a
    function word or a word written in lowercase, five letters at least); the next round splits
    the rest. Not where a longer head is a word ("Holsteiner|ziemlich", not "Holst|einer|ziemlich")."""
    tail = word[point:]
    if language != "de" or len(tail) < 8 or not tail.islower():
        return None
    if not any(zipf(tail[:size], language) >= WEAK_HEAD for size in range(5, len(tail) - 1)):
        return None  # the cheap test first: no known word of five letters or more begins the tail
    cuts = _lowercase_split(tail, language)
    if len(cuts) != 1 or cuts[0] < 5 or _better_head(word, point, standalone, longer=True):
        return None
    first, rest = tail[: cuts[0]], tail[cuts[0] :]
    kind = _tail_kind(first, language)
    if kind not in ("function", "lower") or not (rest in FUNCTION_WORDS[language] or _lowercase_word(rest, language)):
        return None
    return word[: point + cuts[0]], kind


def _lowercase_tail_after_rare_name(word: str, point: int, standalone: _Seen, language: str) -> bool:
    """May a German word written in lowercase split off a rare name ("Sarowki|trug", "Walthour|erstmals")?
    A compound ends in such a word only as a nominalised verb or adjective, which has an ending
    ("Radfahren", "Jahresbeste"); so a tail without one is a word of its own. A four-letter tail needs
    a head without the linking "s" of compounds ("Dörnchesfuhr" is a place) and no known word at the
    token's start but the head ("Sterrewacht": "Sterre"); a tail that is a function word after a
    letter or two leaves the cut in doubt ("Umminge|rund" or "Umminger|und")."""
    head, tail = word[:point], word[point:]
    return (
        language == "de"
        and len(head) >= 4
        and len(tail) >= (4 if head[-1] != "s" else 5)
        and not tail.endswith(_NOMINAL_ENDINGS)
        and tail not in COMPOUND_TAILS
        and not _word_inside(tail, FUNCTION_WORDS[language])
        and not (len(tail) == 4 and _better_head(word, point, standalone))
        and not _rival_split(word, point, standalone, language)
    )


def _past_tense_after_rare_name(word: str, point: int, standalone: _Seen, language: str) -> bool:
    """May a weak past tense split off a rare name ("Haltova|wechselte"), though the corpora have
    seen it in lowercase? A compound ends in one only as a nominalised participle, which
    `dictionary_past_tense` rules out; not where the head ends in a particle that makes the tail a
    longer verb ("K&Lmit|teilte" is "mitteilte"), nor where the token splits another way."""
    tail = word[point:]
    return (
        language == "de"
        and len(tail) >= 5
        and dictionary_past_tense(tail)
        and not any(zipf(word[point - size : point] + tail, language) >= WEAK_HEAD for size in (2, 3, 4))
        and not _rival_split(word, point, standalone, language)
    )


def _ends_in_common_noun(head: str, language: str) -> bool:
    """Does German ``head`` end in a common noun of five letters or more ("Donatus|straße",
    "Herrscher|familie")? Then it is a compound noun, and no noun ends in "und" or "der"."""
    return language == "de" and any(
        is_common_noun(head[start].upper() + head[start + 1 :]) for start in range(2, len(head) - 4)
    )


def _never_compounded(word: str, point: int, standalone: _Seen, language: str) -> bool:
    """Can a capitalised word + lowercase word mid-sentence only be glue? A compound of a noun and
    an adjective or adverb is written in lowercase ("umweltfreundlich"), or capitalised only as a
    nominalised adjective with an ending ("Umweltfreundliche") or verb ("Revolutionsfeiern",
    "Stummsein"); so a tail without such an ending, and not a noun's genitive ("Strom|mangels"),
    after a known word is another word: "Zentimeter|betrug", "Einzelzimmer|deutlich". A tail with
    such an ending that the dictionary has in lowercase only is no nominalisation either
    ("Konzern|meldete"; "Beauftragte", "Versicherte" are listed as nouns)."""
    head, tail = word[:point], word[point:]
    return (
        len(head) >= 4
        and len(tail) >= 4
        and lowercase_profile(head) is not True
        and best_zipf(head) >= KNOWN_WHOLE
        and (not tail.endswith(_NOMINAL_ENDINGS) or _dictionary_verb_or_adjective(tail, language))
        and not (tail.endswith("s") and lowercase_profile(tail[:-1]) is False)
        and tail not in COMPOUND_TAILS
        and not _rival_split(word, point, standalone, language)
    )


def _tail_ok(
    word: str, point: int, kind: str, evidence: int, standalone: _Seen, language: str, sentence_start: bool
) -> bool:
    """Is ``word`` glue at ``point``, given what its tail is (``kind``) and how sure we are that its
    head is a name (``evidence``, see `_head_evidence`)?"""
    head, tail = word[:point], word[point:]
    if kind == "function":
        # a compound of a common noun is as sure a head as a name: "Donatusstraße|und"
        name_like = evidence if evidence >= 2 or not _ends_in_common_noun(head, language) else 2
        return _function_tail_ok(head, tail, language, name_like) or (
            evidence == 1
            and len(head) >= 5
            and not _participle_cut(head, tail)
            and _function_tail_after_rare_name(word, tail, language)
            and not _rival_split(word, point, standalone, language)
        )
    if kind == "lower":
        return (
            evidence >= 2
            or (evidence == 1 and len(tail) >= 8 and not _better_head(word, point, standalone))
            or (evidence == 1 and _lowercase_tail_after_rare_name(word, point, standalone, language))
            or (evidence == 1 and _past_tense_after_rare_name(word, point, standalone, language))
            or (not sentence_start and _never_compounded(word, point, standalone, language))
        )
    if kind == "short":  # "Bayern|an", "Boston|is", "Kirche|in"; after a rare name, where no word ends so
        rare_name = evidence == 1 and _no_word_ending(word, tail, language)  # "Sulkovsky|in": "…yin"
        return len(head) >= 4 and (
            rare_name
            or (
                _in_after(head, word, point, standalone, language, evidence)
                if tail == "in" and language == "de"
                else evidence >= 2
            )
        )
    if kind == "frequent":  # English: a frequent word also found in names, after a name ("Clinton|administration")
        return (
            evidence >= 2
            and len(head) >= 4
            and not english_dictionary_word(head.lower())  # "Summer|matter" is a surname
            and suffix_count(tail, language) <= 4  # "Euro|watch", "Berlin|notes" are compounds
        )
    if kind == "stem":
        return evidence == 3 and bool(_PARTICIPLE.fullmatch(tail))
    if kind == "unattested":  # a verb form the corpora never showed, after a name: "Mokyr|argumentierte";
        # after a rare one only where the token splits no other way ("Fadinger|verbuchte")
        past = language == "de" and dictionary_past_tense(tail)
        return past and (evidence >= 2 or (evidence == 1 and not _rival_split(word, point, standalone, language)))
    if kind == "name word":  # English, after a name standing alone in the text ("Musharraf|made", "Venus|are");
        # not where a closed-class word begins a letter or two later: "Israelis|and", not "Israeli|sand"
        return evidence == 3 and not _word_inside(tail, _CLOSED_TAILS[language])
    return False  # a noun, or a long word of unknown case that may be a compound's noun ("Basketball|turniere")


@lru_cache(maxsize=200_000)  # pure, and the same words come back every round
def _lowercase_split(word: str, language: str, repeated: bool = False) -> tuple[int, ...]:
    """Where an unknown all-lowercase ``word`` splits into two words, one of them a function word
    (in English also two content words, unless the document ``repeated`` the word whole), or, in
    English where no such cut exists, into three words that pair up so ("was|cancelled|from").

    Only an unambiguous split is taken ("und|der", "wandte|sich", "für|seine"); after a particle
    that also begins verbs only a function word is split off ("mit|dem", never "ein|geflogen").
    """
    if len(word) < 5 or _known_lowercase(word, language):
        return ()
    first = 1 if language == "en" and word[0] == "a" else 2  # "a|great"
    found = [
        point
        for point in range(first, len(word) - 1)
        if _lowercase_pair(word[:point], word[point:], language, repeated)
    ]
    if len(found) > 1 and language == "en":  # "for|this" over "fort|his": the clearly likelier pair
        found.sort(key=lambda point: -_pair_frequency(word, point))
        if _pair_frequency(word, found[0]) - _pair_frequency(word, found[1]) >= CLEARLY_LIKELIER:
            return tuple(found[:1])
    if found or len(word) < 8 or (language == "de" and _two_known_words(word)):
        return tuple(found) if len(found) == 1 else ()  # German hides short words in long ones: "nie|der|alemannischen"
    chains = [
        [point, middle]
        for point in range(first, len(word) - 4)
        if not _known_lowercase(word[point:], language)
        for middle in range(point + 2, len(word) - 1)
        if _lowercase_pair(word[:point], word[point:middle], language, repeated)
        and _lowercase_pair(word[point:middle], word[middle:], language, repeated)
    ]
    return tuple(chains[0]) if len(chains) == 1 else ()


def _arabic_article(word: str, language: str) -> bool:
    """Is ``word`` a word glued to the Arabic article of a name that follows ("of|al-Qaida",
    "von|al-Assad", "the|al Qaeda")? A closed-class or frequent word before "al" that makes no
    known word with it ("total", "local", "withal" stay whole)."""
    head = word[:-2]
    return (
        word.endswith("al")
        and len(head) >= 2
        and zipf(word, language) < KNOWN_WHOLE
        and (head in _GLUE_HEADS[language] or _frequent_lowercase(head, language, COMMON_WORD))
    )


def _english_i(word: str) -> bool:
    """English "I" glued to a frequent word: "Iknow", "Iwas", though web text puts such joins in
    wordfreq's lists (Zipf 2–3); names are commoner ("Iran", "Ideal", "Ivan": Zipf ≥ 3)."""
    rest = word[1:]
    return (
        word[:1] == "I"
        and len(rest) >= 3
        and rest.islower()
        and zipf(rest, "en") >= FREQUENT_WORD
        and best_zipf(word) < I_GLUE_CEILING
    )


def _sentence_start_split(word: str, language: str, standalone: _Seen) -> tuple[int, ...]:
    """A sentence's first word glued to the next ("Esentwickelte", "Auchhier", "Soentschied"): split
    as the lowercase words they are, when the first is one German writes in lowercase (English:
    before no word that is also a name, unless a closed-class word follows one of them or a name
    seen alone: "This|is", "Hamas|has")."""
    if not word[1:].islower():
        return ()
    lowered = word[0].lower() + word[1:]
    splits = _lowercase_split(lowered, language)
    if len(splits) != 1:
        return ()
    head, tail = lowered[: splits[0]], lowered[splits[0] :]
    if language == "de" and lowercase_profile(head) is not True:
        return ()
    if language == "en" and is_known_name(tail):  # "In|ford" is a name
        # but the German corpora's names hold the "The", "It", "Is" of English titles, so for a
        # closed-class tail the head decides: a closed-class word too, or a name seen alone
        # ("This|is", "Hamas|has"; "Ramthan" stays whole)
        trusted_head = head in ENGLISH_CLOSED_CLASS or standalone[word[: len(head)]] > 0
        if not (tail in ENGLISH_CLOSED_CLASS and trusted_head):
            return ()
    return splits


def _two_known_words(word: str) -> bool:
    """Does ``word`` split into two known German words ("nieder|alemannischen", "garde|macht")?"""
    return any(
        zipf(word[:point], "de") >= KNOWN_LOWERCASE and zipf(word[point:], "de") >= KNOWN_LOWERCASE
        for point in range(2, len(word) - 1)
    )


def _pronoun_after(head: str, tail: str) -> bool:
    """A German pronoun after a very frequent word: "bin|ich", "da|sie"; "er" and "es" only after
    a function word ("wurde|er", "aber|es"), since adjectives end in them ("ganz|es", "rein|er")."""
    if tail in ("er", "es"):
        return head in FUNCTION_WORDS["de"]
    return tail != "man" and _frequent_lowercase(head, "de", VERY_FREQUENT_WORD)  # "nah|man" is "nahm an"


def _lowercase_pair(head: str, tail: str, language: str, repeated: bool) -> bool:
    """Whether two lowercase words written together are glue (see ``_lowercase_split``)."""
    if language == "de" and head in _PREPOSITIONS and tail in _ARTICLES:  # "in|der", "auf|den"
        return True
    # no lowercase word is a woman's title, so "in" and "an" count here: "bis|in", "auch|an"
    function_words = _LOWERCASE_FUNCTION_WORDS[language]
    if head in function_words:
        if head in WORD_PREFIXES:
            accepted = tail in function_words
        else:
            accepted = tail in function_words or _lowercase_content(tail, language)
    elif head == "es" and language == "de":  # "es|noch", "es|möglich": no word starts so
        accepted = tail in function_words or _lowercase_content(tail, language)
    elif tail in function_words and len(tail) >= 3:
        accepted = (
            _frequent_lowercase(head, language)
            and not _participle_cut(head, tail)
            and not _misread_in(head, tail, language)
        )
    elif tail in _PRONOUN_TAILS.get(language, {}):  # a rarer verb too where the dictionary has it ("hisste|er")
        verb = _frequent_lowercase(head, language) or (language == "de" and dictionary_past_tense(head))
        accepted = len(head) >= 4 and verb and head.endswith(_PRONOUN_TAILS[language][tail])
    else:
        accepted = False
    if not accepted and language == "en":  # English glues around its many short words: "heard|it", "or|was"
        accepted = _english_split(head, tail, repeated)
    if not accepted and language == "de" and tail in _PRONOUN_TAILS["de"]:
        accepted = len(head) >= 3 and _pronoun_after(head, tail)
    return accepted


def _pair_frequency(word: str, point: int) -> float:
    """How common the rarer of a split's two words is (Zipf, English)."""
    return min(zipf(word[:point], "en"), zipf(word[point:], "en"))


def _english_split(head: str, tail: str, repeated: bool) -> bool:
    """A frequent English word and a pronoun, auxiliary or preposition; two-letter words only beside
    a very frequent longer one ("heard|it", "do|you"; not "bog|us", "find|in", "so|ing"). Or two
    common content words of four letters or more whose join English does not write ("happy|hour";
    not "time|sheet", known whole), in a word the text uses once: an author's own compound
    ("blacklined") comes back, link-stripping glue seldom does."""
    if head in ENGLISH_CLOSED_CLASS and tail in ENGLISH_CLOSED_CLASS:  # "that|it", "is|this"
        return True
    if head == "a":  # "a|great"
        return len(tail) >= 4 and zipf(tail, "en") >= COMMON_WORD and tail[0] not in "aeiou"
    if head == "an":  # "an|idiot", where the join is unseen ("anothers" is a misspelling, not glue)
        return (
            len(tail) >= 4
            and zipf(tail, "en") >= COMMON_WORD
            and tail[0] in "aeiou"
            and zipf(head + tail, "en") < KNOWN_WHOLE
        )
    if head in ENGLISH_CLOSED_CLASS and head not in WORD_PREFIXES:
        needed = FREQUENT_WORD if len(head) == 2 else COMMON_WORD  # "so|ing", "is|lad" are no glue
        if len(tail) >= 4 and is_known_name(tail):  # a name web text writes in lowercase: "in|kerala"
            needed = 3.0
        return len(tail) >= 3 and zipf(tail, "en") >= needed
    if tail in ENGLISH_WORD_ENDINGS:  # "heard|it", "online|or": a frequent longer word, a join never written
        return len(head) >= 4 and zipf(head, "en") >= FREQUENT_WORD and zipf(head + tail, "en") < KNOWN_WHOLE
    if tail in ENGLISH_CLOSED_CLASS:
        needed = FREQUENT_WORD if len(tail) == 2 else COMMON_WORD
        return len(head) >= 3 and zipf(head, "en") >= needed
    return (
        not repeated
        and min(len(head), len(tail)) >= 4
        and min(zipf(head, "en"), zipf(tail, "en")) >= COMMON_WORD
        and zipf(head + tail, "en") < KNOWN_WHOLE
    )


def _lowercase_content(word: str, language: str) -> bool:
    """A word that may follow an article or conjunction in a lowercase token: frequent, or a longer
    known word that is not a noun ("die|bosnischen", "und|häßliche"; not "die|nstliche")."""
    if _frequent_lowercase(word, language):
        return True
    return len(word) >= 6 and zipf(word, language) >= COMMON_WORD - 1.5 and _attested_lowercase(word) is not False


def _known_lowercase(word: str, language: str) -> bool:
    """A lowercase word known as a whole ("indem"), not only as a noun ("inder": "Inder"), nor only
    as web text's glue of a preposition and an article ("aufden", "andie", which wordfreq counts)."""
    if language == "de" and lowercase_profile(word) is True:
        return True
    if language == "de" and (lowercase_profile(word) is False or _preposition_article(word)):
        return False
    return zipf(word, language) >= KNOWN_LOWERCASE and not (language == "en" and _english_web_glue(word))


def _english_web_glue(word: str, closed: int = 1) -> bool:
    """Is ``word`` two English words that web text writes together so often that wordfreq counts
    the join ("ofthe", "ifyou", "weare")? It is far rarer than either word, splits into frequent
    words of which at least ``closed`` are closed-class, and no dictionary lists it ("tome",
    "fora" are words)."""
    frequency = zipf(word, "en")
    if frequency >= FREQUENT_WORD or english_dictionary_word(word):
        return False
    for point in range(2, len(word) - 1):
        head, tail = word[:point], word[point:]
        rarer = min(zipf(head, "en"), zipf(tail, "en"))
        closed_words = (head in ENGLISH_CLOSED_CLASS) + (tail in ENGLISH_CLOSED_CLASS)
        if closed_words >= closed and rarer >= FREQUENT_WORD and frequency <= rarer - 2.0:
            return True
    return False


def _preposition_article(word: str) -> bool:
    """German "in|der", "auf|den", "an|die": a preposition and an article written as one."""
    return word in _PREPOSITION_ARTICLES


@lru_cache(maxsize=200_000)
def _plainly_known(word: str, language: str) -> bool:
    """A known word without inner capitals: nothing in it to split (the fast path for most tokens)."""
    if any(char.isupper() for char in word[1:]):
        return False
    if word.islower():
        return _known_lowercase(word, language)
    # capitalised, only two closed-class words ("Thisis", "Ifthey"): names are made of others ("Athey")
    return best_zipf(word) >= KNOWN_WHOLE and not (language == "en" and _english_web_glue(word.lower(), closed=2))


def _frequent_lowercase(word: str, language: str, floor: float = COMMON_WORD - 0.5) -> bool:
    """A word at least as frequent as ``floor`` that is not a noun (German: attested in lowercase)."""
    if len(word) < 3 or zipf(word, language) < floor:
        return False
    return language != "de" or lowercase_profile(word) is True


def standalone_words(text: str) -> Counter[str]:
    """Words that stand as whole tokens in ``text``: the names a glued token may start with."""
    words = (token.strip(_EDGE_PUNCT) for token in text.split())
    return Counter(word for word in words if word.isalpha())


class _Seen:
    """Standalone words of this document, then names remembered from the corpus."""

    def __init__(self, document: Counter[str], corpus: Collection[str]) -> None:
        self.document = document
        self.corpus = corpus

    def __getitem__(self, word: str) -> int:
        return self.document[word] or (1 if word in self.corpus else 0)


def _core_bounds(token: str) -> tuple[int, int]:
    start, end = 0, len(token)
    while start < end and token[start] in _EDGE_PUNCT:
        start += 1
    while end > start and token[end - 1] in _EDGE_PUNCT:
        end -= 1
    return start, end


class _PlainWord(NamedTuple):
    """A word without inner capitals, which the boundary model is asked about once the rules are done."""

    offset: int
    word: str
    sentence_start: bool
    after_name: bool
    after_opener: bool


def _glue_tokens(text: str, language: str) -> Iterator[tuple[int, str, bool, bool, bool, bool]]:
    """(offset, core, sentence start, after a name, before a name, after an opener) of every token
    that may hold glue: the fast path skips known words, URLs, addresses and code; the core is the
    token without edge punctuation; "after a name": the token before is a word seen mostly inside
    names ("Joachim Nagelkönnte"), so this one most likely begins with a name too; "before a name"
    (of a token in "al", the only one that asks): the next token starts with a capital or a hyphen
    ("ofal Qaeda", "theal - Qaida"); "after an opener": the token before opens a noun phrase
    (`_NOUN_PHRASE_OPENERS`: "mit Umsturzversuchen"). Plain tuples: a named one, built for every
    such token, cost several per cent of the repair's speed."""
    previous_token = ""
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        before, previous_token = previous_token, token
        if not _CANDIDATE.search(token) or (
            token.isalpha() and _plainly_known(token, language) and not (language == "en" and _english_i(token))
        ):
            continue
        sentence_start = not before or before[-1] in _SENTENCE_CHARS or bool(_SENTENCE_END.search(before))
        start, end = _core_bounds(token)
        core = token[start:end]
        if _SKIP.search(token) and not _DECIMAL_GLUE.fullmatch(core):  # "1.200|Polizisten" is glue
            continue
        after_name = before.isalpha() and before[:1].isupper() and is_known_name(before)  # only here: it costs
        following = _TOKEN.search(text, match.end()) if end == len(token) and core.endswith("al") else None
        before_name = following is not None and following.group(0)[0] in _NAME_STARTS  # only where asked
        after_opener = before.lower() in _NOUN_PHRASE_OPENERS[language]
        yield match.start() + start, core, sentence_start, after_name, before_name, after_opener


LEARNED_SPLIT = "learned split"  # the kind of a split the boundary model made, not a rule


def _rule_pass(
    text: str, language: str, names: Collection[str]
) -> tuple[list[TextEdit], Counter[str], list[tuple[int, str, bool, bool]]]:
    """The rules' splits in ``text``, its standalone words, and every word without inner capitals
    (offset, word, sentence start, after a given name): what the boundary model is asked about once
    the rules are done."""
    document = standalone_words(text)
    standalone = _Seen(document, names)
    edits: list[TextEdit] = []
    plain_words: list[_PlainWord] = []
    for offset, core, sentence_start, after_name, before_name, after_opener in _glue_tokens(text, language):
        points = [point.start() for point in _PUNCT_GLUE.finditer(core)]
        number = _number_split(core, language)
        if number is not None:
            points.append(number)
        for point in points:
            at = offset + point + (1 if core[point] in ".,;:!?" else 0)
            edits.append(TextEdit(at, at, " ", "split"))
        for part in _WORD.finditer(core):
            word = part.group(0)
            inner_capitals = any(char.isupper() for char in word[1:])
            compound_part = core[part.end() : part.end() + 1] == "-"
            if not inner_capitals and not compound_part:  # a compound's first element is no glue ("Politikfor-")
                first = not part.start()
                context = (sentence_start and first, after_name and first, after_opener and first)
                plain_words.append(_PlainWord(offset + part.start(), word, *context))
            cuts = _case_splits(word, standalone, language) if inner_capitals else []
            bounds = [0, *cuts, len(word)]
            for index in range(len(bounds) - 1):
                piece = word[bounds[index] : bounds[index + 1]]
                if piece.islower():
                    splits = _lowercase_split(piece, language, document[piece] > 1)
                    last = part.end() == len(core) and index == len(bounds) - 2
                    if not splits and (compound_part or (last and before_name)) and _arabic_article(piece, language):
                        splits = (len(piece) - 2,)
                elif compound_part and index == len(bounds) - 2:
                    splits = ()  # a compound's first element: "Pizzabestell-Service", not glue
                else:
                    first_piece = part.start() == 0 and index == 0
                    at_start = sentence_start and first_piece
                    place = _Place(
                        sentence_start=at_start,
                        after_name=after_name and first_piece,
                        glued_before=index > 0 and word[bounds[index] - 1].islower(),
                        before_capital=index < len(bounds) - 2,
                    )
                    splits = _sentence_start_split(piece, language, standalone) if at_start else ()
                    if not splits:
                        split = _name_tail_split(piece, language, standalone, place)
                        splits = () if split is None else (split,)
                    if not splits and language == "en" and _english_i(piece):
                        splits = (1,)
                cuts.extend(bounds[index] + split for split in splits)
            edits.extend(
                TextEdit(offset + part.start() + cut, offset + part.start() + cut, " ", "split") for cut in cuts
            )
    return sorted(set(edits), key=lambda edit: (edit.start, edit.end)), document, plain_words


def _candidates(
    plain_words: list[_PlainWord], document: Counter[str], names: Collection[str], language: str
) -> tuple[list[int], list[int], np.ndarray]:
    positions: list[int] = []
    words: list[int] = []
    rows: list[list[float]] = []
    for offset, word, sentence_start, after_name, after_opener in plain_words:
        for point in split_points(word, language):
            if after_name and word[point:] in _WORD_ENDINGS:
                continue  # a surname after a given name ends so: "Walter Taubeneder", not "Taubene|der"
            positions.append(offset + point)
            words.append(offset)
            rows.append(split_features(word, point, language, document, names, sentence_start, after_opener))
    return positions, words, np.asarray(rows, dtype=np.float32).reshape(len(rows), len(FEATURES))


def glue_edits(
    text: str,
    language: str | None,
    names: Collection[str] = frozenset(),
    *,
    learned: bool = False,
) -> list[TextEdit]:
    """Space insertions that separate glued words in ``text``; ``names`` are known from the corpus.
    Where the rules find nothing and ``learned`` is set, the boundary model's splits (kind
    ``LEARNED_SPLIT``, at most one per word), from the same pass over the text. No split, rule or
    model, cuts a German compound's last part off (`_compound_tail`)."""
    language = language if language in ("de", "en") else "de"
    edits, document, plain_words = _rule_pass(text, language, names)
    kept = language == "de"  # German compounds
    edits = [edit for edit in edits if not (kept and _compound_tail(text, edit))]
    model = boundary_model(language) if learned and not edits else None
    if model is None:
        return edits
    positions, words, rows = _candidates(plain_words, document, names, language)
    if not positions:
        return []
    repeated = _repeated_words(plain_words, document)
    chosen = [
        index for index in choose_splits(words, model.probabilities(rows), model.cutoff) if words[index] not in repeated
    ]
    splits = (TextEdit(positions[index], positions[index], " ", LEARNED_SPLIT) for index in chosen)
    return [edit for edit in splits if not (kept and _compound_tail(text, edit))]


def _repeated_words(plain_words: list[_PlainWord], document: Counter[str]) -> set[int]:
    """Offsets of the words the text has alone twice: words of their own ("Fröhder"), as for the
    rules, so the model's splits are not made in them (the trees are not told: leaving such words
    out of their examples cost recall)."""
    return {entry.offset for entry in plain_words if document[entry.word] > 1}


def _compound_tail(text: str, edit: TextEdit) -> bool:
    """Would the split cut a German compound's last part off? A word after glue that starts in
    lowercase is no noun, so not an ordinal after a capitalised head: "Bundesliga|vierten",
    "Weltliga|siebten" are the nominalised ordinals sports news compounds."""
    point = edit.start
    found = _WORD.match(text, point)
    if found is None or point == 0 or not text[point - 1].isalpha():
        return False
    start = point
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start].isupper() and bool(_ORDINAL_TAIL.fullmatch(found.group(0)))


def boundary_candidates(
    text: str, language: str, names: Collection[str] = frozenset(), *, applied_only: bool = False
) -> tuple[list[int], list[int], np.ndarray]:
    """The points the learned model is asked about in ``text`` (words without inner capitals), the
    word each belongs to, and their features (``boundary.FEATURES``); for training, on text the
    rules are done with. ``applied_only``: without the words whose splits `glue_edits` never makes
    (repeated ones), to count the splits the model would make in real text."""
    _, document, plain_words = _rule_pass(text, language, names)
    if applied_only:
        repeated = _repeated_words(plain_words, document)
        plain_words = [entry for entry in plain_words if entry.offset not in repeated]
    return _candidates(plain_words, document, names, language)
