"""Story clustering: articles arrive one at a time and join the story they fit best, or open one.

Signals: the cross-lingual e5 embedding of the title and lead (``embed_leads``), the content words
within one language, the linked actors two articles share (an actor id is the same in German and
English; used when an article has no embedding), the publication dates (far apart, the score
shrinks) and the outlet (two articles of one outlet count less alike). Two leads in a crowded
corner of the embedding space count less alike than their cosine says (``Neighbourhood``). An
article joins the most similar story (mean over its members) when the score reaches
``THRESHOLD``, and stories it bridges become one; stories already built are restored as they are,
never re-clustered, so the index takes a stream. Weights, floor and threshold:
``benchmarks/cluster_bench.py`` on SemEval-2022 pairs (with e5, shared actors added nothing).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import numpy as np

from newsprism.model import Article

THRESHOLD = 0.35
SAME_LANGUAGE_WORDS = 0.1  # the rest of the score is the embedding's
# e5 cosines are compressed: two unrelated news leads score about 0.76 on average, so that is 0.
UNRELATED_COSINE = 0.76
WINDOW_DAYS = 7
NEIGHBOURS = 10  # how many nearest leads tell how crowded an article's corner is
CROWDING_WEIGHT = 0.5  # how much of that crowding is taken off a cosine
NEIGHBOURHOOD_BLOCK = 1024  # leads compared with all others at once (a restored corpus comes in blocks)
# An outlet tells a story once (a reprint is a near-duplicate, kept apart); two of its articles
# with alike leads are more often one template's series (police reports, market reports).
SAME_OUTLET = 0.7
ACTOR_LABELS = ("PER", "ORG", "LOC", "MISC")
_WORD = re.compile(r"[^\W\d_]{4,}")
STOPWORDS = frozenset(
    "aber alle allem allen aller alles also auch auf aus bei beim bereits damit dann darauf darüber dass dem den "
    "denen denn der des die dies diese diesem diesen dieser dieses doch dort durch eine einem einen einer eines "
    "einige etwa gegen hatte hatten haben hier ihre ihrem ihren ihrer jedoch jetzt kann keine können mehr mich mit "
    "nach nicht noch nur oder ohne seit sein seine seinem seinen seiner sich sind soll sollen sowie über unter viel "
    "vom von vor während war waren wegen weil werden wird wurde wurden zum zur zwei drei sagte sagt heißt "
    "about after also been before being could from have into more most only other over said says such than that "
    "their them then there these they this those were what when where which while will with would year years".split()
)


@dataclass(slots=True)
class ArticleProfile:
    """What clustering knows of an article."""

    article_id: str
    language: str | None
    published: date | None
    actors: Counter[str]
    words: Counter[str]
    vector: np.ndarray | None = None
    outlet: str | None = None


def _actor_key(actor_id: str) -> str:
    """An actor id without the type the NER guessed for a new name ("new:person:elbe" and
    "new:place:elbe" are one river)."""
    return "new:" + actor_id.rsplit(":", 1)[-1] if actor_id.startswith("new:") else actor_id


def outlet_key(article: Article) -> str | None:
    """Who published ``article``: the host of its URL ("www." aside), else its source's name."""
    try:
        host = urlsplit(article.url).hostname if article.url else None
    except ValueError:  # a malformed address ("http://[::1") names no host
        host = None
    if host:
        return host.removeprefix("www.")
    name = (article.source or "").strip().lower()
    return name or None


def profile(article: Article, vector: np.ndarray | None = None) -> ArticleProfile:
    actors = Counter(_actor_key(e.actor_id) for e in article.entities if e.actor_id and e.label in ACTOR_LABELS)
    words = Counter(w for w in _WORD.findall(((article.title or "") + " ") * 2 + article.text.lower()) if w.lower()
                    not in STOPWORDS)  # fmt: skip
    words = Counter({w.lower(): n for w, n in words.items()})
    return ArticleProfile(
        article.id, article.language, article.published_day, actors, words, vector, outlet_key(article)
    )


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    shared = sum(a[key] * b[key] for key in a.keys() & b.keys())
    return shared / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def _actor_overlap(a: Counter[str], b: Counter[str]) -> float:
    """Weighted overlap of the actors two articles name, damped for articles that share one name."""
    if not a or not b:
        return 0.0
    shared = a.keys() & b.keys()
    overlap = len(shared) / math.sqrt(len(a) * len(b))
    return overlap * min(1.0, len(shared) / 3)


def similarity(a: ArticleProfile, b: ArticleProfile, crowding: float = 0.0, same_outlet: float = SAME_OUTLET) -> float:
    """How likely two articles report the same story, 0..1; ``crowding`` (see ``Neighbourhood``)
    is taken off their leads' cosine, and two articles of one outlet count ``same_outlet`` as alike."""
    same = a.language == b.language
    if a.vector is None or b.vector is None:
        actors = _actor_overlap(a.actors, b.actors)
        score = 0.5 * actors + 0.5 * _cosine(a.words, b.words) if same else actors
    else:
        cosine = float(a.vector @ b.vector) - CROWDING_WEIGHT * crowding
        meaning = max(0.0, (cosine - UNRELATED_COSINE) / (1 - UNRELATED_COSINE))
        if same:
            score = SAME_LANGUAGE_WORDS * _cosine(a.words, b.words) + (1 - SAME_LANGUAGE_WORDS) * meaning
        else:
            score = meaning
    if a.outlet is not None and a.outlet == b.outlet:
        score *= same_outlet
    if a.published and b.published:
        gap = abs((a.published - b.published).days)
        if gap > WINDOW_DAYS:
            score *= WINDOW_DAYS / gap  # a year-old article about the same people is another story
    return score


class Neighbourhood:
    """How crowded each article's corner of the embedding space is, among the articles seen so far.

    Articles written from one template (police press releases of one station, an agency's market
    reports, pages that open with one cookie banner) have leads that are alike whatever they
    report, so each has many close neighbours, and a cosine between two of them says less than the
    same cosine between two articles with no such crowd (hubness; CSLS corrects cross-lingual word
    retrieval the same way). An article's crowd is the mean cosine of its ``NEIGHBOURS`` nearest
    leads; a pair's crowding is their mean crowd above the typical one (negative below it), so a
    corpus of one kind of text is judged against itself and a growing corpus against its own size.
    """

    def __init__(self, neighbours: int = NEIGHBOURS) -> None:
        self.neighbours = neighbours
        self.row: dict[str, int] = {}
        self.vectors = np.zeros((0, 0), dtype=np.float32)
        self.nearest = np.zeros((0, neighbours), dtype=np.float32)  # cosines, -inf where none yet
        self.crowd = np.zeros(0, dtype=np.float32)
        self.typical = 0.0

    def add(self, profiles: list[ArticleProfile]) -> None:
        """Take in the leads of ``profiles`` (those with one, not yet seen), a block at a time; a
        vector that is not finite stays out (its NaN cosines would take other leads' nearest places)."""
        unseen = {
            p.article_id: p
            for p in profiles
            if p.vector is not None and p.article_id not in self.row and np.isfinite(p.vector).all()
        }
        new = list(unseen.values())
        for start in range(0, len(new), NEIGHBOURHOOD_BLOCK):
            self._add_block(new[start : start + NEIGHBOURHOOD_BLOCK])

    def _add_block(self, new: list[ArticleProfile]) -> None:
        block = np.stack([p.vector for p in new]).astype(np.float32)
        old = len(self.row)
        to_old = self.vectors[:old] @ block.T if old else np.zeros((0, len(new)), dtype=np.float32)
        within = block @ block.T
        np.fill_diagonal(within, -np.inf)
        self.nearest = np.concatenate(
            [self._keep_nearest(np.concatenate([self.nearest, to_old], axis=1)),
             self._keep_nearest(np.concatenate([to_old.T, within], axis=1))]
        )  # fmt: skip
        if old + len(new) > len(self.vectors):  # room for twice as many, so adding one is no copy
            grown = np.zeros((2 * (old + len(new)), block.shape[1]), dtype=np.float32)
            if old:
                grown[:old] = self.vectors[:old]
            self.vectors = grown
        self.vectors[old : old + len(new)] = block
        self.row.update((p.article_id, old + n) for n, p in enumerate(new))
        known = np.isfinite(self.nearest)
        counts = known.sum(axis=1)
        sums = np.where(known, self.nearest, 0.0).sum(axis=1)
        seen = counts > 0
        self.typical = float((sums[seen] / counts[seen]).mean()) if seen.any() else 0.0
        self.crowd = np.where(seen, sums / np.maximum(counts, 1), self.typical).astype(np.float32)

    def _keep_nearest(self, cosines: np.ndarray) -> np.ndarray:
        """The ``neighbours`` largest cosines of each row (padded with -inf)."""
        if cosines.shape[1] < self.neighbours:
            padding = np.full((len(cosines), self.neighbours - cosines.shape[1]), -np.inf, dtype=np.float32)
            return np.concatenate([cosines, padding], axis=1)
        return np.partition(cosines, -self.neighbours, axis=1)[:, -self.neighbours :]

    def crowding(self, a: ArticleProfile, b: ArticleProfile) -> float:
        """How much more crowded than typical the corners of ``a`` and ``b`` are (0 if unknown)."""
        first, second = self.row.get(a.article_id), self.row.get(b.article_id)
        if first is None or second is None:
            return 0.0
        return float(self.crowd[first] + self.crowd[second]) / 2 - self.typical


@dataclass(slots=True)
class _Story:
    id: str
    members: list[ArticleProfile] = field(default_factory=list)


class StoryIndex:
    """Stories built incrementally: ``add`` an article profile, get its story id."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.stories: list[_Story] = []
        self.neighbourhood = Neighbourhood()
        self._restored: list[ArticleProfile] = []  # taken into the neighbourhood together, when needed
        self.outlets: set[str] = set()

    def score(self, a: ArticleProfile, b: ArticleProfile) -> float:
        """``similarity`` of two articles, judged by how crowded their corners are now; the outlet
        counts only in a corpus of several (one outlet's feed follows its own stories)."""
        self._take_in_restored()
        same_outlet = SAME_OUTLET if len(self.outlets) > 1 else 1.0
        return similarity(a, b, self.neighbourhood.crowding(a, b), same_outlet)

    def _take_in_restored(self) -> None:
        if self._restored:
            self.neighbourhood.add(self._restored)
            self._restored = []

    def add(self, article: ArticleProfile) -> str:
        """Put ``article`` in the story it fits best; stories it bridges (a German and an English
        thread of one event) become one."""
        self._take_in_restored()
        self.neighbourhood.add([article])
        if article.outlet is not None:
            self.outlets.add(article.outlet)
        scored = [
            (sum(self.score(article, m) for m in story.members) / len(story.members), story) for story in self.stories
        ]
        fitting = sorted(((s, story) for s, story in scored if s >= self.threshold), key=lambda pair: -pair[0])
        if not fitting:
            story = _Story(id="s-" + hashlib.sha256(article.article_id.encode()).hexdigest()[:12])
            self.stories.append(story)
        else:
            story = fitting[0][1]
            for _, other in fitting[1:]:
                story.members.extend(other.members)
                self.stories.remove(other)
        story.members.append(article)
        return story.id

    def restore(self, story_id: str, members: list[ArticleProfile]) -> None:
        """A story built before, taken as it is."""
        if members:
            self._restored.extend(members)
            self.outlets.update(member.outlet for member in members if member.outlet is not None)
            self.stories.append(_Story(story_id, list(members)))

    def groups(self) -> dict[str, list[str]]:
        return {story.id: [member.article_id for member in story.members] for story in self.stories}
