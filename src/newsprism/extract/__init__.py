"""Extract: what is said and done in an article. Quotes with their speakers and dates resolved
against the publication date; PLOVER events follow (issue 7).

Public surface: ``find_quotes``, ``find_dates`` and ``DateMention``.
"""

from newsprism.extract.dates import DateMention, find_dates
from newsprism.extract.quotes import find_quotes

__all__ = ["DateMention", "find_dates", "find_quotes"]
