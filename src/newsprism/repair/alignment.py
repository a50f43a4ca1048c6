"""Edits and the bidirectional offset map between a source text and its edited version."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Side = Literal["start", "end"]


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace ``source[start:end]`` with ``replacement`` (an insertion when start == end)."""

    start: int
    end: int
    replacement: str
    kind: str


class Alignment:
    """Maps offsets between ``source`` and the text made by applying non-overlapping edits to it.

    A position inside a replaced span maps to the span's start (``side="start"``) or end
    (``side="end"``), so a mapped span always covers what it covered before.
    """

    def __init__(self, source: str, edits: Iterable[TextEdit]) -> None:
        self.source = source
        self.edits = sorted(edits, key=lambda edit: (edit.start, edit.end))
        self._src_starts: list[int] = []
        self._src_ends: list[int] = []
        self._tgt_starts: list[int] = []
        self._tgt_ends: list[int] = []
        pieces: list[str] = []
        position = shift = 0
        for edit in self.edits:
            if edit.start < position or edit.end < edit.start or edit.end > len(source):
                raise ValueError(f"edit {edit} overlaps another or lies outside the text")
            pieces.append(source[position : edit.start])
            pieces.append(edit.replacement)
            self._src_starts.append(edit.start)
            self._src_ends.append(edit.end)
            self._tgt_starts.append(edit.start + shift)
            shift += len(edit.replacement) - (edit.end - edit.start)
            self._tgt_ends.append(edit.end + shift)
            position = edit.end
        pieces.append(source[position:])
        self.target = "".join(pieces)

    def to_target(self, position: int, side: Side = "start") -> int:
        """Target offset of source ``position``; inside or at an edit, its target start or end."""
        if side == "start":
            index = bisect_left(self._src_ends, position)
            if index == len(self._src_ends):
                return position + (self._tgt_ends[-1] - self._src_ends[-1] if index else 0)
            if self._src_starts[index] <= position < self._src_ends[index] or (
                self._src_starts[index] == position == self._src_ends[index]
            ):
                return self._tgt_starts[index]
            if self._src_ends[index] == position:
                return self._tgt_ends[index]
            return position + self._tgt_starts[index] - self._src_starts[index]
        index = bisect_right(self._src_starts, position) - 1
        if index < 0:
            return position
        if self._src_starts[index] == position < self._src_ends[index]:
            return self._tgt_starts[index]
        if position <= self._src_ends[index]:
            return self._tgt_ends[index]
        return position + self._tgt_ends[index] - self._src_ends[index]

    def to_source(self, position: int, side: Side = "start") -> int:
        """Source offset of target ``position``; inside inserted text, the edit's source start or end."""
        index = bisect_right(self._tgt_starts, position) - 1
        if index < 0:
            return position
        if position >= self._tgt_ends[index]:
            return position - self._tgt_ends[index] + self._src_ends[index]
        return self._src_starts[index] if side == "start" else self._src_ends[index]

    def edit_target_spans(self) -> list[tuple[int, int]]:
        """Where each edit's replacement sits in the target, in edit order."""
        return list(zip(self._tgt_starts, self._tgt_ends, strict=True))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span that became ``target[start:end]``."""
        return self.to_source(start, "start"), self.to_source(end, "end")

    def target_span(self, start: int, end: int) -> tuple[int, int]:
        """Where ``source[start:end]`` ended up in the target, without text inserted at its edges."""
        target_start, target_end = self.to_target(start, "start"), self.to_target(end, "end")
        index = bisect_left(self._src_starts, start)
        while index < len(self._src_starts) and self._src_starts[index] == start == self._src_ends[index]:
            target_start = self._tgt_ends[index]
            index += 1
        index = bisect_left(self._src_starts, end)
        if index < len(self._src_starts) and self._src_starts[index] == end == self._src_ends[index]:
            target_end = self._tgt_starts[index]
        return target_start, max(target_start, target_end)


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    kind: str


def compose(source: str, passes: list[list[TextEdit]]) -> tuple[str, list[TextEdit]]:
    """Apply edit passes one after another; return the final text and the edits against ``source``.

    Each pass's edits are in the coordinates of the text the previous pass produced. Edits that
    overlap once mapped back to ``source`` merge into one, whose kind joins theirs with ``+``.
    """
    alignments: list[Alignment] = []
    text = source
    raw_spans: list[tuple[int, int, str]] = []
    for edits in passes:
        for edit in edits:
            start, end = edit.start, edit.end
            for alignment in reversed(alignments):
                start, end = alignment.to_source(start, "start"), alignment.to_source(end, "end")
            raw_spans.append((start, end, edit.kind))
        alignment = Alignment(text, edits)
        alignments.append(alignment)
        text = alignment.target

    def forward(position: int, side: Side) -> int:
        for alignment in alignments:
            position = alignment.to_target(position, side)
        return position

    merged: list[_Span] = []
    for start, end, kind in sorted(raw_spans):
        last = merged[-1] if merged else None
        if last and (start < last.end or (start == last.end and (start == end or last.start == last.end))):
            last.end = max(last.end, end)
            if kind not in last.kind.split("+"):
                last.kind = f"{last.kind}+{kind}"
        else:
            merged.append(_Span(start, end, kind))
    final: list[TextEdit] = []
    for span in merged:
        replacement = text[forward(span.start, "start") : forward(span.end, "end")]
        if replacement != source[span.start : span.end]:
            final.append(TextEdit(span.start, span.end, replacement, span.kind))
    return text, final
