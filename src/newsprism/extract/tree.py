"""An article's parse as a dependency tree: what the quote and the event rules both ask of it."""

from __future__ import annotations

from newsprism.model import Token


class DependencyTree:
    """Tokens with their children, subtrees and sentences (token index ranges)."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text, self.tokens = text, tokens
        self.children: list[list[int]] = [[] for _ in tokens]
        for index, token in enumerate(tokens):
            if token.head != index and 0 <= token.head < len(tokens):
                self.children[token.head].append(index)

    def kids(self, index: int, deps: frozenset[str] | None = None) -> list[int]:
        return [child for child in self.children[index] if deps is None or self.tokens[child].dep in deps]

    def lower(self, index: int) -> str:
        return self.tokens[index].text.lower()

    def subtree(self, index: int) -> list[int]:
        found, stack = [], [index]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(self.children[current])
        return sorted(found)

    def span(self, indices: list[int]) -> tuple[int, int]:
        return self.tokens[indices[0]].start, self.tokens[indices[-1]].end

    def sentence_ranges(self) -> list[tuple[int, int]]:
        """(first token, index after the last token) of each sentence."""
        starts = [i for i, token in enumerate(self.tokens) if token.sentence_start or i == 0]
        return list(zip(starts, [*starts[1:], len(self.tokens)], strict=True))
