"""People's titles from the words around their names: "Präsidentschaftsberater Wladimir Medinski",
"Alexander Fomin, stellvertretender Verteidigungsminister", "foreign minister Sergei Lavrov"."""

from __future__ import annotations

import re

# Heads of titles; a word ending in one ("Verteidigungsminister", "Präsidentschaftsberater") is a title.
TITLE_HEADS = (
    "minister|ministerin|präsident|präsidentin|kanzler|kanzlerin|berater|beraterin|sprecher|sprecherin|chef|chefin|"
    "senator|senatorin|sekretär|sekretärin|botschafter|botschafterin|bürgermeister|bürgermeisterin|gouverneur|"
    "direktor|direktorin|leiter|leiterin|kommissar|kommissarin|general|vorsitzende|vorsitzender|beauftragte|"
    "beauftragter|premier|kopf|oberhaupt|führer|anführer|admiral|richter|anwalt|"
    "president|chancellor|adviser|advisor|spokesman|spokeswoman|spokesperson|secretary|ambassador|mayor|governor|"
    "director|chief|head|chairman|chairwoman|commander|leader|prime minister"
)
_HEAD = re.compile(rf"(?i)^[\w-]*(?:{TITLE_HEADS})$")
_WORD = re.compile(r"[\w-]+")
_ARTICLES = frozenset("der die das den dem des ein eine einen einem eines the a an".split())
_CONNECTORS = frozenset("des der von of for und and".split())
_STOP_AFTER = re.compile(
    r"[,;.:!?()„“\"]|(?:^|\s)(?:und|and|sowie|wird|werden|wurde|wurden|hat|hatte|hatten|haben|war|waren|ist|sind|sei|"
    r"soll|sollte|will|wollte|kann|konnte|muss|musste|sagte|said|has|had|was|were|is)\s"
)
# Words before a title that end the search for its adjectives: "Putin und US-Präsident Trump" (the
# title is the second person's alone).
_BEFORE_STOPS = frozenset("und oder sowie and or".split())
MAX_WORDS = 7


def is_title_word(word: str) -> bool:
    """A word that is a title by its head: "Gouverneur", "Verteidigungsminister", "spokesman"."""
    return bool(_HEAD.match(word))


def _clean(words: list[str]) -> str | None:
    """A title from its words, adjectives in the nominative ("stellvertretenden" → "stellvertretender")."""
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    while words and words[-1].lower() in _CONNECTORS:
        words = words[:-1]
    if not words or not any(_HEAD.match(word) for word in words):
        return None
    feminine = words[-1].lower().endswith("in")
    fixed = [
        word[:-2] + ("e" if feminine else "er") if word.islower() and word.endswith("en") and len(word) > 4 else word
        for word in words
    ]
    if not feminine:  # "der ukrainische Präsident" → "ukrainischer Präsident", as a title stands alone
        fixed = [word + "r" if word.islower() and word.endswith("e") and len(word) > 4 else word for word in fixed]
    return " ".join(fixed)


def title_before(text: str, start: int) -> str | None:
    """The title right before a name ("stellvertretenden Verteidigungsminister Alexander Fomin")."""
    words = _WORD.findall(text[max(0, start - 120) : start])
    if not words or not _HEAD.match(words[-1]) or text[:start].rstrip().endswith((",", ".", ";", ":")):
        return None
    taken = [words[-1]]
    for position in range(len(words) - 2, -1, -1):
        word = words[position]
        if len(taken) >= 4 or not (word.islower() or (word[:1].isupper() and word.lower().endswith(("er", "e")))):
            break
        if word.lower() in _ARTICLES or word.lower() in _BEFORE_STOPS:
            break
        before = words[position - 1] if position else ""
        if word.islower() and before[:1].isupper() and before.lower() not in _ARTICLES and not before.endswith("e"):
            break  # after a noun a lowercase word is its verb, not an adjective: "in der Türkei zählten Minister X"
        taken.insert(0, word)
    return _clean(taken)


_JOINING = frozenset("und oder sowie and or nor".split())


def title_after(text: str, end: int) -> str | None:
    """An apposition right after a name ("Alexander Fomin, stellvertretender Verteidigungsminister")."""
    tail = text[end : end + 160]
    stripped = tail.lstrip()
    if stripped.startswith(","):
        stripped = stripped[1:]
    stop = _STOP_AFTER.search(stripped)
    phrase = stripped[: stop.start()] if stop else stripped
    words = _WORD.findall(phrase)[:MAX_WORDS]
    if words and words[0].lower() in _JOINING:  # "Putin und US-Präsident Trump": the next person's title
        return None
    head = next((index for index, word in enumerate(words) if _HEAD.match(word)), None)
    if head is None or head > 4:
        return None
    keep = words[: head + 1]
    rest = words[head + 1 :]
    while len(rest) >= 2 and rest[0].lower() in _CONNECTORS:  # "Kopf des Generalstabs", "Minister of Defence"
        keep += rest[:2]
        rest = rest[2:]
    return _clean(keep)


_NAME_WORD = r"[A-ZÄÖÜ][a-zäöüßéèáàíóúčšžćłńśźżă]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
_NOT_NAMES = frozenset(
    "der die das den dem des ein eine einer eines und oder er sie es wir ihr am im an in auf aus bei mit "
    "nach von vor zu zum zur für über unter the a an and or he she it in on at of for with".split()
)
_TITLE_THEN_NAME = re.compile(
    rf"\b(?P<title>[\w-]*(?:{TITLE_HEADS}))\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\b"
)
_NAME_THEN_TITLE = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}),?\s+(?:ein|eine|der|die|the|a)?\s*"
    rf"(?:[a-zäöüß-]+\s+){{0,2}}(?P<title>[\w-]*(?:{TITLE_HEADS}))\b"
)


def titled_names(text: str, taken: set[int]) -> list[tuple[int, int, str]]:
    """People the NER missed, found by their title: "Gewerkschaftssprecher Jonas Fantasiewicz",
    "Mikhail Galuzin stellvertretender Außenminister". Returns (start, end, name) outside ``taken``."""
    found = []
    for pattern in (_TITLE_THEN_NAME, _NAME_THEN_TITLE):
        for match in pattern.finditer(text):
            if not _HEAD.match(match.group("title")) or not match.group("title")[:1].isalpha():
                continue
            start, end = match.span("name")
            words = match.group("name").split()
            if any(word.lower() in _NOT_NAMES for word in words) or any(p in taken for p in range(start, end)):
                continue
            found.append((start, end, match.group("name")))
            taken.update(range(start, end))
    return found
