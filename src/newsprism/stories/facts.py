"""Fact alignment within a story: what every source reports, what only one does, and where they differ.

Each article is broken into claims that carry a comparable value, and claims of different sources
are lined up when they say the same thing, across languages:
* quotes — lined up by the meaning of the quoted words (cross-lingual embeddings); the value is
  the speaker, so one quote given to two people is a conflict;
* counts — a number with its unit ("1.200 Menschen", "1,500 residents", "30-tägige", "240 Millionen
  Euro"), lined up by unit and by the meaning of their sentences; the value is the number;
* dates — a resolved date in sentences that mean the same ("crest on Thursday" / "peak on Friday")
  and, where both name actors, share one;
* events — same PLOVER type, source and target actors (an account naming no target agrees with the
  one that names it); the value is whether it happened and when;
* people and places — named by some sources and not by others;
* sentences — what one source reports that no other source's sentence comes close to.
A source is an outlet: two articles of one outlet count once. A claim found in one source only is
``single``; claims of two or more sources are ``agreed`` when their values match, else ``conflict``.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from newsprism.extract import find_dates
from newsprism.model import Actor, Article, Fact, Mention
from newsprism.stories.embed import DIMENSIONS, embed
from newsprism.stories.vectors import ArticleVectors

# Cosines of USE embeddings. A quote and its translation score 0.6-0.9, two different quotes of
# one story about 0.2; a sentence and its free translation 0.45-0.6, unrelated sentences 0.1-0.3.
QUOTE_MATCH = 0.5  # two quotes are the same quote
SENTENCE_MATCH = 0.3  # two sentences holding a count of one unit, or a date of one grain, say the same
SAME_VALUE_BONUS = 0.15
REPORTED_MATCH = 0.4  # two sources report the same speaker saying the same (true pairs 0.41-0.63)
# Two different dates contradict each other only in sentences that say nearly the same (cosine ≥
# 0.5): a story's other statements of another day ("erklärte am Dienstag") are no rival.
DIFFERENT_DATE_PENALTY = 0.2
# A story names the same few days again and again ("am Mittwoch" sagte X, "am Mittwoch" reiste Y):
# two dated sentences that both name actors are one statement only if they share one, or read
# almost as translations of each other.
DATE_ALONE_MATCH = 0.45
SINGLE_BELOW = 0.35  # a sentence no other source's sentence comes this close to is reported by one
MAX_STATEMENT = 140
NOT_HAPPENED = "did not happen"

UNIT_WORDS: dict[str, str] = {
    **dict.fromkeys("menschen personen leute anwohner anwohnerinnen einwohner bewohner people persons residents "
                    "inhabitants civilians zivilisten demonstranten demonstrantinnen protesters demonstrators".split(),
                    "people"),
    **dict.fromkeys("einsatzkräfte helfer helferinnen feuerwehrleute rettungskräfte workers firefighters "
                    "volunteers rescuers responders".split(), "emergency workers"),
    **dict.fromkeys("polizisten polizistinnen polizeibeamte police officers policemen".split(), "police"),
    **dict.fromkeys("tote todesopfer dead killed deaths".split(), "dead"),
    **dict.fromkeys("verletzte injured wounded".split(), "injured"),
    **dict.fromkeys("soldaten soldiers troops".split(), "soldiers"),
    **dict.fromkeys("gefangene gefangenen häftlinge prisoners captives detainees inmates".split(), "prisoners"),
    **dict.fromkeys("geiseln hostages".split(), "hostages"),
    **dict.fromkeys("flüchtlinge geflüchtete migranten refugees migrants".split(), "refugees"),
    **dict.fromkeys("beschäftigte mitarbeiter mitarbeiterinnen employees staff".split(), "employees"),
    **dict.fromkeys("arbeitsplätze jobs".split(), "jobs"),
    **dict.fromkeys("haushalte households".split(), "households"),
    **dict.fromkeys("häuser gebäude wohnungen homes houses buildings".split(), "buildings"),
    **dict.fromkeys("schiffe ships vessels frachter".split(), "ships"),
    **dict.fromkeys("panzer tanks".split(), "tanks"),
    **dict.fromkeys("raketen marschflugkörper missiles rockets".split(), "missiles"),
    **dict.fromkeys("drohnen drones".split(), "drones"),
    **dict.fromkeys("mitglieder mitgliedsstaaten members states staaten länder countries".split(), "members"),
    **dict.fromkeys("stimmen votes".split(), "votes"),
    **dict.fromkeys("sitze seats".split(), "seats"),
    **dict.fromkeys("euro euros eur €".split(), "euros"),
    **dict.fromkeys("dollar dollars usd $".split(), "dollars"),
    **dict.fromkeys("meter metern metres meters".split(), "metres"),
    **dict.fromkeys("kilometer kilometern kilometres kilometers km".split(), "kilometres"),
    **dict.fromkeys(["quadratkilometer", "quadratkilometern", "km²", "square kilometres", "square kilometers"],
                    "square kilometres"),
    **dict.fromkeys("hektar hectares".split(), "hectares"),
    **dict.fromkeys(["kubikmeter", "kubikmetern", "m³", "cubic metres", "cubic meters"], "cubic metres"),
    **dict.fromkeys("liter litern litres liters".split(), "litres"),
    **dict.fromkeys("barrel barrels".split(), "barrels"),
    **dict.fromkeys("tonnen tonnes tons".split(), "tonnes"),
    **dict.fromkeys("kilogramm kilo kilograms kg".split(), "kilograms"),
    **dict.fromkeys("minuten minutes".split(), "minutes"),
    **dict.fromkeys("stunden stündige stündigen stündiger stündiges hours hour".split(), "hours"),
    **dict.fromkeys("tage tagen tägige tägigen tägiger tägiges days day".split(), "days"),
    **dict.fromkeys("wochen wöchige wöchigen weeks week".split(), "weeks"),
    **dict.fromkeys("monate monaten monatige monatigen monatiger monatiges months month".split(), "months"),
    **dict.fromkeys("jahre jahren jährige jährigen jähriger jähriges years year".split(), "years"),
    **dict.fromkeys("prozent percent %".split(), "percent"),
}  # fmt: skip
MULTIPLIERS = {"tausend": 1e3, "thousand": 1e3, "millionen": 1e6, "million": 1e6, "mio": 1e6, "milliarden": 1e9,
               "billion": 1e9, "bn": 1e9, "mrd": 1e9, "billionen": 1e12}  # fmt: skip
NUMBER_WORDS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
                "zehn": 10, "elf": 11, "zwölf": 12, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12}  # fmt: skip
# a number glued to letters is part of a word ("1990er Jahre", "zweite"), not a count
_NUMBER = (
    r"(?P<number>\d{1,3}(?:[.,]\d{3})+(?![\d])|\d+(?:[.,]\d{1,2})?(?![\d.,]\d)|"
    + "|".join(NUMBER_WORDS)
    + r")(?![^\W\d])"
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")  # a year in a count's sentence sets when the count holds
SAME_EVENT_DAYS = 60  # two days further apart are two events, never one told two ways
OWN_DAYS = 7  # a day less than a week before the article may be the story's own ("am Sonntag")
_MULTIPLIER = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
_COUNT = re.compile(
    rf"(?i)(?<![\w.,-]){_NUMBER}(?:\s*(?P<mult>{_MULTIPLIER})\b\.?)?\s*(?:-\s*)?"
    rf"(?:(?:[^\W\d]+\s+){{0,2}}?)(?P<unit>{'|'.join(sorted(map(re.escape, UNIT_WORDS), key=len, reverse=True))})"
    r"(?![\w])"
)


@dataclass(slots=True)
class _Claim:
    kind: str
    source: str
    value: str
    mention: Mention
    vector: np.ndarray | None = None
    detail: str = ""
    statement: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    actors: frozenset[str] = frozenset()  # the actors its sentence names


def _source(article: Article) -> str:
    return article.source or Path(article.path).name


def _number(match: re.Match[str]) -> float:
    raw = match.group("number").lower()
    if raw in NUMBER_WORDS:
        value = float(NUMBER_WORDS[raw])
    elif re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        value = float(re.sub(r"[.,]", "", raw))
    else:
        value = float(raw.replace(",", "."))
    return value * MULTIPLIERS.get((match.group("mult") or "").lower(), 1)


def _readable(value: float) -> str:
    """A count as people read it: "31 billion", "1.5 million", "1200"."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:g} {word}"
    return f"{value:g}"


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_STATEMENT else text[: MAX_STATEMENT - 1].rsplit(" ", 1)[0] + " …"


def _in_sentence(mention: Mention, sentence: str) -> str:
    """A number's or date's statement: the value, then its sentence ("im März 2022 — Direkte
    Gespräche …"), so that two values of one sentence are two different rows."""
    return _clip(f"{mention.text} — {sentence}")


class _Sentences:
    """An article's sentences with their vectors, to find the one around an offset."""

    def __init__(self, article: Article, vectors: ArticleVectors | None) -> None:
        self.article = article
        self.spans = vectors.spans if vectors else []
        self.vectors = vectors.sentences if vectors else np.zeros((0, DIMENSIONS), dtype=np.float32)

    def at(self, position: int) -> int | None:
        return next((i for i, (s, e) in enumerate(self.spans) if s <= position < e), None)

    def text(self, index: int) -> str:
        start, end = self.spans[index]
        return self.article.text[start:end]

    def actors(self, index: int) -> frozenset[str]:
        """The actors linked in sentence ``index``: people, organisations, places."""
        start, end = self.spans[index]
        return frozenset(e.actor_id for e in self.article.entities if e.actor_id and start <= e.start < end)


def _grain(value: str) -> str:
    """Only dates of one grain are compared: a day with a day, a year with a year."""
    if "/" in value:
        return "interval"
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "other")


def _past(value: str, published: date) -> bool:
    """A resolved date before the story's own time: a day a week or more before the article, or a
    week, month or year that ended before it ("vergangene Woche", "last month"; not "am Sonntag"
    in Tuesday's paper, nor "seit drei Wochen", which runs up to it)."""
    end = value.split("/")[-1]
    days = OWN_DAYS if _grain(value) == "day" else 1
    return end < (published - timedelta(days=days)).isoformat()[: len(end)]


def _era(sentence: str, dates: list[str], published: date | None) -> str:
    """When a count holds: the years its sentence names other than the article's own ("the 1959
    treaty allotted 55.5 billion") and its past dates ("two people were wounded last week"). Empty
    for the story's own time."""
    own = str(published.year) if published else None
    past = {value for value in dates if published and _past(value, published)}
    return " ".join(sorted((set(_YEAR.findall(sentence)) - {own}) | past))


def _value_claims(article: Article, sentences: _Sentences) -> list[_Claim]:
    """Counts and dates, each with the vector of its sentence."""
    claims: list[_Claim] = []
    source = _source(article)
    published = article.published_day
    dates = find_dates(article.text, published)
    for match in _COUNT.finditer(article.text):
        index = sentences.at(match.start())
        if index is None:
            continue
        unit = UNIT_WORDS[match.group("unit").lower()]
        mention = Mention(article.id, match.start(), match.end(), match.group(0))
        claim = _Claim("count", source, _readable(_number(match)), mention, sentences.vectors[index], unit,
                       _in_sentence(mention, sentences.text(index)))  # fmt: skip
        start, end = sentences.spans[index]
        claim.extra["era"] = _era(sentences.text(index), [d.value for d in dates if start <= d.start < end], published)
        claims.append(claim)
    for found in dates:
        index = sentences.at(found.start)
        if index is None:
            continue
        mention = Mention(article.id, found.start, found.end, found.text)
        claims.append(_Claim("date", source, found.value, mention, sentences.vectors[index], _grain(found.value),
                             _in_sentence(mention, sentences.text(index)), actors=sentences.actors(index)))  # fmt: skip
    return claims


def _quote_claims(articles: list[Article], names: dict[str, str], direct: bool = True) -> list[_Claim]:
    """Direct quotes, or reported speech whose speaker is a known actor ("Der Kreml sagte, …")."""
    quotes = [
        (article, quote)
        for article in articles
        for quote in article.quotes
        if quote.direct == direct and (direct or quote.speaker_actor_id)
    ]
    vectors = embed([quote.text for _, quote in quotes])
    claims = []
    for (article, quote), vector in zip(quotes, vectors, strict=True):
        # a speaker no actor was found for ("die Senatorin", "ein Sprecher") is unknown, not a rival
        speaker = names.get(quote.speaker_actor_id, quote.speaker_text or "") if quote.speaker_actor_id else ""
        mention = Mention(article.id, quote.start, quote.end, quote.text)
        said = f"„{_clip(quote.text)}“" if direct else f"{speaker}: {_clip(quote.text)}"
        claims.append(_Claim("quote", _source(article), speaker, mention, vector, "", said))
    return claims


ABSENCE_TYPE = "CONSULT"  # taking part in talks, a visit or a meeting; negated, staying away


def _event_claims(articles: list[Article], names: dict[str, str]) -> list[_Claim]:
    claims = []
    for article in articles:
        for event in article.events:
            if not event.source_actor_id or event.modality in ("possible", "conditional", "demanded"):
                continue
            who = names.get(event.source_actor_id, event.source_text or event.source_actor_id)
            whom = f" → {names.get(event.target_actor_id, event.target_text or '')}" if event.target_actor_id else ""
            mention = Mention(article.id, event.start, event.end, article.text[event.start : event.end])
            detail = f"{event.type}:{event.source_actor_id}:{event.target_actor_id or ''}"
            value = NOT_HAPPENED if event.negated else "happened"
            claim = _Claim("event", _source(article), value, mention, None, detail, f"{who}: {event.type}{whom}")
            claim.extra.update(
                date=event.date or "",
                act=f"{event.type}:{event.source_actor_id}",
                target=event.target_actor_id or "",
                announced="yes" if event.future or event.modality == "intended" else "",
            )
            claims.append(claim)
    return claims


def _event_groups(claims: list[_Claim]) -> list[list[_Claim]]:
    """Events lined up by type, source and target, each source's first claim. One source's event
    with no target ("beide hätten sich beraten") joins the one event of that type and source that
    names a target ("er habe sich mit Rubio beraten") when both say it happened, or both that it
    did not: a less specific account can agree, never contradict."""
    told: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        told[(claim.detail, claim.source)].add(claim.value)
    firsts: dict[str, dict[str, _Claim]] = defaultdict(dict)
    # a source that tells it both ways ("Russia struck …", "Russia did not target …") gives it no value
    for claim in claims:
        mixed = len(told[(claim.detail, claim.source)]) > 1
        firsts[claim.detail].setdefault(claim.source, replace(claim, value="") if mixed else claim)
    groups = {detail: list(first.values()) for detail, first in firsts.items()}
    for detail, group in list(groups.items()):
        vague = group[0]
        if vague.extra["target"] or len(group) > 1:
            continue
        targeted = [g for g in groups.values() if g[0].extra["act"] == vague.extra["act"] and g[0].extra["target"]]
        if len(targeted) == 1 and all(c.source != vague.source and c.value == vague.value for c in targeted[0]):
            targeted[0].append(vague)
            del groups[detail]
    return _absences_joined(list(groups.values()))


def _by_tense(group: list[_Claim]) -> list[list[_Claim]]:
    """What one source announces ("Egypt will not sign an agreement") and what another reports
    as done ("Egypt agreed in Vienna") are two facts, not a conflict: split a group whose values
    differ where the announced and the reported claims each agree among themselves."""
    announced = [claim for claim in group if claim.extra["announced"]]
    reported = [claim for claim in group if not claim.extra["announced"]]
    values = [{claim.value for claim in part} for part in (announced, reported)]
    if announced and reported and len(values[0]) == len(values[1]) == 1 and values[0] != values[1]:
        return [announced, reported]
    return [group]


def _absences_joined(groups: list[list[_Claim]]) -> list[list[_Claim]]:
    """One actor's absence told with different targets ("nicht an den Gesprächen zwischen Berlin und
    Paris teilnehmen", "nicht nach Frankreich reisen") is one fact: a meeting's parties or place are
    how a source names it, not who else was missed. Only where every account says it did not
    happen and no source tells it twice."""
    by_act: dict[str, list[list[_Claim]]] = defaultdict(list)
    kept = []
    for group in groups:
        absent = group[0].extra["act"].startswith(f"{ABSENCE_TYPE}:") and all(c.value == NOT_HAPPENED for c in group)
        (by_act[group[0].extra["act"]] if absent else kept).append(group)
    for same in by_act.values():
        sources = [claim.source for group in same for claim in group]
        if len(same) > 1 and len(sources) == len(set(sources)):
            first, *rest = [claim for group in same for claim in group]  # named without the targets
            kept.append([replace(first, statement=first.statement.split(" → ", 1)[0]), *rest])
        else:
            kept.extend(same)
    return kept


def _named_claims(articles: list[Article], names: dict[str, str]) -> list[_Claim]:
    """People and places each source names (who took part, where it happened)."""
    claims = []
    for article in articles:
        seen = set()
        for entity in article.entities:
            if entity.label in ("PER", "LOC") and entity.actor_id and entity.actor_id not in seen:
                seen.add(entity.actor_id)
                mention = Mention(article.id, entity.start, entity.end, entity.text)
                name = names.get(entity.actor_id, entity.text)
                claims.append(_Claim("person", _source(article), "named", mention, None, entity.actor_id,
                                     f"{name} is named"))  # fmt: skip
    return claims


def _group(claims: list[_Claim], scores: np.ndarray, threshold: float) -> list[list[_Claim]]:
    """Greedy alignment: each claim joins the group whose members of other sources it matches best
    (at least ``threshold``; ``scores[i, j]``: how well claim i matches claim j); a group keeps one
    claim per source, the better matching one, and the claim it drops opens a group of its own.
    The best group is the one holding the best matching claim, so each claim costs one row of
    ``scores``, not a pass over every group (stories of hundreds of articles stay fast)."""
    source_ids = {source: n for n, source in enumerate(dict.fromkeys(claim.source for claim in claims))}
    sources = np.array([source_ids[claim.source] for claim in claims], dtype=np.int32)
    group_of = np.full(len(claims), -1, dtype=np.int32)
    groups: list[list[int]] = []

    def fit(member: int, group: list[int]) -> float:
        others = [other for other in group if sources[other] != sources[member]]
        return float(scores[member, others].max()) if others else -1.0

    def open_group(member: int) -> None:
        group_of[member] = len(groups)
        groups.append([member])

    for index in range(len(claims)):
        candidates = np.where((group_of >= 0) & (sources != sources[index]), scores[index], -np.inf)
        top = candidates.max(initial=-np.inf)
        if top < threshold:
            open_group(index)
            continue
        tied = np.flatnonzero(candidates == top)
        best = int(tied[np.argmax(group_of[tied])])  # on a tie the later group, as a pass over groups would
        group = groups[group_of[best]]
        rival = next((member for member in group if sources[member] == sources[index]), None)
        if rival is None:
            group.append(index)
            group_of[index] = group_of[best]
        elif fit(rival, group) < candidates[best]:
            group[group.index(rival)] = index
            group_of[index] = group_of[best]
            open_group(rival)
        else:
            open_group(index)
    # a claim that opened its own group before the one it matches had formed joins it now ("45
    # Tage" came before the "40-day" / "40-tägige" pair it contradicts): one row of scores each
    sizes = np.array([len(group) for group in groups], dtype=np.int32)
    for number, group in enumerate(groups):
        if len(group) != 1:
            continue
        (lone,) = group
        candidates = np.where((group_of != number) & (sizes[group_of] > 1), scores[lone], -np.inf)
        for member in np.argsort(-candidates):
            if candidates[member] < threshold:
                break
            joined = int(group_of[member])
            if sources[lone] not in sources[groups[joined]]:
                groups[joined].append(lone)
                group_of[lone], sizes[joined], sizes[number] = joined, sizes[joined] + 1, 0
                group.clear()
                break
    return [[claims[member] for member in group] for group in groups if group]


def _similarities(claims: list[_Claim], same_value: float = 0.0, other_value: float = 0.0) -> np.ndarray:
    """Cosines of the claims' sentence (or quote) vectors, ``same_value`` added where two claims
    hold the same value and ``other_value`` where they differ."""
    vectors = np.stack(
        [claim.vector if claim.vector is not None else np.zeros(DIMENSIONS, np.float32) for claim in claims]
    ) if claims else np.zeros((0, DIMENSIONS), np.float32)  # fmt: skip
    scores = vectors @ vectors.T
    if same_value or other_value:
        values = np.array([claim.value for claim in claims], dtype=object)
        scores += np.where(values[:, None] == values[None, :], np.float32(same_value), np.float32(other_value))
    return scores


def _name_other_actors(claims: list[_Claim]) -> np.ndarray:
    """Pairs of claims whose sentences both name actors, none of them the same (a matrix, built
    from one claim × actor table so that stories with thousands of dates stay fast)."""
    index = {actor: n for n, actor in enumerate({actor for claim in claims for actor in claim.actors})}
    table = np.zeros((len(claims), len(index)), dtype=np.float32)
    for row, claim in enumerate(claims):
        table[row, [index[actor] for actor in claim.actors]] = 1.0
    named = table.any(axis=1)
    return named[:, None] & named[None, :] & ((table @ table.T) == 0)


def _canonical(values: list[str]) -> list[str]:
    """A name given shorter by one source ("Kampmann") is the longer one another gives ("Dörte Kampmann")."""
    longer = sorted(set(values), key=len, reverse=True)
    result = []
    for value in values:
        words = value.split()
        full = next((w for w in longer if words and w.split()[-len(words) :] == words), value)
        result.append(full)
    return result


def _fact(story_id: str, kind: str, group: list[_Claim], values: list[str]) -> Fact:
    values = _canonical(values)
    sources = sorted({claim.source for claim in group})
    distinct = sorted({value for value in values if value})  # an unknown value (speaker) conflicts with none
    status = "single" if len(sources) < 2 else "agreed" if len(distinct) <= 1 else "conflict"
    statement = group[0].statement
    if kind == "event" and status != "conflict" and distinct and distinct[0].startswith(NOT_HAPPENED):
        statement = f"{statement} — {NOT_HAPPENED}"
    if status == "conflict":
        by_value = "; ".join(
            f"{value or '?'}: {', '.join(sorted({c.source for c, v in zip(group, values, strict=True) if v == value}))}"
            for value in sorted(set(values))
        )
        statement = f"{statement} — sources differ ({by_value})"
    key = f"{kind}|{group[0].detail}|{group[0].mention.article_id}|{group[0].mention.start}"
    fact_id = f"{story_id}-{hashlib.sha256(key.encode()).hexdigest()[:10]}"
    return Fact(fact_id, statement, status, [claim.mention for claim in group], kind)


def _single_sentences(
    story_id: str, articles: list[Article], sentences: dict[str, _Sentences], covered: set[tuple[str, int]]
) -> list[Fact]:
    """Sentences of one source that no other source's sentences come close to."""
    facts = []
    for article in articles:
        own = sentences[article.id]
        others = [sentences[a.id].vectors for a in articles if _source(a) != _source(article)]
        if not others or not len(own.vectors):
            continue
        pool = np.concatenate(others)
        if not len(pool):
            continue
        best = (own.vectors @ pool.T).max(axis=1)
        for index, score in enumerate(best):
            if score < SINGLE_BELOW and (article.id, index) not in covered:
                start, end = own.spans[index]
                mention = Mention(article.id, start, end, article.text[start:end])
                claim = _Claim("sentence", _source(article), "", mention, None, "", _clip(mention.text))
                facts.append(_fact(story_id, "sentence", [claim], [""]))
    return facts


def compare_story(
    story_id: str, articles: list[Article], actors: list[Actor], vectors: dict[str, ArticleVectors]
) -> list[Fact]:
    """The facts of one story, each with its mentions in every source and its status; conflicts
    first, then agreed facts, then what only one source reports."""
    names = {actor.id: actor.name for actor in actors}
    sentences = {article.id: _Sentences(article, vectors.get(article.id)) for article in articles}
    facts: list[Fact] = []
    covered: set[tuple[str, int]] = set()

    def keep(kind: str, groups: list[list[_Claim]], value: Callable[[_Claim], str]) -> None:
        for group in groups:
            values = [value(claim) for claim in group]
            facts.append(_fact(story_id, kind, group, values))
            for claim in group:
                index = sentences[claim.mention.article_id].at(claim.mention.start)
                if index is not None:
                    covered.add((claim.mention.article_id, index))

    quotes = _quote_claims(articles, names)
    keep("quote", _group(quotes, _similarities(quotes), QUOTE_MATCH), lambda c: c.value)
    # reported speech is paraphrased more freely than a quote is translated, and two people say
    # alike things: one speaker's statements in two sources agree (cosine ≥ REPORTED_MATCH); one
    # found in a single source is left to the sentences below, which another source's sentence
    # without a cue may match
    reported = _quote_claims(articles, names, direct=False)
    speakers = np.array([claim.value for claim in reported], dtype=object)
    scores = np.where(speakers[:, None] == speakers[None, :], _similarities(reported), -np.inf)
    shared = [group for group in _group(reported, scores, REPORTED_MATCH) if len({c.source for c in group}) > 1]
    keep("quote", shared, lambda c: c.value)
    claims = [claim for article in articles for claim in _value_claims(article, sentences[article.id])]
    by_kind: dict[tuple[str, str], list[_Claim]] = defaultdict(list)
    for claim in claims:
        by_kind[(claim.kind, claim.detail)].append(claim)
    for (kind, _), group in by_kind.items():
        # of two similar sentences, the one with the same count or date is more likely the same
        # statement; dates conflict only between sentences close enough to be one statement: a
        # story names many days ("für Donnerstag geplante Gespräche" and "erklärte am Dienstag")
        penalty = -DIFFERENT_DATE_PENALTY if kind == "date" else 0.0
        scores = _similarities(group, SAME_VALUE_BONUS, penalty)
        if kind == "date":
            scores = np.where(_name_other_actors(group) & (_similarities(group) < DATE_ALONE_MATCH), -np.inf, scores)
            if group[0].detail == "day":  # accounts of one event differ by days, not years: 2023's attack is another
                days = np.array([date.fromisoformat(claim.value).toordinal() for claim in group])
                scores = np.where(np.abs(days[:, None] - days[None, :]) > SAME_EVENT_DAYS, -np.inf, scores)
        else:  # "the 1959 agreement allocated 55.5 billion" is another count than today's demand of 40 billion
            eras = np.array([claim.extra["era"] for claim in group], dtype=object)
            scores = np.where(eras[:, None] == eras[None, :], scores, -np.inf)
        keep(kind, _group(group, scores, SENTENCE_MATCH), lambda c: c.value)
    for chosen in [part for group in _event_groups(_event_claims(articles, names)) for part in _by_tense(group)]:
        dates = {c.extra["date"] for c in chosen if c.extra["date"]}
        dated = len({c.source for c in chosen if c.extra["date"]}) >= 2 and len(dates) > 1
        keep("event", [chosen], lambda c, dated=dated: c.value + (f" {c.extra['date']}" if dated else ""))
    named: dict[str, list[_Claim]] = defaultdict(list)
    for claim in _named_claims(articles, names):
        named[claim.detail].append(claim)
    for group in named.values():
        keep("named", [group], lambda c: c.value)
    facts.extend(_single_sentences(story_id, articles, sentences, covered))
    order = {"conflict": 0, "agreed": 1, "single": 2}
    return sorted(facts, key=lambda fact: order[fact.status])
