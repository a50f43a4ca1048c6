"""Stories: near-duplicates, story clustering across outlets and languages (cross-lingual
embeddings, shared actors, words, dates), and the fact-level comparison of what each source reports.

Public surface: ``NearDuplicateIndex``, ``signature``, ``update_stories``, ``StoryIndex``,
``profile``, ``similarity``, ``compare_story``, ``vectorize`` / ``pack`` / ``unpack`` (the
embeddings the store keeps), ``ArticleVectors`` and ``embed``.
"""

from newsprism.stories.build import update_stories
from newsprism.stories.cluster import StoryIndex, profile, similarity
from newsprism.stories.duplicates import NearDuplicateIndex, signature
from newsprism.stories.embed import embed
from newsprism.stories.facts import compare_story
from newsprism.stories.vectors import ArticleVectors, pack, sentence_spans, unpack, vectorize

__all__ = [
    "ArticleVectors",
    "NearDuplicateIndex",
    "StoryIndex",
    "compare_story",
    "embed",
    "pack",
    "profile",
    "sentence_spans",
    "signature",
    "similarity",
    "unpack",
    "update_stories",
    "vectorize",
]
