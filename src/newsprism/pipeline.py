"""The analysis pipeline: raw → repaired → annotated → stored, one article at a time, in batches.

The CLI and the Python API (``newsprism.analyze``) are both thin shells over ``run_analysis``.
"""

from __future__ import annotations

import copy
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from newsprism.extract import date_quotes, find_dates, find_events, find_quotes
from newsprism.ingest import (
    DEFAULT_MAX_BYTES,
    FieldMap,
    IngestOptions,
    InputFile,
    expand_paths,
    normalize_date,
    read_input,
)
from newsprism.link import ActorRegistry, KnowledgeBase, link_article, rename_actors
from newsprism.model import Actor, Article, Corpus, IngestError, RawDocument, Story
from newsprism.nlp import LANGUAGES, Parsed, add_known_names, detect_language, parse_texts
from newsprism.repair import NameMemory, repair_text, repair_title
from newsprism.store import Database, default_target
from newsprism.stories import (
    ArticleVectors,
    NearDuplicateIndex,
    pack,
    signature,
    story_input,
    unpack,
    update_stories,
    vectorize,
)

BATCH_SIZE = 200


class Progress(Protocol):
    """What the pipeline reports while it runs (the CLI draws a Rich progress bar from it)."""

    def start(self, total: int) -> None: ...

    def advance(self, label: str) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, label: str) -> None:
        pass


@dataclass(slots=True)
class RunStats:
    """Counts over a run's articles, gathered a chunk at a time (the CLI's summary)."""

    articles: int = 0
    near_duplicates: int = 0
    repairs: int = 0
    entities: int = 0
    quality_sum: float = 0.0
    quality_count: int = 0
    noisy: int = 0
    actors: set[str] = field(default_factory=set)
    by_source: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, article: Article) -> None:
        self.articles += 1
        self.near_duplicates += article.duplicate_of is not None
        self.repairs += len(article.repairs)
        self.entities += len(article.entities)
        if article.quality is not None:
            self.quality_sum += article.quality
            self.quality_count += 1
            self.noisy += article.quality < NOISY_BELOW
        self.actors.update(e.actor_id for e in article.entities if e.actor_id)
        self.by_source[(article.source or "unknown", article.language or "?")] += 1


NOISY_BELOW = 0.8


@dataclass(slots=True)
class Analysis:
    """One run's outcome: what it covers, what was new, its counts; ``corpus`` (the run's articles,
    their actors and stories) is read from the database when first asked for, so a run over a
    corpus bigger than memory never holds it whole unless the caller wants it."""

    target: str
    files: int
    errors: list[IngestError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    new_ids: set[str] = field(default_factory=set)
    stats: RunStats = field(default_factory=RunStats)
    stories: list[Story] = field(default_factory=list)
    loaded: Corpus | None = None

    @property
    def processed(self) -> int:
        return len(self.article_ids)

    @property
    def corpus(self) -> Corpus:
        if self.loaded is None:
            with Database(self.target) as database:
                order = {identity: n for n, identity in enumerate(self.article_ids)}
                articles = sorted(database.articles(order), key=lambda a: order[a.id])
                actors = database.actors({e.actor_id for a in articles for e in a.entities if e.actor_id})
            self.loaded = Corpus(articles=articles, actors=actors, stories=self.stories, errors=self.errors)
        return self.loaded


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(raw_text: str, source: str | None) -> str:
    """Identity = hash of the normalised raw text and the source: the same input always maps here."""
    key = _normalised(raw_text) + "\x1f" + _normalised(source or "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def name_memory(knowledge: KnowledgeBase) -> NameMemory:
    """A corpus name memory that starts with the knowledge base's names (hyphenated ones by their
    parts: "al-Sisi" gives "Sisi"), so that a known actor glued to the next word splits even where
    the article never writes the name alone ("Guterreswarnte", "von der Leyensprechen")."""
    names = NameMemory()
    names.learn(" ".join(name.replace("-", " ") for actor in knowledge.actors.values() for name in actor.all_names))
    return names


def process_document(document: RawDocument, identity: str, names: NameMemory | None = None) -> Article:
    """Run the per-article stages on one ingested document (``names``: those the corpus's earlier
    documents taught, for splitting glued words)."""
    language = document.language or detect_language(document.raw_text)
    known = names if names is not None else frozenset()
    repaired = repair_text(document.raw_text, language, known)
    # Titles are often the text's first line, glued like it ("Putinhat einen Vorschlag…").
    title = repair_title(document.title, language, known, repaired.text) if document.title else None
    return Article(
        id=identity,
        path=document.path,
        format=document.format,
        raw_text=document.raw_text,
        text=repaired.text,
        title=title,
        source=document.source,
        url=document.url,
        published=document.published,
        language=language,
        external_id=document.external_id,
        quality=repaired.quality.score if repaired.quality else None,
        repairs=repaired.repairs,
    )


def _parse(group: list[Article], language: str, problems: list[IngestError]) -> list[Parsed]:
    """The parse of each article, a batch at a time; one by one if the batch fails, to find the
    article at fault."""
    try:
        return parse_texts([a.text for a in group], language)
    except Exception:  # noqa: BLE001 - retried one by one below
        parsed = []
        for article in group:
            try:
                parsed.append(parse_texts([article.text], language)[0])
            except Exception as exc:  # noqa: BLE001 - reported, the article is kept without entities
                problems.append(IngestError(article.path, f"named-entity recognition failed: {exc}"))
                parsed.append(Parsed([], []))
        return parsed


def analyse_articles(articles: list[Article], kb: KnowledgeBase, registry: ActorRegistry) -> list[IngestError]:
    """Fill in each article's entities (a batch per language through the spaCy pipelines), link
    them to actors, and find quotes, dates and events. An article whose analysis fails keeps its
    text and is reported: one odd article never stops the batch."""
    problems: list[IngestError] = []
    by_language: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.language in LANGUAGES:
            by_language[article.language].append(article)
    parses: dict[str, Parsed] = {}
    for language, group in by_language.items():
        for article, parsed in zip(group, _parse(group, language, problems), strict=True):
            article.entities = parsed.entities
            parses[article.id] = parsed
    for article in articles:
        try:
            link_article(article, kb, registry)
            dates = find_dates(article.text, article.published_day)
            tokens = parses[article.id].tokens if article.id in parses else []
            article.quotes = date_quotes(
                article.text, find_quotes(article.text, article.entities, tokens, article.language or ""), dates
            )
            article.events = find_events(article.text, tokens, article.entities, dates, article.language or "")
        except Exception as exc:  # noqa: BLE001 - reported, the article is kept as it is
            problems.append(IngestError(article.path, f"actor linking, quotes or events failed: {exc}"))
    return problems


class BatchWriter:
    """Buffers new articles and writes them a batch per transaction."""

    def __init__(
        self, database: Database, batch_size: int, kb: KnowledgeBase, actors: list[Actor] | None = None
    ) -> None:
        self.database = database
        self.kb = kb
        self.registry = ActorRegistry(kb, database.actors() if actors is None else actors)
        self.batch_size = batch_size
        self.pending: list[tuple[Article, bytes]] = []
        self.pending_errors: list[IngestError] = []
        self.pending_rereads: list[str] = []
        self._index: NearDuplicateIndex | None = None

    @property
    def index(self) -> NearDuplicateIndex:
        if self._index is None:
            self._index = NearDuplicateIndex()
            for stored_id, stored_signature in self.database.signatures():
                self._index.add(stored_id, stored_signature)
        return self._index

    def _signed(self, article: Article) -> tuple[Article, bytes]:
        """The article with its near-duplicate signature, marked as a copy of an earlier one if it is."""
        article_signature = signature(article.text)
        article.duplicate_of = self.index.find(article_signature)
        self.index.add(article.id, article_signature)
        return article, article_signature

    def add(self, article: Article) -> None:
        self.pending.append(self._signed(article))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def store_partition(
        self, result: PartitionResult, baseline: dict[str, Actor], seen: set[str], analysis: Analysis
    ) -> None:
        """Write a partition analysed by a worker, as ``add`` and ``flush`` would have: its actors
        merged into this run's, its articles in input order, copies of earlier ones skipped."""
        renamed = self.registry.absorb(result.actors, baseline)
        fresh: set[str] = set()
        for identity in result.ids:
            if identity not in seen:
                seen.add(identity)
                analysis.article_ids.append(identity)
                fresh.add(identity)
        kept = [article for article in result.articles if article.id in fresh]
        for article in kept:
            rename_actors(article, renamed)
        analysis.new_ids.update(article.id for article in kept)
        pairs = [self._signed(article) for article in kept]
        vectors = [row for row in result.vectors if row["article_id"] in fresh]
        analysis.errors.extend(result.errors)
        errors = [*self.pending_errors, *result.errors, *result.problems]
        self.database.save_batch(pairs, errors, result.rereads, self.registry.pop_touched(), vectors)
        self.pending_errors = []

    def error(self, error: IngestError) -> None:
        self.pending_errors.append(error)

    def reread(self, path: str) -> None:
        """``path`` is being read again: forget its old errors (written before its new ones)."""
        self.pending_rereads.append(path)

    def flush(self) -> None:
        articles = [article for article, _ in self.pending]
        self.pending_errors.extend(analyse_articles(articles, self.kb, self.registry))
        actors = self.registry.pop_touched()
        vectors = [pack(v) for v in vectorize(articles)] if articles else []
        if self.pending or self.pending_errors or self.pending_rereads or actors:
            self.database.save_batch(self.pending, self.pending_errors, self.pending_rereads, actors, vectors)
            self.pending, self.pending_errors, self.pending_rereads = [], [], []


def load_knowledge(paths: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The bundled knowledge base plus the user's files; its names also guide NER."""
    knowledge = KnowledgeBase.load(paths)
    add_known_names(knowledge.name_patterns())
    return knowledge


@dataclass(slots=True)
class PartitionRead:
    """A partition's inputs read (phase one of a distributed run): per input, its display name,
    documents and errors; and the names its documents teach the repair stage."""

    index: int
    inputs: list[tuple[str, list[RawDocument], list[IngestError]]]
    names: set[str]


@dataclass(slots=True)
class PartitionResult:
    """A partition analysed (phase two): ``ids`` of every document in input order (stored ones
    too), the new ``articles`` with their ``vectors``, the ``actors`` its registry touched."""

    index: int
    ids: list[str]
    articles: list[Article]
    vectors: list[dict[str, Any]]
    actors: list[Actor]
    errors: list[IngestError]
    problems: list[IngestError]
    rereads: list[str]


def ingest_options(
    published: str | None = None,
    source: str | None = None,
    fields: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestOptions:
    if published is not None and normalize_date(published) is None:
        raise ValueError(f"--published {published!r} is not a date")
    return IngestOptions(
        max_bytes=max_bytes, fields=FieldMap().with_overrides(fields or {}), source=source, published=published
    )


def _read(item: InputFile, options: IngestOptions) -> tuple[list[RawDocument], list[IngestError]]:
    """One input's documents and errors."""
    documents: list[RawDocument] = []
    errors: list[IngestError] = []
    for result in read_input(item, options):
        (errors if isinstance(result, IngestError) else documents).append(result)
    return documents, errors


def read_partition(index: int, inputs: list[InputFile], options: IngestOptions) -> PartitionRead:
    names = NameMemory()
    read = []
    for item in inputs:
        documents, errors = _read(item, options)
        for document in documents:
            names.learn(document.raw_text)
        read.append((item.display, documents, errors))
    return PartitionRead(index, read, set(names))


@lru_cache(maxsize=4)
def _worker_knowledge(paths: tuple[str, ...]) -> KnowledgeBase:
    """Loaded once per worker process, with the spaCy pipelines (cached by the nlp stage)."""
    return load_knowledge(paths)


def analyse_partition(
    read: PartitionRead, names_before: frozenset[str], db: str, actors: list[Actor], kb: tuple[str, ...] = ()
) -> PartitionResult:
    """The per-article stages of one partition, as the single-process run does them: repair with
    the names of all earlier documents, NER, linking (from the run's starting actors), quotes,
    events, embeddings. Articles already stored are skipped."""
    knowledge = _worker_knowledge(kb)
    names = name_memory(knowledge)
    names.remember(names_before)
    registry = ActorRegistry(knowledge, copy.deepcopy(actors))
    everything = [document for _, documents, _ in read.inputs for document in documents]
    ids = [article_id(document.raw_text, document.source) for document in everything]
    with Database(db) as database:
        stored = database.known_ids(ids)
    articles: list[Article] = []
    taken: set[str] = set(stored)
    for document, identity in zip(everything, ids, strict=True):
        if identity not in taken:
            taken.add(identity)
            articles.append(process_document(document, identity, names))
        names.learn(document.raw_text)
    errors = [error for _, _, input_errors in read.inputs for error in input_errors]
    problems = []
    for start in range(0, len(articles), BATCH_SIZE):
        problems.extend(analyse_articles(articles[start : start + BATCH_SIZE], knowledge, registry))
    vectors = [pack(v) for v in vectorize(articles)] if articles else []
    rereads = [display for display, _, _ in read.inputs]
    return PartitionResult(read.index, ids, articles, vectors, registry.pop_touched(), errors, problems, rereads)


def run_analysis(
    paths: Iterable[str | Path],
    db: str | Path | None = None,
    published: str | None = None,
    source: str | None = None,
    fields: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    kb: Iterable[str | Path] = (),
) -> Analysis:
    """Ingest, process and store every article under ``paths``; report bad inputs, never raise for them."""
    options = ingest_options(published, source, fields, max_bytes)
    knowledge = load_knowledge(kb)
    progress = progress or _Silent()
    inputs, errors = expand_paths([str(path) for path in paths])
    progress.start(len(inputs))
    target = str(db or default_target())
    analysis = Analysis(target, files=len(inputs), errors=list(errors))
    seen: set[str] = set()
    with Database(target) as database:
        writer, _ = start_writer(database, knowledge, errors, batch_size)
        names = name_memory(knowledge)
        for item in inputs:
            writer.reread(item.display)
            documents, input_errors = _read(item, options)
            for error in input_errors:
                analysis.errors.append(error)
                writer.error(error)
            _add_documents(documents, writer, names, seen, analysis)
            progress.advance(item.display)
        writer.flush()
        finish_run(database, analysis)
    return analysis


def start_writer(
    database: Database, knowledge: KnowledgeBase, errors: list[IngestError], batch_size: int = BATCH_SIZE
) -> tuple[BatchWriter, dict[str, Actor]]:
    """The run's writer, holding the errors found so far, and the actors stored when it starts."""
    actors = database.actors()
    baseline = {actor.id: copy.deepcopy(actor) for actor in actors}
    writer = BatchWriter(database, batch_size, knowledge, actors)
    for error in errors:
        writer.error(error)
    return writer, baseline


def finish_run(database: Database, analysis: Analysis) -> None:
    """The corpus-level stage after every article is stored: stories, and the run's counts."""
    analysis.stories = _update_stories(database, set(analysis.article_ids), analysis.stats)


def _add_documents(
    documents: list[RawDocument], writer: BatchWriter, names: NameMemory, seen: set[str], analysis: Analysis
) -> None:
    """Process the documents not seen in this run nor stored before, and hand them to the writer."""
    identities = {id(doc): article_id(doc.raw_text, doc.source) for doc in documents}
    stored = writer.database.known_ids(identities.values())
    for document in documents:
        identity = identities[id(document)]
        if identity not in seen:
            seen.add(identity)
            analysis.article_ids.append(identity)
            if identity not in stored:
                writer.add(process_document(document, identity, names))
                analysis.new_ids.add(identity)
        names.learn(document.raw_text)


def analyse_inbox(database: Database, kb: KnowledgeBase, limit: int = BATCH_SIZE) -> int:
    """Analyse the oldest documents posted to the web API and store them, then take them out of
    the inbox. A crash in between only means they are analysed again: stored articles are skipped
    by id, so nothing is lost and nothing is stored twice. Returns how many were taken."""
    queued = database.inbox(limit)
    if not queued:
        return 0
    analysis = Analysis(database.target, files=0)
    writer = BatchWriter(database, limit, kb)
    _add_documents([RawDocument(**fields) for _, fields in queued], writer, name_memory(kb), set(), analysis)
    writer.flush()
    if analysis.new_ids:
        _update_stories(database, analysis.new_ids)
    database.done(ticket for ticket, _ in queued)
    return len(queued)


def _sentence_vectors(database: Database, ids: list[str]) -> dict[str, ArticleVectors]:
    """Stored sentence vectors of ``ids``; articles stored before there were any are embedded now
    and stored, so nothing is embedded twice."""
    found = {i: unpack(row) for i, row in database.vectors(ids).items()}
    missing = [i for i in ids if i not in found]
    if missing:
        fresh = vectorize(database.articles(missing))
        database.save_batch([], [], vectors=[pack(v) for v in fresh])
        found.update({v.article_id: v for v in fresh})
    return found


STORY_CHUNK = 500


def _update_stories(database: Database, wanted: set[str], stats: RunStats | None = None) -> list[Story]:
    """Stories after this run (new articles joined or opened stories, changed stories compared
    again), stored; returns those holding one of ``wanted``. The corpus is read a chunk at a time
    and kept as clustering profiles; only the articles of changed stories are loaded whole.
    ``stats``: counted over the ``wanted`` articles in the same pass."""
    leads = {
        i: unpack({**row, "sentences": b"", "spans": []}).story for i, row in database.vectors(sentences=False).items()
    }
    inputs = []
    for chunk in database.iter_articles(STORY_CHUNK):
        missing = [a.id for a in chunk if a.id not in leads]
        if missing:
            leads.update({v.article_id: v.story for v in _sentence_vectors(database, missing).values()})
        inputs.extend(story_input(article, leads.get(article.id)) for article in chunk)
        if stats is not None:
            for article in chunk:
                if article.id in wanted:
                    stats.add(article)
    stories = update_stories(
        database.stories(),
        inputs,
        database.articles,
        lambda ids: _sentence_vectors(database, ids),
        database.actors(),
    )
    database.save_stories(stories)
    return [story for story in stories if wanted & set(story.article_ids)]


def analyze(
    paths: Iterable[str | Path] | str | Path,
    db: str | Path | None = None,
    published: str | None = None,
    source: str | None = None,
    fields: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    kb: Iterable[str | Path] = (),
) -> Corpus:
    """Analyse articles and return the corpus: ``newsprism.analyze("examples/", db="x.db")``."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    analysis = run_analysis(paths, db=db, published=published, source=source, fields=fields, max_bytes=max_bytes, kb=kb)
    return analysis.corpus
