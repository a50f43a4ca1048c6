"""Link: every mention to one canonical actor across spellings, languages and articles.

Public surface: ``KnowledgeBase`` (the shipped actor file plus users' ``--kb`` files),
``check_file`` (validate a knowledge-base file), ``ActorRegistry`` (the corpus's actors),
``link_article`` (fill ``actor_id`` of an article's entities, add title/demonym mentions and
record roles), ``resolve_mention`` (one mention on its own → a knowledge-base id), ``name_key``
(the transliteration-aware key two spellings of a name share), ``rename_actors`` (apply the
renames ``ActorRegistry.absorb`` returns when merging a distributed run's partitions).
"""

from newsprism.link.kb import KnowledgeBase, KnowledgeBaseError, check_file
from newsprism.link.names import name_key
from newsprism.link.registry import ActorRegistry, rename_actors
from newsprism.link.resolve import link_article, resolve_mention

__all__ = [
    "ActorRegistry",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "check_file",
    "link_article",
    "name_key",
    "rename_actors",
    "resolve_mention",
]
