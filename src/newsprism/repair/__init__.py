"""Repair: fix noisy text and record every edit with an offset map back to the raw text.

Public surface: ``repair_text`` and ``RepairResult``.
"""

from newsprism.repair.pipeline import RepairResult, repair_text

__all__ = ["RepairResult", "repair_text"]
