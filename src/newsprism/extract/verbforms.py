"""German verb forms generated from infinitives, so that an event verb is found whatever the
lemmatizer makes of it: the trained one turns "liefert" into "lieferen", "demonstrierten" into
"demonstriern", and leaves "empfing", "vorgeworfen" or "geeinigt" as they are.

Weak verbs inflect by rule (stem + -e, -st, -t, -te, -ten, ge- … -t); strong and mixed verbs by the
principal parts in ``STRONG_VERBS``. A prefix inherits its base verb's forms: separable particles
("fest|nehmen": "nahm … fest" is "nehmen" with a particle, "festgenommen" and "festnahmen" in a
subordinate clause are "festnehmen"), inseparable ones ("ver|bieten" → "verbot", "verboten").
Over-generated forms ("nehmte") are harmless: they are only looked up, never produced.
"""

from __future__ import annotations

from collections.abc import Iterable

# base verb → (preterite stem, past participle, third person singular present when it is irregular)
STRONG_VERBS: dict[str, tuple[str, str, str]] = {
    "rufen": ("rief", "gerufen", ""), "brechen": ("brach", "gebrochen", "bricht"),
    "halten": ("hielt", "gehalten", "hält"), "schließen": ("schloss", "geschlossen", ""),
    "weisen": ("wies", "gewiesen", ""), "ziehen": ("zog", "gezogen", ""), "bieten": ("bot", "geboten", ""),
    "greifen": ("griff", "gegriffen", ""), "nehmen": ("nahm", "genommen", "nimmt"),
    "geben": ("gab", "gegeben", "gibt"), "heben": ("hob", "gehoben", ""), "treffen": ("traf", "getroffen", "trifft"),
    "kommen": ("kam", "gekommen", ""), "laden": ("lud", "geladen", "lädt"), "frieren": ("fror", "gefroren", ""),
    "fangen": ("fing", "gefangen", "fängt"), "senden": ("sandte", "gesandt", ""),
    "schießen": ("schoss", "geschossen", ""), "bitten": ("bat", "gebeten", ""),
    "sprechen": ("sprach", "gesprochen", "spricht"), "streichen": ("strich", "gestrichen", ""),
    "fallen": ("fiel", "gefallen", "fällt"), "helfen": ("half", "geholfen", "hilft"),
    "schlagen": ("schlug", "geschlagen", "schlägt"), "werfen": ("warf", "geworfen", "wirft"),
    "treten": ("trat", "getreten", "tritt"), "streiten": ("stritt", "gestritten", ""),
    "schreiben": ("schrieb", "geschrieben", ""), "bleiben": ("blieb", "geblieben", ""),
    "meiden": ("mied", "gemieden", ""), "springen": ("sprang", "gesprungen", ""),
    "lassen": ("ließ", "gelassen", "lässt"), "stoßen": ("stieß", "gestoßen", "stößt"),
    "wenden": ("wandte", "gewandt", ""), "kennen": ("kannte", "gekannt", ""), "hängen": ("hing", "gehangen", ""),
    "stehen": ("stand", "gestanden", ""), "gehen": ("ging", "gegangen", ""), "tragen": ("trug", "getragen", "trägt"),
    "bringen": ("brachte", "gebracht", ""), "finden": ("fand", "gefunden", ""), "sitzen": ("saß", "gesessen", ""),
    "werben": ("warb", "geworben", "wirbt"), "sehen": ("sah", "gesehen", "sieht"), "ringen": ("rang", "gerungen", ""),
    "schieben": ("schob", "geschoben", ""),
}  # fmt: skip
SEPARABLE = (
    "zurück", "zusammen", "entgegen", "bereit", "wieder", "nieder", "fest", "frei", "fern", "nach", "teil", "fort",
    "ein", "aus", "auf", "vor", "mit", "weg", "los", "hin", "her", "ab", "an", "zu", "bei",
)  # fmt: skip
INSEPARABLE = ("über", "unter", "durch", "wider", "hinter", "miss", "zer", "ver", "ent", "emp", "be", "ge", "er")
_UMLAUTS = str.maketrans("aou", "äöü")


def _strong(infinitive: str) -> tuple[str, tuple[str, str, str]] | None:
    """(inseparable prefix, principal parts) when ``infinitive`` is a strong verb ("ver|bieten"), not
    when it only ends like one ("schalten" is no "sc|halten")."""
    for base in sorted(STRONG_VERBS, key=len, reverse=True):
        prefix = infinitive[: -len(base)]
        if infinitive.endswith(base) and (prefix == "" or prefix in INSEPARABLE):
            return prefix, STRONG_VERBS[base]
    return None


def _stem(infinitive: str) -> str:
    return infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]


def _linking_e(stem: str) -> str:
    """The -e- before -t, -st, -te: "arbeitet", "öffnete", "redete"; not "lernt", "filmt"."""
    if stem.endswith(("t", "d")) or (stem[-1:] in "mn" and stem[-2:-1] not in "aeiouäöülrh"):
        return "e"
    return ""


def _finite(infinitive: str) -> set[str]:
    """Present, preterite and subjunctive forms of a verb without a separable particle."""
    strong = _strong(infinitive)
    stem = _stem(infinitive)
    e = _linking_e(stem)
    forms = {infinitive, stem + "e", stem + e + "st", stem + e + "t"}
    forms |= {stem + e + ending for ending in ("te", "test", "ten", "tet")}  # also "verhängte" beside "verhing"
    if strong is None:
        return forms
    prefix, (preterite, _, present) = strong
    past = {preterite, preterite + "st", preterite + "t", preterite + ("n" if preterite.endswith("e") else "en")}
    subjunctive = preterite.translate(_UMLAUTS).rstrip("e")
    past |= {subjunctive + "e", subjunctive + "en"}
    if present:
        past.add(present)
    return forms | {prefix + form for form in past}


def _participles(infinitive: str) -> set[str]:
    strong = _strong(infinitive)
    if strong is not None:
        prefix, (_, participle, _) = strong
        return {prefix + participle[2:]} if prefix else {participle}
    stem = _stem(infinitive)
    weak = stem + _linking_e(stem) + "t"
    if infinitive.endswith("ieren") or infinitive.startswith(INSEPARABLE):
        return {weak}
    return {"ge" + weak}


def _particle(infinitive: str) -> tuple[str, str]:
    """(separable particle, the verb without it); ("", infinitive) when there is none."""
    for particle in SEPARABLE:
        rest = infinitive[len(particle) :]
        if infinitive.startswith(particle) and len(rest) >= 5 and rest.endswith("n"):  # not "ein|igen"
            return particle, rest
    return "", infinitive


def german_verb_forms(infinitives: Iterable[str]) -> dict[str, str]:
    """Form → infinitive for the given verbs. A finite form standing without its particle ("nahm")
    gives the verb without the particle ("nehmen"), which the caller joins to the particle it finds."""
    forms: dict[str, str] = {}
    for infinitive in sorted(verb for verb in infinitives if verb.endswith("n") and " " not in verb):
        particle, base = _particle(infinitive)
        finite = _finite(base)
        for form in finite:
            forms.setdefault(form, base)
        attached = {particle + form for form in finite} | {particle + form for form in _participles(base)}
        if particle:
            attached.add(particle + "zu" + base)
        for form in attached:
            forms[form] = infinitive
    return forms
