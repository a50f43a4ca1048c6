"""Stories: near-duplicates, story clustering across outlets and languages (cross-lingual
embeddings, shared actors, words, dates), and the fact-level comparison of what each source reports.

Public surface: ``NearDuplicateIndex``, ``signature``, ``update_stories`` (over ``StoryInput``s
made by ``story_input``), ``StoryIndex``,
``profile``, ``similarity``, ``compare_story``, ``vectorize`` / ``pack`` / ``unpack`` (the
embeddings the store keeps), ``ArticleVectors``, ``embed`` (sentences) and ``embed_leads``.
"""

from newsprism.stories.build import StoryInput, story_input, update_stories
from newsprism.stories.cluster import StoryIndex, profile, similarity
from newsprism.stories.duplicates import NearDuplicateIndex, signature
from newsprism.stories.embed import embed, embed_leads
from newsprism.stories.facts import compare_story
from newsprism.stories.vectors import ArticleVectors, pack, sentence_spans, unpack, vectorize

__all__ = [
    "ArticleVectors",
    "NearDuplicateIndex",
    "StoryIndex",
    "StoryInput",
    "compare_story",
    "embed",
    "embed_leads",
    "pack",
    "profile",
    "sentence_spans",
    "signature",
    "similarity",
    "story_input",
    "unpack",
    "update_stories",
    "vectorize",
]
