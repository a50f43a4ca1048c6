"""Story clustering: articles arrive one at a time and join the story they fit best, or open one.

Signals: the cross-lingual e5 embedding of the title and lead (``embed_leads``), the content words
within one language, the linked actors two articles share (an actor id is the same in German and
English; used when an article has no embedding), and the publication dates (far apart, the score
shrinks). An article joins the most similar story (mean over its members) when the score reaches
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

import numpy as np

from newsprism.model import Article

THRESHOLD = 0.35
SAME_LANGUAGE_WORDS = 0.1  # the rest of the score is the embedding's
# e5 cosines are compressed: two unrelated news leads score about 0.76 on average, so that is 0.
UNRELATED_COSINE = 0.76
WINDOW_DAYS = 7
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


def _actor_key(actor_id: str) -> str:
    """An actor id without the type the NER guessed for a new name ("new:person:elbe" and
    "new:place:elbe" are one river)."""
    return "new:" + actor_id.rsplit(":", 1)[-1] if actor_id.startswith("new:") else actor_id


def profile(article: Article, vector: np.ndarray | None = None) -> ArticleProfile:
    actors = Counter(_actor_key(e.actor_id) for e in article.entities if e.actor_id and e.label in ACTOR_LABELS)
    words = Counter(w for w in _WORD.findall(((article.title or "") + " ") * 2 + article.text.lower()) if w.lower()
                    not in STOPWORDS)  # fmt: skip
    words = Counter({w.lower(): n for w, n in words.items()})
    return ArticleProfile(article.id, article.language, article.published_day, actors, words, vector)


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


def similarity(a: ArticleProfile, b: ArticleProfile) -> float:
    """How likely two articles report the same story, 0..1."""
    same = a.language == b.language
    if a.vector is None or b.vector is None:
        actors = _actor_overlap(a.actors, b.actors)
        score = 0.5 * actors + 0.5 * _cosine(a.words, b.words) if same else actors
    else:
        meaning = max(0.0, (float(a.vector @ b.vector) - UNRELATED_COSINE) / (1 - UNRELATED_COSINE))
        if same:
            score = SAME_LANGUAGE_WORDS * _cosine(a.words, b.words) + (1 - SAME_LANGUAGE_WORDS) * meaning
        else:
            score = meaning
    if a.published and b.published:
        gap = abs((a.published - b.published).days)
        if gap > WINDOW_DAYS:
            score *= WINDOW_DAYS / gap  # a year-old article about the same people is another story
    return score


@dataclass(slots=True)
class _Story:
    id: str
    members: list[ArticleProfile] = field(default_factory=list)


class StoryIndex:
    """Stories built incrementally: ``add`` an article profile, get its story id."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.stories: list[_Story] = []

    def add(self, article: ArticleProfile) -> str:
        """Put ``article`` in the story it fits best; stories it bridges (a German and an English
        thread of one event) become one."""
        scored = [
            (sum(similarity(article, m) for m in story.members) / len(story.members), story) for story in self.stories
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
            self.stories.append(_Story(story_id, list(members)))

    def groups(self) -> dict[str, list[str]]:
        return {story.id: [member.article_id for member in story.members] for story in self.stories}
