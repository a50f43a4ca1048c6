"""Split words glued together where a link was stripped: "abgelehntVolodymyr", "Putinhat".

Two kinds of glue, each decided conservatively, because a false split damages clean text:

* a case change inside a token ("demKremlDer", "USAAußenminister", "Diplomaten.Yuri", "in2019"),
  split unless the token is a known word ("YouTube", "BioNTech"), a camel-case name ("McDonald",
  "DeSantis"), a gender form ("LehrerInnen"), or a part is not word-shaped ("AfD", "iPhone");
* a name followed by a lowercase word with no case change ("Putinhat", "Sybihagemeinsame"),
  split only when the tail is a word German writes in lowercase (so never a compound's noun:
  "Außenminister", "Kremlchef") and the head is a name seen elsewhere in the document, a common
  word, or an unknown name followed by a long tail;
* a function word glued to an unknown token ("Belagerungvon", "undder", "FDPzu"), split only when
  the other part is a name, a frequent word or an acronym and no particle verb is cut ("eingeflogen").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from functools import lru_cache

from newsprism.repair.alignment import TextEdit
from newsprism.repair.lexicon import (
    COMPOUND_TAILS,
    FUNCTION_WORDS,
    SHORT_TAILS,
    WORD_PREFIXES,
    YEAR_PREPOSITIONS,
    best_zipf,
    is_common_noun,
    is_known_name,
    is_plain_noun,
    lowercase_profile,
    zipf,
)

KNOWN_WHOLE = 1.0
WEAK_HEAD = 2.5
COMMON_WORD = 3.5
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
_PUNCT_GLUE = re.compile(r"(?<=[a-zäöüß]{2})[.,;:!?](?=[A-ZÄÖÜ][a-zäöüß])")
_YEAR_GLUE = re.compile(r"^([a-zäöü]+)(\d{4})$")
# A participle with an adjective ending ("angesprochenes"), never a noun's genitive ("Komplexes").
_PARTICIPLE = re.compile(r"[a-zäöüß]{0,8}ge[a-zäöüß]{3,}(?:t|en)(?:e|en|er|es|em)")
_SENTENCE_END = re.compile(r"[.!?:…]\W*$")
_SENTENCE_CHARS = frozenset(".!?:…")
# Fast path: a token needs a closer look only if one of these matches (most tokens are skipped).
_CANDIDATE = re.compile(
    r"[a-zäöüß][A-ZÄÖÜ]|[A-ZÄÖÜ]{3}[a-zäöüß]|[a-zäöüß][.,;:!?][A-ZÄÖÜ]|[a-zäöü]\d{4}|[A-Za-zÄÖÜäöüß][a-zäöüß]{4}"
)


def _case_splits(word: str, standalone: _Seen, language: str) -> list[int]:
    """Split points inside ``word`` (letters only) at case changes that look like glue."""
    if best_zipf(word) >= KNOWN_WHOLE:
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
            points.append(index + 1 if _lowercase_word(word[index + 1 : run_end], language) else index)
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


def _word_like(part: str, standalone: _Seen) -> bool:
    return standalone[part] > 0 or best_zipf(part) >= WEAK_HEAD or len(part) >= 4


def _case_split_ok(head: str, tail: str, standalone: _Seen, language: str) -> bool:
    if len(head) < 2 or len(tail) < 2 or tail in _GENDER_TAILS or head in _CAMEL_PREFIXES:
        return False
    head_lower = head[0].islower()
    if _ACRONYM.fullmatch(tail):
        if head_lower:
            return zipf(head, language) >= COMMON_WORD
        return len(tail) >= 3 and (standalone[tail] > 0 or best_zipf(tail) >= WEAK_HEAD)
    if _ACRONYM.fullmatch(head) and tail.islower():  # "SPDund", "EADSist"; never "PKWs", "EUweit"
        return _tail_kind(tail, language) in ("function", "lower")
    if not _CAPITALISED.fullmatch(tail):
        return False
    if _ACRONYM.fullmatch(head):
        return len(tail) >= 4 and (standalone[tail] > 0 or best_zipf(tail) >= WEAK_HEAD)
    if head_lower:
        return head.isalpha() and head.islower()
    if language == "en":  # English capitalises names, not nouns: "BlackBayou" is more likely a brand
        return standalone[head] > 0 or standalone[tail] > 0
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
    if is_known_name(head) or (head in standalone.corpus and best_zipf(head) < COMMON_WORD):
        return 2
    return 1 if len(head) >= 4 and best_zipf(head) < WEAK_HEAD else 0


def _frequent_name(head: str, sentence_start: bool) -> bool:
    """A frequent capitalised word that the case lexicon does not know as a noun ("Erdogan")."""
    return (
        not sentence_start
        and lowercase_profile(head) is None
        and not is_common_noun(head)
        and best_zipf(head) >= COMMON_WORD
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


def _tail_kind(tail: str, language: str) -> str | None:
    """What ``tail`` is as the end of a glued token.

    "function": a closed-class word ("hat", "von", "oder"); "lower": a word attested in lowercase
    ("gemeinsame"); "unattested": a frequent long word the case lexicon has not seen
    ("eingeflogen"); "stem": lowercase only without its adjective ending ("angesprochenes");
    "noun": a noun or compound-forming word, so the token is a compound ("Tankstellen|angestellte",
    "Steiermark|weit"); None: nothing to say.
    """
    if tail in FUNCTION_WORDS[language]:
        return "function"
    if len(tail) <= 3:
        return None
    if tail in COMPOUND_TAILS:
        return "noun"
    if language == "en":
        return "lower" if zipf(tail, language) >= 3.0 and not is_known_name(tail) else None
    profile = lowercase_profile(tail)
    if profile is True:
        return "lower"
    if profile is False:
        return "noun" if len(tail) >= 5 else None
    if len(tail) >= 6 and zipf(tail, language) >= 1.5:
        return "unattested"
    return "stem" if _attested_lowercase(tail) else None


def _misread_in(head: str, tail: str, language: str) -> bool:
    """Is "…e in" read as "… ein"? ("Kirch|ein" is "Kirche in", "gern|ein" is "gerne in")."""
    return tail.startswith("ein") and zipf(head + "e", language) >= COMMON_WORD - 0.5


def _participle_cut(head: str, tail: str) -> bool:
    """Would the split cut a participle's ending ("Reisen|der", "zustimmen|des")?"""
    return head.endswith("n") and tail in ("der", "den", "dem", "des")


def _better_head(word: str, point: int, standalone: _Seen) -> bool:
    """Does ``word`` start with a known word other than ``word[:point]``? Then an unknown head is a
    misreading: "Taiw|angehört" is "Taiwan gehört", "Niederschlä|geführten" "Niederschläge führten"."""
    return any(
        other != point and (standalone[word[:other]] > 0 or best_zipf(word[:other]) >= WEAK_HEAD)
        for other in range(4, len(word) - 1)
    )


def _function_tail_ok(head: str, tail: str, language: str, evidence: int) -> bool:
    """A function word may follow a name, a common word or a capitalised adverb ("Belagerung|von",
    "Allerdings|ist"); a short one needs a longer or better-known head ("Mala|den" stays whole)."""
    if _participle_cut(head, tail) or _misread_in(head, tail, language):
        return False
    common = zipf(head, language) >= COMMON_WORD - 0.5 or lowercase_profile(head) is True
    if len(tail) <= 3:
        return evidence == 3 or (len(head) >= 5 and (evidence >= 2 or common))
    return evidence >= 2 or common


def _name_tail_split(word: str, language: str, standalone: _Seen, sentence_start: bool) -> int | None:
    """Where a capitalised unknown ``word`` splits into a name (or word) and a lowercase word, if anywhere.

    The longest tail that says something wins ("Leblacher|ausgetragen", not
    "Leblacheraus|getragen"); if it is a noun, or a word the head cannot take, the token is left
    alone rather than split elsewhere ("Untersuchungeinschließlich" is not cut into
    "Untersuchungein schließlich", "Tankstellenangestellte" not into "Tankstellenan gestellte").
    """
    if len(word) < 5 or not _CAPITALISED.fullmatch(word) or best_zipf(word) >= KNOWN_WHOLE:
        return None
    if standalone.document[word] > 1:
        return None
    for point in range(3, len(word) - 1):
        tail = word[point:]
        kind = _tail_kind(tail, language)
        if kind is None:
            continue
        if kind == "noun":
            return None
        head = word[:point]
        evidence = _head_evidence(head, standalone, sentence_start)
        if kind == "function":
            if evidence == 0 and _frequent_name(head, sentence_start):
                evidence = 2  # compounds never end in "am", "hat", "für": "Erdoganam" is glue
            accepted = _function_tail_ok(head, tail, language, evidence)
        elif kind == "lower":
            accepted = evidence >= 2 or (evidence == 1 and len(tail) >= 8 and not _better_head(word, point, standalone))
        elif kind == "stem":
            accepted = evidence == 3 and bool(_PARTICIPLE.fullmatch(tail))
        else:  # a long word of unknown case may be a compound's noun ("Basketball|turniere")
            accepted = False
        return point if accepted else None
    return None


def _lowercase_split(word: str, language: str) -> int | None:
    """Where an unknown all-lowercase ``word`` splits into two words, one of them a function word.

    Only an unambiguous split is taken ("und|der", "wandte|sich", "für|seine"); after a particle
    that also begins verbs only a function word is split off ("mit|dem", never "ein|geflogen").
    """
    if len(word) < 5 or _known_lowercase(word, language):
        return None
    function_words = FUNCTION_WORDS[language]
    found: list[int] = []
    for point in range(2, len(word) - 1):
        head, tail = word[:point], word[point:]
        if head in function_words:
            if head in WORD_PREFIXES:
                accepted = tail in function_words
            else:
                accepted = tail in function_words or _frequent_lowercase(tail, language)
        elif tail in function_words and len(tail) >= 3:
            accepted = (
                _frequent_lowercase(head, language)
                and not _participle_cut(head, tail)
                and not _misread_in(head, tail, language)
            )
        else:
            accepted = False
        if accepted:
            found.append(point)
    return found[0] if len(found) == 1 else None


def _known_lowercase(word: str, language: str) -> bool:
    """A lowercase word known as a whole ("indem"), not only as a noun ("inder": "Inder")."""
    if language == "de" and lowercase_profile(word) is True:
        return True
    return zipf(word, language) >= 2.0 and (language != "de" or lowercase_profile(word) is not False)


@lru_cache(maxsize=200_000)
def _plainly_known(word: str, language: str) -> bool:
    """A known word without inner capitals: nothing in it to split (the fast path for most tokens)."""
    if any(char.isupper() for char in word[1:]):
        return False
    return _known_lowercase(word, language) if word.islower() else best_zipf(word) >= KNOWN_WHOLE


def _frequent_lowercase(word: str, language: str) -> bool:
    """A frequent word that is not a noun (German: attested in lowercase)."""
    if len(word) < 3 or zipf(word, language) < COMMON_WORD - 0.5:
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


def glue_edits(text: str, language: str | None, names: Collection[str] = frozenset()) -> list[TextEdit]:
    """Space insertions that separate glued words in ``text``; ``names`` are known from the corpus."""
    language = language if language in ("de", "en") else "de"
    document = standalone_words(text)
    standalone = _Seen(document, names)
    edits: list[TextEdit] = []
    previous_token = ""
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        sentence_start = (
            not previous_token or previous_token[-1] in _SENTENCE_CHARS or bool(_SENTENCE_END.search(previous_token))
        )
        previous_token = token
        if not _CANDIDATE.search(token) or (token.isalpha() and _plainly_known(token, language)):
            continue
        if _SKIP.search(token):
            continue
        start, end = _core_bounds(token)
        core = token[start:end]
        offset = match.start() + start
        points = [point.start() for point in _PUNCT_GLUE.finditer(core)]
        year = _YEAR_GLUE.match(core)
        if year and year.group(1).lower() in YEAR_PREPOSITIONS:
            points.append(year.end(1))
        for point in points:
            at = offset + point + (1 if core[point] in ".,;:!?" else 0)
            edits.append(TextEdit(at, at, " ", "split"))
        for part in _WORD.finditer(core):
            word = part.group(0)
            cuts = _case_splits(word, standalone, language) if any(char.isupper() for char in word[1:]) else []
            bounds = [0, *cuts, len(word)]
            for index in range(len(bounds) - 1):
                piece = word[bounds[index] : bounds[index + 1]]
                if piece.islower():
                    split = _lowercase_split(piece, language)
                else:
                    at_start = sentence_start and part.start() == 0 and index == 0
                    split = _name_tail_split(piece, language, standalone, at_start)
                if split is not None:
                    cuts.append(bounds[index] + split)
            edits.extend(
                TextEdit(offset + part.start() + cut, offset + part.start() + cut, " ", "split") for cut in cuts
            )
    return sorted(set(edits), key=lambda edit: (edit.start, edit.end))
