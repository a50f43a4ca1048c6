"""Fact alignment within a story: what every source reports, what only one does, and where they differ.

Facts come from what the earlier stages found, so they line up across languages by construction:
* who is named — an actor (by id) in some sources and not in others;
* events — same PLOVER type with the same source and target actors; sources conflict when one
  says it happened and another that it did not, or give different dates or places;
* numbers — a count with its unit ("30-tägige Waffenruhe" and "30-day ceasefire" are 30 days;
  "1.200 Menschen" and "1,500 residents" are people); same unit, different value is a conflict.
A source is an outlet: two articles of one outlet count once.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsprism.model import Actor, Article, Fact, Mention

PERSON_LABELS = ("PER", "ORG")
UNITS = {
    "days": r"tage?n?|tägige[nrsm]?|days?|-day",
    "weeks": r"wochen?|weeks?|-week",
    "people": r"menschen|personen|anwohner(?:innen)?|einwohner|bewohner|people|residents|persons|civilians|zivilisten",
    "dead": r"tote[n]?|todesopfer|dead|killed",
    "soldiers": r"soldaten|soldiers|troops",
    "prisoners": r"gefangene[n]?|prisoners",
    "ships": r"schiffe|ships|vessels",
    "percent": r"prozent|percent|%",
}
_NUMBER = r"(?P<value>\d{1,3}(?:[.,]\d{3})+|\d+)"
_COUNTS = [
    (unit, re.compile(rf"(?i)(?<![\w.,]){_NUMBER}\s*(?:-\s*)?(?:\w+\s+)?(?P<unit>{pattern})\b"))
    for unit, pattern in UNITS.items()
]


@dataclass(slots=True)
class _Claim:
    source: str
    value: str
    mention: Mention


def _source(article: Article) -> str:
    return article.source or Path(article.path).name


def _fact_id(story_id: str, key: str) -> str:
    return story_id + "-" + hashlib.sha256(key.encode()).hexdigest()[:10]


def _status(claims: list[_Claim]) -> str:
    sources = {claim.source for claim in claims}
    if len(sources) < 2:
        return "single"
    return "agreed" if len({claim.value for claim in claims}) == 1 else "conflict"


def _fact(story_id: str, key: str, statement: str, claims: list[_Claim]) -> Fact:
    values = sorted({claim.value for claim in claims})
    status = _status(claims)
    if status == "conflict":
        by_value = "; ".join(f"{v}: {', '.join(sorted({c.source for c in claims if c.value == v}))}" for v in values)
        statement = f"{statement} — sources differ ({by_value})"
    return Fact(_fact_id(story_id, key), statement, status, [claim.mention for claim in claims])


def _actor_facts(story_id: str, articles: list[Article], names: dict[str, str]) -> list[Fact]:
    claims: dict[str, list[_Claim]] = defaultdict(list)
    for article in articles:
        seen = set()
        for entity in article.entities:
            if entity.label in PERSON_LABELS and entity.actor_id and entity.actor_id not in seen:
                seen.add(entity.actor_id)
                mention = Mention(article.id, entity.start, entity.end, entity.text)
                claims[entity.actor_id].append(_Claim(_source(article), "named", mention))
    return [
        _fact(story_id, f"actor:{actor_id}", f"{names.get(actor_id, found[0].mention.text)} is named", found)
        for actor_id, found in claims.items()
    ]


def _event_facts(story_id: str, articles: list[Article], names: dict[str, str]) -> list[Fact]:
    claims: dict[tuple[str, str, str], list[_Claim]] = defaultdict(list)
    for article in articles:
        for event in article.events:
            if not event.source_actor_id or event.modality in ("possible", "conditional", "demanded"):
                continue
            key = (event.type, event.source_actor_id, event.target_actor_id or "")
            value = "not " if event.negated else ""
            value += event.date or ""
            mention = Mention(article.id, event.start, event.end, event.trigger)
            claims[key].append(_Claim(_source(article), value.strip() or "reported", mention))
    facts = []
    for (event_type, source, target), found in claims.items():
        # a date only one source gives is no conflict: compare dates where two or more sources give one
        dated = [claim for claim in found if claim.value.replace("not ", "") not in ("", "reported")]
        if len({c.source for c in dated}) < 2:
            for claim in found:
                claim.value = "not" if claim.value.startswith("not") else "reported"
        who = names.get(source, source)
        whom = f" → {names.get(target, target)}" if target else ""
        facts.append(_fact(story_id, f"event:{event_type}:{source}:{target}", f"{who}: {event_type}{whom}", found))
    return facts


def _number_facts(story_id: str, articles: list[Article]) -> list[Fact]:
    claims: dict[str, list[_Claim]] = defaultdict(list)
    for article in articles:
        for unit, pattern in _COUNTS:
            for match in pattern.finditer(article.text):
                value = re.sub(r"[.,]", "", match.group("value"))
                mention = Mention(article.id, match.start(), match.end(), match.group(0))
                if not any(c.source == _source(article) and c.value == value for c in claims[unit]):
                    claims[unit].append(_Claim(_source(article), value, mention))
    facts = []
    for unit, found in claims.items():
        # one count per source: the first the source gives (its lead) is the one compared
        first: dict[str, _Claim] = {}
        for claim in found:
            first.setdefault(claim.source, claim)
        facts.append(_fact(story_id, f"number:{unit}", f"number of {unit}", list(first.values())))
    return facts


def compare_story(story_id: str, articles: list[Article], actors: list[Actor]) -> list[Fact]:
    """The facts of one story, each with its mentions in every source and its status."""
    names = {actor.id: actor.name for actor in actors}
    facts = [
        *_event_facts(story_id, articles, names),
        *_number_facts(story_id, articles),
        *_actor_facts(story_id, articles, names),
    ]
    order = {"conflict": 0, "agreed": 1, "single": 2}
    return sorted(facts, key=lambda fact: order[fact.status])
