"""Article text with spans marked (entities, quotes, facts): escaped first, then tagged.

Spans may overlap or cross; the output is still well-nested HTML: a span cut by another is closed
and opened again, and only its first piece carries its ``id`` (the target of a fact link).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(slots=True)
class Span:
    start: int
    end: int
    tag: str = "span"
    classes: str = ""
    anchor: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)

    def open(self, first: bool) -> str:
        parts = [self.tag]
        if self.classes:
            parts.append(f'class="{escape(self.classes)}"')
        if first and self.anchor:
            parts.append(f'id="{escape(self.anchor)}"')
        parts.extend(f'{name}="{escape(value)}"' for name, value in self.attributes.items())
        return "<" + " ".join(parts) + ">"

    def close(self) -> str:
        return f"</{self.tag}>"


def mark_up(text: str, spans: list[Span]) -> Markup:
    """``text`` as HTML, every character escaped, with ``spans`` as elements around their text."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    starting: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        starting[span.start].append(span)
    points = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    out: list[str] = []
    stack: list[Span] = []
    for index, position in enumerate(points):
        if any(span.end <= position for span in stack):
            reopen = []
            while any(span.end <= position for span in stack):
                span = stack.pop()
                out.append(span.close())
                if span.end > position:
                    reopen.append(span)
            for span in reversed(reopen):
                out.append(span.open(first=False))
                stack.append(span)
        for span in sorted(starting.get(position, []), key=lambda s: -s.end):
            out.append(span.open(first=True))
            stack.append(span)
        if index + 1 < len(points):
            out.append(str(escape(text[position : points[index + 1]])))
    out.extend(span.close() for span in reversed(stack))
    return Markup("".join(out))
