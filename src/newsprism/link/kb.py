"""The actor knowledge base: a readable YAML file shipped with newsprism, plus users' own files.

Schema (``link/data/actors.yaml`` is the reference): ``version: 1`` and a list ``actors`` of
records with ``id``, ``type`` (person, organisation, country, place), ``name``, ``wikidata``,
``names`` per language, and optionally ``adjectives`` (countries), ``capital``, ``country``,
``epithets`` (people), ``stands_for`` (metonymies such as "Kreml") and ``roles`` with ``role``,
``title`` per language, ``country`` or ``org``, ``from`` and ``to`` dates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from newsprism.link.names import fold, name_key, surname_key

TYPES = ("person", "organisation", "country", "place")
PARTICLES = frozenset("von van der den de da di du le la al el bin ibn".split())
# Generic titles that name a role kind rather than a title of any one country.
# titles German news uses for offices of the German states as well
DOMESTIC_TOO = frozenset(
    fold(t) for t in ("Senator", "Senatorin", "Minister", "Ministerin", "Bürgermeister", "Bürgermeisterin",
                      "Gouverneur", "Gouverneurin", "Abgeordneter", "Abgeordnete", "Richter", "Richterin")
)  # fmt: skip
GENERIC_TITLES = {
    "regierungschef": "head_of_government",
    "regierungschefin": "head_of_government",
    "head of government": "head_of_government",
    "staatschef": "head_of_state",
    "staatschefin": "head_of_state",
    "staatsoberhaupt": "head_of_state",
    "head of state": "head_of_state",
    "machthaber": "head_of_state",
    "leader": "head_of_state",
}
ROLE_KINDS = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other")
BUILTIN = Path(str(files("newsprism.link").joinpath("data", "actors.yaml")))


class KnowledgeBaseError(ValueError):
    """A knowledge-base file that does not follow the schema; ``problems`` lists every fault."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__(f"{path}: " + "; ".join(problems[:5]) + (" …" if len(problems) > 5 else ""))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class KbRole:
    role: str
    title: dict[str, str]
    country: str | None
    org: str | None
    start: date | None
    end: date | None

    def active(self, when: date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(slots=True)
class KbActor:
    id: str
    type: str
    name: str
    wikidata: str | None = None
    names: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    epithets: dict[str, list[str]] = field(default_factory=dict)
    country: str | None = None
    capital: str | None = None
    stands_for: dict[str, str] | None = None
    roles: list[KbRole] = field(default_factory=list)

    @property
    def all_names(self) -> list[str]:
        return list(dict.fromkeys([self.name, *(n for forms in self.names.values() for n in forms)]))


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _problems(data: Any, known: frozenset[str] = frozenset()) -> list[str]:
    """Every schema fault of a parsed knowledge-base file (``known``: ids it may refer to)."""
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        return ["the file must be a mapping with a list `actors`"]
    problems, ids = [], set()
    for number, record in enumerate(data["actors"]):
        where = f"actor {number}"
        if not isinstance(record, dict):
            problems.append(f"{where}: not a mapping")
            continue
        where = f"actor {record.get('id', number)!s}"
        if not isinstance(record.get("id"), str) or not record["id"]:
            problems.append(f"{where}: no id")
        elif record["id"] in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(record.get("id"))
        if record.get("type") not in TYPES:
            problems.append(f"{where}: type must be one of {', '.join(TYPES)}")
        if not isinstance(record.get("name"), str):
            problems.append(f"{where}: no name")
        for key in ("names", "adjectives", "epithets"):
            value = record.get(key, {})
            if not isinstance(value, dict) or not all(
                isinstance(forms, list) and all(isinstance(f, str) for f in forms) for forms in value.values()
            ):
                problems.append(f"{where}: {key} must map languages to lists of strings")
        for role in record.get("roles") or []:
            if (
                not isinstance(role, dict)
                or role.get("role") not in ROLE_KINDS
                or not isinstance(role.get("title"), dict)
            ):
                problems.append(f"{where}: a role needs `role` ({', '.join(ROLE_KINDS)}) and `title`")
                continue
            try:
                start, end = _date(role.get("from")), _date(role.get("to"))
            except ValueError as exc:
                problems.append(f"{where}: bad role date ({exc})")
                continue
            if start and end and end < start:
                problems.append(f"{where}: a role ends before it starts")
    for record in data["actors"]:
        if not isinstance(record, dict):
            continue
        refs = [record.get("capital"), record.get("country"), (record.get("stands_for") or {}).get("country")]
        refs += [r.get(k) for r in record.get("roles") or [] if isinstance(r, dict) for k in ("country", "org")]
        problems += [f"actor {record.get('id')}: unknown id {ref!r}" for ref in refs if ref and ref not in ids | known]
    return problems


def _load_yaml(path: Path) -> object:
    """A YAML file read safely, with libyaml's parser where PyYAML has it (ten times faster on the
    built-in knowledge base, which every run loads)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def check_file(path: str | Path) -> list[str]:
    """Schema problems of a knowledge-base file (empty when it is valid); it may refer to the
    built-in knowledge base's ids."""
    try:
        data = _load_yaml(Path(path))
    except (OSError, yaml.YAMLError) as exc:
        return [f"cannot read: {exc}"]
    builtin = frozenset(actor.id for actor in _builtin()) if Path(path).resolve() != BUILTIN.resolve() else frozenset()
    return _problems(data, builtin)


def _read(path: Path, known: frozenset[str] = frozenset()) -> list[KbActor]:
    data = _load_yaml(path)
    problems = _problems(data, known)
    if problems:
        raise KnowledgeBaseError(str(path), problems)
    actors = []
    for record in data["actors"]:
        roles = [
            KbRole(r["role"], r["title"], r.get("country"), r.get("org"), _date(r.get("from")), _date(r.get("to")))
            for r in record.get("roles") or []
        ]
        actors.append(
            KbActor(
                id=record["id"],
                type=record["type"],
                name=record["name"],
                wikidata=record.get("wikidata"),
                names=record.get("names") or {},
                adjectives=record.get("adjectives") or {},
                epithets=record.get("epithets") or {},
                country=record.get("country"),
                capital=record.get("capital"),
                stands_for=record.get("stands_for"),
                roles=roles,
            )
        )
    return actors


class KnowledgeBase:
    """Actors indexed by name key, surname, adjective, epithet and title."""

    def __init__(self, actors: Iterable[KbActor]) -> None:
        self.actors: dict[str, KbActor] = {}
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.adjectives: dict[str, str] = {}
        self.epithets: dict[str, list[str]] = defaultdict(list)
        self.titles: dict[str, list[tuple[str, KbRole]]] = defaultdict(list)
        self._keys_by_types: dict[tuple[str, ...], list[str]] = {}
        self._title_openers: frozenset[str] | None = None
        for actor in actors:
            self.add(actor)

    def keys_of(self, types: tuple[str, ...]) -> list[str]:
        """Name keys of actors of these types (for fuzzy matching), computed once."""
        if types not in self._keys_by_types:
            self._keys_by_types[types] = [
                key for key, ids in self.by_key.items() if any(self.actors[i].type in types for i in ids)
            ]
        return self._keys_by_types[types]

    def add(self, actor: KbActor) -> None:
        """Add (or, for a known id, replace) an actor: users' files extend the built-in one."""
        self.actors[actor.id] = actor
        self._keys_by_types = {}
        self._title_openers = None
        for name in actor.all_names:
            self.by_key[name_key(name)].add(actor.id)
            words = fold(name).split()
            if actor.type == "person" and len(words) > 1:
                self.by_surname[surname_key(name)].add(actor.id)
                self.by_surname[name_key(name.split()[-1])].add(actor.id)  # "Keller-Sutter"
                particle = next((i for i, word in enumerate(words[1:], 1) if word in PARTICLES), None)
                if particle is not None:  # "von der Leyen", "al-Assad", "De Wever"
                    self.by_surname[name_key(" ".join(words[particle:]))].add(actor.id)
        for stems in actor.adjectives.values():
            for stem in stems:
                self.adjectives[fold(stem)] = actor.id
        if actor.type == "place":  # German city adjectives: Kiew → Kiewer, Berlin → Berliner
            for name in actor.names.get("de", []):
                if " " not in name and len(name) > 3:
                    self.adjectives[fold(name + "er")] = actor.id
        for forms in actor.epithets.values():
            for form in forms:
                self.epithets[fold(form)].append(actor.id)
        for role in actor.roles:
            for title in role.title.values():
                folded = fold(title)
                forms = {folded, folded[:-2] if folded.endswith("in") else folded + "in"}  # Ministerin ↔ Minister
                for form in forms:
                    self.titles[form].append((actor.id, role))

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> KnowledgeBase:
        """The built-in knowledge base, extended by users' files (later files win on an id)."""
        kb = cls(_builtin())
        for path in extra:
            for actor in _read(Path(path), frozenset(kb.actors)):
                kb.add(actor)
        return kb

    def name_patterns(self) -> list[dict[str, str]]:
        """Every full name as a known-names pattern for the NER: people PER, places and countries
        LOC, organisations ORG; a country's pattern says so (``"kind": "country"``: its sports team
        stays a place). Single words of people are left out: surnames are linked later."""
        labels = {"person": "PER", "country": "LOC", "place": "LOC", "organisation": "ORG"}
        patterns = []
        for actor in self.actors.values():
            for name in actor.all_names:
                if len(name) > 1 and name[:1].isupper() and (actor.type != "person" or " " in name):
                    pattern = {"label": labels[actor.type], "pattern": name}
                    patterns.append(pattern | {"kind": actor.type} if actor.type == "country" else pattern)
        return patterns

    def epithet_holder(self, epithet: str, when: date | None) -> str | None:
        """Who an epithet means on ``when`` ("Kremlchef" → whoever leads the Kremlin then)."""
        found = self.epithets.get(fold(epithet), [])
        active = [i for i in found if any(role.active(when) for role in self.actors[i].roles)]
        chosen = active or found
        return chosen[0] if len(set(chosen)) == 1 else None

    def may_open_title(self, word: str) -> bool:
        """Can a title or epithet start with (a part of) ``word``? A quick test that spares the
        phrase lookups for the many words that start none."""
        if self._title_openers is None:
            phrases = [*self.epithets, *self.titles, *GENERIC_TITLES]
            self._title_openers = frozenset(phrase.split()[0] for phrase in phrases if phrase)
        return any(part in self._title_openers for part in fold(word).split())

    def is_title(self, title: str) -> bool:
        return fold(title) in self.titles or fold(title) in GENERIC_TITLES

    def holder(
        self, title: str, country: str | None, when: date | None, mentioned: Collection[str] = frozenset()
    ) -> str | None:
        """Who held ``title`` (of ``country``, if given) on ``when``: "russische Präsident" 2025 → Putin.
        A title without a country is first one of the ``mentioned`` actors' ("Netanjahu … Der
        Regierungschef"; none if several hold it), else Germany's (German news)."""
        folded = fold(title)
        if folded in GENERIC_TITLES:
            kind = GENERIC_TITLES[folded]
            candidates = [(a.id, r) for a in self.actors.values() for r in a.roles if r.role == kind]
        else:
            candidates = self.titles.get(folded, [])
        if country is None and folded in DOMESTIC_TOO:
            # German states have senators and ministers too: a bare "die Senatorin" is not a US senator
            candidates = [(a, r) for a, r in candidates if r.org or r.country in (None, "germany")]
        holders = {
            actor
            for actor, role in candidates
            if role.active(when) and (country is None or country in (role.country, role.org))
        }
        present = holders & set(mentioned) if country is None else set()
        if present:
            return next(iter(present)) if len(present) == 1 else None
        if len(holders) > 1 and country is None and "germany" in self.actors:
            return self.holder(title, "germany", when)  # a bare "Präsident" in German news
        return next(iter(holders)) if len(holders) == 1 else None


@cache
def _builtin() -> tuple[KbActor, ...]:
    return tuple(_read(BUILTIN)) if BUILTIN.is_file() else ()
