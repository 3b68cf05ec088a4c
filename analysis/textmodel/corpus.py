"""Labelled comments as the labelling guide defines them, read and checked line by line."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from analysis.safeguarding.categories import AUDIENCES, CATEGORIES
from analysis.text.sentiment import SENTIMENTS
from analysis.text.themes import THEMES

KINDS = ("disclosure", "trap", "plain")
CORPUS_DIRECTORY = Path(__file__).resolve().parents[1] / "data" / "corpus"
FIELDS = {"text", "audience", "sentiment", "themes", "safeguarding", "categories", "kind", "note"}
REQUIRED = FIELDS - {"note", "kind"}


class CorpusError(ValueError):
    """A labelled file that breaks the guide: the file, the line and every problem found."""


@dataclass(frozen=True)
class Labelled:
    """One comment with the labels a person gave it (see analysis/data/corpus/GUIDE.md)."""

    text: str
    audience: str
    sentiment: str | None  # None where this source did not label it
    themes: tuple[str, ...] | None
    safeguarding: bool | None
    categories: tuple[str, ...]
    kind: str = "plain"
    note: str = ""
    source: str = ""  # the file it came from: one writer's voice, kept together in validation


def read_labelled(path: Path) -> list[Labelled]:
    """Every record of a JSON Lines file; CorpusError lists each bad line."""
    return _read(path, _record)


def read_partial(path: Path) -> list[Labelled]:
    """Records that carry only some labels: reviewers' exports and older labelled files.

    A record with `categories` but no `safeguarding` is a disclosure exactly when it has one;
    a label that is absent stays None and that record is left out of that label's training.
    """
    return _read(path, _partial)


def _read(path: Path, parse) -> list[Labelled]:
    records, problems = [], []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue  # a file may open with "#" lines saying where it came from
            try:
                records.append(replace(parse(json.loads(line)), source=path.stem))
            except (ValueError, TypeError) as error:
                problems.append(f"{path}:{number}: {error}")
    if problems:
        raise CorpusError("\n".join(problems))
    return records


def read_corpus(directory: Path = CORPUS_DIRECTORY) -> list[Labelled]:
    """Every labelled file in the corpus folder, in name order."""
    records: list[Labelled] = []
    for path in sorted(directory.glob("*.jsonl")):
        records.extend(read_labelled(path))
    return records


def _record(data: object) -> Labelled:
    if not isinstance(data, dict):
        raise ValueError("each line must be a JSON object")
    if missing := REQUIRED - data.keys():
        raise ValueError(f"missing {sorted(missing)}")
    if unknown := data.keys() - FIELDS:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    record = Labelled(
        text=str(data["text"]),
        audience=data["audience"],
        sentiment=data["sentiment"],
        themes=tuple(data["themes"]),
        safeguarding=data["safeguarding"],
        categories=tuple(data["categories"]),
        kind=data.get("kind") or ("disclosure" if data["safeguarding"] else "plain"),
        note=str(data.get("note") or ""),
    )
    _check(record)
    return record


def _partial(data: object) -> Labelled:
    if not isinstance(data, dict) or not str(data.get("text") or "").strip():
        raise ValueError("each line must be a JSON object with a text")
    categories = tuple(data.get("categories") or ())
    safeguarding = data.get("safeguarding")
    if safeguarding is None and "categories" in data:
        safeguarding = bool(categories)
    themes = data.get("themes")
    record = Labelled(
        text=str(data["text"]),
        audience=data.get("audience", "young_people"),
        sentiment=data.get("sentiment"),
        themes=None if themes is None else tuple(themes),
        safeguarding=safeguarding,
        categories=categories,
        kind=data.get("kind") or ("disclosure" if safeguarding else "plain"),
        note=str(data.get("note") or ""),
    )
    if record.audience not in AUDIENCES:
        raise ValueError(f"audience {record.audience!r} is not one of {AUDIENCES}")
    if record.sentiment is not None and record.sentiment not in SENTIMENTS:
        raise ValueError(f"sentiment {record.sentiment!r} is not one of {SENTIMENTS}")
    if unknown := set(record.themes or ()) - set(THEMES):
        raise ValueError(f"unknown themes {sorted(unknown)}")
    if unknown := set(categories) - set(CATEGORIES):
        raise ValueError(f"unknown categories {sorted(unknown)}")
    return record


def _check(r: Labelled) -> None:
    if not r.text.strip():
        raise ValueError("empty text")
    if r.audience not in AUDIENCES:
        raise ValueError(f"audience {r.audience!r} is not one of {AUDIENCES}")
    if r.sentiment not in SENTIMENTS:
        raise ValueError(f"sentiment {r.sentiment!r} is not one of {SENTIMENTS}")
    if unknown := set(r.themes) - set(THEMES):
        raise ValueError(f"unknown themes {sorted(unknown)}")
    if not isinstance(r.safeguarding, bool):
        raise ValueError("safeguarding must be true or false")
    if unknown := set(r.categories) - set(CATEGORIES):
        raise ValueError(f"unknown categories {sorted(unknown)}")
    if r.safeguarding != bool(r.categories):
        raise ValueError("a disclosure needs at least one category, and only a disclosure has any")
    if r.kind not in KINDS:
        raise ValueError(f"kind {r.kind!r} is not one of {KINDS}")
    if (r.kind == "disclosure") != r.safeguarding:
        raise ValueError("kind 'disclosure' goes with safeguarding true, and only with it")
