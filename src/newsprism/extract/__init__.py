"""Extract: what is said and done in an article. Quotes with their speakers, PLOVER events with
their participants, negation and modality, and dates resolved against the publication date.

Public surface: ``find_quotes``, ``find_events``, ``find_dates``, ``date_quotes``, ``DateMention``,
``event_lexicon`` and ``plover_type`` (an event's type as PLOVER coders give it).
"""

from newsprism.extract.dates import DateMention, date_quotes, find_dates
from newsprism.extract.events import event_lexicon, find_events, plover_type
from newsprism.extract.quotes import find_quotes

__all__ = ["DateMention", "date_quotes", "event_lexicon", "find_dates", "find_events", "find_quotes", "plover_type"]
