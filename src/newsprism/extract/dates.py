"""Dates in news text, resolved against the publication date.

dateparser returns nothing for much of what news writes ("am Donnerstag", "am späten Mittwoch",
"am 12. Mai"), so these rules are newsprism's own. A weekday without a date is the coming one when
the sentence speaks of the future ("wird am Donnerstag teilnehmen", "kommenden", "next", "will") and
the last one otherwise (news mostly reports what happened). Values are ISO 8601: a day
(``2025-05-15``), a month (``2022-03``), a year (``2022``) or an interval (``2025-05-05/2025-05-11``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newsprism.model import Quote
from newsprism.months import MONTH_NUMBERS

WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "ein": 1, "einem": 1, "einer": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "a": 1, "an": 1, "one": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
RELATIVE_DAYS = {
    "heute": 0, "today": 0, "gestern": -1, "yesterday": -1, "vorgestern": -2, "morgen": 1, "tomorrow": 1,
    "übermorgen": 2, "tonight": 0,
}  # fmt: skip
_UNITS = r"(?P<unit>tag|tagen|woche|wochen|monat|monaten|jahr|jahren|day|days|week|weeks|month|months|year|years)"
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(NUMBERS) + r")"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")"
_FUTURE_WORDS = re.compile(
    r"(?i)\b(?:wird|werden|wirst|werde|soll|sollen|will|wollen|plant|planen|geplant|kommende[nrs]?|nächste[nrs]?"
    r"|will|shall|is due|are due|plans? to|is set to|are set to|next|upcoming|scheduled|erwartet|erwarten|expected"
    r"|expect|expects|forecast|rechnen mit|rechnet mit)\b"
)
_PAST_WORDS = re.compile(
    r"(?i)\b(?:hatte|hatten|hat|haben|war|waren|wurde|wurden|sagte|sagten|erklärte|erklärten|betonte|teilte|"
    r"kündigte|berichtete|bestätigte|traf|trafen|had|has|have|was|were|said|told|\w{3,}ed)\b"
)
# An intention in a zu-infinitive ("kündigte an, am Montag nach Brüssel zu reisen"), not a perfect
# one ("bestritt, am Montag dort gewesen zu sein")
_INTENDED = re.compile(r"(?i)\bzu\s+(?!haben\b|sein\b|werden\b)[a-zäöüß]+en\b")
_AHEAD = re.compile(
    r"(?i)\b(?:für|bis|ab|for|until|by|from|ahead of|vor dem|before)\s+(?:den\s+|dem\s+|kommenden\s+)?$"
)
_CLAUSE_BREAK = re.compile(r"[,;:–]|\b(?:dass|that|und|and|but|aber|weil|because)\b")
_DURATION_BEFORE = re.compile(r"(?i)\b(?:first|erste[nrsm]?|zum ersten mal)\b[^.]{0,40}$")
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "day_month_year",
        re.compile(rf"(?i)\b(?P<day>\d{{1,2}})\.?\s+{_MONTH}\.?(?:\s+(?P<year>\d{{4}}))?\b"),
    ),
    (
        "month_day_year",
        re.compile(  # "July 18–19, 2023", "July 18 and 19, 2023": the first day, in the year after them
            rf"(?i)\b{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:\s*(?:[-–]|and|to)\s*\d{{1,2}}(?:st|nd|rd|th)?(?=,?\s+\d{{4}}))?"
            rf"(?:,?\s+(?P<year>\d{{4}}))?\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b")),
    ("numeric", re.compile(r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})\b")),
    ("month_year", re.compile(rf"(?i)\b(?:im\s+|in\s+)?{_MONTH}\s+(?P<year>\d{{4}})\b")),
    ("ago", re.compile(rf"(?i)\bvor\s+{_NUMBER}\s+{_UNITS}\b")),
    ("ago", re.compile(rf"(?i)\b{_NUMBER}\s+{_UNITS}\s+ago\b")),
    ("since", re.compile(rf"(?i)\b(?:seit|for the (?:past|last))\s+{_NUMBER}\s+{_UNITS}\b")),
    ("in_n", re.compile(rf"(?i)\b(?:in|binnen|within)\s+{_NUMBER}\s+{_UNITS}\b")),
    (
        "week",
        re.compile(
            r"(?i)\b(?P<which>letzte[nr]?|vergangene[nr]?|vorige[nr]?|last|diese[nr]?|this|nächste[nr]?|kommende[nr]?|next)"
            r"\s+(?P<unit>woche|week|monat|month|jahr|jahres|year)\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"(?i)\b(?:(?P<which>letzte[nr]?|vergangene[nr]?|vorige[nr]?|last|kommende[nr]?|nächste[nr]?|next|this)\s+)?"
            rf"(?:am\s+|on\s+)?(?:(?:frühen|späten|early|late)\s+)?{_WEEKDAY}(?:s)?"
            r"(?P<part>morgen|vormittag|mittag|nachmittag|abend|nacht|morning|afternoon|evening|night)?\b"
        ),
    ),
    (
        "weekend",
        re.compile(
            r"(?i)\b(?:am|this|over the|at the|on the|am\s+(?P<which>kommenden|nächsten|vergangenen|letzten)|"
            r"(?P<which2>next|last|coming))\s+(?:wochenende|weekend)\b"
        ),
    ),
    ("this_year", re.compile(r"(?i)\b(?:in diesem jahr|dieses jahr|diesen jahres|this year)\b")),
    ("relative_day", re.compile(r"(?i)\b(?P<rel>" + "|".join(RELATIVE_DAYS) + r")\b")),
    ("year", re.compile(r"(?i)\b(?:im\s+jahr(?:e)?\s+|in\s+)(?P<year>(?:19|20)\d{2})\b")),
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBERS[text.lower()]


def _shift(published: date, amount: int, unit: str) -> str:
    unit = unit.lower()
    if unit.startswith(("tag", "day")):
        return (published + timedelta(days=amount)).isoformat()
    if unit.startswith(("woche", "week")):
        start = published + timedelta(weeks=amount)
        return (
            (start - timedelta(days=start.weekday())).isoformat()
            + "/"
            + (start + timedelta(days=6 - start.weekday())).isoformat()
        )
    if unit.startswith(("monat", "month")):
        month = published.month - 1 + amount
        return f"{published.year + month // 12:04d}-{month % 12 + 1:02d}"
    return f"{published.year + amount:04d}"


def _minus(published: date, amount: int, unit: str) -> date:
    """The day ``amount`` units before ``published`` ("seit drei Jahren" starts then)."""
    unit = unit.lower()
    if unit.startswith(("tag", "day")):
        return published - timedelta(days=amount)
    if unit.startswith(("woche", "week")):
        return published - timedelta(weeks=amount)
    months = amount * (1 if unit.startswith(("monat", "month")) else 12)
    month_index = published.year * 12 + published.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(published.day, 28 if month + 1 == 2 else 30 if month + 1 in (4, 6, 9, 11) else 31)
    return date(year, month + 1, day)


def _future(text: str, start: int, end: int) -> bool:
    """Whether the date speaks of the future: the tense of its own clause ("erklärte am Dienstag, …
    werde" is past), then words just before it ("bis Montag", "for Friday"), then the sentence."""
    sentence_start = start - len(_sentence_before(text, start))
    before = text[sentence_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause_start = sentence_start + (breaks[-1].end() if breaks else 0)
    after = _sentence_around(text, start, end)[start - sentence_start :]
    following = _CLAUSE_BREAK.search(after)
    clause = text[clause_start:start] + " " + (after[: following.start()] if following else after)
    if _FUTURE_WORDS.search(clause) or _INTENDED.search(clause):
        return True
    if _PAST_WORDS.search(clause):
        return False
    if _AHEAD.search(before):
        return True
    return bool(_FUTURE_WORDS.search(_sentence_around(text, start, end)))


def _sentence_before(text: str, start: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start))
    return text[left + 1 : start]


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start))
    right = min((i for i in (text.find(".", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[left + 1 : right]


def _weekday(published: date, weekday: int, which: str | None, future: bool) -> str:
    which = (which or "").lower()
    if which.startswith(("letzte", "vergangene", "vorige", "last")):
        days = (published.weekday() - weekday) % 7 or 7
        return (published - timedelta(days=days)).isoformat()
    if which.startswith(("kommende", "nächste", "next")) or future:
        days = (weekday - published.weekday()) % 7
        if which and days == 0:
            days = 7
        return (published + timedelta(days=days)).isoformat()
    days = (published.weekday() - weekday) % 7
    return (published - timedelta(days=days)).isoformat()


def _full_date(published: date | None, year: str | None, month: int, day: int, future: bool) -> str | None:
    if year:
        candidate_year = int(year)
    elif published is None:
        return f"--{month:02d}-{day:02d}"
    else:
        candidate_year = published.year
    try:
        value = date(candidate_year, month, day)
    except ValueError:
        return None
    if not year and published is not None:
        # "am 12. Mai" without a year: the nearest such day in the direction the sentence speaks of
        if future and value < published - timedelta(days=7):
            value = value.replace(year=value.year + 1)
        elif not future and value > published + timedelta(days=31):
            value = value.replace(year=value.year - 1)
    return value.isoformat()


def _value(kind: str, match: re.Match[str], published: date | None, future: bool) -> str | None:
    groups = match.groupdict()
    if kind in ("day_month_year", "month_day_year"):
        return _full_date(
            published, groups.get("year"), MONTH_NUMBERS[groups["month"].lower()], int(groups["day"]), future
        )
    if kind in ("iso", "numeric"):
        return _full_date(published, groups["year"], int(groups["mon"]), int(groups["day"]), future)
    if kind == "month_year":
        return f"{int(groups['year']):04d}-{MONTH_NUMBERS[groups['month'].lower()]:02d}"
    if kind == "year":
        return groups["year"]
    if published is None:
        return None
    if kind == "ago":
        if groups["unit"].lower().startswith(("woche", "week")):
            return (published - timedelta(weeks=_number(groups["n"]))).isoformat()  # a day, not a week
        return _shift(published, -_number(groups["n"]), groups["unit"])
    if kind == "since":
        return f"{_minus(published, _number(groups['n']), groups['unit']).isoformat()}/{published.isoformat()}"
    if kind == "in_n":
        return _shift(published, _number(groups["n"]), groups["unit"])
    if kind == "week":
        which = groups["which"].lower()
        step = -1 if which.startswith(("letzte", "vergangene", "vorige", "last")) else 0
        step = 1 if which.startswith(("nächste", "kommende", "next")) else step
        return _shift(published, step, groups["unit"])
    if kind == "weekday":
        return _weekday(published, WEEKDAYS[groups["weekday"].lower()], groups.get("which"), future)
    if kind == "relative_day":
        return (published + timedelta(days=RELATIVE_DAYS[groups["rel"].lower()])).isoformat()
    if kind == "this_year":
        return f"{published.year:04d}"
    if kind == "weekend":
        which = (groups.get("which") or groups.get("which2") or "").lower()
        ahead = which.startswith(("kommend", "nächst", "next", "coming")) or (future and not which)
        if which.startswith(("vergangen", "letzt", "last")):
            ahead = False
        saturday = _weekday(published, 5, "next" if ahead else "last", ahead)
        sunday = date.fromisoformat(saturday) + timedelta(days=1)
        return f"{saturday}/{sunday.isoformat()}"
    return None


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in ``text`` with its resolved value, leftmost-longest, no overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if kind == "relative_day" and match.group(0).lower() == "morgen" and text[end : end + 1] == "s":
                continue
            if kind == "in_n" and _DURATION_BEFORE.search(text, max(0, start - 60), start):
                continue  # "the first meeting in seven years" is a duration
            future = _future(text, start, end)
            value = _value(kind, match, published, future)
            if value:
                found.append(DateMention(start, end, match.group(0), value))
                taken.append((start, end))
    return sorted(found, key=lambda mention: mention.start)


def date_quotes(text: str, quotes: list[Quote], dates: list[DateMention]) -> list[Quote]:
    """Each quote with the date its sentence gives ("sagte am Donnerstag"), if any: the date nearest
    to the quote within its sentence, outside the quoted words first."""
    dated = []
    for quote in quotes:
        first = max(text.rfind(". ", 0, quote.start), text.rfind("\n", 0, quote.start)) + 1
        ends = [i for i in (text.find(". ", quote.end), text.find("\n", quote.end)) if i != -1]
        last = min(ends) if ends else len(text)
        around = [d for d in dates if first <= d.start < last and not quote.start <= d.start < quote.end]
        within = [d for d in dates if quote.start <= d.start < quote.end]
        candidates = around or within
        if candidates:
            nearest = min(candidates, key=lambda d: min(abs(d.start - quote.start), abs(d.start - quote.end)))
            quote = replace(quote, date=nearest.value)
        dated.append(quote)
    return dated
