"""Political events in the PLOVER ontology: who did what to whom, where and when, negated or not.

Rules over the dependency parse and event lexicons written for the project (``data/events_de.tsv``;
for English ``data/events_en.tsv`` over ``data/events_en_cameo.tsv``, which
``scripts/build_event_lexicon.py`` derives from PETRARCH2's CAMEO verb dictionary). A trigger is a
verb (its separable particle joined: "lehnte … ab" → ablehnen; "call for"), a light verb with an
event noun as object ("verhängte Sanktionen", "held talks"), or an event noun as subject or head of
a verbless headline ("Gespräche in Istanbul"). The source is the verb's subject (the agent in the
passive), the target its object or prepositional object, the location a place after "in", "at" …
The German and English models label dependencies differently (UD vs ClearNLP), so both label sets
are read. See docs/events.md for the mapping, negation and modality.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

from newsprism.extract.dates import DateMention
from newsprism.extract.tree import DependencyTree
from newsprism.extract.verbforms import SEPARABLE, german_verb_forms
from newsprism.model import Entity, Event, Token

NO_EVENT = "-"
ABSENCE = "NOT "  # a lexicon type "NOT CONSULT": the verb says the act does not happen ("überspringt die Gespräche")
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "sb"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "nsubjpass"})
OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "dative", "oa", "da", "attr"})
OBLIQUE_DEPS = frozenset({"obl", "nmod", "prep", "obl:arg", "pobj", "op", "mo"})
PARTICLE_DEPS = frozenset({"compound:prt", "svp", "prt"})
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "oc", "advcl"})
LOCATION_PREPOSITIONS = frozenset({"in", "im", "at", "bei", "beim", "near", "nahe", "vor", "outside", "inside"})
TIME_PREPOSITIONS = frozenset({"seit", "since", "bis", "until", "during", "während", "after", "before"})
TIME_NOUNS = frozenset({"nacht", "morgen", "abend", "woche", "wochenende", "night", "morning", "evening", "week",
                        "weekend", "tag", "day", "monat", "month", "jahr", "year"})  # fmt: skip
AGENT_PREPOSITIONS = frozenset({"von", "vom", "durch", "by"})
INFINITIVE_MARKS = frozenset({"zu", "um", "to"})  # an infinitive's marker, which leaves it its verb's subject
# Who reported the event, not whom it was done to: "according to Reuters", "laut dpa",
# "nach Angaben der Polizei" (also inside an object's phrase, where the parser often hangs it)
ATTRIBUTION_PREPOSITIONS = frozenset({"according", "laut", "gemäß", "zufolge"})
_ATTRIBUTED = re.compile(
    r"(?i)(?:\blaut|\bgemäß|\baccording to|\bnach (?:angaben|informationen|berichten)(?: von| des| der| aus)?)"
    r"\s+(?:\S+\s+){0,3}$"
)
_LOCATED = re.compile(r"(?i)\b(?:in|im|at|aus|from)\s+(?:der\s+|dem\s+|the\s+)?$")
# what an act is aimed at, inside the phrase of its actor: "The strike on Odesa killed …" is no act of Odesa's
_AIMED_AT = re.compile(r"(?i)\b(?:on|against|auf|gegen)\s+(?:die\s+|den\s+|das\s+|the\s+)?$")
SENTENCE_NEGATIONS = frozenset({"nicht", "nie", "niemals", "not", "never"})
NEGATIONS = frozenset({"nicht", "nie", "niemals", "kein", "keine", "keinen", "keinem", "keiner", "weder", "not", "n't",
                       "never", "no", "neither", "nor"})  # fmt: skip
PRONOUNS = frozenset({"er", "sie", "he", "she", "they"})
THING_PRONOUNS = frozenset({"es", "it"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "der", "die", "das", "welcher", "welche", "welches"})
REFLEXIVES = frozenset({"sich", "himself", "herself", "itself", "themselves"})
POSSIBLE_WORDS = frozenset({"möglicherweise", "vielleicht", "eventuell", "womöglich", "wahrscheinlich", "may", "might",
                            "could", "possibly", "perhaps", "likely"})  # fmt: skip
POSSIBLE_HEADS = frozenset({"erwägen", "überlegen", "prüfen", "consider", "mull", "weigh", "contemplate"})
INTENDED_HEADS = frozenset({"planen", "beabsichtigen", "wollen", "vorhaben", "ankündigen", "plan", "intend", "aim",
                            "prepare", "vow", "pledge", "promise", "due", "seek", "hope", "want"})  # fmt: skip
DEMAND_HEADS = frozenset({"fordern", "auffordern", "verlangen", "drängen", "appellieren", "bitten", "mahnen", "urge",
                          "demand", "ask", "call", "press", "request", "appeal"})  # fmt: skip
REFUSAL_HEADS = frozenset(
    {"ablehnen", "verweigern", "weigern", "bestreiten", "dementieren", "refuse", "decline", "reject", "deny"}
)
CONDITION_MARKS = frozenset({"wenn", "falls", "sofern", "if", "unless", "provided"})
MODAL_POSSIBLE = frozenset({"können", "dürfen", "could", "might", "may", "can"})
MODAL_INTENDED = frozenset({"wollen", "sollen"})
MODAL_DEMANDED = frozenset({"müssen", "must"})
FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "wo"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "AGREE"})
HOSTILE = frozenset({"ACCUSE", "REJECT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "THREATEN"})
MAX_ACTOR_TOKENS = 8
REACH = 3  # words between a verb and a noun beside it that may be its object
CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!", "?", "\n"})


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Event types by verb lemma (and optionally its object or "@preposition") and by noun lemma.
    A verb's type may carry the ABSENCE prefix: skipping talks is the talks' CONSULT, negated, so it
    lines up with "nimmt nicht teil" in another source."""

    verbs: dict[str, dict[str, str]]
    nouns: dict[str, str]


def _read(name: str, verbs: dict[str, dict[str, str]], nouns: dict[str, str]) -> None:
    text = files("newsprism.extract").joinpath("data", name).read_text(encoding="utf-8")
    for row in csv.reader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"):
        kind, lemma, obj, event_type = row
        if kind == "noun":
            nouns[lemma.lower()] = event_type
        else:
            verbs.setdefault(lemma.lower(), {})[obj.lower()] = event_type


@cache
def event_lexicon(language: str) -> EventLexicon:
    """The event lexicon of ``language`` ("de" or "en"), read once."""
    verbs: dict[str, dict[str, str]] = {}
    nouns: dict[str, str] = {}
    if language == "en":  # our own list wins; a verb it calls no event ("say", "take") keeps only its own rows
        _read("events_en_cameo.tsv", verbs, nouns)
        own: dict[str, dict[str, str]] = {}
        _read("events_en.tsv", own, nouns)
        for lemma, objects in own.items():
            verbs[lemma] = objects if objects.get("-") == "-" else {**verbs.get(lemma, {}), **objects}
    else:
        _read(f"events_{language}.tsv", verbs, nouns)
    return EventLexicon(verbs, nouns)


class _Parse(DependencyTree):
    """An article's dependency tree, and the entities by token."""

    def __init__(self, text: str, tokens: list[Token], entities: list[Entity]) -> None:
        super().__init__(text, tokens)
        self.entities = sorted(entities, key=lambda entity: entity.start)

    def entity_in(
        self, index: int, labels: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC"), actor: bool = False
    ) -> Entity | None:
        """The entity at the head of ``index``'s phrase, else the person the head is the title of,
        right after it or in apposition (not the country or firm before: "Israels Regierungschef
        Benjamin Netanjahu", "Der Chef der Deutschen Bank, Christian Sewing"), else the first entity
        inside the phrase."""
        head = self.tokens[index]
        phrase = self.subtree(index)
        start, end = self.span(phrase)
        inside = [
            e
            for e in self.entities
            if start <= e.start
            and e.end <= end
            and e.label in labels
            and not _ATTRIBUTED.search(self.text[max(0, e.start - 60) : e.start])  # who reported it
        ]
        covering = [e for e in inside if e.start <= head.start < e.end] or [
            e for e in self.entities if e.start <= head.start < e.end and e.label in labels
        ]  # a name the parser cut in two ("sollte Addis Abeba … akzeptieren": "Addis" the object)
        appositions = [
            self.tokens[i].start for i in phrase if self.tokens[i].dep == "appos" and self.tokens[i].head == index
        ]
        titled = [
            e
            for e in inside
            if e.label == "PER"
            and e.start > head.end
            and (not self.text[head.end : e.start].strip() or any(e.start <= a < e.end for a in appositions))
        ]
        # the places a head is in or comes from are not the actor: "Die Opposition in Paris" is not
        # Paris, "Die Delegationen aus Moskau und Kiew" neither city
        places = (e.start for e in inside if e.label == "LOC")
        located = next(
            (
                start
                for start in places
                if _LOCATED.search(self.text[max(0, start - 12) : start])
                or (actor and _AIMED_AT.search(self.text[max(0, start - 12) : start]))
            ),
            None,
        )
        unplaced = [e for e in inside if located is None or e.label != "LOC" or e.start < located]
        return (covering or titled or unplaced or [None])[0]

    def preposition(self, index: int) -> str | None:
        """The preposition of a prepositional phrase: UD puts it below the noun (case), ClearNLP above."""
        token = self.tokens[index]
        if token.dep == "pobj":
            return self.lower(token.head)
        if token.dep == "prep":
            return self.lower(index)
        cases = [child for child in self.children[index] if self.tokens[child].dep in ("case", "ac")]
        return self.lower(cases[0]) if cases else None

    def noun_of(self, index: int) -> int:
        """A preposition's noun in ClearNLP ("with" → its pobj), else the token itself."""
        pobj = [child for child in self.children[index] if self.tokens[child].dep == "pobj"]
        return pobj[0] if self.tokens[index].dep == "prep" and pobj else index


@cache
def _verb_forms(language: str) -> dict[str, str]:
    """Inflected forms of the lexicon's verbs → their infinitives (German; English lemmas are right)."""
    return german_verb_forms(event_lexicon(language).verbs) if language == "de" else {}


def _as_verbs(tokens: list[Token], forms: dict[str, str]) -> list[Token]:
    """The tokens with lexicon verbs the tagger took for adjectives ("haben sich geeinigt",
    "empfing") as verbs; an adjective before a noun ("die geeinigten Parteien") stays one."""
    misread = [token.pos == "ADJ" and token.dep != "amod" and token.text.lower() in forms for token in tokens]
    return [replace(token, pos="VERB") if verb else token for token, verb in zip(tokens, misread, strict=True)]


class _Finder:
    def __init__(self, text: str, tokens: list[Token], entities: list[Entity], dates: list[DateMention],
                 language: str) -> None:  # fmt: skip
        self.german = language == "de"
        self.forms = _verb_forms(language)
        self.parse = _Parse(text, _as_verbs(tokens, self.forms), entities)
        self.lexicon = event_lexicon(language)
        self.dates = dates
        self.sentences = self.parse.sentence_ranges()

    # -- what the trigger is -------------------------------------------------------------------
    def _verb_lemmas(self, index: int) -> list[tuple[str, list[int]]]:
        """The verb's possible lemmas, longest first, each with the tokens that spell it."""
        parse = self.parse
        token = parse.tokens[index]
        lemma = self.forms.get(token.text.lower(), token.lemma.lower())
        particles = parse.kids(index, PARTICLE_DEPS | {"prep"})
        if self.german and not particles and (last := self._clause_final_particle(index)) is not None:
            particles = [last]
        if self.german:  # "gaben … ab" is abgeben, not geben; English "set up" is no "upset"
            joined = [(parse.lower(p) + lemma, sorted([index, p])) for p in particles if parse.lower(p).isalpha()]
            if joined:
                return joined
        phrasal = [(f"{lemma} {parse.lower(p)}", sorted([index, p])) for p in particles]  # call for
        return [*phrasal, (lemma, [index])]

    def _clause_final_particle(self, index: int) -> int | None:
        """A separable particle closing the clause of a finite verb, where the parser hung it
        elsewhere ("nahm … 40 Demonstranten fest", "wies die Vorwürfe als motiviert zurück")."""
        tokens = self.parse.tokens
        end = index + 1
        while end < len(tokens) and not tokens[end].sentence_start and tokens[end].text not in CLAUSE_ENDS:
            end += 1
        last = end - 1
        while last > index and not tokens[last].text.strip():
            last -= 1  # a headline ends at its line break: "Regierung kündigt Reform an\n\n"
        particle = tokens[last].text.lower() in SEPARABLE and tokens[last].pos in ("ADV", "ADP", "ADJ", "PART")
        return last if last > index and particle else None

    def _arguments(self, index: int) -> list[int]:
        parse = self.parse
        return [parse.noun_of(child) for child in parse.kids(index, OBJECT_DEPS | OBLIQUE_DEPS)]

    def _nouns_beside(self, index: int) -> list[int]:
        """Nouns next to the verb in its clause (up to REACH words away, no comma or verb between):
        the object where the parser misplaced it ("würde die Gespräche überspringen", parsed with
        the talks as subject). Before a German participle or infinitive, which ends its clause, the
        whole middle field back to the finite verb ("hat … Gespräche mit dem Minister geführt")."""
        tokens, found = self.parse.tokens, []
        morph = tokens[index].morph
        clause_final = self.german and ("VerbForm=Part" in morph or "VerbForm=Inf" in morph)
        for step in (-1, 1):
            position = index + step
            middle_field = clause_final and step == -1  # back to the finite verb that opens it
            while 0 <= position < len(tokens) and (middle_field or abs(position - index) <= REACH):
                token = tokens[position]
                if token.pos in ("PUNCT", "VERB", "SPACE") or token.sentence_start:
                    break
                if middle_field and (token.pos == "AUX" or "VerbForm=Fin" in token.morph):
                    break
                if token.pos == "NOUN":
                    found.append(position)
                position += step
        return found

    def _subjects(self, index: int) -> list[int]:
        """The verb's subjects, less a noun the lexicon lists as this verb's object: the parser's
        slip before a clause-final verb."""
        objects = {key for lemma, _ in self._verb_lemmas(index) for key in self.lexicon.verbs.get(lemma, {})}
        deps = SUBJECT_DEPS | (PASSIVE_SUBJECT_DEPS if self._misread_passive(index) else frozenset())
        return [c for c in self.parse.kids(index, deps) if self.parse.tokens[c].lemma.lower() not in objects]

    def _misread_passive(self, index: int) -> bool:
        """ "Die Stadt wird … nicht verbieten": werden with an infinitive is the future, which the
        parser takes for a passive (a passive has a participle), its subject for a passive one."""
        return "VerbForm=Inf" in self.parse.tokens[index].morph and bool(self.parse.kids(index, PASSIVE_SUBJECT_DEPS))

    def _verb_type(self, index: int) -> tuple[str, list[int]] | None:
        """The event type of a verb and the tokens of its trigger, or None."""
        parse = self.parse
        arguments = self._arguments(index)
        # the parser's objects first (without a preposition, nearest the verb first), then the nouns
        # nearest the verb: "hat im Krieg Verhandlungen geführt" is about the negotiations
        objects = sorted(arguments, key=lambda a: (parse.preposition(a) is not None, abs(a - index)))
        beside = sorted(self._nouns_beside(index), key=lambda position: abs(position - index))
        nouns = [parse.tokens[a] for a in [*objects, *beside]]
        keys: dict[str, None] = {}
        for token in nouns:
            keys[token.lemma.lower()] = None
            if self.german:  # the German lemmatizer mangles some nouns ("Menschenleben" → "Menschenlebe")
                keys[token.text.lower()] = None
        keys.update(dict.fromkeys(f"@{p}" for a in arguments if (p := parse.preposition(a))))
        for lemma, spelling in self._verb_lemmas(index):
            entries = self.lexicon.verbs.get(lemma)
            if entries is None or self._existential(index, lemma):
                continue
            chosen = next((entries[key] for key in keys if key in entries), entries.get(NO_EVENT))
            if chosen is not None:
                return None if chosen == NO_EVENT else (chosen, spelling)
        for argument in parse.kids(index, OBJECT_DEPS):  # a light verb: "verhängte Sanktionen", "held talks"
            noun_type = self.lexicon.nouns.get(parse.tokens[argument].lemma.lower())
            if noun_type:
                return noun_type, sorted([index, argument])
        return None

    def _existential(self, index: int, lemma: str) -> bool:
        """Is this the existential "es gibt" (there is), in which nobody gives anything?"""
        subjects = self.parse.kids(index, SUBJECT_DEPS | {"expl"})
        return lemma == "geben" and any(self.parse.lower(s) == "es" for s in subjects)

    def _noun_type(self, index: int) -> str | None:
        token = self.parse.tokens[index]
        if token.pos not in ("NOUN", "PROPN") or token.dep not in SUBJECT_DEPS | {"ROOT", "root"}:
            return None
        head = self.parse.tokens[token.head]
        if token.dep in SUBJECT_DEPS and head.pos == "VERB" and self._verb_type(token.head):
            return None  # the verb carries the event
        return self.lexicon.nouns.get(token.lemma.lower())

    # -- who, whom, where, when ----------------------------------------------------------------
    def _clause_head(self, index: int) -> int:
        """The verb whose subject an infinitive or conjunct shares ("refused to attend", "kam und
        sprach"; "schlägt vor, überspringt aber", which the parser often hangs as a complement); not
        a clause with a conjunction or a passive subject of its own, however the parser hangs it."""
        token = self.parse.tokens[index]
        marks = self.parse.kids(index, frozenset({"mark"}))
        passive = self.parse.kids(index, PASSIVE_SUBJECT_DEPS)  # "after an agreement had been reached"
        conjunctions = [m for m in marks if self.parse.lower(m) not in INFINITIVE_MARKS]
        own_clause = self._subjects(index) or passive or conjunctions
        unmarked_complement = token.dep in ("ccomp", "oc") and not marks
        if (token.dep in ("xcomp", "conj") or unmarked_complement) and not own_clause:
            return token.head
        return index

    def _actor(self, index: int, sentence_start: int, acting: bool = False) -> tuple[str | None, str | None]:
        parse = self.parse
        token = parse.tokens[index]
        verb = parse.tokens[token.head]
        if token.text.lower() in RELATIVE_PRONOUNS and verb.dep in ("relcl", "acl:relcl") and verb.head != token.head:
            return self._actor(verb.head, sentence_start, acting)  # "Zelensky, who did not attend": Zelensky
        if token.text.lower() in THING_PRONOUNS:  # "Russia said it would …"; "es gibt" is no one
            antecedent = self._governing(index, ("ORG", "LOC"))
            return (token.text, antecedent.actor_id) if antecedent else (token.text, None)
        if token.lemma.lower() in PRONOUNS or token.text.lower() in PRONOUNS:
            antecedent = self._governing(index, ("PER",)) or self._antecedent(sentence_start)
            return (token.text, antecedent.actor_id) if antecedent else (token.text, None)
        entity = parse.entity_in(index, actor=acting)
        if entity is not None:
            return entity.text, entity.actor_id
        phrase = parse.subtree(index)
        if len(phrase) > MAX_ACTOR_TOKENS:
            phrase = [i for i in phrase if parse.tokens[i].head == index or i == index]
        start, end = parse.span(phrase)
        return parse.text[start:end], None

    def _governing(self, pronoun: int, labels: tuple[str, ...]) -> Entity | None:
        """The named subject of a clause above the pronoun's: "Schmyhal teilte mit, er habe sich mit
        Rubio beraten" → Schmyhal."""
        parse, clause = self.parse, self.parse.tokens[pronoun].head
        for _ in range(len(parse.tokens)):
            if parse.tokens[clause].head == clause:
                return None
            clause = parse.tokens[clause].head
            for subject in self._subjects(clause):
                named = parse.lower(subject) not in PRONOUNS | THING_PRONOUNS
                entity = parse.entity_in(subject, labels) if named else None
                if entity is not None:
                    return entity
        return None

    def _antecedent(self, sentence_start: int) -> Entity | None:
        """The first person named in the latest earlier sentence that names one."""
        position = self.parse.tokens[sentence_start].start
        for start, end in reversed(self.sentences):
            if start >= sentence_start:
                continue
            first, last = self.parse.tokens[start].start, self.parse.tokens[end - 1].end
            people = [e for e in self.parse.entities if first <= e.start < last and e.label == "PER"]
            if people and first < position:
                return people[0]
        return None

    def _participants(self, index: int, sentence_start: int) -> dict[str, str | None]:
        parse = self.parse
        subject_of = self._clause_head(index)
        passive = [] if self._misread_passive(index) else parse.kids(index, PASSIVE_SUBJECT_DEPS)
        subjects = [  # "Am Mittwoch", "Später": a time or an adverb the parser took for the subject
            s for s in self._subjects(subject_of) if not self._is_time(s) and parse.tokens[s].pos not in ("ADV", "ADP")
        ]
        agents = [parse.noun_of(a) for a in parse.kids(index, OBLIQUE_DEPS | {"agent"})
                  if parse.tokens[a].dep == "agent" or parse.preposition(a) in AGENT_PREPOSITIONS]  # fmt: skip
        source = subjects[0] if subjects else (agents[0] if passive and agents else None)
        inverted = self._inverted_subject(subject_of) if source is None and not passive else None
        if inverted is not None:
            source = inverted
        controller = self._demanded_of(index)
        if controller is not None:  # "forderte Russland auf, abzuziehen": Russia is to withdraw
            source = controller
        targets = passive + [
            argument
            for argument in self._arguments(index)
            if argument != inverted
            and parse.preposition(argument)
            not in LOCATION_PREPOSITIONS | TIME_PREPOSITIONS | AGENT_PREPOSITIONS | ATTRIBUTION_PREPOSITIONS
            and not self._is_time(argument)
        ]
        source_text, source_id = (
            self._actor(source, sentence_start, acting=True) if source is not None else (None, None)
        )
        target_text, target_id = None, None
        for target in targets:  # the first object naming an actor; "ein Treffen mit Selenskyj" names him
            entity = parse.entity_in(target, ("PER", "ORG", "LOC"))
            if (
                entity is not None
                and entity.text != source_text
                and (entity.actor_id is None or entity.actor_id != source_id)
            ):
                target_text, target_id = entity.text, entity.actor_id
                break
        objects = [
            t
            for t in targets
            if parse.tokens[t].dep in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS and parse.lower(t) not in REFLEXIVES
        ]  # "hätten sich beraten": meeting each other names no one
        if target_text is None and objects and parse.tokens[objects[0]].pos in ("NOUN", "PROPN", "PRON"):
            target_text, target_id = self._actor(objects[0], sentence_start)
            if (target_text, target_id) == (source_text, source_id) and source_id:
                target_text, target_id = None, None  # one name the parser cut into subject and object
        return {"source_text": source_text, "source_actor_id": source_id,
                "target_text": target_text, "target_actor_id": target_id}  # fmt: skip

    def _inverted_subject(self, index: int) -> int | None:
        """A German main clause with something else in front puts its subject right after the
        finite verb ("Später wies Mansour zurück, dass …"), and the parser, seeing no case on a
        name, often makes it the object. Such an object, a person or organisation right after the
        finite verb of a clause with no subject, is the subject."""
        if not self.german:
            return None
        parse, tokens = self.parse, self.parse.tokens
        verbs = [index, *parse.kids(index, frozenset({"aux"}))]
        finite = next((i for i in verbs if "VerbForm=Fin" in tokens[i].morph), None)
        if finite is None or finite == 0 or finite + 1 >= len(tokens) or tokens[finite - 1].pos == "PUNCT":
            return None  # the verb opens the clause: a question or a verb-first headline
        for obj in parse.kids(index, frozenset({"obj"})):
            start, _ = parse.span(parse.subtree(obj))
            entity = parse.entity_in(obj, ("PER", "ORG"))
            if entity is not None and start == tokens[finite + 1].start:
                return obj
        return None

    def _is_time(self, index: int) -> bool:
        token = self.parse.tokens[index]
        return token.lemma.lower() in TIME_NOUNS or any(d.start <= token.start < d.end for d in self.dates)

    def _demanded_of(self, index: int) -> int | None:
        """Who is asked to act, when the trigger is what a demand asks for: the demand's object."""
        parse = self.parse
        token = parse.tokens[index]
        if token.dep not in CLAUSE_DEPS or parse.tokens[token.head].lemma.lower() not in DEMAND_HEADS:
            return None
        asked = [parse.noun_of(a) for a in parse.kids(token.head, OBJECT_DEPS | OBLIQUE_DEPS)]
        return next((a for a in asked if parse.tokens[a].pos in ("PROPN", "NOUN")), None)

    def _location(self, index: int) -> Entity | None:
        parse = self.parse
        start, end = parse.span(parse.subtree(index))
        for entity in parse.entities:
            if entity.label == "LOC" and start <= entity.start and entity.end <= end:
                before = parse.text[max(0, entity.start - 30) : entity.start].split()
                words = {word.lower() for word in before[-3:]}
                if words & LOCATION_PREPOSITIONS:
                    return entity
        return None

    def _date(self, index: int, sentence: tuple[int, int]) -> str | None:
        parse = self.parse
        first, last = parse.tokens[sentence[0]].start, parse.tokens[sentence[1] - 1].end
        in_sentence = [d for d in self.dates if first <= d.start < last and d.value]
        start, end = parse.span(parse.subtree(index))
        inside = [d for d in in_sentence if start <= d.start < end]
        return (inside or in_sentence or [None])[0].value if (inside or in_sentence) else None

    # -- whether it happens ------------------------------------------------------------------
    def _verb_chain(self, index: int) -> list[int]:
        """The trigger with its auxiliaries and, for an infinitive, the verb above it."""
        parse = self.parse
        chain = [index, *parse.kids(index, frozenset({"aux", "aux:pass", "auxpass"}))]
        if parse.tokens[index].dep in ("xcomp", "oc") or parse.tokens[index].pos == "NOUN":
            chain.append(parse.tokens[index].head)
        return chain

    def _negated(self, index: int, trigger: list[int]) -> bool:
        """A negation on the verb, its auxiliaries or its trigger words, or "kein"/"no" on its object."""
        parse = self.parse
        near = [child for member in [*self._verb_chain(index), *trigger] for child in parse.children[member]]
        near += [child for obj in parse.kids(index, OBJECT_DEPS) for child in parse.kids(obj, frozenset({"det"}))]
        if any(parse.lower(child) in NEGATIONS or "Polarity=Neg" in parse.tokens[child].morph for child in near):
            return True
        # "wird am Freitag nicht an den Beratungen teilnehmen": the parser hangs "nicht" on the
        # phrase before it; it negates the clause unless it only narrows a phrase ("nicht nur",
        # "nicht am Montag, sondern am Dienstag")
        phrases = [kid for kid in parse.children[index] if parse.tokens[kid].pos not in ("VERB", "AUX")]
        hung = [child for kid in phrases for child in parse.children[kid]]
        negation = any(
            parse.lower(child) in SENTENCE_NEGATIONS
            and (child + 1 >= len(parse.tokens) or parse.lower(child + 1) not in ("nur", "einmal", "zuletzt"))
            for child in hung
        )
        return negation and not any(parse.lower(i) == "sondern" for i in parse.subtree(index))

    def _modality(self, index: int) -> str | None:
        parse = self.parse
        token = parse.tokens[index]
        head = parse.tokens[token.head]
        head_lemma = head.lemma.lower()
        if token.head != index and token.dep in CLAUSE_DEPS | {"obj", "dobj"}:
            if head_lemma in DEMAND_HEADS:
                return "demanded"
            if head_lemma in POSSIBLE_HEADS:
                return "possible"
            if head_lemma in INTENDED_HEADS:
                return "intended"
        clause = [index, *parse.children[index]]
        if token.dep == "advcl" and any(parse.lower(c) in CONDITION_MARKS for c in parse.children[index]):
            return "conditional"
        for child in parse.children[index]:
            if parse.tokens[child].dep == "advcl" and any(
                parse.lower(mark) in CONDITION_MARKS for mark in parse.children[child]
            ):
                return "conditional"
        words = {parse.lower(i) for i in clause} | {parse.tokens[i].lemma.lower() for i in clause}
        auxiliaries = [parse.tokens[c] for c in parse.kids(index, frozenset({"aux"}))]
        if words & POSSIBLE_WORDS or any(
            a.lemma.lower() in MODAL_POSSIBLE and ("Mood=Sub" in a.morph or a.text.lower() in POSSIBLE_WORDS)
            for a in auxiliaries
        ):
            return "possible"
        if any(a.lemma.lower() in MODAL_INTENDED or a.text.lower() in ("plans", "intends") for a in auxiliaries):
            return "intended"
        if any(a.lemma.lower() in MODAL_DEMANDED for a in auxiliaries):
            return "demanded"
        return None

    def _future(self, index: int) -> bool:
        """Announced: "will attend", "would allow", "wird teilnehmen" (werden with an infinitive;
        with a participle it is the passive)."""
        parse = self.parse
        token = parse.tokens[index]
        auxiliaries = [parse.tokens[c] for c in parse.kids(index, frozenset({"aux", "aux:pass"}))]
        if any(a.text.lower() in FUTURE_AUXILIARIES for a in auxiliaries):
            return True
        # the morphologizer leaves some infinitives bare ("wird keine Vereinbarung unterzeichnen"): a
        # lexicon verb written as its own infinitive is one
        infinitive = "VerbForm=Inf" in token.morph or self.forms.get(token.text.lower()) == token.text.lower()
        return infinitive and any(a.lemma.lower() == "werden" for a in auxiliaries)

    # -- all together ----------------------------------------------------------------------------
    def _depth(self, index: int) -> int:
        depth, tokens = 0, self.parse.tokens
        while tokens[index].head != index and depth < len(tokens):
            index, depth = tokens[index].head, depth + 1
        return depth

    def find(self) -> list[Event]:
        """Events sentence by sentence, in each the main clause's event first."""
        events = []
        for sentence in self.sentences:
            for index in sorted(range(*sentence), key=self._depth):
                token = self.parse.tokens[index]
                found: tuple[str, list[int]] | None = None
                if token.pos == "VERB" and token.dep != "amod":  # "the struggling industry" fights no one
                    found = self._verb_type(index)
                elif (noun_type := self._noun_type(index)) is not None:
                    found = (noun_type, [index])
                if found is None:
                    continue
                event = self._event(index, found[0], found[1], sentence)
                if event is not None:
                    events.append(event)
        return events

    def _event(self, index: int, event_type: str, trigger: list[int], sentence: tuple[int, int]) -> Event | None:
        parse = self.parse
        participants = self._participants(index, sentence[0])
        location = self._location(index)
        if parse.tokens[index].pos != "VERB" and not (
            participants["source_text"] or participants["target_actor_id"] or location
        ):
            return None  # a bare event noun ("die Hilfe") says too little to be an event
        first, last = parse.tokens[sentence[0]].start, parse.tokens[sentence[1] - 1].end
        head = parse.tokens[index].head
        refused = head != index and parse.tokens[index].dep in CLAUSE_DEPS  # a root can carry a clause label
        negated = self._negated(index, trigger) or (refused and parse.tokens[head].lemma.lower() in REFUSAL_HEADS)
        if event_type.startswith(ABSENCE):  # "überspringt nicht" is taking part
            event_type, negated = event_type.removeprefix(ABSENCE), not negated
        return Event(
            type=event_type,
            trigger=" ".join(parse.tokens[i].text for i in trigger),
            start=parse.tokens[index].start,
            end=parse.tokens[index].end,
            sentence=parse.text[first:last],
            location=location.text if location else None,
            location_actor_id=location.actor_id if location else None,
            date=self._date(index, sentence),
            negated=negated,
            modality=self._modality(index),
            future=self._future(index),
            **participants,
        )


def find_events(
    text: str, tokens: list[Token], entities: list[Entity], dates: list[DateMention], language: str
) -> list[Event]:
    """PLOVER events of an article from its parse, its linked entities and its resolved dates."""
    if language not in ("de", "en") or not tokens:
        return []
    return _Finder(text, tokens, entities, dates, language).find()


def plover_type(event: Event) -> str:
    """The type PLOVER's coders give the event: an announced or intended cooperative act is AGREE
    (CAMEO 03, "express intent to …") and a refused one REJECT; an announced hostile act is THREATEN;
    an act demanded of someone is REQUEST. ``Event.type`` keeps the act itself (CONSULT for "wird
    teilnehmen"), which is what stories compare."""
    announced = event.future or event.modality == "intended"
    if event.modality == "demanded":
        return "REQUEST"
    if event.type in COOPERATIVE and event.type != "AGREE" and announced:
        return "REJECT" if event.negated else "AGREE"
    if event.type in HOSTILE and event.type not in ("THREATEN", "REJECT", "ACCUSE") and announced:
        return "THREATEN"
    return event.type
