"""The one exception a bad question bank raises: which file, which key, what is wrong."""

from __future__ import annotations

from pathlib import Path


class BankError(ValueError):
    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        self.path, self.key, self.problem = Path(path), key, problem
        super().__init__(f"{path}: {key}: {problem}")
