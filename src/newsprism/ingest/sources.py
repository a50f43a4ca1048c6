"""Turn the paths a user gives (files, directories, globs, ``-``) into a list of inputs."""

from __future__ import annotations

import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from newsprism.model import IngestError

SIDECAR_SUFFIX = ".meta.json"
STDIN = "-"
# Files a directory walk passes over: project notes and configuration beside the articles.
# Named explicitly, any of these is still read (and reported if it is not an article).
_NOT_ARTICLE_NAMES = frozenset({"readme", "license", "licence", "changelog", "copying"})
_NOT_ARTICLE_SUFFIXES = (".yaml", ".yml", ".toml", ".ini", ".cfg", ".py", ".sh", ".css", ".js", ".lock")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input to read: a file on disk, or standard input (``fs_path`` is None)."""

    display: str
    fs_path: Path | None

    @property
    def name(self) -> str:
        return self.fs_path.name if self.fs_path else ""


def _is_candidate(path: Path) -> bool:
    """Skip hidden files and metadata sidecars: they are not articles."""
    return not path.name.startswith(".") and not path.name.endswith(SIDECAR_SUFFIX)


def _walked_file_wanted(name: str) -> bool:
    lowered = name.lower()
    return lowered.split(".", 1)[0] not in _NOT_ARTICLE_NAMES and not lowered.endswith(_NOT_ARTICLE_SUFFIXES)


def _walk(directory: str) -> list[str]:
    """Every article file below ``directory``, sorted; symlinked directories are not followed (no loops)."""
    found: list[str] = []
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(files) if _walked_file_wanted(name))
    return found


def expand_paths(paths: list[str]) -> tuple[list[InputFile], list[IngestError]]:
    """Expand the given paths into input files, reporting the ones that cannot be read."""
    inputs: list[InputFile] = []
    errors: list[IngestError] = []
    seen: set[str] = set()

    def add(candidate: str) -> None:
        path = Path(candidate)
        if not _is_candidate(path):
            return
        if not path.is_file():
            reason = "broken symbolic link" if path.is_symlink() else "not a regular file"
            errors.append(IngestError(candidate, reason))
            return
        key = os.path.realpath(candidate)
        if key not in seen:
            seen.add(key)
            inputs.append(InputFile(candidate, path))

    for given in paths:
        if given == STDIN:
            inputs.append(InputFile(STDIN, None))
        elif os.path.isdir(given):
            for candidate in _walk(given):
                add(candidate)
        elif os.path.lexists(given):
            add(given)
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                errors.append(IngestError(given, "no file matches this pattern"))
            for match in matches:
                for candidate in _walk(match) if os.path.isdir(match) else [match]:
                    add(candidate)
        else:
            errors.append(IngestError(given, "no such file or directory"))
    return inputs, errors


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()
