"""Quotes and their speakers: direct quotes in every quotation style, and reported speech.

Rules over the repaired text, its dependency parse and the linked entities (which include title
mentions such as "der Kremlchef"). A cue is a speech verb of ``SPEECH_VERB`` (its separable particle
put back: "teilte … mit" → "mitteilte"); its speaker is its subject, the whole noun phrase ("Ein
Sprecher der Polizei"), found by German word order since the parser often misplaces ``nsubj``;
"er"/"sie"/"he"/"she" stands for the person named last outside quotation marks.

* Direct quotes („…“, “…”, "…", »…«, «…») are speech when they hold a verb, end a sentence or are
  framed by a cue or a colon; a quoted title or name ("unter dem Motto „…“", "die „Aktion …“") is not.
* Reported speech: a cue with a clause ("Lula sagte, er werde …", "„…“, erklärte X"), an attribution
  phrase ("laut X", "X zufolge", "nach Angaben von X", "seiner Ansicht nach", "…, so X",
  "wie X mitteilte", "according to X"), a speech act without a clause ("Sie forderte seinen
  Rücktritt", "Sie kündigte Klage an", "Sie berichtete von Schüssen", "Sie wertete das als Erfolg",
  "Sie hält es für möglich"), a passive cue with who spoke in its "von" phrase ("Von der Opposition
  wurde der Plan kritisiert"), the sentence before one that names its source ("… Dies teilte ein
  Sprecher mit.", "… Das geht aus dem Bericht hervor.", "… Das kündigte X an." too, though
  "X kündigte Y an" is a speech act of its own), and the sentences in Konjunktiv that go on
  with the same speaker, or with the person or organisation the sentence before was about ("Er
  sagte, er werde kommen. Die Gespräche seien gut verlaufen."), one quote for the run of them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from newsprism.extract.tree import DependencyTree
from newsprism.model import Entity, Quote, Token
from newsprism.months import GERMAN_MONTH_NAMES

# Stems (lowercase, separable particle first) of verbs that introduce what someone said, wrote or
# holds to be true; matched against the lemma and the surface form, since the lemmatizer misses
# some forms ("nannte" → "nannt").
SPEECH_VERB = re.compile(
    r"^(?:"
    r"(?:ge)?(?:sag|erklär|berichte|beton|schreib|schrieb|bezeichn|bestätig|äußer|begründ|forder|kritisier|"
    r"meld|befürcht|meint|meinen|meine|hoff|zitier|beschuldig|glaub|behaupt|nenn|nann|warn|vermut|verkünd|"
    r"frag|argumentier|kommentier|appellier|droh|versicher|versprech|versprach|bezweifel|bezweifl|beteuer|"
    r"entgegn|erwider|antwort|unterstreich|unterstrich|resümier|verweis|verwies|erinner|beklag|mahn|"
    r"verlang|empfehl|empfahl|dementier|bestreit|bestritt|bemängel|ergänz|bekräftig|schätz|spekulier|"
    r"prognostizier|informier|klag|lob|rechtfertig|sprech|sprach|sprich)"
    r"|mit(?:ge)?teil|an(?:ge)?kündig|an(?:ge)?g[ae]b|bekannt(?:ge)?g[ae]b|hin(?:ge)?w[ie]+s|hinzu(?:ge)?füg|"
    r"ein(?:ge)?räum|aus(?:ge)?führ|fest(?:ge)?stell|vor(?:ge)?w[aeio]rf|vor(?:ge)?schl[au]g|auf(?:ge)?forder|"
    r"auf(?:ge)?r[iu]f|zurück(?:ge)?w[ie]+s|hervor(?:ge)?h[oe]b|aus(?:geh|ging|gegang)|zu(?:ge)?g[ae]b|"
    r"verlaut|klar(?:ge)?stell|heraus(?:ge)?forder|hervor(?:ge)?(?:geh|ging|gang)|aus(?:ge)?sag|bekund|vermeld|"
    r"erläuter|dar(?:ge)?leg|schilder|gesteh|gestand|(?:ge)?fürcht|an(?:ge)?reg|erwähn|zu(?:ge)?sicher|zu(?:ge)?sag|"
    r"(?:say|said|says|tell|told|tells|warn|warned|warns|add|added|adds|stress|stressed|insist|insisted|"
    r"write|wrote|writes|ask|asked|declare|declared|argue|argued|claim|claimed|note|noted|announce|announced|"
    r"explain|explained|urge|urged|demand|demanded|reply|replied|state|stated|confirm|confirmed)$"
    r")"
)
# Verbs of deciding, promising, signalling, pleading, advising and asking, which annotators treat as
# cues where a "dass" clause, a zu-infinitive or Konjunktiv follows ("Die Bahn beschloss, die Preise zu
# senken", "Die Ärztin riet den Bewohnern, …"), and only then.
_CLAUSE_CUE = re.compile(
    r"^(?:signalisier|zu(?:ge)?sag|zu(?:ge)?sicher|besag|beschl[io]?ss|beschließ|entschied|entscheid|befürwort|"
    r"(?:ge)?dräng|nach(?:ge)?sag|beabsichtig|(?:ge)?einig|an(?:ge)?biet|an(?:ge)?bot|vereinbar|verabred|"
    r"ein(?:ge)?st[ae]nd|ein(?:ge)?steh|heraus(?:ge)?f[aiu]nd|an(?:ge)?prangert?|errechn|beantrag|"
    r"beauftrag|pl[äa]dier|(?:ge)?raten$|rät$|riet(?:en)?$|bitte|bat(?:en)?$|gebeten$)"
)
# Nouns that frame what someone said or holds, with the clause after their comma ("der Vorwurf der
# Opposition, das Gesetz sei verfassungswidrig").
_SPEECH_NOUNS = frozenset(
    "einschätzung ansicht auffassung meinung überzeugung vorwurf verdacht vermutung behauptung aussage äußerung "
    "erklärung bericht meldung angabe information gerücht befürchtung sorge hoffnung warnung hinweis kritik "
    "argument begründung forderung vorschlag ankündigung versprechen zusage drohung appell aufforderung bitte "
    "frage theorie these annahme eindruck feststellung beschwerde klage dementi mitteilung darstellung version "
    "plan idee anfrage antrag beschluss entscheidung wunsch wort einwand erkenntnis prognose schätzung "
    "ergebnis schluss fazit".split()
)
# Of these, what someone holds ("X ist der Ansicht, …", "X äußerte die Hoffnung, …"): the subject of
# the clause is the speaker, where the others speak for themselves ("Der Vorschlag, …, fand …").
_HELD_NOUNS = frozenset(
    "einschätzung ansicht auffassung meinung überzeugung vermutung befürchtung sorge hoffnung theorie these "
    "annahme eindruck erkenntnis ergebnis schluss fazit".split()
)
# Attitudes someone shows about what they say follows ("X zeigte sich zuversichtlich, dass …").
_ATTITUDES = frozenset(
    "zuversichtlich optimistisch pessimistisch überzeugt skeptisch besorgt enttäuscht erleichtert empört "
    "erfreut überrascht verärgert zufrieden unzufrieden zurückhaltend gelassen betroffen bestürzt".split()
)
# A determiner whose ending is never the nominative's: "Seinen Ausstieg hatte X angekündigt".
_OBLIQUE_DETERMINER = re.compile(r"(?i)^(?:sein|ihr|unser|euer|eur|dein|mein|kein|dies|jen|jed|manch|welch)(?:en|em)$")
# A past participle with an adjective's ending ("geforderten", "angekündigte", "genannte").
_INFLECTED_PARTICIPLE = re.compile(
    r"^(?:ab|an|auf|aus|bei|bekannt|dar|ein|fest|fort|her|heraus|hervor|hin|hinzu|klar|mit|nach|vor|voraus|weg|zu|"
    r"zurück|zusammen)?ge[a-zäöüß]+(?:t|en)(?:e|en|er|es|em)$"
)  # "ge" after a separable particle at most: not "bemängelte"
# What a disaster or an attack "fordert" (claims): lives, not a demand.
_CASUALTIES = re.compile(r"(?i)^(?:menschenleben|todesopfer|opfer|tote|toten|leben|verletzte|verletzten)$")
# Verbs by which a study or a document attributes in a "wie" clause ("Wie eine Studie ergab, …").
_EVIDENCE = re.compile(r"^(?:ergab|ergeben|ergibt|zeig|beleg)")
# Speech verbs whose object is what was said, so that the sentence reports speech without a clause.
_SPEECH_ACT = re.compile(
    r"^(?:(?:ge)?forder|bezeichn|nenn|nann|genannt|(?:ge)?warn|vor(?:ge)?w[aeio]rf|zurück(?:ge)?w[ie]+s|begründ|verlang|"
    r"an(?:ge)?kündig|voraus(?:ge)?sag|empfehl|empfahl|"
    r"(?:ge)?fürcht|an(?:ge)?reg|zu(?:ge)?sicher|zu(?:ge)?sag|auf(?:ge)?forder|(?:ge)?klag|beklag|(?:ge)?beton|"
    r"riet|rät|raten$|(?:ge)?plädier|(?:ge)?bemängel|an(?:ge)?g[aei]b(?!lich))"
)
# Verbs that report speech without a clause through a word later in theirs: a prepositional object
# ("X berichtete von drei Toten", "X geht von Brandstiftung aus", "X verwies auf …") or a judgement of their object
# ("X wertete die Einigung als Erfolg", "X hält es für möglich"); only through it, since "berichten
# über" names a topic and "halten" alone is no speech.
_FRAMED_ACTS = (
    (re.compile(r"^(?:ge)?berichte"), {"von", "vom"}),
    (re.compile(r"^aus(?:geh|ging|gegang)"), {"von", "vom"}),
    (re.compile(r"^(?:ge)?(?:sprech|sprach|sprich)"), {"von", "vom"}),
    (re.compile(r"^ver(?:ge)?(?:weis|wies)"), {"auf"}),
    (
        re.compile(
            r"^(?:ge)?(?:wert|bewert|betracht|kritisier|verurteil|würdig|feier|attackier|beurteil|charakterisier)"
            r"|^ein(?:ge)?(?:stuf|schätz)|^(?:an(?:ge)?)?(?:seh|sieh|sah)"
        ),
        {"als"},
    ),
    (re.compile(r"^(?:ge)?(?:halt|hält|hielt)"), {"für"}),
)
# Speech verbs whose "von" phrase in the passive is not who spoke but what was spoken of ("Von
# Bränden wird berichtet"), or who quoted the subject ("X wird von der Agentur zitiert").
_NO_AGENT = re.compile(r"^(?:ge)?(?:berichte|sprech|sprach|sproch|zitier)|^aus(?:ge)?(?:geh|ging|gegang)")
_QUOTES = re.compile(
    r"„(?P<a>[^„“\"]{2,1500}?)[“\"]"
    r"|“(?P<b>[^“”\"]{2,1500}?)[”\"]"
    r"|»(?P<c>[^»«]{2,1500}?)«"
    r"|«(?P<d>[^«»]{2,1500}?)»"
    r"|(?<![\w])\"(?P<e>[^\"\n]{2,1500}?)\"(?![\w])"
)
# Nouns after "nach" that make it an attribution: "nach Angaben der Polizei", "nach Polizeiangaben".
_SOURCE_NOUN = re.compile(
    r"(?i)(?:angaben|informationen|bericht|berichten|aussagen?|meinung|einschätzung|schätzung(?:en)?|veröffentlichung|"
    r"bekunden|darstellung|darstellungen|ansicht|auffassung|erkenntnissen|mitteilung|meldung|meldungen|auskunft|"
    r"worten|überzeugung|recherchen|studie|umfrage|prognosen?|untersuchung(?:en)?|ermittlungen|planungen|berechnungen|stellungnahme|analyse|"
    r"dokument|gutachten|entwurf|plan|idee|quellenlage|hochrechnung(?:en)?|lesart|version|vernehmen|vorhersagen?|"
    r"umfragen|(?:end)?ergebnis(?:sen)?|erfahrungen|verfassung|urteil|stand)$"
)
_PRONOUNS = {"er", "sie", "he", "she"}
_FEMININE_PRONOUNS = {"sie", "she"}
# What the words right before a name say of the person's sex: a feminine role noun ("die Ghanaerin",
# "Außenministerin", "Präsidentin") or "Frau"/"Mrs"; "Herr"/"Mr", or a German title without the
# feminine ending ("Außenminister", "der Sprecher"), is a man.
_FEMININE_BEFORE = re.compile(r"(?:\b(?:Frau|Mrs|Ms|Madam)\.?|[A-ZÄÖÜ][\w-]*(?:erin|istin|entin|antin|ärin))\W*$")
_MALE_TITLE = (
    r"(?=[A-ZÄÖÜ])(?i:[\w-]*(?:minister|präsident|kanzler|sprecher|berater|botschafter|gesandter|beauftragter|chef|"
    r"direktor|leiter))\b"
)
_MASCULINE_BEFORE = re.compile(  # "der Außenminister X", "Der Minister für Wasser und Energie, X"
    rf"(?:\b(?:Herr|Mr)\.?|\b[Dd](?:er|em|es|en)\s+(?:[a-zäöü]\w*\s+)?{_MALE_TITLE}"
    r"|\b[Dd]er\s+(?:[a-zäöü]\w*\s+)?"
    + _MALE_TITLE
    + r"(?:\s+(?:für|des|der|von|vom)\s[^,.;:!?]{0,40}|[^,.;:!?]{0,40},))\W*$"
)
# News media a speaker talks to ("sagte ein Sprecher der Nachrichtenagentur dpa").
_MEDIUM = re.compile(
    r"(?i)(?:nachrichtenagentur|presse-?agentur|zeitung|sender|nachrichtenmagazin|magazin|blatt|fernsehen|rundfunk|radio)$"
)  # not any "agentur": "ein Sprecher der Europäischen Umweltagentur" is the agency's
# Words that open a subordinate clause, after which the main clause goes on with its finite verb
# ("Wie X berichtet, ist …"); and those of them whose clause is a condition, time or reason, never
# the frame of the clause before it ("Sie drohen mit Sanktionen, wenn die Gespräche scheitern").
_CONDITIONS = {"wenn", "falls", "weil", "da", "nachdem", "bevor", "obwohl", "ob", "sobald", "solange", "damit", "bis"}
_SUBORDINATORS = _CONDITIONS | {"wie", "als", "dass", "während", "sodass"}
# Of those, the ones whose clause is a time, a cause or a condition, never what was said.
_ADVERBIAL_SUBORDINATORS = _SUBORDINATORS - {"dass", "ob", "wie"}
# Of those, the ones whose speech act has not happened: "…, wenn der Notenbankchef spricht".
_HYPOTHETICAL = {"wenn", "falls", "sobald", "solange"}
# Subordinators whose clause says when, despite what or what for, never what was said (unlike "wenn":
# "Er sagte, wenn …, werde er …" reports a condition; a "da" or "weil" clause reports a reason often
# enough to be left in).
_ADVERBIAL_OPENERS = {"nachdem", "obwohl", "bevor", "zumal", "um", "damit", "während", "indem"}
# A website named as a source, which the tagger takes for anything: "laut ndr.de".
_WEBSITE = re.compile(r"(?i)[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}")
# Attribution words that stand inside the clause they attribute ("Der Mann wurde laut Polizei gefasst").
_INLINE_ATTRIBUTIONS = {"laut", "gemäß", "nach", "zufolge"}
# Where a cue without a subject names its source: "heißt es in/bei …"; a passive cue only a document
# it is in ("In einer Mitteilung wird gefordert").
_DOCUMENT_PREPOSITIONS = ("in", "im")
_SOURCE_PREPOSITIONS = (*_DOCUMENT_PREPOSITIONS, "bei", "beim", "von", "vom", "aus")  # "Aus Paris hieß es"
# A cue whose source is the document it comes out of ("aus"): "Dies geht aus dem Bericht hervor".
_EMERGES = re.compile(r"^hervor(?:ge)?(?:geh|ging|gang)")
_DOCUMENT = re.compile(
    r"(?i)(?:erklärung|mitteilung|bericht|berichten|schreiben|brief|stellungnahme|interview|urteil|studie|"
    r"beschluss|resolution|antwort|rede|ansprache|kommuniqué|botschaft|papier|gutachten|meldung|verlautbarung|"
    r"analyse|statistik|dokumenten?|unterlagen|webseite|website|homepage|internetseite|pressekonferenz)$"
)
_QUOTE_MARKS = ("„", "“", "»", "«")
_OPENING = {":", ",", '"', *_QUOTE_MARKS}
# Pronouns that are only ever a subject: after the finite verb they name the speaker even when a
# noun phrase opens the clause ("Die Tat bezeichnete er als sinnlos").
_NOMINATIVE_PRONOUNS = {"er", "ich", "wir"}
# Pronouns that head a speaker with the group after them: "Einer der Feuerwehrleute sagte".
_PARTITIVES = {"einer", "eine", "eines", "keiner", "jeder", "viele", "einige", "mehrere", "manche", "beide"}
# What a quoted title, name or slogan follows: "unter dem Motto „…“", "die Fernsehserie „…“", "in „…“", "die „…“",
# "banners reading "…"".
_TITLED = re.compile(
    r"(?i)(?:\b(?:in|im|unter|namens|der|die|das|des|dem|den|ein|eine|einer|eines|einem)|"
    r"(?:motto|titel|lied|song|film|buch|roman|serie|partei|unternehmen|firma|gruppe|zeitung|zeitschrift|magazin|blatt|programm|aktion|kampagne|slogan|album|stück|sendung|show|schiff|"
    r"marke|modell|projekt|initiative|organisation|verein|bündnis|band|werk|ausstellung|festival|preis|typ|"
    r"operation|aufschrift|schlagzeile|überschrift|stiftung|gesetz|plan|studie|bericht|buches|films|liedes|"
    r"beinamen|spitznamen|stamms|sendung|fernsehsendung|transparent|transparenten|plakat|plakaten|"
    r"reading|titled|entitled|dubbed|nicknamed|banner|banners|placard|placards|headline))"
    r"\s+(?:(?:der|die|das|des|dem|den)\s+)?[„“»«\"]?$"
)
# What joins quoted titles in a list: "in „A“, „B“ oder „C“".
_LISTED = re.compile(r"\s*(?:,|und|oder|sowie|bzw\.)\s*")
_CONTRACTIONS = {"am", "im", "zum", "zur", "beim", "vom", "ins"}  # a preposition, whatever the tagger says
# Clause-initial words the tagger takes for nouns or pronouns, which are never a speaker.
_NOT_SUBJECTS = _CONTRACTIONS | {
    "später", "weiter", "außerdem", "zudem", "dabei", "daher", "deshalb", "dagegen", "zuvor", "danach", "damals",
    "heute", "gestern", "inzwischen", "allerdings", "gleichzeitig", "zugleich", "ferner", "anschließend",
    "schließlich", "zuletzt", "bislang", "bisher", "ebenfalls", "auch", "so", "nun", "es", "man", "sich", "das",
    "dies", "this", "it", "weiterhin", "offiziell", "derzeit", "zunächst", "jedoch", "insbesondere", "demnach",
    "somit", "jetzt", "hier", "dort", "unterdessen", "indes", "indessen", "mittlerweile", "bereits", "gegenwärtig",
    "aktuell", "kürzlich", "erneut", "hierzu", "dazu", "darauf", "daraufhin", "hierbei", "ebenso", "ursprünglich",
    "unter", "über", "mit", "bei", "nach", "seit", "vor", "während", "wegen", "trotz", "gegenüber"
}  # fmt: skip
_ARTICLES = {"der", "die", "das", "den", "dem", "des"}
_RELATIVE_WORDS = {"der", "die", "das", "den", "dem", "dessen", "deren", "denen"}
# What stands for the sentence before as the object of a cue: "Dies teilte ein Sprecher mit."
_DEMONSTRATIVES = {"dies", "das", "dieses"}
_CAPITALISED_ARTICLES = {"Der", "Die", "Das", "Ein", "Eine"}
# Separable particles, which end the clause of their verb ("gab … bekannt,", "teilte … mit.").
_PARTICLES = {
    "bekannt", "fest", "klar", "hinzu", "hervor", "zurück", "heraus", "an", "mit", "vor", "aus", "ein", "zu", "auf",
    "hin"
}  # fmt: skip
# The particles that are also written apart from the verb ("bekannt gegeben", "wie X fest stellte"); a
# short one there is a preposition ("von Anfang an gegeben").
_APART_PARTICLES = {"bekannt", "fest", "klar", "hinzu", "hervor", "zurück", "heraus"}
# Words that open a clause before its subject, and blanks: "wie die Polizei mitteilte".
_CONJUNCTIONS = {"wie", "als", "as", ""}
# Conjunctions that join two main clauses: the subject after one is its own clause's ("…, und die
# Anwohner befürchten, …").
_MAIN_CLAUSE_JOINS = {"und", "aber", "doch", "sondern", "denn"}
# Nouns of time, which open a clause as an adverbial, never as its subject.
_TIME = re.compile(
    r"(?i)^(?:sekunden?|minuten?|stunden?|tage?n?|wochen?|monate?n?|jahre?n?|jahrzehnte?n?|morgen|abend|nacht|"
    r"mittag|vormittag|nachmittag|wochenende|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|uhr|"
    + "|".join(GERMAN_MONTH_NAMES)
    + r")$"
)
# Adverbs that make "nach" a time: "kurz nach der Veröffentlichung", "erst nach den Ermittlungen".
_SOON = {"kurz", "erst", "gleich", "unmittelbar", "direkt", "bald", "wenige", "später", "lange", "spät", "früh"}
# A present participle opening a clause is an adverb ("Ergänzend sagte X"), never its subject.
_PARTICIPLE_ADVERB = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{3,}[^u]end$")
_FOCUS_PARTICLES = {"auch", "selbst", "sogar", "nur", "allein", "also", "schon", "bereits", "ebenfalls"}
# What a participle has when it is a verb, active or passive, however the tagger tags it.
_AUXILIARIES = ("aux", "aux:pass")
_CLAUSE_BOUNDARIES = {",", ":", ";", "–", ".", "!", "?"}
# Finite verbs in Konjunktiv I, the mood of reported speech, which the tagger often misses.
_KONJUNKTIV_I = {
    "sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "gebe", "gehe", "liege",
    "stehe", "komme", "wisse", "brauche", "bleibe", "handle", "handele", "fehle", "lasse", "sehe"
}  # fmt: skip
# Konjunktiv II, which reported speech takes where Konjunktiv I looks like the indicative.
_KONJUNKTIV_II = {
    "würde", "würden", "hätte", "hätten", "wäre", "wären", "könnte", "könnten", "müsste", "müssten", "dürfte", "dürften"
}  # fmt: skip
# Modal Konjunktiv II, the reporter's own speculation more often than reported speech ("Das könnte …").
_MODAL_II = {"könnte", "könnten", "müsste", "müssten", "dürfte", "dürften"}
# Modal verbs, whose infinitive is what should, could or would be done, not what was said.
_MODAL_VERBS = {"müssen", "können", "dürfen", "sollen", "mögen", "wollen"}
MIN_WORDS = 2
MIN_CLAUSE_WORDS = 3
MAX_SPEAKER_WORDS = 12


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    first: int  # index of its first token
    last: int  # index after its last token


@dataclass(slots=True)
class _Speaker:
    text: str
    actor: Entity | None


class _Parse(DependencyTree):
    """The article's dependency tree with what the quote rules ask of it: sentences, cue verbs."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        super().__init__(text, tokens)
        self.sentences = self._sentences()

    def _sentences(self) -> list[_Sentence]:
        sentences = []
        for first, last in self._paragraph_ranges():
            words = [i for i in range(first, last) if self.tokens[i].text.strip()]
            if words:
                sentences.append(_Sentence(self.tokens[words[0]].start, self.tokens[words[-1]].end, first, last))
        return sentences

    def _paragraph_ranges(self) -> list[tuple[int, int]]:
        """The parser's sentences, cut at line breaks too (it runs a heading into the sentence after
        it) and before a quotation that opens after a full stop ("… zurück. „Wir …“")."""
        ranges = []
        for first, last in self.sentence_ranges():
            lines = {i + 1 for i in range(first, last - 1) if self._break_after(i)}
            breaks = sorted(lines | set(self._clause_semicolons(first, last)))
            starts = [first, *breaks]
            ranges += zip(starts, [*breaks, last], strict=True)
        return ranges

    def _clause_semicolons(self, first: int, last: int) -> list[int]:
        """Where a semicolon parts two main clauses, each with its finite verb ("X bestritt das; Y
        sagte, …"), each of which says or reports on its own; not one in a list ("A 40 Prozent; B
        35 Prozent")."""
        marks = [i for i in range(first, last) if self.tokens[i].text == ";"]
        bounds = [first - 1, *marks, last]
        verbal = [any(_finite(t) for t in self.tokens[a + 1 : b]) for a, b in itertools.pairwise(bounds)]
        return [mark + 1 for k, mark in enumerate(marks) if verbal[k] and verbal[k + 1]]

    def _break_after(self, index: int) -> bool:
        token, following = self.tokens[index], self.tokens[index + 1]
        if "\n" in token.text and not token.text.strip():
            return True
        return token.text in (".", "!", "?") and following.text in ("„", "»") and following.start > token.end

    def contiguous(self, index: int, within: _Sentence) -> tuple[int, int]:
        """The token range around ``index`` that its subtree covers without a gap."""
        members = set(self.subtree(index))
        first = last = index
        while first - 1 >= within.first and first - 1 in members:
            first -= 1
        while last + 1 < within.last and last + 1 in members:
            last += 1
        return first, last + 1

    def finite_of(self, verb: int) -> int:
        """The finite verb of ``verb``'s clause: its auxiliary before it ("hatte … gesagt"), or itself."""
        return min([verb] + [c for c in self.children[verb] if self.tokens[c].dep == "aux" and c < verb])

    def cue_forms(self, index: int) -> list[str]:
        """The verb's lemma and surface form, bare and with its separable particle ("mit" + "teilte"):
        the parser also takes adverbs for particles ("sagte … weiter")."""
        token = self.tokens[index]
        particles = [self.tokens[c].text.lower() for c in self.children[index] if self.tokens[c].dep == "compound:prt"]
        stranded = self._clause_last(index)
        if stranded is not None and self.tokens[stranded].text.lower() in _PARTICLES:
            particles.append(self.tokens[stranded].text.lower())
        before = self.tokens[index - 1] if index else None
        final = index + 1 >= len(self.tokens) or self.tokens[index + 1].text in _CLAUSE_BOUNDARIES
        if (
            before is not None
            and before.text.lower() in _APART_PARTICLES
            and (not _finite(token) or (final and before.pos != "ADP"))
        ):
            particles.append(before.text.lower())  # written apart: "hat bekannt gegeben", "wie X bekannt gab,"
        bare = [token.lemma.lower(), token.text.lower()]
        return bare + [particle + form for particle in particles for form in bare]

    def _clause_last(self, index: int) -> int | None:
        """The last word of the clause a verb opens, where German leaves its particle ("gab … an,")."""
        last = _clause_end(self.tokens, index)
        return last - 1 if last - 1 > index else None

    def is_cue(self, index: int, lexicon: re.Pattern[str] = SPEECH_VERB) -> bool:
        """A verb of ``lexicon``: the speech verbs, or with ``_CLAUSE_CUE`` the verbs of deciding
        and promising, which count only with their clause (``_Finder._decision``)."""
        token = self.tokens[index]
        participle = token.pos == "ADJ" and any(
            self.tokens[c].dep in _AUXILIARIES or (self.tokens[c].dep == "cop" and self.tokens[c].lemma == "haben")
            for c in self.children[index]
        )  # "hatten vereinbart" with "haben" taken for a copula
        misread = token.pos == "ADJ" and token.dep == "ROOT" and token.lemma.endswith("en")  # "Brown schätzt, dass"
        return (
            (token.pos in ("VERB", "AUX") or participle or misread)
            and not self.is_so_called(index)
            and (
                any(lexicon.match(form) for form in self.cue_forms(index))
                or (lexicon is SPEECH_VERB and self.is_heisst_es(index))
            )
        )

    def is_so_called(self, index: int) -> bool:
        """ "die so genannte Schuldenbremse": a name, no speech act."""
        return index > 0 and self.lower(index - 1) == "so" and self.lower(index).startswith("genannt")

    def is_heisst_es(self, index: int) -> bool:
        """ "In der Erklärung heißt es: …", "hatte es geheißen", "…, wie es in der Erklärung hieß, …",
        "Aus der Regierung war zu hören, …"."""
        nearby = self.tokens[max(0, index - 2) : index + 3]
        if self.tokens[index].lemma.lower() == "hören" and index > 0 and self.lower(index - 1) == "zu":
            return any(t.text.lower() in ("ist", "war", "sei") for t in self.tokens[max(0, index - 6) : index])
        if self.tokens[index].lemma.lower() != "heißen":
            return False
        opening = index
        while opening > 0 and self.tokens[opening - 1].text not in _CLAUSE_BOUNDARIES:
            opening -= 1
        as_said = self.lower(opening) == "wie" and opening + 1 < index and self.lower(opening + 1) == "es"
        return as_said or any(t.text.lower() == "es" for t in nearby)

    def phrase_end(self, head: int, first: int, last: int) -> int:
        """Where a noun phrase ends: before a verb or a relative clause that its subtree takes in."""
        for index in range(head + 1, last):
            token = self.tokens[index]
            relative = token.text == "," and index + 1 < last and _relative(self.tokens[index + 1])
            if token.pos in ("VERB", "AUX") or relative:
                return index
        return last


def _articles_retagged(tokens: list[Token]) -> list[Token]:
    """The tokens with an article that the tagger takes for a pronoun ("Das Auswärtige Amt meldete")
    as a determiner, so that its noun phrase can be a speaker; after a comma or a preposition it
    stays a relative pronoun ("ein Hacker, der Geld forderte")."""
    retagged = list(tokens)
    for index in range(len(tokens) - 1):
        token, following = tokens[index], tokens[index + 1]
        previous = tokens[index - 1] if index else None
        if (
            token.pos == "PRON"
            and token.text.lower() in _ARTICLES
            and (following.pos in ("ADJ", "NOUN", "PROPN") or following.text in _QUOTE_MARKS)
            and (previous is None or (previous.text != "," and previous.pos != "ADP"))
        ):
            retagged[index] = replace(token, pos="DET", morph=token.morph.replace("PronType=Dem,Rel", "PronType=Art"))
    return retagged


def _relatives_retagged(tokens: list[Token]) -> list[Token]:
    """The tokens with a relative pronoun that the morphologizer takes for an article ("ein Hacker,
    der Geld forderte, sagte") marked as one: a d-word after a comma whose clause ends with its only
    finite verb. "…, der erste Hilfsflug sei eingetroffen" (verb second) stays an article."""
    retagged = list(tokens)
    for index in range(1, len(tokens)):
        token = tokens[index]
        if tokens[index - 1].text != "," or token.text.lower() not in _RELATIVE_WORDS or _relative(token):
            continue
        words = [t for t in tokens[index + 1 : _clause_end(tokens, index)] if t.text.strip()]
        if len(words) >= 2 and _verb_final(words):
            retagged[index] = replace(token, pos="PRON", morph=_with_relative(token.morph))
    return retagged


def _clause_end(tokens: list[Token], index: int) -> int:
    """Where the clause going on after ``index`` ends: its closing punctuation or the next sentence."""
    end = index + 1
    while end < len(tokens) and not tokens[end].sentence_start and tokens[end].text not in _CLAUSE_BOUNDARIES:
        end += 1
    return end


def _verb_final(words: list[Token]) -> bool:
    """Words whose only finite verb is the last, as in a relative clause ("die am Montag
    veröffentlicht wurde"); a finite verb before the end is verb-second ("der Flug sei gelandet")."""
    return bool(words) and _finite(words[-1]) and not any(_finite(word) for word in words[:-1])


def _with_relative(morph: str) -> str:
    features = [f for f in morph.split("|") if f and not f.startswith("PronType=")]
    return "|".join(sorted([*features, "PronType=Rel"]))


def _relative(token: Token) -> bool:
    """A relative pronoun; the morphologizer often leaves open whether "der" is one ("Dem,Rel")."""
    return re.search(r"PronType=[\w,]*Rel", token.morph) is not None


def _subjunctive(token: Token) -> bool:
    """A verb in the mood of reported speech, which the tagger often misses: a common form of
    Konjunktiv I or II, or a third person singular present in -e ("basiere", "rate"), which in
    the indicative ends in -t."""
    if token.pos not in ("VERB", "AUX"):
        return False
    word = token.text.lower()
    if word in _KONJUNKTIV_I or word in _KONJUNKTIV_II:
        return True
    if "Mood=Sub" in token.morph and "Tense=Pres" in token.morph and word.endswith("e") and not _weak_past(token):
        return True  # the tagger's guess, where the form allows it (not "darf", "im")
    # a weak verb's past ends in -te; the tagger's "Tense=Past" on "basiere" is its guess, not the form's
    singular = "Number=Plur" not in token.morph and "Person=1" not in token.morph
    return singular and word.endswith("e") and not word.endswith(("te", "de")) and _finite(token)


def _weak_past(token: Token) -> bool:
    """ "kippte" is the past of "kippen", whatever mood the tagger gives it."""
    lemma = token.lemma.lower()
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    return token.text.lower() in (stem + "te", stem + "ete")


def _finite(token: Token) -> bool:
    """A finite verb; the morphologizer sometimes gives its mood but not its form."""
    return token.pos in ("VERB", "AUX") and ("VerbForm=Fin" in token.morph or "Mood=" in token.morph)


def _misread_past(token: Token) -> bool:
    """A verb's past the tagger calls an adjective: "dankte" (lemma "danken")."""
    return token.pos == "ADJ" and token.lemma.endswith("en") and token.text.endswith(("te", "ten"))


def _infixed_zu(token: Token) -> bool:
    """A zu-infinitive written as one word: "zurückzunehmen" (zurück + zu + nehmen), "anzubieten"."""
    word, lemma = token.text.lower(), token.lemma.lower()
    return len(word) == len(lemma) + 2 and any(word == f"{lemma[:k]}zu{lemma[k:]}" for k in range(1, len(lemma)))


def _nominal(token: Token) -> bool:
    return token.pos in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "X") and bool(token.text.strip())


def _nominalised_adjective(token: Token) -> bool:
    """A capitalised adjective after the phrase's first word is a noun the tagger missed: "Ein
    Übertrittswilliger" (a sentence's first word is capitalised anyway)."""
    return token.pos == "ADJ" and token.text[:1].isupper()


def _people(entities: list[Entity]) -> list[Entity]:
    return [e for e in entities if e.label in ("PER", "ORG") and e.actor_id]


class _Speakers:
    """Turns a noun phrase into a speaker: its linked actor, or for a pronoun the person named last
    before it."""

    def __init__(self, parse: _Parse, entities: list[Entity]) -> None:
        self.parse, self.people = parse, _people(entities)
        # a place speaks for its country or government ("Frankreich forderte", "von Kyjiw zurückgewiesen"): the
        # actor of a speaker phrase that names no one else, never a reason to find a speaker
        self.places = [e for e in entities if e.label == "LOC" and e.actor_id]
        quoted = [match.span() for match in _QUOTES.finditer(parse.text)]
        unquoted = sorted(
            (e for e in [*self.people, *self.places] if not any(a <= e.start < b for a, b in quoted)),
            key=lambda e: e.start,
        )
        self.subjects: list[tuple[int, Entity]] = []  # the first person of each sentence
        self.bodies: list[tuple[int, Entity]] = []  # the first organisation or country of each sentence
        for sentence in parse.sentences:
            inside = [e for e in unquoted if sentence.start <= e.start < sentence.end]
            person = next((e for e in inside if e.label == "PER"), None)
            body = next((e for e in inside if e.label != "PER"), None)
            if person is not None:
                self.subjects.append((person.start, person))
            if body is not None:
                self.bodies.append((body.start, body))

    def phrase(self, first: int, last: int) -> _Speaker | None:
        """The speaker a span of tokens names, without the punctuation around it (but with the
        closing mark of a quoted name: die Zeitung „Die Zeit“)."""
        tokens = self.parse.tokens[first:last]
        opened = any(t.text in ("„", "»") for t in tokens)
        while tokens and (
            (tokens[-1].pos in ("PUNCT", "SPACE") and not _WEBSITE.fullmatch(tokens[-1].text))
            or not tokens[-1].text.strip()
        ):  # a website the tagger calls punctuation stays: "laut ndr.de"
            if (opened and tokens[-1].text in ("“", "«")) or (
                tokens[-1].text == ")" and any(t.text == "(" for t in tokens)
            ):
                break  # a quoted name's closing mark, or a name's parenthesis: "die WHO (Genf)"
            tokens.pop()
        closed = bool(tokens) and tokens[-1].text in ("“", "«")
        while tokens and (
            (tokens[0].pos in ("PUNCT", "SPACE") and not _WEBSITE.fullmatch(tokens[0].text))
            or not tokens[0].text.strip()
        ):
            if closed and tokens[0].text in ("„", "»"):
                break  # a quoted name, whatever its words are tagged: „heise online“
            tokens.pop(0)
        quoted = closed and bool(tokens) and tokens[0].text in ("„", "»")
        nominal = (
            any(t.pos in ("NOUN", "PROPN", "PRON") or _WEBSITE.fullmatch(t.text) for t in tokens)
            or any(_nominalised_adjective(t) for t in tokens[1:])
            or (len(tokens) == 2 and tokens[0].pos == "DET" and tokens[1].pos in ("ADJ", "NUM"))  # "der 81-jährige"
            or any(self.names(t) for t in tokens)  # a name, however tagged
        )
        words = [t for t in tokens if t.text not in ("(", ")")]  # "die Europäische Union (EU)" is three words
        if not tokens or len(words) > MAX_SPEAKER_WORDS or not (nominal or quoted):
            return None
        start, end = tokens[0].start, tokens[-1].end
        text = self.parse.text[start:end]
        if text.lower() in _PRONOUNS:
            return _Speaker(text, self._antecedent(start, text))
        if text.lower() == "it":  # "Russia's defence ministry denied it. In a statement, it said …"
            earlier = [body for position, body in self.bodies if position < start]
            return _Speaker(text, earlier[-1]) if earlier else None
        inside = self.inside(start, end)
        cut = [p for p in self.people if start <= p.start < end < p.end]  # "… Mohammed" | "bin Abdulrahman Al Thani"
        if not inside and cut:
            return _Speaker(self.parse.text[start : cut[0].end], cut[0])
        people = [p for p in inside if p.label == "PER"]  # "Der Chef der Deutschen Bank, Christian Sewing"
        place = next((p for p in self.places if start <= p.start and p.end <= end), None)
        return _Speaker(text, people[-1] if people else next(iter(inside), place))

    def names(self, token: Token) -> bool:
        """The token is part of a linked person's or organisation's name."""
        return any(p.start <= token.start < p.end for p in self.people)

    def starting_at(self, position: int) -> _Speaker | None:
        """The person or organisation whose name opens at ``position``, however the tagger reads it."""
        named = next((p for p in self.people if p.start == position), None)
        return None if named is None else _Speaker(named.text, named)

    def inside(self, start: int, end: int) -> list[Entity]:
        """The linked people and organisations within ``start``..``end`` of the text."""
        return [p for p in self.people if start <= p.start and p.end <= end]

    def person_in(self, indices: list[int], head: int) -> _Speaker | None:
        """The speaker a phrase's tokens name: the person or organisation at its head, else the
        first person in it (an apposition), else the phrase's words up to the head."""
        tokens = self.parse.tokens
        start, end = tokens[indices[0]].start, tokens[indices[-1]].end
        inside = self.inside(start, end)
        at_head = [p for p in inside if p.start <= tokens[head].start < p.end]
        named = [p for p in inside if p.label == "PER" and p.text[:1].isupper()]
        # a name before a title mention the knowledge base resolved ("foreign minister" → its holder)
        person = ([p for p in at_head if p.text[:1].isupper()] or named or at_head or [None])[0]
        if person is not None:
            return _Speaker(self.parse.text[person.start : person.end], person)
        first = indices[0]
        return self.phrase(first, head + 1) if head - first < MAX_SPEAKER_WORDS else None

    def relative(self, index: int, sentence: _Sentence) -> _Speaker | None:
        """A relative pronoun stands for the noun its clause hangs on ("ein Hacker, der behauptete, …")."""
        tokens = self.parse.tokens
        verb = tokens[index].head
        if tokens[verb].dep != "acl:relcl":
            return None
        noun = tokens[verb].head
        first, last = self.parse.contiguous(noun, sentence)
        return self.phrase(first, self.parse.phrase_end(noun, first, last))

    def _antecedent(self, position: int, pronoun: str) -> Entity | None:
        """The first person named outside quotation marks in the last sentence that names one: in
        "„Ich werde mit Putin sprechen“, sagte er", "er" is not Putin. A person the text marks as a
        woman is no "er", a man no "sie" (then the sentence before is asked)."""
        feminine = pronoun.lower() in _FEMININE_PRONOUNS
        earlier = [entity for start, entity in self.subjects if start < position]
        for entity in reversed(earlier[-3:]):
            if self._sex(entity) != ("m" if feminine else "f"):
                return entity
        return None

    def _sex(self, person: Entity) -> str | None:
        """ "f" or "m" where the words before one of the person's mentions say it, else None."""
        text = self.parse.text
        for mention in self.people:
            if mention.actor_id == person.actor_id and mention.label == "PER":
                before = text[max(0, mention.start - 50) : mention.start]
                if _FEMININE_BEFORE.search(before):
                    return "f"
                if _MASCULINE_BEFORE.search(before):
                    return "m"
        return None


def _quote(text: str, start: int, end: int, speaker: _Speaker | None, direct: bool, cue: str | None) -> Quote:
    while start < end and text[start] in " ,:;–-\n":
        start += 1
    while end > start and text[end - 1] in " ,:;–-\n":
        end -= 1
    return Quote(
        text=text[start:end],
        start=start,
        end=end,
        speaker_text=speaker.text if speaker else None,
        speaker_actor_id=speaker.actor.actor_id if speaker and speaker.actor else None,
        direct=direct,
        cue=cue,
    )


def _merged(text: str, reported: Quote, quote: Quote) -> Quote:
    """The reported quote stretched over the direct quote that ends it, closing mark included."""
    closing = next((i for i in range(quote.end, len(text)) if text[i] in '“”«»"'), quote.end - 1)
    return _spoken_by(_quote(text, reported.start, closing + 1, None, False, reported.cue), reported)


def _spoken_by(quote: Quote, other: Quote) -> Quote:
    """The quote with the speaker of another quote of the same sentence."""
    quote.speaker_text, quote.speaker_actor_id = other.speaker_text, other.speaker_actor_id
    return quote


class _Finder:
    """Walks the sentences once: direct quotes, then reported speech, then its continuation."""

    def __init__(self, text: str, entities: list[Entity], tokens: list[Token], language: str) -> None:
        self.text = text
        self.english = language == "en"
        self.parse = _Parse(text, _relatives_retagged(_articles_retagged(tokens)))
        self.speakers = _Speakers(self.parse, entities)

    def _cues(self, sentence: _Sentence, outside: tuple[int, int] = (0, 0)) -> list[int]:
        return [
            i
            for i in range(sentence.first, sentence.last)
            if self.parse.is_cue(i) and not outside[0] <= self.parse.tokens[i].start < outside[1]
        ]

    def _sentence_at(self, position: int) -> _Sentence | None:
        return next((s for s in self.parse.sentences if s.start <= position < s.end + 1), None)

    def _cue_speaker(self, cue: int, sentence: _Sentence) -> _Speaker | None:
        """The cue's subject; "sie" with a plural verb ("Sie erklärten") is not the person named last;
        what "heißt es" quotes comes from the text it is in ("In der Erklärung heißt es")."""
        word = self.parse.lower(cue)
        heard = word.startswith("verlaut") and not word.startswith("verlautbar")
        if self.parse.is_heisst_es(cue) or heard:  # "Aus X verlautete, …" (but "X verlautbarte")
            _, end = self._clause(cue, sentence)  # "…, hieß es am Abend aus Regierungskreisen"
            behind = self._source(sentence, end, _SOURCE_PREPOSITIONS, first=cue + 1)
            return behind or self._source(sentence, min(cue + 4, sentence.last), _SOURCE_PREPOSITIONS)
        if any(_EMERGES.match(form) for form in self.parse.cue_forms(cue)):
            return self._source(sentence, sentence.last, ("aus",), documents=True)  # "geht aus dem Bericht hervor"
        if self._passive(cue):
            return self._source(sentence, cue, _DOCUMENT_PREPOSITIONS, documents=True) or self._agent(cue, sentence)
        if self.english:
            return self._english_subject(cue)
        if (quoted := self._quoted_person(cue, sentence)) is not None:
            return quoted
        speaker = self._subject_by_word_order(cue, sentence)
        finite = self.parse.finite_of(cue)
        if (
            speaker is not None
            and speaker.text.lower() in _PRONOUNS
            and "Number=Plur" in self.parse.tokens[finite].morph
        ):
            speaker.actor = None
        return speaker

    def _subject_after_fronted_phrase(self, start: int, finite: int) -> _Speaker | None:
        """Machine translation keeps English word order and capitals: "Nach dem Treffen Der Minister
        sagte, …" ("After the meeting, the minister said"). A noun phrase that opens with a
        capitalised article inside the clause, after a fronted prepositional phrase, and runs up to
        the finite verb is its subject; not a name such as a newspaper's ("Die Welt")."""
        tokens = self.parse.tokens
        if tokens[start].pos != "ADP":
            return None
        for index in range(start + 2, finite):
            if tokens[index].text in _CAPITALISED_ARTICLES and tokens[index - 1].text not in ("„", "»", ":", '"'):
                if self._name_at(index) is not None or self._extent(index, finite) != finite:
                    return None
                return self._noun_phrase(index, finite)
        return None

    def _quoted_person(self, cue: int, sentence: _Sentence) -> _Speaker | None:
        """Whom "zitieren" quotes: the person named after it ("…“, zitierte man Karla Brenner",
        "…“, zitiert die Zeitung Jens Kohl"), not the medium or "man" that quotes them."""
        if not any(form.startswith(("zitier", "gezitiert")) for form in self.parse.cue_forms(cue)):
            return None
        _, last = self._clause(cue, sentence)
        for index in range(cue + 1, last):
            named = self._name_at(index)
            if named is not None and named.actor is not None and named.actor.label == "PER":
                end = self._extent(index, last)
                return self.speakers.phrase(index, end) or named
        return None

    def _english_subject(self, cue: int) -> _Speaker | None:
        """English word order is fixed and the English parser finds subjects well: the cue's
        ``nsubj``, with the person its phrase names ("Poland's foreign minister, Marek Dąbrowiecki",
        "Polish Foreign Minister Marek Dąbrowiecki, who chaired the meeting, told …")."""
        subjects = self.parse.kids(cue, frozenset({"nsubj"}))
        if not subjects and self.parse.tokens[cue].dep == "conj":  # "X warned … and said …"
            subjects = self.parse.kids(self.parse.tokens[cue].head, frozenset({"nsubj"}))
        if not subjects:
            return None
        head = subjects[0]
        if self.parse.tokens[head].pos == "PRON":
            return self.speakers.phrase(head, head + 1)
        return self.speakers.person_in(self.parse.subtree(head), head)

    def _passive(self, cue: int) -> bool:
        """ "Ihm wurde vorgeworfen": the subject is not who spoke. A finite cue is never passive,
        whatever auxiliary the parser hangs on it ("Alle Gebiete seien …, sagte X": "seien")."""
        tokens = self.parse.tokens
        return not _finite(tokens[cue]) and any(
            tokens[c].dep == "aux:pass" and (tokens[c].pos == "AUX" or tokens[c].lemma == "werden")
            for c in self.parse.children[cue]
        )

    def _agent(self, cue: int, sentence: _Sentence) -> _Speaker | None:
        """Who a passive cue names with "von" ("Von der Opposition wurde der Besuch kritisiert"); not
        a "von" phrase that belongs to a noun ("Angaben von Interpol") or that says what was
        spoken of ("Von Bränden wird berichtet")."""
        tokens = self.parse.tokens
        if any(_NO_AGENT.match(form) for form in self.parse.cue_forms(cue)):
            return None
        first, last = self._clause(cue, sentence)
        for index in range(first, last):
            attribute = (
                index > first
                and tokens[index - 1].pos in ("NOUN", "PROPN")
                and (self._extent(index + 1, last) != cue or tokens[index + 1].pos == "NUM")
            )  # "wurde die Regierung vom Verband aufgefordert", not "eine Summe von zehn Millionen genannt"
            if tokens[index].text.lower() in ("von", "vom") and not attribute:
                end = self._extent(index + 1, last)
                return self.speakers.phrase(index + 1, end) if end > index + 1 else None
        return None

    def _source(
        self,
        sentence: _Sentence,
        limit: int,
        prepositions: tuple[str, ...],
        documents: bool = False,
        first: int | None = None,
    ) -> _Speaker | None:
        """Where a cue without a subject has its words from: "In der Erklärung heißt es", "hieß es
        bei der Agentur", "geht aus dem Bericht hervor"; for a passive cue only a document ("In einer
        Mitteilung wird gefordert")."""
        tokens = self.parse.tokens
        for index in range(sentence.first if first is None else first, limit):
            word = tokens[index].text.lower()
            if word in prepositions or word == "auf":
                end = self._extent(index + 1, sentence.last)
                document = any(_DOCUMENT.search(token.text) for token in tokens[index + 1 : end])
                when = any(_TIME.match(token.text) for token in tokens[index + 1 : end])  # "im Mai": no source
                if end > index + 1 and not when and (document or (not documents and word in prepositions)):
                    return self.speakers.phrase(index + 1, end)  # "auf" only with a document: "auf der Website"
        return None

    def _subject_by_word_order(self, cue: int, sentence: _Sentence) -> _Speaker | None:
        """The subject of a cue, found by German word order, which the parser often gets wrong: the
        noun phrase that opens the clause before the finite verb ("Der Minister sagte",
        "wie die Polizei mitteilte"), else the one right after it ("Dabei sagte sie", "„…“, so
        schreibt Reinhold Gall")."""
        tokens = self.parse.tokens
        finite = self.parse.finite_of(cue)
        if self._passive(cue):
            return None
        start, _ = self._clause(finite, sentence)
        while (
            start < finite
            and self.parse.lower(start) not in _CONTRACTIONS
            and tokens[start].text not in ("„", "»")
            and (tokens[start].pos in ("SCONJ", "CCONJ", "PUNCT") or self.parse.lower(start).strip() in _CONJUNCTIONS)
        ):
            start += 1  # "wie", which the tagger also takes for a preposition
        demonstrative = start + 1 == finite and self.parse.lower(start) in _DEMONSTRATIVES  # "…, das teilte X mit"
        if sentence.first < start < finite and _relative(tokens[start]) and not demonstrative:  # never the first word
            if tokens[start].head == cue:  # "ein Hacker, der behauptete, …"
                return self.speakers.relative(start, sentence)
            if tokens[start].dep.startswith("nsubj"):
                return None  # the subject of another verb
            start += 1  # the pronoun is the object: "die Gerhard Schröder … erklärt hatte"
        translated = self._subject_after_fronted_phrase(start, finite)
        if translated is not None:
            return translated
        focused = start + 1 < finite and (self._extent(start + 1, finite) == finite or start + 2 == finite)
        if tokens[start].text.lower() in _FOCUS_PARTICLES and focused:
            start += 1  # "Auch der Außenminister sagte"
        after = finite + 1
        while after < sentence.last and (
            (tokens[after].pos in ("ADV", "PART") and tokens[after].dep != "nsubj" and self._name_at(after) is None)
            or "Reflex=Yes" in tokens[after].morph
        ):
            after += 1  # "Dabei sagte sie", "äußerte sich Schavan" (not a name the tagger calls an adverb)
        if after < sentence.last and tokens[after].text.lower() in _NOMINATIVE_PRONOUNS:
            return self._noun_phrase(after, sentence.last)  # "Die Tat bezeichnete er als sinnlos"
        if start + 1 == finite and self.parse.lower(start) in _DEMONSTRATIVES:
            return self._noun_phrase(after, sentence.last)  # "Das erklärte ein Sprecher": "das" is what he said
        named = self._person_opening(start, finite)
        if named is not None:
            return named  # "Lammert würdigte die Bundeswehr als …": a name alone before the verb is its subject
        behind = self._subject_behind(cue, finite, sentence)
        if behind is not None:
            return behind
        joined = next((i for i in range(finite - 2, start, -1) if self.parse.lower(i) in _MAIN_CLAUSE_JOINS), None)
        if (
            joined is not None
            and any(_finite(t) for t in tokens[start:joined])
            and self._extent(joined + 1, finite) == finite
            and (subject := self._noun_phrase(joined + 1, finite)) is not None
        ):
            return subject  # a main clause joined to another: "Der Streit war der erste und die Anwohner befürchten, …"
        opening = self._noun_phrase(start, finite) if not self._predicative(start, finite) else None
        if opening is not None:
            inverted = self._name_at(after) if after < sentence.last else None
            singular = "Number=Plur" not in tokens[finite].morph  # "Die Behörden werfen X … vor": X is no subject
            if not _named(opening) and inverted is not None and inverted.actor.label == "PER" and singular:
                return inverted  # "Die Einigung bezeichnete X als …": a person after the verb, not the thing before
            return self._person_before(finite, opening)
        if tokens[start].pos == "ADP" and (person := self._person_before(finite, None)) is not None:
            return person  # "Bei einem Besuch in Genf … Karla Brenner sagte"
        if finite > start and tokens[finite - 1].text.lower() in ("und", "and", "sowie"):
            # the second of two verbs shares the first one's subject: "X sprach sich dagegen aus und sagte, …"
            earlier = next(
                (
                    i
                    for i in range(finite - 2, sentence.first - 1, -1)
                    if _finite(tokens[i]) or _misread_past(tokens[i])
                ),
                None,
            )
            return self._subject_by_word_order(earlier, sentence) if earlier is not None else None
        # the clause's own start: the sentence's, or a "wie" after a comma ("…, wie X, Chef von Y, mitteilte")
        opener = next(
            (
                i + 1
                for i in range(finite - 1, sentence.first, -1)
                if self.parse.lower(i) == "wie" and tokens[i - 1].text == ","
            ),
            sentence.first,
        )
        while opener < finite and (
            tokens[opener].pos in ("SCONJ", "CCONJ")
            or not tokens[opener].text.strip()
            or self.parse.lower(opener) in _FOCUS_PARTICLES
        ):
            opener += 1  # "Wie die Premierministerin, Anna Bligh, erklärte", "Auch X, Chef von Y, sagte"
        # a subject with an apposition: "Die Sprecherin der Stiftung, Heike van Laak, sagte", also
        # with a place or time between it and the verb ("Wie X, Sprecher der UN, in Bangkok mitteilte")
        placed = tokens[start].pos == "ADP" or self.parse.lower(start) in _CONTRACTIONS
        closing = start - 1 if start == finite or placed else finite
        if tokens[closing].text == "," and closing > opener:
            subject = self._noun_phrase(opener, closing, apposition=True)
            if subject is not None:
                return subject
            comma = next(
                (i for i in range(opener, closing) if tokens[i].text == "," and _relative(tokens[i + 1])), closing
            )
            if comma + 1 < finite:
                # "Der 84-jährige Küng, der als Kritiker gilt, hofft, …", "X, einer der Abgeordneten, die
                # den Brief unterschrieben, verurteilte …"
                return self._noun_phrase(opener, comma, apposition=True)
        return (
            self._noun_phrase(after, sentence.last)
            or (self._name_at(after) if after < sentence.last else None)
            or self._shared_subject(finite, start, sentence)
        )

    def _shared_subject(self, finite: int, start: int, sentence: _Sentence) -> _Speaker | None:
        """The second verb of a clause pair shares the first one's subject: "X bestätigte den
        Vorfall, teilte jedoch mit, …" (a verb right after the comma, with no subject of its own)."""
        tokens = self.parse.tokens
        if start != finite or finite - 1 <= sentence.first or tokens[finite - 1].text != ",":
            return None
        if any(t.text in _QUOTE_MARKS for t in tokens[sentence.first : finite]):
            return None  # „…“, sagte X: the words before are the quote
        earlier = next((i for i in range(finite - 2, sentence.first - 1, -1) if _finite(tokens[i])), None)
        if earlier is None:
            return None
        opener = tokens[self._clause(earlier, sentence)[0]]
        if opener.text.lower() in _SUBORDINATORS or _relative(opener) or tokens[earlier].dep in ("advcl", "acl:relcl"):
            return None  # "Während X drängt, sagte …", "…, der drängte, sagte …": another clause's subject
        return self._subject_by_word_order(earlier, sentence)

    def _name_at(self, index: int) -> _Speaker | None:
        """The person or organisation whose name opens at the token."""
        return self.speakers.starting_at(self.parse.tokens[index].start)

    def _person_before(self, finite: int, opening: _Speaker | None) -> _Speaker | None:
        """A person named right before the verb, where the opening phrase names none: the subject
        in translated text that keeps English word order ("Bei einem Besuch in Genf …
        Präsidentin Karla Brenner sagte"); a full name, since a single word tagged as a
        person may be a noun ("der Presse mitteilte")."""
        if opening is not None and opening.actor is not None and opening.actor.label == "PER":
            return opening
        end = self.parse.tokens[finite - 1].end
        person = next((p for p in self.speakers.people if p.label == "PER" and p.end == end and " " in p.text), None)
        return opening if person is None else _Speaker(self.text[person.start : person.end], person)

    def _person_opening(self, start: int, finite: int) -> _Speaker | None:
        """A person's name that is all of the clause before its finite verb."""
        tokens = self.parse.tokens
        if start >= finite:
            return None
        begin, end = tokens[start].start, tokens[finite - 1].end
        person = next((p for p in self.speakers.people if p.label == "PER" and (p.start, p.end) == (begin, end)), None)
        return None if person is None else _Speaker(person.text, person)

    def _subject_behind(self, cue: int, finite: int, sentence: _Sentence) -> _Speaker | None:
        """The subject the parser puts after the finite verb ("Gegenwärtig wirft Minister X …"):
        the parser leans towards the phrase before the verb, so one it puts after is rarely wrong."""
        tokens = self.parse.tokens
        heads = {cue, finite}
        subjects = [c for h in heads for c in self.parse.children[h] if tokens[c].dep == "nsubj"]
        behind = [c for c in subjects if c > finite]
        if not behind or len(behind) < len(subjects):
            return None
        first, _ = self.parse.contiguous(min(behind), sentence)
        return self._noun_phrase(max(first, finite + 1), sentence.last)

    def _predicative(self, start: int, finite: int) -> bool:
        """A main clause that opens with "als" + noun ("Als Grund nannte die NASA …"): the noun is
        what the subject after the verb named, unlike "als der Minister sagte, …" whose verb ends it."""
        tokens = self.parse.tokens
        opener = start - 1
        while opener >= 0 and not tokens[opener].text.strip():
            opener -= 1
        following = tokens[finite + 1] if finite + 1 < len(tokens) else None
        return (
            opener >= 0
            and tokens[opener].text.lower() == "als"
            and following is not None
            and following.text not in _CLAUSE_BOUNDARIES
        )

    def _extent(self, start: int, limit: int) -> int:
        """Where the noun phrase from ``start`` ends: after its nouns, names and the genitive or
        "von" phrase that names whose they are ("Angaben von Interpol")."""
        tokens = self.parse.tokens
        end = start
        while end < limit:
            token = tokens[end]
            of = token.text.lower() in ("von", "vom") and end + 1 < limit and _nominal(tokens[end + 1])
            opens_name = end + 1 < limit and (
                tokens[end + 1].pos in ("NOUN", "PROPN") or _WEBSITE.fullmatch(tokens[end + 1].text) is not None
            )
            quoted_name = token.text in _QUOTE_MARKS and (end > start or opens_name)  # (die) „Computerwoche“
            after_noun = end > start and tokens[end - 1].pos in ("NOUN", "PROPN")
            if token.pos == "DET" and after_noun and token.text.lower() not in ("des", "der", "eines", "einer"):
                break  # a new noun phrase, not a genitive: "nach eigenen Angaben | die Hälfte"
            if (
                end > start
                and self._extended_attribute(end, limit)
                and not any(t.pos in ("NOUN", "PROPN") for t in tokens[start:end])  # before the phrase's noun
            ):
                end += 1  # "laut einer am Dienstag veröffentlichten Mitteilung": a phrase inside the attribute
                continue
            closing = (
                next((i for i in range(end + 1, min(limit, end + 5)) if tokens[i].text == ")"), None)
                if token.text == "(" and after_noun
                else None
            )
            quoted = (
                self._quoted_name_end(end, limit) if token.text in ("„", "»") and (end > start or opens_name) else None
            )
            if quoted is not None:
                end = quoted  # a quoted name, whatever its words: die „Initiative für saubere Luft“
                continue
            if closing is not None:
                end = closing + 1  # a short name in parentheses: "die Weltgesundheitsorganisation (WHO)"
                genitive = end < limit and self.parse.lower(end) in ("des", "der", "eines", "einer")
                if not genitive:
                    break  # "X (CDU) | dem Minister …"
                continue
            if end > start and token.text.lower() in _CONTRACTIONS:
                break  # a preposition, however it is tagged: "die Reederei | am Morgen"
            if end > start and tokens[end - 1].text in ("“", "«") and token.pos not in ("DET", "NOUN", "PROPN"):
                break  # a quoted name is closed: "laut „Computerwoche“ | stärker"
            if after_noun and self._told_medium(end, limit):
                break  # "sagte ein Polizeisprecher | der Deutschen Presse-Agentur": whom he told, not whose he is
            following = tokens[end + 1].pos if end + 1 < limit else ""
            predicative = token.pos in ("ADJ", "ADV") and following not in ("NOUN", "PROPN", "ADJ")
            if (
                token.pos == "ADV"
                and end == start
                and not predicative
                and token.text.lower().endswith(("em", "en", "er", "es"))
            ):
                end += 1  # an adjective the tagger calls an adverb: "laut nationalem statistischen Institut"
                continue
            if (token.pos == "NUM" or predicative) and after_noun:
                break  # "nach Angaben der Veranstalter | rund 7.000 Menschen", "von Vattenfall | möglich"
            attributive = token.dep == "amod" and end > start  # a participle: "die 13 beteiligten Feuerwehrleute"
            nominal = (_nominal(token) and (token.pos != "PRON" or token.dep.startswith("det"))) or bool(
                _WEBSITE.fullmatch(token.text)  # "dessen Angaben", "laut ndr.de"
            )
            if not (of or quoted_name or attributive or nominal or token.text in ("-", "–")):
                break
            end += 1
        return end

    def _quote_close(self, opening: int, limit: int, width: int) -> int | None:
        """The closing mark of a short quoted name that opens at ``opening``: within ``width``
        tokens, with no verb before it."""
        tokens = self.parse.tokens
        close = next((i for i in range(opening + 1, min(limit, opening + width)) if tokens[i].text in ("“", "«")), None)
        named = close is not None and not any(t.pos in ("VERB", "AUX") for t in tokens[opening:close])
        return close if named else None

    def _quoted_name_end(self, opening: int, limit: int) -> int | None:
        """After the closing mark of a short quoted name inside a noun phrase, if one opens at
        ``opening``: capitalised, not empty, within one clause."""
        tokens = self.parse.tokens
        if opening == 0 or opening + 1 >= limit or not tokens[opening + 1].text[:1].isupper():
            return None
        if tokens[opening - 1].pos not in ("DET", "NOUN"):
            return None  # a name comes after its article or its kind: die „Initiative …“, die Zeitung „…“
        close = self._quote_close(opening, limit, 8)
        if close is None or close == opening + 1 or any(t.text in _CLAUSE_BOUNDARIES for t in tokens[opening:close]):
            return None
        return close + 1

    def _extended_attribute(self, index: int, limit: int) -> bool:
        """A preposition inside an article's attribute, before the noun: "einer am Dienstag
        veröffentlichten Mitteilung" (a participle, then the noun, close behind it)."""
        tokens = self.parse.tokens
        if tokens[index].pos != "ADP" and tokens[index].text.lower() not in _CONTRACTIONS:
            return False
        for i in range(index + 1, min(limit - 1, index + 6)):
            participle = tokens[i].pos in ("ADJ", "VERB") and tokens[i].text.lower().endswith(
                ("te", "ten", "tes", "tem", "ter", "ene", "enen")
            )
            if participle and tokens[i + 1].pos in ("NOUN", "PROPN"):
                return True
        return False

    def _told_medium(self, index: int, limit: int) -> bool:
        """A dative article and a news medium after a spokesperson: the one they spoke to."""
        tokens = self.parse.tokens
        if self.parse.lower(index) not in ("der", "dem") or not tokens[index - 1].text.lower().endswith(
            ("sprecher", "sprecherin")
        ):
            return False
        noun = next((i for i in range(index + 1, limit) if tokens[i].pos in ("NOUN", "PROPN")), None)
        return noun is not None and _MEDIUM.search(tokens[noun].text) is not None

    def _noun_phrase(self, start: int, limit: int, apposition: bool = False) -> _Speaker | None:
        """The noun phrase that begins at ``start`` ("Ein Sprecher der Polizei", "sie"), if one does;
        with ``apposition``, one that fills all up to ``limit`` with its appositions."""
        tokens = self.parse.tokens
        while start < limit and not tokens[start].text.strip():
            start += 1
        if apposition:
            inside = tokens[start:limit]
            if any(t.pos in ("VERB", "AUX", "SCONJ") or t.text in _CLAUSE_BOUNDARIES - {","} for t in inside):
                return None
            if not _nominal(tokens[start]):
                return None
            comma = next((i for i in range(start, limit) if tokens[i].text == ","), limit)
            # a long apposition is cut to its first phrase: "Die Regierungsparteien, die X (…) und die Y (…),"
            return self.speakers.phrase(start, limit) or self.speakers.phrase(start, comma)
        opener = tokens[start] if start < limit else None
        if opener is not None and opener.text in ("„", "»"):  # a quoted name: „heise online“ berichtet
            close = self._quote_close(start, limit, 6)
            return self.speakers.phrase(start, close + 1) if close is not None else None
        website = opener is not None and _WEBSITE.fullmatch(opener.text) is not None  # "Wie ndr.de berichtete"
        if website:
            return self.speakers.phrase(start, start + 1)
        if (
            opener is None
            or not _nominal(opener)
            or _misread_past(opener)  # "dankte", tagged an adjective
            or (opener.text.lower() in _NOT_SUBJECTS and opener.pos != "DET")
            or opener.text.lower() in _CONTRACTIONS
        ):
            return None
        group_end = self._extent(start + 1, limit)
        if opener.pos == "PRON" and opener.text.lower() in _PARTITIVES and group_end > start + 1:
            return self.speakers.phrase(start, group_end)  # "Einer der Feuerwehrmänner"
        if opener.pos == "PRON":
            return self.speakers.phrase(start, start + 1) if opener.text.lower() in _PRONOUNS else None
        end = self._extent(start, limit)
        article = tokens[start]
        head = end - 1
        while head > start and tokens[head].pos == "PUNCT":
            head -= 1
        nominalised = head > start and (
            _nominalised_adjective(tokens[head])
            or (head == start + 1 and article.pos == "DET" and tokens[head].pos in ("ADJ", "NUM"))
        )  # "Ein Übertrittswilliger", "der 81-jährige": an adjective with its article alone is a noun
        named = (
            _WEBSITE.fullmatch(tokens[head].text) is not None  # "Die Gewerkschaft ver.di", however tagged
            or tokens[end - 1].text in ("“", "«")  # der Sender „Kanal 12“
        )
        if (tokens[head].pos not in ("NOUN", "PROPN") and not (nominalised or named)) or (
            article.text.lower() in ("den", "dem", "des", "einen", "einem", "eines")
            or _OBLIQUE_DETERMINER.match(article.text)
        ):
            return None  # an object or adverbial opens the clause: "Den Vorschlag lehnte X ab", "Des Weiteren sagte X"
        if _TIME.match(tokens[head].text) or any(re.fullmatch(r"\d{1,2}[:.]\d{2}", t.text) for t in tokens[start:end]):
            return None  # a time opens the clause: "Wenige Stunden später erklärte der Rat", "Um 11:09 Uhr MEZ …"
        if article.text.lower() in _ATTITUDES:
            return None  # an attitude opens the clause, whatever the tagger says: "Besorgt äußerte sich X"
        if _PARTICIPLE_ADVERB.match(article.text):
            return None  # a participle the tagger calls a noun: "Relativierend fügt X hinzu", "Passend zu …"
        return self.speakers.phrase(start, self._name_behind(end, limit) or end)

    def _name_behind(self, end: int, limit: int) -> int | None:
        """Where the clause's first field ends when a name closes it behind a prepositional phrase:
        German puts one phrase before the finite verb, so the name belongs to the noun before it
        ("Die Ministerin für europäische Angelegenheiten Aino Heikura sagte"). A "von" phrase is
        not one: ``_extent`` reads it as the noun's attribute ("Angaben von Interpol")."""
        tokens = self.parse.tokens
        if end >= limit or tokens[end].pos != "ADP" or tokens[end].text.lower() in ("von", "vom"):
            return None
        last = tokens[limit - 1]
        name = next((p for p in self.speakers.people if p.label == "PER" and p.end == last.end), None)
        if name is None or name.start <= tokens[end].start:
            return None
        between = [t for t in tokens[end + 1 : limit] if t.end <= name.start]
        return limit if between and all(t.pos in ("ADJ", "NOUN") for t in between) else None

    def direct(self) -> list[tuple[Quote, _Speaker | None]]:
        found = []
        title_end = -1  # where the last quoted title ended: "in „A“ oder „B“" lists two titles
        for match in _QUOTES.finditer(self.text):
            group = next(name for name in "abcde" if match.group(name) is not None)
            start, end = match.span(group)
            content = self.text[start:end]
            sentence = self._sentence_at(match.start())
            if len(content.split()) < MIN_WORDS or sentence is None:
                continue  # a single quoted word is a label or scare quote, not a statement
            before = self.text[sentence.start : match.start()].rstrip()
            index = self.parse.sentences.index(sentence)
            if not before and index and self.text[: match.start()].rstrip().endswith(":"):
                sentence = self.parse.sentences[index - 1]  # the parser ended the frame at its colon
                before = self.text[sentence.start : match.start()].rstrip()
            after = self.text[match.end() : match.end() + 40]
            cues = self._cues(sentence, (match.start(), match.end()))
            end_sentence = self._sentence_at(match.end() - 1) or sentence
            going_on = re.match(r"\s*,?\s*[–-]?\s*[a-zäöüß]", after)
            if going_on is not None:  # „… etabliert.“ erklärte X: the parser ends the sentence inside the quote
                end_sentence = self._sentence_at(match.end() + going_on.end() - 1) or end_sentence
            if end_sentence is not sentence:
                cues += self._cues(end_sentence, (match.start(), match.end()))
            # a colon frames speech where a cue or a verb says so; else it introduces a title or a name
            # ("Sein erstes Werk entstand 1978: „Le Grand Macabre“")
            colon = before.endswith(":") and bool(cues)
            framed = colon or (
                re.match(r"^(?:[,.]\s*[–-]?\s*(?:so\b|\w+te\b)|\s+so\s)", after) is not None
                and not self._so_opens_a_clause(match.end(), sentence)
            )
            listed = title_end >= 0 and _LISTED.fullmatch(self.text[title_end : match.start()]) is not None
            if listed or _TITLED.search(self.text[: match.start()]):
                title_end = match.end()
                continue  # a quoted title or name
            if not (self._is_speech(start, end) or framed):
                continue
            speaker, cue_text = self._direct_speaker(match.start(), match.end(), sentence, end_sentence, cues)
            if cues and speaker is not None:
                speaker = self._relayed(speaker, end_sentence, (match.start(), match.end()))
            found.append((_quote(self.text, start, end, speaker, True, cue_text), speaker))
        return found

    def _so_opens_a_clause(self, position: int, sentence: _Sentence) -> bool:
        """ "„Gewalt gegen Kinder“, so lautet der Titel": "so" before a verb that is no cue opens a
        main clause; "„…“, so der Minister" and "„…“, so sagte er" attribute the quote."""
        tokens = self.parse.tokens
        so = next(
            (
                i
                for i in range(sentence.first, len(tokens))
                if tokens[i].start >= position and tokens[i].text.strip() not in ("“", "«", '"', ",", "")
            ),
            None,
        )
        if so is None or self.parse.lower(so) != "so" or so + 1 >= len(tokens):
            return False
        return _finite(tokens[so + 1]) and not self.parse.is_cue(so + 1)

    def _is_speech(self, start: int, end: int) -> bool:
        """A statement, not a title: it holds a finite verb or ends a sentence. A German verb has an
        infinitive in -n: a "verb" without one is a foreign word the tagger guessed ("in dubio pro
        reo", a species' Latin name)."""
        if re.search(r"[.!?…]\s*$", self.text[start:end]) and len(self.text[start:end].split()) > MIN_CLAUSE_WORDS:
            return True
        return any(
            start <= t.start < end and _finite(t) and (self.english or t.lemma.lower().endswith("n"))
            for t in self.parse.tokens
        )

    def _direct_speaker(
        self, start: int, end: int, sentence: _Sentence, end_sentence: _Sentence, cues: list[int]
    ) -> tuple[_Speaker | None, str | None]:
        """The subject of the cue right after the quote, else of the nearest one before it; behind a
        colon, the subject of the clause that frames it ("Hartmann weist das von sich: „…“")."""
        tokens = self.parse.tokens
        after = [c for c in cues if tokens[c].start >= end]
        inverted = next((i for i in range(end_sentence.first, end_sentence.last) if tokens[i].start >= end), None)
        while inverted is not None and inverted < end_sentence.last and tokens[inverted].pos in ("PUNCT", "SPACE"):
            inverted += 1
        if inverted is not None and inverted < end_sentence.last and _finite(tokens[inverted]):
            after.append(inverted)  # „…“, strich Romney heraus: a verb right after the quote says it
        before = sorted((c for c in cues if c not in after), key=lambda c: -tokens[c].start)
        framed = self.text[sentence.start : start].rstrip().endswith(":")
        if framed:
            frame = [i for i in range(sentence.first, sentence.last) if tokens[i].end <= start]
            before += sorted((i for i in frame if tokens[i].dep == "ROOT"), key=lambda i: -i)
        # behind a colon the frame speaks, not a "hieß es" after it: "X schrieb: „…“, weiter hieß es"
        for cue in before + after if framed else after + before:
            container = sentence if tokens[cue].start < start else end_sentence
            speaker = self._cue_speaker(cue, container)
            if speaker is not None:
                return speaker, tokens[cue].text
        colon = next((i for i in range(sentence.last - 1, sentence.first - 1, -1) if tokens[i].end <= start), None)
        if colon is not None and tokens[colon].text == ":":
            # a frame without a verb: "Ein Beamter der Nationalpolizei: „…“"
            first = colon
            while first > sentence.first and tokens[first - 1].text not in (".", "!", "?"):
                first -= 1
            speaker = self._noun_phrase(first, colon, apposition=True)
            if speaker is not None:
                return speaker, None
        attributed = self._attribution(end_sentence, (start, end))
        if attributed is not None:
            return attributed[0], attributed[1]
        worded = re.match(r"[“”\"«»]?\s*[,–-]*\s*mit (?:diesen|den|folgenden) Worten\s", self.text[end : end + 40])
        if worded is not None:  # "„…“ – mit diesen Worten verabschiedete sich X"
            following = range(end_sentence.first, end_sentence.last)
            verb = next((i for i in following if tokens[i].start >= end + worded.end() and _finite(tokens[i])), None)
            speaker = self._subject_by_word_order(verb, end_sentence) if verb is not None else None
            if speaker is not None:
                return speaker, tokens[verb].text
        # "„…“, strich X heraus": a verb the tagger did not know, then a person's name
        named = re.match(r"[“”\"«»]?\s*,\s*([a-zäöüß]+)\s+", self.text[end : end + 40])
        person = self.speakers.starting_at(end + named.end()) if named is not None else None
        if person is not None and person.actor.label == "PER":
            return person, named.group(1)
        return None, None

    def _attribution(
        self, sentence: _Sentence, quote: tuple[int, int] = (0, 0)
    ) -> tuple[_Speaker, str, int, int] | None:
        """ "laut X", "X zufolge", "nach Angaben X", "…, so X", "wie X sagte", "according to X": the
        speaker, the cue and the character span of the phrase; not in a question ("Ist das Ihrer
        Meinung nach richtig?" asks for an opinion)."""
        tokens = self.parse.tokens
        if self.text[sentence.start : sentence.end].rstrip().endswith("?"):
            return None
        for i in range(sentence.first, sentence.last):
            token = tokens[i]
            if quote[0] <= token.start < quote[1]:
                continue
            word = token.text.lower()
            previous = tokens[i - 1].text.lower() if i > sentence.first else ""
            postposition = (
                word == "nach"
                and i > sentence.first
                and _SOURCE_NOUN.search(tokens[i - 1].text)
                and not (i + 1 < sentence.last and self.parse.lower(i + 1) in ("dem", "einem"))  # "nach dem Angriff"
            )
            if word == "zufolge" or postposition:  # "Überlieferungen zufolge", "seiner Meinung nach"
                first = i  # the noun phrase right before it, which the parser does not always hang on it
                while first > sentence.first and (
                    (_nominal(tokens[first - 1]) and tokens[first - 1].pos != "PRON")
                    or tokens[first - 1].text in (*_QUOTE_MARKS, "(", ")")  # "Einer Erklärung der X (Y) zufolge"
                    or _WEBSITE.fullmatch(tokens[first - 1].text)  # "Der Website x.com zufolge"
                    or self.speakers.names(tokens[first - 1])  # a name, however tagged ("Brenner zufolge")
                ):
                    first -= 1
                speaker = self.speakers.phrase(first, i) if first < i else None
                if speaker is not None:
                    return speaker, token.text, tokens[first].start, token.end
            noun = next(
                (
                    j
                    for j in range(i + 1, sentence.last)
                    if tokens[j].pos not in ("DET", "ADJ")
                    and not tokens[j].dep.startswith("det")
                    and not self._possessive_name(j, sentence)
                ),
                i,
            )
            source = word == "nach" and _SOURCE_NOUN.search(tokens[noun].text) and not self._after_a_time(i)
            if word in ("laut", "gemäß") or (word == "to" and previous == "according") or source:
                last = self._extent(i + 1, sentence.last)
                if last == i + 1:
                    continue
                speaker = self.speakers.phrase(i + 1, last)
                if tokens[i + 1].text.lower().startswith("eigen"):
                    # "Die Feuerwehr hat nach eigenen Angaben …", "Nach eigenen Angaben hat X …": the subject,
                    # named with the phrase that annotators mark as the source ("X nach eigenen Angaben")
                    owner = self._noun_phrase(sentence.first, i) or self._root_subject(sentence)
                    own = f"{word} {self.text[tokens[i + 1].start : tokens[last - 1].end]}"
                    speaker = _Speaker(f"{owner.text} {own}", owner.actor) if owner is not None else None
                if speaker is not None:
                    if word == "to":  # the phrase is "according to X"
                        return speaker, "according to", tokens[i - 1].start, tokens[last - 1].end
                    return speaker, token.text, token.start, tokens[last - 1].end
            if word == "für" and i == sentence.first:  # "Für den Minister sei die Lage ernst": his view
                last = self._extent(i + 1, sentence.last)
                holder = self.speakers.phrase(i + 1, last) if last > i + 1 else None
                reported = any(_subjunctive(t) for t in tokens[last : sentence.last])
                if holder is not None and holder.actor is not None and holder.actor.label == "PER" and reported:
                    return holder, token.text, token.start, tokens[last - 1].end
            after_quote = i == sentence.first and self.text[: token.start].rstrip().endswith(("“", "«", '"'))
            if word == "so" and (previous in (",", "–", "-", *_QUOTE_MARKS) or after_quote) and i + 1 < sentence.last:
                last = next(
                    (j for j in range(i + 1, sentence.last) if tokens[j].text in (",", ".", ";")), sentence.last
                )
                first = i + 1 + (1 if self.parse.is_cue(i + 1) else 0)
                named = last
                while named > first and tokens[named - 1].pos in ("ADV", "SPACE"):
                    named -= 1  # "…, so Obama weiter, …"
                end = self._extent(first, named)  # "so X", "so X im Fernsehen"
                placed = end < named and tokens[end].pos == "ADP" and tokens[end].text.lower() not in ("wie", "als")
                speaker = self.speakers.phrase(first, end) if end > first and (end == named or placed) else None
                if speaker is not None:
                    return speaker, "so", tokens[i - 1].start, tokens[last - 1].end
            if word in ("wie", "as") and (token.dep == "mark" or i == sentence.first or previous == ","):
                verb = token.head if token.dep == "mark" else self._next_verb(i, sentence)
                if 0 <= verb < len(tokens) and not self.parse.is_cue(verb):
                    verb = self._next_verb(i, sentence)  # "wie X bekannt gab": "wie" hangs on "bekannt"
                evidence = 0 <= verb < len(tokens) and any(_EVIDENCE.match(f) for f in self.parse.cue_forms(verb))
                if 0 <= verb < len(tokens) and (self.parse.is_cue(verb) or evidence):
                    speaker = self._cue_speaker(verb, sentence)
                    if speaker is not None:
                        first, last = self.parse.contiguous(verb, sentence)
                        first, last = min(first, i), min(last, self._clause(verb, sentence)[1])  # "wie" to its verb
                        return speaker, tokens[verb].text, tokens[first].start, tokens[last - 1].end
        return None

    def _possessive_name(self, index: int, sentence: _Sentence) -> bool:
        """A name in the genitive before its noun: "Kohls" in "nach Kohls Meinung"."""
        token = self.parse.tokens[index]
        following = self.parse.tokens[index + 1] if index + 1 < sentence.last else None
        return (
            token.pos == "PROPN"
            and token.text.endswith(("s", "’", "'"))
            and following is not None
            and following.pos == "NOUN"
        )

    def _after_a_time(self, index: int) -> bool:
        """ "Drei Tage nach dem Urteil", "kurz nach der Veröffentlichung": "nach" is a time here."""
        if index == 0:
            return False
        before = self.parse.tokens[index - 1]
        return before.text.lower() in _SOON or _TIME.match(before.text) is not None

    def _relayed(self, speaker: _Speaker, sentence: _Sentence, span: tuple[int, int]) -> _Speaker:
        """The speaker with the source that relays them, where one is named beside the cue ("…, sagte
        X laut ndr.de", "Laut CNN hat X verkündet, …"): "X laut ndr.de". Annotators give such a quote
        to the relaying source; the actor stays the one who spoke."""
        attributed = self._attribution(sentence, span)
        if attributed is None:
            return speaker
        _, cue, start, end = attributed
        if cue.lower() not in _INLINE_ATTRIBUTIONS or not (end <= span[0] or start >= span[1]):
            return speaker
        phrase = self.text[start:end]
        if phrase.lower().startswith(cue.lower()):
            phrase = phrase[0].lower() + phrase[1:]  # "Laut CNN hat X …": "X laut CNN"
        joint = ", " if cue.lower() in ("zufolge", "nach") and phrase.lower().endswith(cue.lower()) else " "
        return _Speaker(f"{speaker.text}{joint}{phrase}", speaker.actor)

    def _attributed_span(self, sentence: _Sentence, cue: str, phrase_start: int, phrase_end: int) -> tuple[int, int]:
        """What an attribution phrase attributes. German "laut X", "nach Angaben X", "X zufolge" inside
        a clause attribute that clause, phrase included, to the sentence's end ("Der Mann wurde nach
        Angaben der Polizei gefasst", "…, die nach dessen Angaben die Bombe enthielt"), as annotators
        mark it; otherwise the longer part of the sentence beside the phrase ("Nach Angaben der
        Polizei | wurde der Mann gefasst", "Der Mann wurde gefasst, | so die Polizei")."""
        if self._wie_aside(sentence, phrase_start, phrase_end):
            return sentence.start, sentence.end
        beside = max((sentence.start, phrase_start), (phrase_end, sentence.end), key=lambda s: s[1] - s[0])
        if cue.lower() not in _INLINE_ATTRIBUTIONS:
            return beside
        tokens = self.parse.tokens
        first = next((i for i in range(sentence.first, sentence.last) if tokens[i].end > phrase_start), sentence.first)
        clause, _ = self._clause(first, sentence)
        if not any(tokens[i].pos not in ("PUNCT", "SPACE") for i in range(clause, first)):
            return beside
        return tokens[clause].start, sentence.end

    def _next_verb(self, index: int, sentence: _Sentence) -> int:
        """The first verb after ``index`` in its clause, which the parser does not always make its head."""
        tokens = self.parse.tokens
        for following in range(index + 1, sentence.last):
            if tokens[following].pos in ("VERB", "AUX"):
                return following
        return -1

    def _before_quotes(self, sentence: _Sentence, start: int) -> _Sentence | None:
        """The part of a sentence before its first direct quote, where it has a clause of its own ("Er
        sagte, die Lage sei ruhig, und fügte hinzu: „…“")."""
        tokens = self.parse.tokens
        last = next((i for i in range(sentence.first, sentence.last) if tokens[i].start >= start), sentence.last)
        while last > sentence.first and (not tokens[last - 1].text.strip() or tokens[last - 1].text in _OPENING):
            last -= 1  # the colon, comma or quotation mark that opens the quote
        if last <= sentence.first or not self._is_clause(sentence.first, last):
            return None
        return _Sentence(sentence.start, tokens[last - 1].end, sentence.first, last)

    def reported(self, sentence: _Sentence, complements_only: bool = False) -> tuple[Quote | None, _Speaker | None]:
        """The sentence's reported speech and its speaker. A speech act without a clause is reported
        speech too ("Sie forderte seinen Rücktritt."); any other cue with a subject and no clause
        ("X wies darauf hin.") gives no quote but the speaker of what follows in Konjunktiv I. With
        ``complements_only`` (the words before a direct quote) only a clause after its cue counts:
        the rest of what the cue says is the direct quote."""
        relative = None if complements_only else self._relative_source(sentence)
        if relative is not None:
            return relative
        acts, speakers = [], []
        cues = self._cues(sentence)
        for cue in cues:
            speaker = self._cue_speaker(cue, sentence)
            if speaker is None:
                continue
            span = self._complement(cue, sentence, after_only=complements_only)
            if span is not None:
                speaker = self._relayed(speaker, sentence, span)
                return _quote(self.text, *span, speaker, False, self.parse.tokens[cue].text), speaker
            speakers.append(speaker)
            if not complements_only and self._is_speech_act(cue, sentence):
                acts.append((cue, speaker))
        for verb in range(sentence.first, sentence.first if complements_only else sentence.last):
            if verb not in cues and self._is_speech_act(verb, sentence):  # "X wertete die Einigung als Erfolg"
                speaker = self._cue_speaker(verb, sentence)
                if speaker is not None:
                    acts.append((verb, speaker))
        if speakers and not complements_only and (said := self._reported_relative(cues[0], sentence)) is not None:
            return _quote(self.text, *said, speakers[0], False, self.parse.tokens[cues[0]].text), speakers[0]
        decided = self._decision(sentence)
        if decided is not None:
            return decided
        attributed = None if complements_only else self._attribution(sentence)
        if attributed is not None:
            speaker, cue_text, phrase_start, phrase_end = attributed
            rest = self._attributed_span(sentence, cue_text, phrase_start, phrase_end)
            if len(self.text[rest[0] : rest[1]].split()) >= MIN_CLAUSE_WORDS:
                return _quote(self.text, *rest, speaker, False, cue_text), speaker
        if acts:
            cue, speaker = acts[0]
            return _quote(self.text, sentence.start, sentence.end, speaker, False, self.parse.tokens[cue].text), speaker
        framed = None if complements_only or speakers else self._nominal_frame(sentence)
        if framed is not None:
            return framed, None
        return None, speakers[0] if speakers else None

    def _reported_relative(self, cue: int, sentence: _Sentence) -> tuple[int, int] | None:
        """A relative clause in Konjunktiv I after a cue without a clause of its own: what the speaker
        says of the noun ("X äußerte sich besorgt über die Gewalt, die in Darfur zunehme")."""
        tokens = self.parse.tokens
        for comma in range(cue + 1, sentence.last - 1):
            if tokens[comma].text != "," or not self._relative_clause(comma + 1, sentence):
                continue
            first, last = self._clause(comma + 1, sentence)
            verbs = [t for t in tokens[first:last] if _finite(t)]
            if verbs and _subjunctive(verbs[-1]) and verbs[-1].text.lower() not in _KONJUNKTIV_II:
                return tokens[first].start, tokens[last - 1].end
        return None

    def _relative_source(self, sentence: _Sentence) -> tuple[Quote, _Speaker] | None:
        """A relative clause that says what its antecedent says: "Berichte, wonach X …" (the
        antecedent speaks), "Gerüchte, nach denen X …", "ein Gutachten, laut dem …" (the pronoun is
        the speaker's mention, as annotators mark it, and stands for the antecedent's actor)."""
        tokens = self.parse.tokens
        for comma in range(sentence.first + 1, sentence.last - MIN_CLAUSE_WORDS):
            if tokens[comma].text != ",":
                continue
            word, pronoun = self.parse.lower(comma + 1), self.parse.lower(comma + 2)
            if word == "wonach":
                clause = comma + 2
            elif (word in ("nach", "laut", "gemäß") and pronoun in _RELATIVE_WORDS) or (
                word in ("denen", "dem", "der") and pronoun == "zufolge"
            ):
                clause = comma + 3
            else:
                continue
            _, end = self._clause(clause, sentence)
            antecedent = self._antecedent_phrase(comma, sentence)
            if antecedent is None or end <= clause or not self._is_clause(clause, end):
                continue
            if (
                word in ("nach", "laut", "gemäß")
                and tokens[clause].pos in ("NOUN", "PROPN")
                and _finite(tokens[clause + 1])
            ):
                continue  # "…, nach dem Konzert seien alle …": an article, and a main clause after its noun
            mention = antecedent
            if word != "wonach":
                named = (tokens[comma + 2] if word in ("nach", "laut", "gemäß") else tokens[comma + 1]).text
                head = tokens[comma - 1].lemma.lower()
                if not (_SOURCE_NOUN.search(antecedent.text) or head in _SPEECH_NOUNS or _named(antecedent)):
                    continue  # "der Tag, nach dem …" is a time
                mention = _Speaker(named, antecedent.actor)
            quote = _quote(self.text, tokens[clause].start, tokens[end - 1].end, mention, False, tokens[comma + 1].text)
            return quote, mention
        return None

    def _antecedent_phrase(self, comma: int, sentence: _Sentence) -> _Speaker | None:
        """The noun phrase a relative clause after ``comma`` hangs on: the one before it ("ein Bericht
        der Agentur „X“, wonach …"), or before the verbs that close the clause, which German puts
        before an extraposed relative clause ("hat Berichte nicht bestätigt, wonach …"), and before
        a date in apposition ("Meldungen der Zeitung vom Montag, dem 2. Mai, zurückgewiesen, …")."""
        tokens = self.parse.tokens
        end = comma
        while end - 1 > sentence.first and (
            tokens[end - 1].dep == "compound:prt"
            or self.parse.lower(end - 1) == "nicht"
            or (tokens[end - 1].pos in ("VERB", "AUX") and not _finite(tokens[end - 1]))
            or (tokens[end - 1].text == "," and end < comma)
        ):
            end -= 1
        for _ in range(2):
            first = end
            while first > sentence.first and (
                (_nominal(tokens[first - 1]) and tokens[first - 1].pos != "PRON")
                or tokens[first - 1].text in _QUOTE_MARKS
                or (tokens[first - 1].text[:1].isupper() and tokens[first - 1].dep in ("obj", "nsubj", "obl", "nmod"))
                or (self.parse.lower(first - 1) in ("von", "vom") and first < end)  # "Meldungen von X"
            ):
                first -= 1
            dated = any(tokens[i].pos == "NUM" for i in range(first, end))
            if not (dated and first - 1 > sentence.first and tokens[first - 1].text == ","):
                break
            end = first - 1  # "…, dem 2. Dezember 2004,": the phrase before the date
        return self.speakers.phrase(first, end) if first < end else None

    def _decision(self, sentence: _Sentence) -> tuple[Quote, _Speaker] | None:
        """What a verb of deciding, promising or signalling says: only the clause after it, and
        only one that says something ("dass"/"ob", a zu-infinitive, Konjunktiv): "Die Bahn
        beschloss, die Preise zu senken", not "Die Bahn entschied sich dagegen, weil …"."""
        for verb in range(sentence.first, sentence.last):
            if not self.parse.is_cue(verb, _CLAUSE_CUE):
                continue
            speaker = self._cue_speaker(verb, sentence)
            span = self._complement(verb, sentence, after_only=True) if speaker is not None else None
            if span is not None and self._reported_clause(span, sentence):
                return _quote(self.text, *span, speaker, False, self.parse.tokens[verb].text), speaker
        return None

    def _nominal_frame(self, sentence: _Sentence) -> Quote | None:
        """What a speech noun frames where the sentence has no cue: the clause after its comma, in
        Konjunktiv, with "dass" or a zu-infinitive ("Das Gericht folgte dem Vorwurf der Anklage, X
        habe Gelder veruntreut"); the noun phrase is the speaker, as annotators mark it, or for an
        opinion the clause's subject ("X ist der Ansicht, dass …")."""
        tokens = self.parse.tokens
        for comma in range(sentence.first + 1, sentence.last - MIN_CLAUSE_WORDS):
            if tokens[comma].text != ",":
                continue
            noun = next(
                (
                    i
                    for i in range(comma - 1, max(sentence.first, comma - 8) - 1, -1)
                    if (tokens[i].pos == "NOUN" and tokens[i].lemma.lower() in _SPEECH_NOUNS)
                    or (i + 1 == comma and tokens[i].text.lower() in _ATTITUDES)  # "zeigte sich zuversichtlich, dass"
                ),
                None,
            )
            if noun is None:
                continue
            verbs = comma  # the clause's closing verbs after a held noun: "X hat die Ansicht vertreten, …"
            while verbs - 1 > noun and (
                (tokens[verbs - 1].pos in ("VERB", "AUX") and not _finite(tokens[verbs - 1]))
                or (verbs == comma and tokens[verbs - 1].dep == "compound:prt")  # "stellte die These auf, …"
            ):
                verbs -= 1
            held = tokens[noun].lemma.lower() in _HELD_NOUNS or tokens[noun].text.lower() in _ATTITUDES
            if not held:
                verbs = comma
            attribute = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP")  # "der Vorwurf der CDU", "Berichte von X"
            if any(
                tokens[i].pos not in attribute or self.parse.lower(i) in ("als", "zum", "zur")
                for i in range(noun + 1, verbs)
            ):
                continue
            _, end = self._clause(comma + 1, sentence)
            if self._relative_clause(comma + 1, sentence) or not self._is_clause(comma + 1, end):
                continue
            span = tokens[comma + 1].start, tokens[end - 1].end
            if not self._reported_clause(span, sentence):
                continue
            first = noun
            while first > sentence.first and tokens[first - 1].pos in ("DET", "ADJ") and tokens[first - 1].text != ",":
                first -= 1
            opening, _ = self._clause(noun, sentence)
            finite = next((i for i in range(opening, first) if _finite(tokens[i])), None)
            # "X ist der Ansicht, dass …", "X äußerte die Hoffnung, …": the clause's subject holds it
            held = held and noun + 1 == verbs
            # any speech noun the clause's verb governs ("hegt den Verdacht, …", "begegnete der Kritik mit
            # dem Argument, …"): the subject holds it, not the noun
            governed = (
                finite is not None
                and noun + 1 == comma
                and (
                    self.parse.lower(first) in ("den", "dem", "einen", "einem") or self.parse.lower(first - 1) == "mit"
                )
            )
            holder = (
                self._subject_by_word_order(finite, sentence) if finite is not None and (held or governed) else None
            )
            speaker = holder or self.speakers.phrase(first, verbs)
            if speaker is not None:
                return _quote(self.text, *span, speaker, False, tokens[noun].text)
        return None

    def _is_speech_act(self, cue: int, sentence: _Sentence) -> bool:
        """A finite verb whose object is what was said ("Sie forderte seinen Rücktritt", "Sie
        berichtete von Schüssen", "Sie wertete es als Erfolg"), not a participle used as an adjective
        ("die genannten Zahlen"), nor one in a condition ("…, wenn der Notenbankchef spricht")."""
        tokens = self.parse.tokens
        if tokens[cue].pos not in ("VERB", "AUX", "ADJ") or not (
            _finite(tokens[cue]) or any(tokens[c].dep in _AUXILIARIES for c in self.parse.children[cue])
        ):
            return False
        if _INFLECTED_PARTICIPLE.match(tokens[cue].text.lower()):
            return False  # "die vom Kommissar geforderten Reformen": an attribute, however parsed
        if not _finite(tokens[cue]) and any(
            tokens[c].dep == "aux" and tokens[c].lemma.lower() in _MODAL_VERBS for c in self.parse.children[cue]
        ):
            return False  # "hätte die Erstattung verlangen müssen", "wollte die Vorwürfe zurückweisen": not done
        if tokens[self._clause(cue, sentence)[0]].text.lower() in _HYPOTHETICAL or self.parse.is_so_called(cue):
            return False
        forms = self.parse.cue_forms(cue)
        if any(form.startswith(("forder", "gefordert")) for form in forms) and self._claims_lives(cue, sentence):
            return False  # "Das Erdbeben forderte 92 Menschenleben": no one spoke
        if any(form.startswith(("anforder", "angefordert")) for form in forms):
            return False  # "forderte die Nationalgarde an": an order for help, no statement
        if any(_SPEECH_ACT.match(form) for form in forms):
            return True
        framing = [words for verb, words in _FRAMED_ACTS if any(verb.match(form) for form in forms)]
        return bool(framing) and self._framed(cue, sentence, framing[0])

    def _claims_lives(self, verb: int, sentence: _Sentence) -> bool:
        """Whether the verb's clause counts casualties ("forderte 92 Menschenleben")."""
        first, last = self._clause(verb, sentence)
        return any(_CASUALTIES.search(token.text) for token in self.parse.tokens[first:last])

    def _framed(self, verb: int, sentence: _Sentence, words: set[str]) -> bool:
        """Whether one of ``words`` follows the first word of the verb's clause, where "als" would be
        a conjunction ("…, als der Bus hielt"), as would "als auch"; "für" only before the judgement
        ("für möglich")."""
        tokens = self.parse.tokens
        first, last = self._clause(verb, sentence)
        for index in range(first, last):
            word = tokens[index].text.lower()
            following = next((t for t in tokens[index + 1 : last] if t.text not in _QUOTE_MARKS), None)
            if word not in words or (word == "als" and (index == first or (following and following.text == "auch"))):
                continue
            judgement = following is not None and (
                following.pos in ("ADJ", "ADV") or (following.pos == "VERB" and not _finite(following))
            )  # "für möglich", "für überzogen" (a participle)
            if word != "für" or judgement:
                return True
        return False

    def _clause(self, index: int, sentence: _Sentence) -> tuple[int, int]:
        """The token range of the clause around ``index``: between the punctuation that bounds it."""
        tokens = self.parse.tokens
        first = last = index
        while first > sentence.first and tokens[first - 1].text not in _CLAUSE_BOUNDARIES:
            first -= 1
        while last < sentence.last and tokens[last].text not in _CLAUSE_BOUNDARIES:
            last += 1
        return first, last

    def _complement(self, cue: int, sentence: _Sentence, after_only: bool = False) -> tuple[int, int] | None:
        """What the cue verb says: the clause after the comma that follows it ("X sagte am Montag,
        die Deiche würden halten", "…, dass …"), or the one before the comma that precedes it
        ("Die Deiche würden halten, sagte X"). Found by the commas, since the parser often hangs
        the clause on the wrong word."""
        if self.english and (clause := self._english_complement(cue, sentence)) is not None:
            return clause
        tokens = self.parse.tokens
        clause_first, clause_end = self._clause(cue, sentence)
        if not after_only and self._wie_aside(sentence, tokens[clause_first].start, tokens[clause_end - 1].end):
            return sentence.start, sentence.end
        framing = self.parse.finite_of(cue) + 1  # "antwortete X: „…“": what follows the colon is what X said
        after_only = after_only or any(t.text == ":" for t in tokens[cue + 1 : min(sentence.last, framing + 4)])
        if cue + 1 < sentence.last and self.parse.lower(cue + 1) in ("dass", "ob"):
            return tokens[cue + 1].start, sentence.end  # the comma left out: "X hoffte dass …"
        following = next((i for i in range(cue + 1, sentence.last) if tokens[i].text in (",", ":")), None)
        if following is not None and any(t.pos in ("NOUN", "PROPN") for t in tokens[cue + 1 : following]):
            following = self._past_asides(following, sentence)  # "sagte die Leiterin, X, gegenüber dem Radio, dass …"
        coordinated = following is not None and any(_finite(t) for t in tokens[cue + 1 : following])
        relative = following is not None and (
            self._relative_clause(following + 1, sentence)
            or (
                following + 2 < sentence.last
                and self.parse.lower(following + 1) in _ADVERBIAL_OPENERS
                and not _finite(tokens[following + 2])  # "…, damit solle …": an adverb before the verb
            )
        )  # "X meldete den Flug, nachdem …", "…, um … zu": a time or a purpose, not what was said
        # after a cue in a relative clause, a clause opening with a finite verb goes on with the main
        # clause ("Ein Hacker, der Geld forderte, sagte, …"): it is not what the cue says
        opener = tokens[clause_first]
        resumed = (
            following is not None
            and following + 1 < sentence.last
            and _finite(tokens[following + 1])
            and (
                _relative(opener)
                or ("Mood=Ind" in tokens[following + 1].morph and opener.text.lower() not in _SUBORDINATORS)
                or opener.text.lower() in _SUBORDINATORS - {"wie", "dass"}  # "Während X drängt, sagte Y, …"
            )
        )
        if (
            following is not None
            and not coordinated
            and not relative
            and not resumed
            and self._is_clause(following + 1, sentence.last)
        ):
            return tokens[following + 1].start, self._main_clause_resumes(
                following + 1, sentence, opener
            ) or sentence.end
        if after_only or opener.text.lower() in _CONDITIONS:  # "…, wenn die Gespräche scheitern" cues nothing before
            return None
        finite = self.parse.finite_of(cue)
        preceding = finite - 1
        while preceding > sentence.first and not tokens[preceding].text.strip():
            preceding -= 1
        if self.parse.lower(preceding) in _DEMONSTRATIVES and preceding - 1 > sentence.first:
            preceding -= 1  # "…, das teilte X mit": the demonstrative stands for the clause before
        opening = self.parse.lower(sentence.first)
        adverbial = (
            opening in _ADVERBIAL_SUBORDINATORS
            and (tokens[sentence.first].pos == "SCONJ" or opening not in ("bis", "während", "da", "als"))
            and not any(tokens[i].text in _CLAUSE_BOUNDARIES for i in range(sentence.first, preceding))
        )  # the clause before is only a subordinate one, not "Bis zu …" or "Während des Spiels …"
        comma = next((i for i in range(sentence.first, preceding) if tokens[i].text == ","), None)
        if comma is not None and not any(_finite(t) for t in tokens[sentence.first : comma]):
            # a phrase and its relative clause: "X, der erst vor einem Monat …, kritisierte …"
            adverbial = adverbial or self._relative_clause(comma + 1, sentence)
        # not "Nachdem …, forderte X": a time, not what was said
        if tokens[preceding].text == "," and self._is_clause(sentence.first, preceding) and not adverbial:
            return sentence.start, tokens[preceding].start
        return None

    def _wie_aside(self, sentence: _Sentence, start: int, end: int) -> bool:
        """A "wie" clause inside the sentence it attributes, with words on both sides: annotators mark
        the whole sentence as the quote ("Der Markt ziehe, wie X sagte, im Herbst um"); one at the
        end stays out of it ("…, wie X mitteilte.")."""
        sides = (self.text[sentence.start : start], self.text[end : sentence.end])
        aside = self.text[start:end].lstrip(", ").lower().startswith("wie ")
        return aside and all(re.search(r"\w", side) for side in sides)

    def _main_clause_resumes(self, first: int, sentence: _Sentence, opener: Token) -> int | None:
        """Where the main clause takes over after a cue's clause in a fronted subordinate clause
        ("Als X erklärte, dass …, lachten viele"): the comma before its finite verb."""
        tokens = self.parse.tokens
        if opener.text.lower() not in _ADVERBIAL_SUBORDINATORS or opener.start != sentence.start:
            return None
        for index in range(first, sentence.last - 1):
            if tokens[index].text == "," and _finite(tokens[index + 1]) and "Mood=Ind" in tokens[index + 1].morph:
                return tokens[index].start
        return None

    def _past_asides(self, comma: int, sentence: _Sentence) -> int:
        """The comma after the asides that follow a subject behind the cue: a name in apposition
        ("…, Jens Kohl, …") or whom it was said to ("…, gegenüber dem Radio, …"); not where the clause
        after them opens with its verb, since then the "aside" was its first phrase."""
        tokens = self.parse.tokens
        start = comma
        while True:
            following = next(
                (i for i in range(comma + 1, min(sentence.last, comma + 8)) if tokens[i].text == ","), None
            )
            aside = [t for t in tokens[comma + 1 : following] if t.text.strip()] if following is not None else []
            named = bool(aside) and all(t.pos == "PROPN" or self.speakers.names(t) for t in aside)
            if not (named or (aside and aside[0].text.lower() == "gegenüber")):
                break
            comma = following
        return start if comma + 1 < sentence.last and _finite(tokens[comma + 1]) else comma

    def _reported_clause(self, span: tuple[int, int], sentence: _Sentence) -> bool:
        """A clause that says what was decided or promised: "dass"/"ob", a zu-infinitive, Konjunktiv."""
        within = self.parse.tokens[sentence.first : sentence.last]
        words = [t for t in within if span[0] <= t.start < span[1] and t.text.strip()]
        if not words:
            return False
        infinitive = any(
            t.pos in ("VERB", "AUX") and (_infixed_zu(t) or words[i - 1].text == "zu") for i, t in enumerate(words) if i
        )
        return words[0].text.lower() in ("dass", "ob") or infinitive or any(_subjunctive(t) for t in words)

    def _english_complement(self, cue: int, sentence: _Sentence) -> tuple[int, int] | None:
        """What an English cue says, by the parse (English marks its clauses well, and commas do not
        bound them): its clausal complement, after it ("X said the talks had stalled", "… told
        reporters that …") or before it ("The talks will resume, officials said"), without "that"."""
        parse, tokens = self.parse, self.parse.tokens
        clauses = [c for c in parse.kids(cue, frozenset({"ccomp"})) if sentence.first <= c < sentence.last]
        if not clauses:  # "said in a statement that …": the parser hangs the clause on the noun
            clauses = [
                c
                for c in parse.subtree(cue)
                if c > cue
                and tokens[c].dep == "acl"
                and any(tokens[m].dep == "mark" and parse.lower(m) == "that" for m in parse.children[c])
            ]
        if not clauses:
            return None
        words = parse.subtree(clauses[0])
        while words and (tokens[words[0]].dep == "mark" or tokens[words[0]].pos in ("PUNCT", "SPACE")):
            words.pop(0)
        while words and tokens[words[-1]].pos in ("PUNCT", "SPACE"):
            words.pop()
        if not words or not self._is_clause(words[0], words[-1] + 1):
            return None
        return parse.span(words)

    def _relative_clause(self, first: int, sentence: _Sentence) -> bool:
        """A clause that opens with a relative pronoun and ends with its finite verb ("…, die am Montag
        veröffentlicht wurde"), unlike one that says what was said ("…, die Deiche würden halten",
        "…, der erste Hilfsflug sei eingetroffen": a finite verb before the end is verb-second)."""
        tokens = self.parse.tokens
        _, last = self._clause(first, sentence)
        words = [token for token in tokens[first:last] if token.text.strip()]
        return bool(words) and _relative(words[0]) and _verb_final(words[1:])

    def _is_clause(self, first: int, last: int) -> bool:
        """Enough words with a verb to be a statement."""
        tokens = self.parse.tokens[first:last]
        words = [t for t in tokens if t.pos not in ("PUNCT", "SPACE") and t.text.strip()]
        return len(words) >= MIN_CLAUSE_WORDS and any(
            (t.pos in ("VERB", "AUX") or t.dep == "ccomp" or t.text.lower() in _KONJUNKTIV_I)
            and not _INFLECTED_PARTICIPLE.match(t.text.lower())  # an attribute: "der so genannten „…“"
            for t in tokens
        )

    def continues(self, sentence: _Sentence, quoting: bool) -> bool:
        """A sentence in Konjunktiv (I, or II where I looks like the indicative), or with the hearsay
        "soll … haben/sein", without a cue of its own goes on with the reported speech. Konjunktiv
        II alone ("wäre", "würde") also says what may be, in the reporter's own voice: it goes on
        only right after ``quoting`` sentences, not after one merely about someone, and never with a
        modal ("könnte", "müsste", "dürfte"), which speculates far more often than it reports. So
        does "soll"/"sollen" alone, which there reports a plan ("X sagte, die Reform komme im
        Herbst. Jeder Schüler soll um 16 Uhr …")."""
        if self.english:
            return False  # English has no mood that marks reported speech: "Odesa was also hit" is the reporter's
        tokens = self.parse.tokens[sentence.first : sentence.last]
        words = [token.text.lower() for token in tokens]
        said = [t for t in tokens if t.text.lower() in ("soll", "sollen")]
        hearsay = bool(said) and any(w in ("haben", "sein", "worden") for w in words)
        # a plan the main clause reports, not one in a relative clause ("…, die Druck machen soll")
        planned = any(t.dep == "ROOT" or self.parse.tokens[t.head].dep == "ROOT" for t in said)
        moods = [token.text.lower() not in _KONJUNKTIV_II for token in tokens if _subjunctive(token)]
        speculation = any(w in _MODAL_II for w in words)
        return hearsay or any(moods) or (quoting and ((bool(moods) and not speculation) or planned))

    def find(self) -> list[Quote]:
        direct = self.direct()
        quotes = [quote for quote, _ in direct]
        unattributed = [quote for quote, speaker in direct if speaker is None]  # no cue of their own
        speaking: _Speaker | None = None  # whom the sentence before quoted
        subject: _Speaker | None = None  # the person or organisation the sentence before was about
        follow_on: Quote | None = None  # the sentence before went on with reported speech
        previous: _Sentence | None = None
        lapsed: _Speaker | None = None  # whom the sentence before the last quoted, across one aside
        for sentence in self.parse.sentences:
            inside = [(q, s) for q, s in direct if q.start < sentence.end and sentence.start < q.end]
            if inside:
                head = self._before_quotes(sentence, inside[0][0].start)
                if head is not None:
                    reported, reporter = self.reported(head, complements_only=True)
                    if reported is not None:
                        first, said = inside[0]
                        if self._quoted_ending(reported, first):
                            # "X sagte, der Plan sei „ein Fehler, den wir bereuen werden“": one reported quote
                            reported = _merged(self.text, reported, first)
                            quotes.remove(first)
                            inside[0] = (reported, said or reporter)
                        quotes.append(reported)
                for quote, speaker in inside:
                    if speaker is None and quote.direct:
                        own = self._root_subject(sentence, outside=quote) if quote.start > sentence.start + 1 else None
                        if speaking is not None and self._reported_frame(sentence, quote):
                            own = None  # "X sagte … . Jeder Lehrer könne „…“": X goes on speaking
                        _attribute(quote, own or speaking or subject)
                speaking = next((s for _, s in reversed(inside) if s is not None), speaking or subject)
                follow_on = lapsed = None
                previous = sentence
                continue
            reported, speaker = self.reported(sentence)
            going_on, follow_on = follow_on, None
            source = speaking or subject
            outer = speaking or lapsed
            if (
                reported is not None
                and speaker is not None
                and outer is not None
                and self._reported_cue(sentence, reported)
            ):
                # "X sagte … . Die Behörde gehe davon aus, …": the authority's view in X's report, who goes on
                _attribute(reported, _Speaker(f"{speaker.text} laut {outer.text}", speaker.actor))
                speaker = outer
            if reported is None and (accordingly := self._accordingly(sentence, source or lapsed)) is not None:
                reported, speaker = accordingly, source or lapsed
            resumed = source is None and lapsed is not None and self.continues(sentence, False)
            if resumed:
                source = lapsed  # "X zufolge seien … . Es handelte sich um Attrappen. Nie habe Gefahr bestanden."
            # a speech act reported as its whole sentence may stand for the one before: "Das kündigte X an"
            points_back = reported is not None and reported.start == sentence.start
            confirmed = (
                self._confirmation(sentence, previous, quotes, unattributed)
                if reported is None or points_back
                else None
            )
            if confirmed is not None:
                quotes.append(confirmed)
                if points_back:  # what X announced is the sentence before, not this one
                    reported = speaker = None
            if reported is not None:
                quotes.append(reported)
                if (act := self._act_before(sentence, reported)) is not None:
                    quotes.append(act)
                colon = self.text[: reported.start].rstrip().endswith(":")
                # the quote runs to the semicolon that ends its part of the sentence
                parted = self.text[sentence.start : sentence.end].endswith(";")
                semicolon = parted and not self.text[reported.end : sentence.end].strip(' ;"“”»«')
                if colon or semicolon:
                    # "X kritisierte den Plan: Er komme …", "Laut X trägt die Stadt keine Schuld; der Bauherr
                    # habe …": what goes on in Konjunktiv joins it
                    follow_on = reported
            elif (
                source is not None
                and speaker is None
                and self.continues(sentence, speaking is not None)
                and not self._cues(sentence)
            ):
                # one quote for the sentences that go on in Konjunktiv, as annotators mark them
                start = going_on.start if going_on is not None else sentence.start
                follow_on = _quote(self.text, start, sentence.end, source, False, going_on.cue if going_on else None)
                quotes = [q for q in quotes if q is not going_on] + [follow_on]
                speaker = source
            subject = self._person_subject(sentence)
            lapsed = speaking if speaker is None and subject is None and not resumed else None
            speaking = speaker
            previous = sentence
        return sorted(quotes, key=lambda quote: quote.start)

    def _reported_frame(self, sentence: _Sentence, quote: Quote) -> bool:
        """The main clause around the quote is in Konjunktiv I and the sentence has no cue: reported
        speech ("Der Beamte habe ihr die Akten mit den Worten „…“ verwehrt"), not a clause after a comma
        ("X wandte sich gegen die Behauptung, Y werde …: „…“")."""
        tokens = self.parse.tokens
        first_clause = []
        for i in range(sentence.first, sentence.last):
            if tokens[i].text in (",", ":") or quote.start <= tokens[i].start:
                break
            first_clause.append(tokens[i])
        return not self._cues(sentence, (quote.start, quote.end)) and any(
            _subjunctive(token) and token.text.lower() not in _KONJUNKTIV_II for token in first_clause
        )

    def _quoted_ending(self, reported: Quote, quote: Quote) -> bool:
        """The direct quote goes on with the reported clause right before it, in its words ("…,
        solle er „prüfen, ob …“", "…, die Täter sollten wissen, „dass …“"): it opens in lower case
        with nothing but its quotation mark, and perhaps a comma, after the clause. Annotators mark
        the two as one reported quote."""
        gap = self.text[reported.end : quote.start]
        return quote.text[:1].islower() and re.fullmatch(r",?\s*[„»“\"]", gap) is not None

    def _act_before(self, sentence: _Sentence, quote: Quote) -> Quote | None:
        """ "X bezeichnete die Proteste als rechtmäßig und forderte, …": the speech act before the cue
        that "und" joins is a quote of its own, as annotators mark it, by the same speaker."""
        tokens = self.parse.tokens
        if quote.cue is None or quote.start <= sentence.start:
            return None
        cue = max((i for i in self._cue_tokens(sentence, quote) if tokens[i].end <= quote.start), default=None)
        if cue is None or cue - 1 <= sentence.first or self.parse.lower(cue - 1) not in ("und", "sowie"):
            return None
        joint = cue - 1
        act = next((i for i in range(sentence.first, joint) if self._is_speech_act(i, sentence)), None)
        if act is None:
            return None
        end = joint - 1 if tokens[joint - 1].text == "," else joint
        return _spoken_by(_quote(self.text, sentence.start, tokens[end - 1].end, None, False, tokens[act].text), quote)

    def _reported_cue(self, sentence: _Sentence, quote: Quote) -> bool:
        """Whether the quote's cue is itself in the mood of reported speech ("Die Behörde gehe davon
        aus, dass …"): the sentence goes on with what someone before said."""
        tokens = self.parse.tokens
        return any(
            _subjunctive(tokens[i]) and tokens[i].text.lower() not in _KONJUNKTIV_II
            for i in self._cue_tokens(sentence, quote)
        )

    def _cue_tokens(self, sentence: _Sentence, quote: Quote) -> list[int]:
        """The tokens outside the quote that are its cue word."""
        tokens = self.parse.tokens
        return [
            i
            for i in range(sentence.first, sentence.last)
            if tokens[i].text == quote.cue and not quote.start <= tokens[i].start < quote.end
        ]

    def _first_word(self, sentence: _Sentence) -> int | None:
        """The sentence's first token that is not a line break."""
        tokens = self.parse.tokens
        return next((i for i in range(sentence.first, sentence.last) if tokens[i].text.strip()), None)

    def _accordingly(self, sentence: _Sentence, source: _Speaker | None) -> Quote | None:
        """ "Demnach …" reports what the source before it says: the adverb is the speaker's mention,
        as annotators mark it (like a pronoun), and stands for that source's actor."""
        tokens = self.parse.tokens
        first = self._first_word(sentence)
        if first is None or first + MIN_CLAUSE_WORDS >= sentence.last:
            return None
        word = self.parse.lower(first)
        verb = tokens[first + 1]
        present = (
            "Tense=Pres" in verb.morph
            and (verb.text.lower() == verb.lemma.lower() or verb.text.endswith("t"))  # not "fingen", "setzten"
            and verb.lemma.lower() != "werden"  # not "Danach werden sie eine Lösung suchen"
        )
        reported = present or any(_subjunctive(t) for t in tokens[first + 1 : sentence.last])
        if word != "demnach" and not (word == "danach" and reported and source is not None):
            # "Danach" is a time unless the sentence reports in the present or in Konjunktiv: "Danach hätte
            # es sich um … gehandelt", "Danach fehlen der Stadt zwei Millionen" (after a report it names)
            return None
        mention = _Speaker(tokens[first].text, source.actor if source is not None else None)
        return _quote(self.text, tokens[first + 1].start, sentence.end, mention, False, tokens[first].text)

    def _confirmation(
        self, sentence: _Sentence, previous: _Sentence | None, quotes: list[Quote], unattributed: list[Quote]
    ) -> Quote | None:
        """The sentence before as reported speech when this one names its source with a demonstrative
        object before the cue ("Dies teilte ein Sprecher mit.", "Das berichtet die Agentur."), as
        annotators mark it; where that sentence is a direct quote without a cue of its own („Ja, wir haben
        Fehler gemacht.“ Das musste X einräumen.), the source is its speaker."""
        tokens = self.parse.tokens
        first = self._first_word(sentence)
        if previous is None or first is None or tokens[first].text.lower() not in _DEMONSTRATIVES:
            return None
        named = (
            (c, self._cue_speaker(c, sentence)) for c in self._cues(sentence) if self.parse.finite_of(c) == first + 1
        )
        cue, speaker = next(((c, s) for c, s in named if s is not None), (0, None))
        if speaker is None:
            return None
        if any(q.start < previous.end and previous.start < q.end for q in quotes):
            for quote in unattributed:
                if previous.start <= quote.start and quote.end <= previous.end:
                    _attribute(quote, speaker)
                    quote.cue = tokens[cue].text
            return None
        return _quote(self.text, previous.start, previous.end, speaker, False, tokens[cue].text)

    def _root_subject(self, sentence: _Sentence, outside: Quote | None = None) -> _Speaker | None:
        """The subject of the sentence's main verb; where the parser put that verb inside the quote
        ``outside``, the subject of the first finite verb before it, since a subject inside the quote
        is no speaker („…, landet es … auf dem Teller“)."""
        tokens = self.parse.tokens
        root = next((i for i in range(sentence.first, sentence.last) if tokens[i].dep == "ROOT"), None)
        if root is None:
            return None
        if outside is not None and outside.start <= tokens[root].start < outside.end:
            # the parser hung the sentence on the quote: the frame's own verb has the subject
            frame = (i for i in range(sentence.first, sentence.last) if tokens[i].end <= outside.start)
            root = next((i for i in frame if _finite(tokens[i])), None)
            if root is None:
                return None
        return self._cue_speaker(root, sentence)

    def _person_subject(self, sentence: _Sentence) -> _Speaker | None:
        """The subject of the sentence's main verb when it names a person or an organisation: a
        quote standing alone after "Der Bruder des Papstes, Georg Ratzinger, war eingeweiht." is his."""
        speaker = self._root_subject(sentence)
        return speaker if speaker is not None and _named(speaker) else None


def _named(speaker: _Speaker) -> bool:
    """The speaker names a person or an organisation (a place may stand for a government, but does
    not make a phrase a speaker)."""
    return speaker.actor is not None and speaker.actor.label in ("PER", "ORG")


def _attribute(quote: Quote, speaker: _Speaker | None) -> None:
    if speaker is not None:
        quote.speaker_text = speaker.text
        quote.speaker_actor_id = speaker.actor.actor_id if speaker.actor else None


def find_quotes(text: str, entities: list[Entity], tokens: list[Token], language: str = "de") -> list[Quote]:
    """Direct and reported quotes of an article, each with its speaker's actor where one is named."""
    if not tokens:
        return []
    return _Finder(text, entities, tokens, language).find()
