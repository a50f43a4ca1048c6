"""Repair: fix noisy text and record every edit with an offset map back to the raw text.

Public surface: ``repair_text`` (→ ``RepairResult`` with text, repairs, quality and the offset
map), ``repair_title`` (a title, with its text's names), ``NameMemory`` (names seen across the
corpus), ``alignment_from_repairs`` (the offset map rebuilt from stored repairs), ``Quality`` and
``load_lexicons`` (read the word lists now instead of on first use).
Repair offsets index the raw text; ``Alignment`` maps spans either way.
"""

from newsprism.repair.alignment import Alignment
from newsprism.repair.lexicon import load_lexicons
from newsprism.repair.pipeline import NameMemory, RepairResult, alignment_from_repairs, repair_text, repair_title
from newsprism.repair.quality import Quality

__all__ = [
    "Alignment",
    "NameMemory",
    "Quality",
    "RepairResult",
    "alignment_from_repairs",
    "load_lexicons",
    "repair_text",
    "repair_title",
]
