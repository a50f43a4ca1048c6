"""Split words glued together where a link was stripped: "abgelehntVolodymyr", "Putinhat".

Two kinds of glue, each decided conservatively, because a false split damages clean text:

* a case change inside a token ("demKremlDer", "USAAußenminister", "Diplomaten.Yuri", "in2019"),
  split unless the token is a known word ("YouTube", "BioNTech"), a camel-case name ("McDonald",
  "DeSantis"), a gender form ("LehrerInnen"), or a part is not word-shaped ("AfD", "iPhone");
* a name followed by a lowercase word with no case change ("Putinhat", "Sybihagemeinsame"),
  split only when the tail is a word German writes in lowercase (so never a compound's noun:
  "Außenminister", "Kremlchef") and the head is a name seen elsewhere in the document, a common
  word, or an unknown name followed by a long tail.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from newsprism.repair.alignment import TextEdit
from newsprism.repair.lexicon import (
    SHORT_TAILS,
    YEAR_PREPOSITIONS,
    best_zipf,
    is_common_noun,
    is_known_name,
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
_MIXED_CASE_PREFIX = re.compile(
    r"(?:GmbH|AfD|KfW|UdSSR|BaFin|BfV|BMWi|BMBF|DGzRS|eBay|iPhone|iPad|iPod|YouTube|WhatsApp|LinkedIn|TikTok)(?=[A-Za-zÄÖÜäöüß])"
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
_SENTENCE_END = re.compile(r"[.!?:…]\W*$")
_SENTENCE_CHARS = frozenset(".!?:…")
# Fast path: a token needs a closer look only if one of these matches (most tokens are skipped).
_CANDIDATE = re.compile(
    r"[a-zäöüß][A-ZÄÖÜ]|[A-ZÄÖÜ]{3}[a-zäöüß]|[a-zäöüß][.,;:!?][A-ZÄÖÜ]|[a-zäöü]\d{4}|[A-ZÄÖÜ][a-zäöüß]{4}"
)


def _case_splits(word: str, standalone: _Seen, language: str) -> list[int]:
    """Split points inside ``word`` (letters only) at case changes that look like glue."""
    if best_zipf(word) >= KNOWN_WHOLE:
        return []
    abbreviation = _MIXED_CASE_PREFIX.match(word)
    protected = abbreviation.end() if abbreviation else 0
    points = [protected] if 0 < protected < len(word) else []
    for index in range(protected + 1, len(word)):
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
    points = sorted(set(points))
    accepted = [protected] if protected in points else []
    bounds = [0, *points, len(word)]
    for number, point in enumerate(points, start=1):
        if point == protected:
            continue
        head, tail = word[bounds[number - 1] : point], word[point : bounds[number + 1]]
        if _case_split_ok(head, tail, standalone, language):
            accepted.append(point)
    return accepted


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
    if lowercase_profile(head) is True:
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


def _tail_score(tail: str, language: str, evidence: int) -> float | None:
    """How likely ``tail`` is a separate lowercase word after a name (its frequency), or None."""
    frequency = zipf(tail, language)
    if len(tail) <= 3:
        return frequency if tail in SHORT_TAILS.get(language, frozenset()) and evidence >= 2 else None
    profile = _attested_lowercase(tail) if language == "de" else frequency >= 3.0
    if not profile:
        return None
    if evidence >= 2 or len(tail) >= 8:
        return frequency
    return None


def _lowercase_word(tail: str, language: str) -> bool:
    """Is ``tail`` a word written in lowercase on its own (whatever comes before it)?"""
    if len(tail) <= 3:
        return tail in SHORT_TAILS.get(language, frozenset())
    if language == "de":
        return _attested_lowercase(tail) is True
    return zipf(tail, language) >= 3.0 and not is_known_name(tail)


def _name_tail_split(word: str, language: str, standalone: _Seen, sentence_start: bool) -> int | None:
    """Where a capitalised unknown ``word`` splits into a name and a lowercase word, if anywhere.

    The longest tail that is a lowercase word wins ("Leblacher|ausgetragen", not
    "Leblacheraus|getragen"); if its head is a common word, the token is left alone rather than
    split elsewhere ("Untersuchungeinschließlich" is not cut into "Untersuchungein schließlich").
    """
    if len(word) < 5 or not _CAPITALISED.fullmatch(word) or best_zipf(word) >= KNOWN_WHOLE:
        return None
    if standalone.document[word] > 1:
        return None
    for point in range(3, len(word) - 1):
        tail = word[point:]
        if not _lowercase_word(tail, language):
            continue
        head = word[:point]
        evidence = _head_evidence(head, standalone, sentence_start)
        if evidence == 0 and len(tail) <= 3 and _frequent_name(head, sentence_start):
            evidence = 2  # compounds never end in "am", "hat", "für": "Erdoganam" is glue
        if evidence == 0:
            return None
        return point if _tail_score(tail, language, evidence) is not None else None
    return None


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
        if not _CANDIDATE.search(token) or _SKIP.search(token):
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
                at_start = sentence_start and part.start() == 0 and index == 0
                split = _name_tail_split(piece, language, standalone, at_start)
                if split is not None:
                    cuts.append(bounds[index] + split)
            edits.extend(
                TextEdit(offset + part.start() + cut, offset + part.start() + cut, " ", "split") for cut in cuts
            )
    return sorted(set(edits), key=lambda edit: (edit.start, edit.end))
