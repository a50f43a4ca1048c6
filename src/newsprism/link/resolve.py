"""Link an article's mentions to actors: names, surnames, titles, epithets and demonyms.

Order matters: full names first (so "Putin" later in the text finds "Wladimir Putin"), then single
words, then mentions the NER does not mark — "der russische Präsident", "der Kremlchef",
"russischen", "Kiewer" — which are added as entities with their actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from rapidfuzz import fuzz, process

from newsprism.link.kb import PARTICLES, KnowledgeBase
from newsprism.link.names import fold, name_key, surname_key, without_genitive
from newsprism.link.registry import KB_PREFIX, LABEL_TYPES, ActorRegistry
from newsprism.link.roles import is_title_word, title_after, title_before, titled_names
from newsprism.model import Article, Entity, Role

_COMPATIBLE = {
    "PER": ("person",),
    "LOC": ("country", "place"),
    "ORG": ("organisation", "country"),
    "MISC": ("country", "place", "organisation"),
}
FUZZY_SCORE = 92
_WORD = re.compile(r"[A-Za-zÄÖÜäöüßÀ-ÿ][\w-]*")
_GERMAN_ENDINGS = ("en", "er", "es", "em", "e", "")
_CLAUSE_END = re.compile(r"[,;.:!?()„“\"]")
_DETERMINERS = frozenset("der die das den dem des the".split())
_LEADING = _DETERMINERS | frozenset("im am vom zum zur beim ins in at of".split())
_TITLE_WORD = re.compile(
    r"(?i)^(?:präsident|präsidentin|president|kanzler|kanzlerin|bundeskanzler|chancellor|minister|ministerin|"
    r"[\w-]*minister|[\w-]*ministerin|premier|senator|senatorin|papst|pope|king|könig|ajatollah|ayatollah|dr\.?|prof\.?)$"
)


def _when(article: Article) -> date | None:
    try:
        return date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


class _Linker:
    def __init__(self, article: Article, kb: KnowledgeBase, registry: ActorRegistry) -> None:
        self.article, self.kb, self.registry = article, kb, registry
        self.when = _when(article)
        self.people: dict[str, str] = {}  # surname key → actor id, from full names in this article
        self._words: frozenset[str] | None = None  # the article's words, read when first needed
        self._titles: list[tuple[str, set[str]]] | None = None  # (person, title words) named here

    def _forms(self, text: str) -> list[str]:
        """Forms of a mention to look up: as written, without a possessive, without a leading title
        ("Kanzler Merz", "President Trump"), without a German genitive -s (last: "Pistorius" keeps it)."""
        words = text.split()
        while len(words) > 1 and words[0].lower() in _LEADING:  # "der Kreml", "im Weißen Haus"
            words = words[1:]
        text = " ".join(words)
        forms = [text]
        for suffix in ("'s", "’s", "'", "’"):
            if text.endswith(suffix):
                forms.append(text[: -len(suffix)])
        words = text.split()
        while len(words) > 1 and (self.kb.is_title(words[0]) or _TITLE_WORD.match(words[0])):
            words = words[1:]
            forms.append(" ".join(words))
        forms.append(without_genitive(fold(forms[-1])))
        return list(dict.fromkeys(form for form in forms if form))

    def _of_types(self, ids: Iterable[str], types: tuple[str, ...]) -> list[str]:
        return [i for i in ids if self.kb.actors[i].type in types]

    def _pick(self, found: list[str]) -> str | None:
        """One actor, or the only one in office at the article's date."""
        if len(found) == 1:
            return found[0]
        active = [i for i in found if any(r.active(self.when) for r in self.kb.actors[i].roles)]
        return active[0] if len(active) == 1 else None

    def _exact(self, text: str, types: tuple[str, ...]) -> str | None:
        for form in self._forms(text):
            found = self._of_types(self.kb.by_key.get(name_key(form), ()), types)
            if found:
                return self._pick(found)
        return None

    def _surname(self, text: str) -> str | None:
        for form in self._forms(text):
            words = fold(form).split()
            if len(form.split()) == 1 or (words and words[0] in PARTICLES):
                found = list(self.kb.by_surname.get(name_key(form), ()))
                if found:
                    return self._pick(found)
        return None

    def _partial(self, text: str) -> str | None:
        """A person named by the start of a known full name: "Luiz Inácio Lula" (da Silva)."""
        words = name_key(text).split()
        if len(words) < 2:
            return None
        prefix = " ".join(words) + " "
        candidates = {i for key in self.kb.keys_of(("person",)) if key.startswith(prefix) for i in self.kb.by_key[key]}
        return self._pick(sorted(candidates)) if candidates else None

    def _kb_match(self, text: str, label: str) -> str | None:
        types = _COMPATIBLE.get(label, ())
        found = self._exact(text, types)
        if found is None and label == "PER":
            found = self._partial(text)
        if found is None and label == "PER":
            found = self._surname(text) or self._fuzzy_surname(text)
        return found or self._fuzzy(text, types)

    def _fuzzy_surname(self, text: str) -> str | None:
        key = name_key(without_genitive(text))
        if " " in key or len(key) < 6:
            return None
        best = process.extract(key, list(self.kb.by_surname), scorer=fuzz.ratio, score_cutoff=88, limit=2)
        if len(best) != 1 and not (len(best) == 2 and best[0][1] > best[1][1]):
            return None
        return self._pick(list(self.kb.by_surname[best[0][0]]))

    def _fuzzy(self, text: str, types: tuple[str, ...]) -> str | None:
        key = name_key(text)
        if len(key) < 6:
            return None
        best = process.extractOne(key, self.kb.keys_of(types), scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        if best is None:
            return None
        ids = [i for i in self.kb.by_key[best[0]] if self.kb.actors[i].type in types]
        return ids[0] if len(ids) == 1 else None

    def resolve(self, entity: Entity) -> str | None:
        text = entity.text
        single = len(fold(text).split()) == 1
        if entity.label in ("ORG", "MISC") and single and len(text) > 3 and text.isupper():
            place = self._exact(text, ("place",))  # a dateline's city in capitals, tagged ORG: "BERLIN (Reuters) -"
            if place is not None:
                entity.label = "LOC"
        if entity.label == "PER" and single:
            known = self.people.get(name_key(without_genitive(text)))
            if known:
                return known
        kb_id = self._kb_match(text, entity.label)
        if kb_id is None and single and entity.label in ("LOC", "MISC"):  # tagged "der Kiewer Präsident"
            kb_id = self._adjective_of(text)
        if kb_id:
            actor_id = self.registry.kb_actor(kb_id)
        elif entity.label in LABEL_TYPES:
            actor_type = LABEL_TYPES[entity.label]
            name = self._without_genitive(text, actor_type) if single else text
            actor_id = self.registry.find_new(name, actor_type) or self.registry.new_actor(name, actor_type)
        else:
            return None
        if entity.label == "PER" and not single:
            self.people.setdefault(surname_key(text), actor_id)
        return actor_id

    def _adjective_of(self, word: str) -> str | None:
        """The country or city an adjective names, in any German ending: "russischen", "Kiewer"."""
        folded = fold(word)
        for ending in _GERMAN_ENDINGS:
            if ending and not folded.endswith(ending):
                continue
            stem = folded[: len(folded) - len(ending)] if ending else folded
            if stem in self.kb.adjectives:
                return self.kb.adjectives[stem]
        return None

    def _without_genitive(self, word: str, actor_type: str) -> str:
        """ "Müllers" is Müller's where the text or the corpus also names "Müller"; "Reuters" and
        "Siemens" keep their s."""
        stem = without_genitive(word)
        if stem == word:
            return word
        if self._words is None:
            self._words = frozenset(_WORD.findall(self.article.text))
        return stem if stem in self._words or self.registry.find_new(stem, actor_type) else word

    def _country_of(self, word: str) -> str | None:
        adjective = self._adjective_of(word)
        if adjective:
            return adjective
        prefix = word.split("-")[0] if "-" in word else None
        if prefix:
            found = self._of_types(self.kb.by_key.get(name_key(prefix), ()), ("country",))
            return found[0] if len(found) == 1 else None
        return None

    def _capital_country(self, actor_id: str) -> str:
        """The country a capital stands for; any other actor as it is."""
        actor = self.kb.actors.get(actor_id)
        country = self.kb.actors.get(actor.country) if actor is not None and actor.country else None
        return country.id if country is not None and country.capital == actor_id else actor_id

    def _owner_of(self, word: str) -> str | None:
        """The country or organisation a word before a title names: "russische", "US", "UN", "Canada's",
        and a capital for its country ("der Kiewer Präsident")."""
        country = self._country_of(word)
        if country:
            return self._capital_country(country)
        for form in self._forms(word):
            found = self._of_types(self.kb.by_key.get(name_key(form), ()), ("country", "organisation"))
            if len(found) == 1:
                return found[0]
        return None

    def _title_at(self, words: list[re.Match[str]], index: int, mentioned: frozenset[str]) -> tuple[str, int] | None:
        """A title or epithet starting at ``words[index]``: (its holder's actor id, how many words it takes;
        a title without a country is first that of one of the ``mentioned`` knowledge-base actors).

        "russische Präsident" → Putin in 2025, "US-Präsident", "Prime Minister", "Kremlchef".
        """
        word = words[index].group(0)
        if not self.kb.may_open_title(word):
            return None
        for length in (3, 2, 1):  # "Kremlin chief", "Secretary of State", "Kremlchef"
            phrase = " ".join(m.group(0) for m in words[index : index + length])
            if index + length <= len(words) and fold(phrase) in self.kb.epithets:
                holder = self.kb.epithet_holder(phrase, self.when)
                return (self.registry.kb_actor(holder), length) if holder else None
        title, country, length = word, None, 1
        for size in (4, 3, 2):
            phrase = " ".join(m.group(0) for m in words[index : index + size])
            if index + size <= len(words) and self.kb.is_title(phrase):
                title, length = phrase, size
                break
        else:
            if "-" in word:
                prefix, _, rest = word.partition("-")
                if self.kb.is_title(rest):
                    title, country = rest, self._owner_of(prefix)
        if not self.kb.is_title(title):
            return None
        following = words[index + length].group(0) if index + length < len(words) else ""
        if following[:1].isupper() and not self.kb.is_title(following) and _adjacent(words, index + length - 1):
            return None  # "Papst Franziskus", "Präsident Putin": a title before a name
        previous = _owner_position(words, index)
        if country is None and previous >= 0:
            country = self._owner_of(words[previous].group(0))
        if country is None and previous >= 0 and fold(words[previous].group(0)) not in _DETERMINERS:
            return None  # "Präsident Putin": a title before a name, which the NER and roles handle
        if country is None:
            local = self._titled_here(" ".join(m.group(0) for m in words[index : index + length]))
            if local is not None:
                return (local, length) if local else None
        holder = self.kb.holder(title, country, self.when, mentioned)
        return (self.registry.kb_actor(holder), length) if holder else None

    def _local_title(self, words: list[re.Match[str]], index: int) -> tuple[str, int] | None:
        """A title the knowledge base does not know, after an article, is still that of the person the
        article gave it: "Gouverneur Oleh Tarasenko" … "sagte der Gouverneur"."""
        word = words[index].group(0)
        if not (index > 0 and fold(words[index - 1].group(0)) in _DETERMINERS and is_title_word(word)):
            return None
        if _followed_by_name(words, index):
            return None  # "der Gouverneur Oleh Tarasenko": the title before the name
        holder = self._titled_here(word)
        text, end = self.article.text, words[index].end()
        apposed = any(  # "Der Gouverneur des Gebiets, Oleh Tarasenko": the name's own title, not a mention
            e.actor_id == holder
            and 0 < e.start - end <= 80
            and not re.search(r"[.!?]", text[end : e.start])
            and text[end : e.start].rstrip().endswith(",")
            for e in self.article.entities
        )
        return (holder, 1) if holder and not apposed else None

    def _titled_here(self, title: str) -> str | None:
        """The person this article gives ``title`` ("der ägyptische Außenminister Karim Mansour", "Egypt's
        foreign minister, Karim Mansour"): a bare "der Außenminister" later is that person, not the
        knowledge base's German one. None if nobody here has the title, "" if several do."""
        if self._titles is None:
            self._titles, text = [], self.article.text
            for entity in self.article.entities:
                if entity.label != "PER" or not entity.actor_id:
                    continue
                before = title_before(text, entity.start)
                if before:  # with the capitalised words of an English title: "Foreign Minister Samir Haddad"
                    before += " " + " ".join(
                        _CLAUSE_END.split(text[max(0, entity.start - 60) : entity.start])[-1].split()[-3:]
                    )
                for found in (before, title_after(text, entity.end), _title_set_off_before(text, entity.start)):
                    if found:
                        self._titles.append((entity.actor_id, {without_genitive(fold(w)) for w in found.split()}))
        words = {without_genitive(fold(word)) for word in title.split()}
        holders = {actor for actor, title_words in self._titles if words <= title_words}
        if not holders:
            return None
        return next(iter(holders)) if len(holders) == 1 else ""

    def _in_apposition(self, start: int, end: int) -> bool:
        """Does the title at ``start``..``end`` stand beside a named person, set off by a comma
        ("Marek Dąbrowiecki, Polens Außenminister, sagte"; "Poland's foreign minister, Marek
        Dąbrowiecki")? Then it is that person's title, not a mention of whoever the knowledge
        base says holds it."""
        text = self.article.text
        people = [entity for entity in self.article.entities if entity.label == "PER"]
        before = re.search(r",\s*$", text[max(0, start - 3) : start])
        if before and any(entity.end == start - len(before.group(0)) for entity in people):
            return True
        after = re.match(r"\s*,\s*", text[end : end + 3])
        return bool(after) and any(entity.start == end + after.end() for entity in people)

    def extra_mentions(self, covered: set[int]) -> list[Entity]:
        """Title, epithet and demonym mentions the NER does not mark."""
        text = self.article.text
        words = list(_WORD.finditer(text))
        free = [not any(p in covered for p in range(m.start(), m.end())) for m in words]
        found: list[Entity] = []
        taken: set[int] = set()
        mentioned = frozenset((e.actor_id or "").removeprefix(KB_PREFIX) for e in self.article.entities)
        for index in range(len(words)):
            if not free[index]:
                continue
            title = self._title_at(words, index, mentioned) or self._local_title(words, index)
            if title is None:
                continue
            holder, length = title
            first = index - 1 if index and free[index - 1] and self._owner_of(words[index - 1].group(0)) else index
            last = words[index + length - 1]
            start = words[first].start()
            owner = _owner_position(words, index)
            owned = owner >= 0 and self._owner_of(words[owner].group(0)) is not None
            if self._in_apposition(words[owner].start() if owned else start, last.end()):
                continue
            found.append(Entity(start, last.end(), text[start : last.end()], "PER", holder))
            taken.update(range(first, index + length))
        for index, match in enumerate(words):
            word = match.group(0)
            if not free[index] or index in taken or ("-" in word and not word.split("-")[-1][:1].islower()):
                continue  # "US-amerikanischen" is a demonym, "US-Beamter" is not
            if index + 1 < len(words) and self.kb.is_title(words[index + 1].group(0)):
                continue  # "der chinesische Präsident" names a person, even one the knowledge base lacks
            if word[:1].islower() or self.article.language != "de" or word.endswith("er") or "-" in word:
                country = self._country_of(word)
                if country and self.kb.actors[country].type in ("country", "place"):
                    found.append(Entity(match.start(), match.end(), word, "MISC", self.registry.kb_actor(country)))
        return sorted(found, key=lambda entity: entity.start)


def _title_set_off_before(text: str, start: int) -> str | None:
    """The title a comma sets before a name: "Der Gouverneur des Gebiets Odessa, Oleh Tarasenko"."""
    before = text[max(0, start - 80) : start].rstrip()
    if not before.endswith(","):
        return None
    clause = _CLAUSE_END.split(before[:-1])[-1].split()[-6:]
    return " ".join(clause) if any(is_title_word(word) for word in clause) else None


def _followed_by_name(words: list[re.Match[str]], index: int) -> bool:
    """Is the word after ``words[index]`` capitalised and right beside it ("Gouverneur Tarasenko")?"""
    return index + 1 < len(words) and words[index + 1].group(0)[:1].isupper() and _adjacent(words, index)


def _owner_position(words: list[re.Match[str]], index: int) -> int:
    """Where the word naming a title's owner would stand: right before it, or before an English
    possessive "'s" ("Canada's Prime Minister"); -1 at the start of the text."""
    return index - 2 if index >= 2 and words[index - 1].group(0) == "s" else index - 1


def _split_fused_people(entities: list[Entity], kb: KnowledgeBase) -> list[Entity]:
    """Split a PER span the NER fused from two known people ("Trump Zelenskyy") into two."""
    result = []
    for entity in entities:
        words = list(re.finditer(r"\S+", entity.text))
        fused = (
            entity.label == "PER"
            and len(words) == 2
            and name_key(entity.text) not in kb.by_key
            and all(kb.by_surname.get(name_key(without_genitive(w.group(0)))) for w in words)
        )
        if not fused:
            result.append(entity)
            continue
        for word in words:
            result.append(Entity(entity.start + word.start(), entity.start + word.end(), word.group(0), "PER"))
    return result


def _split_known_prefix(entities: list[Entity], kb: KnowledgeBase) -> list[Entity]:
    """Split a span the NER ran from a known place or organisation into a name after it, where a
    text without commas puts them side by side ("der Sondergesandte der Afrikanischen Union Grace
    Adjei-Mensah", "Horn von Afrika Lukas Brandstetter"): the known name keeps its type, the two or
    three capitalised words after it, none of them known, are a person. Only where the NER took the
    span for a person, or the words after the known name are a person named elsewhere in the article
    (not the corpus: what an article is must not depend on what was read before it): German
    capitalises nouns, and "EU Kommission Chef" is no one."""
    people = {fold(e.text) for e in entities if e.label == "PER"}

    result = []
    for entity in entities:
        words = list(re.finditer(r"\S+", entity.text))
        split = None
        for cut in range(len(words) - 2, 0, -1):
            head, rest = words[:cut], words[cut:]
            head_text = entity.text[: head[-1].end()]
            known = [kb.actors[i].type for i in kb.by_key.get(name_key(head_text), ())]
            if (
                known
                and len(rest) <= 3
                and all(w.group(0)[:1].isupper() and not kb.by_key.get(name_key(w.group(0))) for w in rest)
                and (entity.label == "PER" or fold(entity.text[rest[0].start() :]) in people)
            ):
                split = (cut, "ORG" if known[0] == "organisation" else "LOC")
                break
        if split is None:
            result.append(entity)
            continue
        cut, label = split
        end, start = entity.start + words[cut - 1].end(), entity.start + words[cut].start()
        result.append(Entity(entity.start, end, entity.text[: words[cut - 1].end()], label))
        result.append(Entity(start, entity.end, entity.text[words[cut].start() :], "PER"))
    return result


def _without_title_ends(entities: list[Entity], text: str, kb: KnowledgeBase) -> list[Entity]:
    """Drop a non-person entity that ends a title ("Secretary of State", "Minister of State"): the
    title is a person's, and "State" no organisation."""
    kept = []
    for entity in entities:
        before = text[max(0, entity.start - 40) : entity.start].split()
        if entity.label != "PER" and any(
            kb.is_title(" ".join([*before[-length:], entity.text])) for length in (1, 2, 3) if len(before) >= length
        ):
            continue
        kept.append(entity)
    return kept


def link_article(article: Article, kb: KnowledgeBase, registry: ActorRegistry) -> None:
    """Give every entity of ``article`` its ``actor_id``, add title and demonym mentions, record roles."""
    entities = _split_known_prefix(_without_title_ends(article.entities, article.text, kb), kb)
    article.entities = _split_fused_people(entities, kb)
    taken = {position for entity in article.entities for position in range(entity.start, entity.end)}
    missed = [Entity(start, end, name, "PER") for start, end, name in titled_names(article.text, taken)]
    article.entities = sorted([*article.entities, *missed], key=lambda entity: entity.start)
    linker = _Linker(article, kb, registry)
    order = sorted(article.entities, key=lambda e: (len(fold(e.text).split()) == 1, e.start))
    for entity in order:
        entity.actor_id = linker.resolve(entity)
        if entity.actor_id:
            registry.seen(entity.actor_id, entity.text)
    covered = {position for entity in article.entities for position in range(entity.start, entity.end)}
    extra = linker.extra_mentions(covered)
    article.entities = sorted([*article.entities, *extra], key=lambda e: e.start)
    for entity in article.entities:
        if entity.label == "PER" and entity.actor_id and entity.text[:1].isupper():
            for title in (title_before(article.text, entity.start), title_after(article.text, entity.end)):
                if title:
                    registry.add_role(entity.actor_id, Role(title, None, article.id))


def _adjacent(words: list[re.Match[str]], index: int) -> bool:
    """Whether ``words[index]`` and the next word are separated by spaces only (no punctuation)."""
    if index + 1 >= len(words):
        return False
    between = words[index].string[words[index].end() : words[index + 1].start()]
    return not between.strip()


def resolve_mention(mention: str, language: str, when: date | None, kb: KnowledgeBase) -> str | None:
    """The knowledge-base id a mention on its own refers to (None if it names no known actor).

    A name is tried as a place or organisation by its exact spelling, then as a person (with
    surnames and misspellings); a description ("der russische Präsident", "Kremlchef",
    "russischen") through titles, epithets and demonyms.
    """
    article = Article(id="", path="", format="", raw_text=mention, text=mention, language=language)
    article.published = when.isoformat() if when else None
    linker = _Linker(article, kb, ActorRegistry(kb))
    words = [word for word in mention.split() if word.lower() not in _LEADING] or mention.split()
    is_name = bool(words) and all(
        (w[:1].isalpha() and not w[:1].islower()) or fold(w.split("-")[0]) in PARTICLES for w in words
    )  # capitalised, or in a script without case ("习近平")
    mentions = linker.extra_mentions(set())
    described = any(entity.label == "PER" for entity in mentions)
    if is_name and not described:
        for types in (("country", "place", "organisation"), ("person",)):
            found = linker._exact(mention, types)
            if found:
                return found
        found = linker._kb_match(mention, "PER")
        if found:
            return found
        if len(words) > 1:  # "South Korean" is an adjective; "Wiener Neustadt" a name, not Vienna's
            return linker._adjective_of(mention)
    for entity in mentions:
        return (entity.actor_id or "").removeprefix("kb:") or None
    return None
