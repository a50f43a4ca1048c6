"""newsprism: what every news source says about a story, where they agree, and where they differ.

The Python API is the same as the CLI: ``newsprism.analyze(paths, db=..., published=...)``
returns a ``Corpus`` (articles, actors, stories, errors), as in the export document.
"""

from newsprism.model import Actor, Article, Corpus, IngestError, Story
from newsprism.pipeline import analyze

__version__ = "0.1.0"

__all__ = ["Actor", "Article", "Corpus", "IngestError", "Story", "__version__", "analyze"]
