"""The repair stage's entry point."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprism.model import Repair


@dataclass(slots=True)
class RepairResult:
    text: str
    repairs: list[Repair] = field(default_factory=list)
    quality: float | None = None


def repair_text(raw_text: str) -> RepairResult:
    """Pass-through until the repair rules land (issue 4)."""
    return RepairResult(text=raw_text)
