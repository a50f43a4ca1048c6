"""Stories: relations between articles. Near-duplicates now; story clustering and facts follow.

Public surface: ``NearDuplicateIndex`` and ``signature``.
"""

from newsprism.stories.duplicates import NearDuplicateIndex, signature

__all__ = ["NearDuplicateIndex", "signature"]
