"""newsprism's own spaCy components, registered by name so configs and ``add_pipe`` can use them."""

from __future__ import annotations

import gzip
import itertools
import json
import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from newsprism.months import GERMAN_MONTHS, MONTHS

# Tokens after which a full stop does not end a sentence in German news.
GERMAN_ABBREVIATIONS = frozenset(
    (
        "dr prof st nr abs art bzw ca evtl ggf inkl jh jhd mio mrd tel vgl z b u a o ä usw etc geb gest "
        "hr fr frl dipl ing min max bd bzgl d h i s v chr sog"
    ).split()
)
_ORDINAL = re.compile(r"\d{1,4}\.?")
WRAP_WIDTH = 100  # text with a longer line is written a paragraph per line, not hard-wrapped
HEADING_TOKENS = 20  # a first line this short is the title, not the start of a wrapped sentence

# Words that never begin or end a German name, though a name's neighbour when glue capitalised them.
EDGE_WORDS = frozenset("und oder aber sowie beide beiden auch sich nicht".split())
_ACRONYM_COMPOUND = re.compile(r"[A-ZÄÖÜ]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)+")
SHORT_NAME = 4  # letters: lowercase names this short exist ("dpa", "ots", "ebay")
# Nouns that German puts before a place's own name ("Flughafen Tegel", "Sporthalle Triebischtal"):
# GermEval tags the name after them as LOC and the noun as nothing.
FACILITY_NOUNS = frozenset(
    "flughafen sporthalle stadthalle stadion bahnhof hauptbahnhof schloss kloster burg krankenhaus "
    "klinikum kaserne gefängnis hafen ortsteil stadtteil gemeinde landkreis bezirk provinz".split()
)
# Form → lemma for German (spacy-lookups-data's de_lemma_lookup, MIT, see de_lemma_lookup.LICENSE).
GERMAN_LEMMAS = "de_lemma_lookup.json.gz"
# Where the table beats the trained lemmatizer on held-out UD German (docs/benchmarks.md, "Tagging,
# parsing, lemmas"): verbs above all ("liefert" is not "lieferen"); pronouns and names it does not.
LOOKUP_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN"})

# OntoNotes labels of en_core_web_sm → newsprism's PER, LOC, ORG, MISC; the rest are not names.
ONTONOTES_LABELS: dict[str, str] = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
    "PER": "PER",  # newsprism's own labels (from the known-names ruler) pass through
    "MISC": "MISC",
}


def _ends_paragraph(doc: Doc, index: int, one_per_line: bool) -> bool:
    """Whether the line break ``doc[index]`` ends a paragraph or a heading: a blank line; any line
    break in text written a paragraph per line; else only the break after a short first line (the
    title), since in hard-wrapped text a sentence goes on over the break."""
    if one_per_line or doc[index].text.count("\n") >= 2:
        return True
    first_line = doc[:index]
    return 0 < len(first_line) <= HEADING_TOKENS and not any("\n" in token.text for token in first_line)


DASHES = frozenset({"–", "—", "-", "--"})
DATELINE_TOKENS = 12  # a dateline is short: "WASHINGTON/BERLIN, 12. März 2026 (dpa) –"


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The dash ending a dateline at ``start`` ("Berlin, 12. März 2026 –", "BERLIN (dpa) –",
    "London, March 12 (AP) —"), if one is there: places in capitals, then a date after a comma or
    an agency in brackets, with no lowercase word. The parser would otherwise take the place for
    the subject of the sentence that follows."""
    comma = dated = bracketed = False
    for index in range(start, min(len(doc), start + DATELINE_TOKENS)):
        text = doc[index].text
        if text in DASHES:
            capitals = len(doc[start].text) > 1 and doc[start].text.isupper()
            opens = index + 1 < len(doc) and doc[index + 1].text[:1].isupper()  # not "EU – und damit …"
            return index if index > start and opens and (dated or bracketed or capitals) else None
        month = text.lower().rstrip(".") in MONTHS
        if text in ("(", ")"):
            bracketed = True
        elif month or _ORDINAL.fullmatch(text):
            dated = dated or comma
        elif text == ",":
            comma = True
        elif not (text in ("/", ".") or text[:1].isupper() or (bracketed and text.isalpha())):
            return None  # a lowercase word or a line break: a sentence, not a dateline
    return None


@Language.component("newsprism_sentence_hints")
def sentence_hints(doc: Doc) -> Doc:
    """Mark tokens that never start a sentence, before the parser decides: after an ordinal
    before a month ("am 15. Mai"), after an abbreviation ("Dr. Müller", "z. B."), a lower-case word
    after a full stop, a comma or a closing quote ("Benedikt XVI. betriebene", "„…?!“ hatten"), and
    after an opening quote or bracket; and those that always do: the first after a paragraph break
    or a headline, which the punctuation rules miss (a headline has no full stop), and a capital
    after a full stop and extra spaces."""
    one_per_line = max(len(line) for line in doc.text.split("\n")) > WRAP_WIDTH
    _split_dateline(doc, 0)
    for index in range(1, len(doc)):
        token, previous = doc[index], doc[index - 1]
        if token.is_space:
            token.is_sent_start = False  # a line break belongs to the sentence it ends
            continue
        if previous.is_space and "\n" in previous.text and _ends_paragraph(doc, index - 1, one_per_line):
            token.is_sent_start = True
            _split_dateline(doc, index)
            continue
        if previous.is_space and index >= 2 and doc[index - 2].text in (".", "!", "?") and token.text[:1].isupper():
            token.is_sent_start = True  # "… aufhielt.  Nach …": extra spaces hide the full stop from the parser
            continue
        if previous.text in ("„", "(", "[", "«", "‚"):
            token.is_sent_start = False
            continue
        if previous.text in (",", "“", "»") and token.text[:1].islower():
            token.is_sent_start = False  # „Ein Problem?!“ hatten …, "Ludwig XIV., baute": the sentence goes on
            continue
        # the word before a full stop: "Dr." and "15." as one token, or "Dr" "." as two
        if previous.text == "." and index >= 2:
            stem = doc[index - 2].text
        elif previous.text.endswith(".") and len(previous.text) > 1:
            stem = previous.text[:-1]
        else:
            continue
        lower_case = token.text[:2].isalpha() and token.text[:2].islower()  # not "eBay", "iPhone"
        if (
            stem.lower() in GERMAN_ABBREVIATIONS
            or (_ORDINAL.fullmatch(stem) and token.lower_ in GERMAN_MONTHS)
            or lower_case  # "von Benedikt XVI. betriebene", "dt. etwa": a sentence opens in capitals
        ):
            token.is_sent_start = False
    return doc


def _split_dateline(doc: Doc, start: int) -> None:
    """A paragraph that opens with a dateline: its sentence starts after the dash."""
    end = _dateline_end(doc, start) if len(doc) else None
    if end is not None and end + 1 < len(doc):
        doc[end + 1].is_sent_start = True


@cache
def _german_lemmas() -> dict[str, str]:
    """The lookup table, read on first use (0.5 s, 355,000 forms)."""
    with gzip.open(files("newsprism.nlp").joinpath("data", GERMAN_LEMMAS).open("rb"), "rt", encoding="utf-8") as table:
        return json.load(table)


@Language.component("newsprism_lemma_lookup")
def lemma_lookup(doc: Doc) -> Doc:
    """Lemmas of German verbs, adjectives and nouns from a lookup table where it has the word: the
    lemmatizer trained on 2,200 sentences guesses unseen verbs badly ("demonstrierten" →
    "demonstriern"), and a wrong lemma hides an event verb."""
    table = _german_lemmas()
    for token in doc:
        if token.pos_ in LOOKUP_POS and (lemma := table.get(token.text)) is not None:
            token.lemma_ = lemma
    return doc


def _name_part_compound(ent: Span) -> bool:
    """One word of an acronym and nouns: a compound with a name in it ("FDP-Chef", "EU-Verträgen",
    "SPD-Fraktionsvorsitzende"), which GermEval calls ORGpart, not a name. Known names such as
    "EU-Kommission" come back through the known-names component, which runs after this one;
    "Nordrhein-Westfalen" does not begin with an acronym."""
    return len(ent) == 1 and bool(_ACRONYM_COMPOUND.fullmatch(ent.text))


def _sentence_adverb(ent: Span) -> bool:
    """One word such as "Interessanterweise", "Möglicherweise", "Glücklicherweise": German
    sentence adverbs in -erweise open many news sentences, capitalised there, and are no names."""
    return len(ent) == 1 and len(ent.text) > len("erweise") + 2 and ent.text.lower().endswith("erweise")


@Language.component("newsprism_entity_shape")
def entity_shape(doc: Doc) -> Doc:
    """German names are capitalised: an entity of lowercase words only ("türkischen") is none,
    unless it is as short as an agency's ("dpa", "ots"); a conjunction or pronoun at its edge is
    not part of it ("China Beide" in text where links glued "BrasilienUndChinaBeide" together);
    a compound of a name and a common noun is no name ("FDP-Chef"), nor a sentence adverb
    ("Möglicherweise"); and the proper noun after a facility noun is a place ("Sporthalle
    Triebischtal")."""
    kept = []
    for ent in doc.ents:
        if _name_part_compound(ent) or _sentence_adverb(ent):
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in EDGE_WORDS:
            start += 1
        while end > start and doc[end - 1].lower_ in EDGE_WORDS:
            end -= 1
        words = doc[start:end]
        if words and not (all(token.is_alpha and token.is_lower for token in words) and len(words.text) > SHORT_NAME):
            trimmed = Span(doc, start, end, label=ent.label, kb_id=ent.kb_id)
            kept.append(ent if (start, end) == (ent.start, ent.end) else trimmed)
    doc.ents = kept
    doc.ents = sorted([*doc.ents, *_facility_places(doc)], key=lambda span: span.start)
    return doc


def _facility_places(doc: Doc) -> list[Span]:
    """A proper noun nobody tagged right after a facility noun ("in der Sporthalle Triebischtal")
    is a place: rare local names are what the NER misses most, and the noun says what they are."""
    return [
        Span(doc, token.i + 1, token.i + 2, label="LOC")
        for token in doc[:-1]
        if token.lower_ in FACILITY_NOUNS
        and token.ent_iob_ == "O"
        and doc[token.i + 1].ent_iob_ == "O"
        and doc[token.i + 1].pos_ == "PROPN"
        and doc[token.i + 1].text[:1].isupper()
    ]


@Language.component("newsprism_entity_labels")
def entity_labels(doc: Doc) -> Doc:
    """Map a model's entity labels onto PER, LOC, ORG, MISC and drop the rest (dates, numbers)."""
    doc.ents = [
        Span(doc, ent.start, ent.end, label=ONTONOTES_LABELS[ent.label_], span_id=ent.id)
        for ent in doc.ents
        if ent.label_ in ONTONOTES_LABELS
    ]
    return doc


# Results and tables name a team by its place ("Leeds 2 Everton 1", "Stranraer 15 5 2 8 13 21 17").
_SCORE = re.compile(r"\d{1,3}")
_FIGURE = re.compile(r"[-+]?[\d.,:/-]*\d[\d.,:/-]*")
_INITIAL = re.compile(r"[A-Z]\.")
TABLE_FIGURE_SHARE = 0.2  # of a sentence's tokens, at least, for it to be a result or a table row
NATION = "country"  # the known-names kind whose team keeps its place label, as news NER guidelines have it
_TEAM_LABELS = frozenset({"LOC", "MISC"})


# A result's two sides, the first side's scorers in brackets between them ("Leeds 2 ( Smith 34 )
# Everton 1"), or a table row of three figures after a name, over the shapes of a line's tokens
# (N name, S score, F other figure). A list of places and counts is neither: "Kharkiv 12, Odesa 4".
_RESULTS_SHAPES = re.compile(r"NS(?:\([^()]*\))?N+S|N[SF]{3}")


def _token_shape(token: Token) -> str:
    text = token.text
    if _SCORE.fullmatch(text):
        return "S"
    if _FIGURE.fullmatch(text):
        return "F"
    if text in ("(", ")"):
        return text
    return "N" if text[:1].isalpha() and text[:1].isupper() else "o"


def _results_line(sentence: Span) -> bool:
    """Is ``sentence`` a result or a table row: at least a fifth of it figures, and two sides with
    their scores ("Pohang 3 Ulsan 2") or a name followed by a row of figures?"""
    shapes = "".join(_token_shape(token) for token in sentence)
    figures = shapes.count("S") + shapes.count("F")
    return figures >= max(2, TABLE_FIGURE_SHARE * len(sentence)) and _RESULTS_SHAPES.search(shapes) is not None


def _team_words(token: Token) -> bool:
    """A word a team's name may be made of: a capitalised proper noun, not a month ("July 4")."""
    return token.is_alpha and token.text[:1].isupper() and token.pos_ == "PROPN" and token.lower_ not in MONTHS


def _unnamed_teams(sentence: Span) -> list[Span]:
    """Runs of proper nouns no entity covers, right before a score: teams the NER did not know."""
    doc = sentence.doc
    found = []
    start = sentence.start
    while start < sentence.end - 1:
        end = start
        while end < sentence.end and doc[end].ent_iob_ == "O" and _team_words(doc[end]):
            end += 1
        after_initial = start > 0 and _INITIAL.fullmatch(doc[start - 1].text)  # "W. Athey 111" is a cricketer
        if end > start and end < sentence.end and _SCORE.fullmatch(doc[end].text) and not after_initial:
            found.append(Span(doc, start, end, label="ORG"))
        start = max(end, start + 1)
    return found


def _cut_at_scores(ent: Span) -> list[Span]:
    """The names in an entity that swallowed scores. Two sides and their scores taken for one name
    ("Pohang 3 Ulsan 2" as a person) are two teams; one name and its score ("Davies 39", a goal's
    minute) is that name with the label it had."""
    scores = [token.i for token in ent[1:] if _SCORE.fullmatch(token.text)]
    if not scores or _SCORE.fullmatch(ent[0].text):  # "1860 München" is a club's name
        return [ent]
    bounds = [ent.start - 1, *scores, ent.end]
    names = [(start + 1, end) for start, end in itertools.pairwise(bounds) if end > start + 1]
    label = "ORG" if len(names) > 1 else ent.label_
    return [Span(ent.doc, start, end, label=label, span_id=ent.id) for start, end in names]


def _as_team(ent: Span) -> Span:
    """A place or other name followed by a score is a team; a country's and a person's are not."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if ent.label_ not in _TEAM_LABELS or ent.id_ == NATION or not ent.text[:1].isalpha():
        return ent
    if after is None or not _SCORE.fullmatch(after.text):
        return ent
    return Span(ent.doc, ent.start, ent.end, label="ORG", kb_id=ent.kb_id)


@Language.component("newsprism_team_names")
def team_names(doc: Doc) -> Doc:
    """In a sports result or table, a name followed by its score is a team, an organisation, though
    it is named after its town ("Chicago 3 Toronto 2"); a country's stays a place, and a person
    (golfers, cricketers) stays a person."""
    if not any(token.like_num for token in doc):  # the fast path: most news has no results
        return doc
    entities = list(doc.ents)
    for sentence in doc.sents:
        if not _results_line(sentence):
            continue
        inside = range(sentence.start, sentence.end)
        entities = [
            team
            for ent in entities
            for team in ([_as_team(part) for part in _cut_at_scores(ent)] if ent.start in inside else [ent])
        ]
        entities.extend(_unnamed_teams(sentence))
    doc.ents = sorted(entities, key=lambda span: span.start)
    return doc


_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def _dateline(sentence: Span) -> bool:
    """Is ``sentence`` a dateline of its own: a place in capitals, then a date or an agency in
    brackets, and no lowercase word ("BONN 1996-12-06", "NICE , France 1996-08-30", "BERLIN (dpa) –")?"""
    first = sentence[0].text
    if len(sentence) < 2 or len(sentence) > DATELINE_TOKENS or len(first) < 2 or not first.isupper():
        return False
    dated = bracketed = False
    for token in sentence[1:]:
        text = token.text
        if _ISO_DATE.fullmatch(text) or text.lower().rstrip(".") in MONTHS:
            dated = True
        elif text in ("(", ")"):
            bracketed = True
        elif not (token.is_punct or token.is_space or token.like_num or text[:1].isupper() or bracketed):
            return False
    return dated or bracketed


@Language.component("newsprism_dateline_places")
def dateline_places(doc: Doc) -> Doc:
    """The name a dateline opens with is the place the story was filed from ("BONN (dpa) –"), though
    a name in capitals alone looks like an organisation to the NER."""
    starts = {sentence.start for sentence in doc.sents if _dateline(sentence)}
    if starts:
        doc.ents = [
            Span(doc, ent.start, ent.end, label="LOC", kb_id=ent.kb_id) if ent.start in starts else ent
            for ent in doc.ents
        ]
    return doc


_INITIALS = re.compile(r"(?:[A-Z]\.){1,2}")


@Language.component("newsprism_name_edges")
def name_edges(doc: Doc) -> Doc:
    """An entity of figures without a letter is no name ("3 1 2 0" in a table), and the initials before a
    person are part of the name ("S. Waugh", "J.R. Smith"), which a NER often leaves out."""
    entities = []
    for ent in doc.ents:
        if any(char.isdigit() for char in ent.text) and not any(char.isalpha() for char in ent.text):
            continue  # figures; a currency sign alone stays ("€", which GermEval tags OTH)
        start = ent.start
        while (
            ent.label_ == "PER"
            and start > 0
            and _INITIALS.fullmatch(doc[start - 1].text)
            and doc[start - 1].ent_iob_ == "O"
        ):
            start -= 1
        entities.append(ent if start == ent.start else Span(doc, start, ent.end, label="PER", kb_id=ent.kb_id))
    doc.ents = entities
    return doc


# Last words of the names of competitions, awards and series: events and works, MISC in
# newsprism's labels (OntoNotes' EVENT, CoNLL's MISC), which a NER takes for organisations.
EVENT_HEADS = frozenset(
    {"Cup", "Championship", "Championships", "Olympics", "Open", "Prix", "Prize", "Trophy", "Series"}
)


@Language.component("newsprism_event_names")
def event_names(doc: Doc) -> Doc:
    """A name of two words or more ending in a competition's or award's word is an event, not an
    organisation ("World Cup", "U.S. Open", "Nobel Peace Prize", "Grand Prix")."""
    if any(ent.label_ == "ORG" and len(ent) > 1 and ent[-1].text in EVENT_HEADS for ent in doc.ents):
        doc.ents = [
            Span(doc, ent.start, ent.end, label="MISC", kb_id=ent.kb_id)
            if ent.label_ == "ORG" and len(ent) > 1 and ent[-1].text in EVENT_HEADS
            else ent
            for ent in doc.ents
        ]
    return doc


_CONSISTENT_LABELS = frozenset({"PER", "LOC", "ORG"})
_MAX_NAME_TOKENS = 4


def _known_names(doc: Doc) -> dict[tuple[str, ...], str]:
    """Names the NER found in ``doc`` (and the surnames of its people), where unambiguous; a
    surname of a person named in full is that person's, though the NER took it alone for a place
    once ("Karla Brenner" … "Brenner sagte", Brenner also being a pass)."""
    labels: dict[tuple[str, ...], set[str]] = {}
    surnames: set[tuple[str, ...]] = set()
    for ent in doc.ents:
        if ent.label_ not in _CONSISTENT_LABELS or not ent.text[:1].isupper():
            continue
        forms = [tuple(token.text for token in ent)]
        if ent.label_ == "PER" and len(ent) > 1 and ent[-1].text[:1].isupper() and len(ent[-1].text) > 2:
            forms.append((ent[-1].text,))
            surnames.add((ent[-1].text,))
        for form in forms:
            labels.setdefault(form, set()).add(ent.label_)
    return {
        form: next(iter(found)) if len(found) == 1 else "PER"
        for form, found in labels.items()
        if len(found) == 1 or form in surnames
    }


# Words before a place, not a person: "in Brenner" is the pass, "Brenner sagte" the minister.
_PLACE_PREPOSITIONS = frozenset("in im nach aus bei am vom zum zur über durch into from to at near".split())


def _person_again(ent: Span, names: dict[tuple[str, ...], str]) -> Span:
    """A one-word place or organisation that is the surname of a person named in full in the
    article is that person again, unless a preposition of place stands before it."""
    if len(ent) != 1 or ent.label_ == "PER" or names.get((ent.text,)) != "PER":
        return ent
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS:
        return ent
    return Span(ent.doc, ent.start, ent.end, label="PER")


def _genitive_person(ent: Span, names: dict[tuple[str, ...], str]) -> Span:
    """ "Selenskyjs Friedensvision" as one entity is a person's genitive and a common noun when the
    article names "Selenskyj" elsewhere: the entity is the person ("Selenskyjs")."""
    first, second = (ent[0].text, ent[1].text) if len(ent) == 2 else ("", "")
    if first.endswith("s") and names.get((first[:-1],)) == "PER" and (second,) not in names and second[:1].isupper():
        return Span(ent.doc, ent.start, ent.start + 1, label="PER")
    return ent


@Language.component("newsprism_entity_consistency")
def entity_consistency(doc: Doc) -> Doc:
    """A name recognised once is recognised wherever it recurs in the article: news text names a
    person in full once ("Wladimir Putin") and by surname after ("Putin")."""
    names = _known_names(doc)
    if not names:
        return doc
    doc.ents = [_person_again(_genitive_person(ent, names), names) for ent in doc.ents]
    covered = {token.i for ent in doc.ents for token in ent}
    words = [token.text for token in doc]  # read once: slicing the Doc per position costs 10x the rest
    first_words = {form[0] for form in names}
    added = []
    index = 0
    while index < len(words):
        match = None
        if words[index] in first_words:
            for length in range(min(_MAX_NAME_TOKENS, len(words) - index), 0, -1):
                form = tuple(words[index : index + length])
                if form in names and not covered.intersection(range(index, index + length)):
                    match = Span(doc, index, index + length, label=names[form])
                    break
        if match is not None:
            added.append(match)
            index = match.end
        else:
            index += 1
    if added:
        doc.ents = sorted([*doc.ents, *added], key=lambda span: span.start)
    return doc


class KnownNames:
    """Well-known actors the statistical NER must not miss or mislabel ("Kreml" is an ORG).

    A pattern may say what kind of actor it names (``"kind": "country"``); a match carries the
    kind as its span id, for later components (a country's team keeps the country's label).

    A known name found exactly where the NER found an entity gives it its label; found where the NER
    found nothing, it is added; inside a longer entity ("VfB Stuttgart") the NER's entity stays.
    With ``replace_parts`` it also replaces one NER entity that lies within it, a name cut short
    ("Vereinigte Arabische" of "Vereinigte Arabische Emirate"): right for curated actors, not for
    the gazetteer's many names, where it cost held-out F1. Two or more entities within it stay
    (GermEval tags "Bosnien und Herzegowina" as two places).
    """

    def __init__(self, nlp: Language, replace_parts: bool) -> None:
        self.matcher = PhraseMatcher(nlp.vocab)
        self.tokenizer = nlp.tokenizer
        self.replace_parts = replace_parts
        self.kinds: dict[str, str] = {}

    def add_patterns(self, patterns: Iterable[dict[str, str]]) -> None:
        by_label: dict[str, list[Doc]] = {}
        for pattern in patterns:
            by_label.setdefault(pattern["label"], []).append(self.tokenizer(pattern["pattern"]))
            if "kind" in pattern:
                self.kinds[pattern["pattern"]] = pattern["kind"]
        for label, docs in by_label.items():
            self.matcher.add(label, docs)

    def __call__(self, doc: Doc) -> Doc:
        matches = [
            Span(doc, start, end, label=label, span_id=self.kinds.get(doc[start:end].text, ""))
            for label, start, end in self.matcher(doc, as_spans=False)
        ]
        if not matches:
            return doc
        entities = list(doc.ents)
        for match in spacy.util.filter_spans(matches):
            overlapping = [ent for ent in entities if ent.start < match.end and match.start < ent.end]
            same = [(ent.start, ent.end) for ent in overlapping] == [(match.start, match.end)]
            within = all(match.start <= ent.start and ent.end <= match.end for ent in overlapping)
            if not overlapping or same or (within and len(overlapping) == 1 and self.replace_parts):
                entities = [ent for ent in entities if ent not in overlapping] + [match]
        doc.ents = sorted(entities, key=lambda span: span.start)
        return doc


@Language.factory("newsprism_known_names", default_config={"replace_parts": True})
def make_known_names(nlp: Language, name: str, replace_parts: bool) -> KnownNames:
    return KnownNames(nlp, replace_parts)
