"""Quotes and their speakers: direct quotes in every quotation style, and reported speech.

Rules over the repaired text and the linked entities (which include title mentions such as "der
Kremlchef"): a direct quote's speaker is the person next to a speech verb right after the quote
(„…“, sagte Selenskyj), or before it in the same sentence (Selenskyj sagte: „…“); "er"/"sie"/"he"/
"she" as the speaker is the person named last before the quote. Reported speech is a sentence with a
speech verb and a subject ("Lula sagte, er werde …", "X erklärte, dass …") or an attribution phrase
("laut X", "X zufolge", "according to X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.model import Entity, Quote

SPEECH_VERBS = (
    "sagte|sagten|sagt|sage|erklärte|erklärten|erklärt|betonte|betonten|betont|warnte|warnten|warnt|"
    "fügte|fügten|forderte|forderten|fordert|teilte|teilten|schrieb|schrieben|meinte|meinten|bekräftigte|"
    "versicherte|kündigte|bestätigte|bestätigten|räumte|sprach|fragte|antwortete|kritisierte|verlangte|"
    "appellierte|mahnte|drohte|behauptete|argumentierte|unterstrich|ergänzte|hieß|rief|riefen|nannte|"
    "gesagt|erklärt|betont|gewarnt|gefordert|herausgefordert|vorgeschlagen|angekündigt|bezeichnet|bezeichnete|"
    "schlug|bekräftigt|versichert|"
    "said|says|told|tells|warned|warns|added|adds|stressed|insisted|wrote|writes|asked|declared|argued|"
    "claimed|noted|announced|explained|urged|demanded|replied|continued"
)
_CUE = re.compile(rf"(?i)\b(?P<cue>{SPEECH_VERBS})\b")
_QUOTES = re.compile(
    r"„(?P<a>[^„“\"]{2,1500}?)[“\"]"
    r"|“(?P<b>[^“”\"]{2,1500}?)[”\"]"
    r"|»(?P<c>[^»«]{2,1500}?)«"
    r"|«(?P<d>[^«»]{2,1500}?)»"
    r"|(?<![\w])\"(?P<e>[^\"\n]{2,1500}?)\"(?![\w])"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"“”»«]?\s+|\n+")
MIN_WORDS = 2
PRONOUN_REACH = 12
WINDOW = 80


@dataclass(slots=True)
class _Span:
    start: int
    end: int


def _people(entities: list[Entity]) -> list[Entity]:
    return [e for e in entities if e.label in ("PER", "ORG") and e.actor_id]


def _sentences(text: str) -> list[_Span]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append(_Span(start, match.start()))
        start = match.end()
    spans.append(_Span(start, len(text)))
    return [span for span in spans if span.end > span.start]


def _plural(cue: str) -> bool:
    """ "Sie erklärten": a plural speech verb, whose "sie" is not one person."""
    return cue.lower().endswith("ten") and cue.lower() not in ("betonten", "warnten")  # both forms read alike


class _Speakers:
    """Finds who speaks; "er"/"sie" is the subject (first person named) of the sentence, or of the
    last sentence before it that names one."""

    def __init__(self, text: str, people: list[Entity], sentences: list[_Span]) -> None:
        self.text, self.people = text, people
        self.subjects: list[tuple[int, Entity]] = []
        for sentence in sentences:
            first = next((p for p in people if sentence.start <= p.start < sentence.end and p.label == "PER"), None)
            if first is not None:
                self.subjects.append((sentence.start, first))

    def _person_after(self, position: int) -> Entity | None:
        """A person right after an inverted cue: "sagte Trump", "erklärte der Kreml"."""
        for person in self.people:
            if person.start >= position:
                between = self.text[position : person.start]
                return person if len(between.split()) <= 2 and not re.search(r"[,.;:]", between) else None
        return None

    def _subject_before(self, start: int, position: int) -> Entity | None:
        """The first person of the sentence before ``position``: German and English put the subject first."""
        inside = [p for p in self.people if start <= p.start and p.end <= position]
        return inside[0] if inside else None

    def _antecedent(self, sentence_start: int) -> Entity | None:
        earlier = [entity for start, entity in self.subjects if start < sentence_start]
        return earlier[-1] if earlier else None

    def find(
        self, sentence_start: int, cue: re.Match[str] | None, cue_end: int, before: int
    ) -> tuple[Entity | None, str | None]:
        speaker = self._person_after(cue_end) if cue else None
        if speaker is None:
            speaker = self._subject_before(sentence_start, before)
        if speaker is not None:
            return speaker, speaker.text
        # the pronoun before the cue ("er sagte") or right after it ("sagte er")
        pronoun = re.search(
            r"(?i)\b(er|sie|he|she)\b", self.text[sentence_start : max(before, cue_end) + PRONOUN_REACH]
        )
        antecedent = self._antecedent(sentence_start)
        if pronoun and antecedent is not None and not (cue and _plural(cue.group("cue"))):
            return antecedent, pronoun.group(0)
        return None, None


def _sentence_of(sentences: list[_Span], position: int) -> _Span:
    exact = next((s for s in sentences if s.start <= position < s.end), None)
    return exact or next(
        (s for s in sentences if s.start <= position < s.end + 2), _Span(max(0, position - 200), position)
    )


def _direct(text: str, speakers: _Speakers, sentences: list[_Span]) -> list[Quote]:
    quotes = []
    for match in _QUOTES.finditer(text):
        group = next(name for name in "abcde" if match.group(name) is not None)
        content_start, content_end = match.span(group)
        content = text[content_start:content_end].strip()
        if len(content.split()) < MIN_WORDS:
            continue  # a single quoted word is a label or scare quote, not a statement
        sentence = _sentence_of(sentences, match.start())
        after = text[match.end() : match.end() + WINDOW]
        lead = len(after) - len(after.lstrip(" ,–-"))
        cue = _CUE.match(after, lead) if after[lead:] else None
        cue_end = match.end() + cue.end() if cue else match.start()
        if cue is None:  # a cue elsewhere in the sentence: "X sagte: „…“", "„…“ vorgeschlagen"
            cues = list(_CUE.finditer(text, sentence.start, max(sentence.end, match.end())))
            cue = next((c for c in cues if not match.start() <= c.start() < match.end()), None)
            cue_end = cue.end() if cue else match.start()
        speaker, speaker_text = None, None
        if cue is not None and cue.start() >= match.end():  # "„…“, Karla Brenner said."
            speaker = speakers._subject_before(match.end(), cue.start())
            speaker_text = speaker.text if speaker else None
        if speaker is None:
            speaker, speaker_text = speakers.find(sentence.start, cue, cue_end, match.start())
        if speaker is None and cue is None:
            # a quote standing alone continues the speech of the sentence before ("Lula fügte hinzu, …")
            index = sentences.index(sentence) if sentence in sentences else 0
            previous = sentences[index - 1] if index > 0 else None
            if previous is not None and _CUE.search(text, previous.start, previous.end):
                speaker = speakers._antecedent(sentence.start)
                speaker_text = speaker.text if speaker else None
        quotes.append(
            Quote(
                text=content,
                start=content_start,
                end=content_end,
                speaker_text=speaker_text,
                speaker_actor_id=speaker.actor_id if speaker else None,
                direct=True,
                cue=cue.group("cue") if cue else None,
            )
        )
    return quotes


def _reported(text: str, speakers: _Speakers, sentences: list[_Span], direct: list[Quote]) -> list[Quote]:
    quotes = []
    for sentence in sentences:
        body = text[sentence.start : sentence.end]
        if any(sentence.start <= q.start < sentence.end for q in direct):
            continue
        cue = _CUE.search(text, sentence.start, sentence.end)
        attribution = re.search(r"(?i)\b(?:laut|according to)\b|\bzufolge\b", body)
        if not cue and not attribution:
            continue
        if cue:
            speaker, speaker_text = speakers.find(sentence.start, cue, cue.end(), cue.start())
            clause_start = speaker.end if speaker is not None and speaker.start >= cue.end() else cue.end()
            rest = text[clause_start : sentence.end]
        else:
            anchor = sentence.start + attribution.end()
            speaker = speakers._person_after(anchor) or speakers._subject_before(sentence.start, anchor)
            speaker_text = speaker.text if speaker else None
            rest = body
        clause = re.sub(r"^[\s,:]*(?:hinzu,?|mit,?|an,?|zu,?)?\s*,?\s*(?:dass|that)?\s*", "", rest).strip()
        if speaker is None or len(clause.split()) < 3:
            continue
        start = text.find(clause, sentence.start)
        quotes.append(
            Quote(
                text=clause,
                start=start,
                end=start + len(clause),
                speaker_text=speaker_text,
                speaker_actor_id=speaker.actor_id,
                direct=False,
                cue=cue.group("cue") if cue else attribution.group(0),
            )
        )
    return quotes


def find_quotes(text: str, entities: list[Entity]) -> list[Quote]:
    """Direct and reported quotes of an article, each with its speaker's actor where one is named."""
    sentences = _sentences(text)
    speakers = _Speakers(text, _people(entities), sentences)
    direct = _direct(text, speakers, sentences)
    reported = _reported(text, speakers, sentences, direct)
    return sorted([*direct, *reported], key=lambda quote: quote.start)
