"""Stories: near-duplicates, story clustering across outlets and languages, and the fact-level
comparison of what each source reports.

Public surface: ``NearDuplicateIndex``, ``signature``, ``build_stories``, ``StoryIndex``,
``profile``, ``similarity`` and ``compare_story``.
"""

from newsprism.stories.build import build_stories
from newsprism.stories.cluster import StoryIndex, profile, similarity
from newsprism.stories.duplicates import NearDuplicateIndex, signature
from newsprism.stories.facts import compare_story

__all__ = ["NearDuplicateIndex", "StoryIndex", "build_stories", "compare_story", "profile", "signature", "similarity"]
