"""The one exception a bad lexicon file raises: which file, which entry, what is wrong."""

from __future__ import annotations

from pathlib import Path


class LexiconError(ValueError):
    def __init__(self, path: Path | str, entry: str, problem: str) -> None:
        self.path, self.entry, self.problem = Path(path), entry, problem
        super().__init__(f"{path}: {entry}: {problem}")
