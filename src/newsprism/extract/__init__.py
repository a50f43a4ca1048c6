"""Extract: what is said and done in an article. Dates resolved against the publication date now;
quotes with speakers and PLOVER events follow (issue 7).

Public surface: ``find_dates`` and ``DateMention``.
"""

from newsprism.extract.dates import DateMention, find_dates

__all__ = ["DateMention", "find_dates"]
