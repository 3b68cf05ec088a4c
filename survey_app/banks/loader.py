"""Read `question_banks/` with tomllib and validate every file into frozen dataclasses."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from survey_app.banks.errors import BankError
from survey_app.banks.model import (
    AUDIENCES,
    DEFAULT_LANGUAGE,
    KINDS,
    OPEN_QUESTION_ID,
    PRESENTATIONS,
    LocalText,
    Option,
    Question,
    QuestionBanks,
    Scale,
    Theme,
)

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,59}$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Z][A-Za-z]{1,3})?$")
THEME_KEYS = {"id", "audience", "kind", "version", "presentation", "title", "purpose", "questions"}
QUESTION_KEYS = {"id", "kind", "text", "options", "scale", "positive", "negative", "alert_on"}
OPTION_KEYS = {"value", "text", "emoji"}
SCALE_KEYS = {"points", "positive", "negative"}
MAX_THEME_QUESTIONS = 8
YES_NO = Scale(
    points=(
        Option("yes", LocalText(((DEFAULT_LANGUAGE, "Yes"),)), "👍"),
        Option("no", LocalText(((DEFAULT_LANGUAGE, "No"),)), "👎"),
        Option("not_sure", LocalText(((DEFAULT_LANGUAGE, "Not sure"),)), "🤷"),
    ),
    positive=frozenset({"yes"}),
    negative=frozenset({"no"}),
)


def load_banks(directory: Path) -> QuestionBanks:
    """Load and validate every bank file; the first bad one raises BankError."""
    directory = Path(directory)
    scales = load_scales(directory / "_scales.toml")
    cores: dict[str, Theme] = {}
    themes: dict[tuple[str, str], Theme] = {}
    for audience in AUDIENCES:
        for path in sorted((directory / audience).glob("*.toml")):
            theme = load_theme(path, scales)
            target = cores if theme.kind == "core" else themes
            target[audience if theme.kind == "core" else (audience, theme.id)] = theme
        _check_audience(directory / audience, audience, cores, themes)
    return QuestionBanks(cores=cores, themes=themes, scales=scales)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise BankError(path, "(file)", f"not valid TOML: {exc}") from exc
    except OSError as exc:
        raise BankError(path, "(file)", f"cannot be read: {exc.strerror}") from exc


def load_scales(path: Path) -> dict[str, Scale]:
    """Named answer scales; `yes_no` may be given here to carry its translations."""
    data = read_toml(path) if path.exists() else {}
    scales = {"yes_no": YES_NO}
    for name, table in data.items():
        _require(path, name, table, dict)
        _no_unknown_keys(path, name + ".", table, SCALE_KEYS)
        options = _options(path, f"{name}.points", table.get("points"))
        if name != "yes_no" and [o.value for o in options] != [
            str(i + 1) for i in range(len(options))
        ]:
            raise BankError(path, f"{name}.points", 'values must be "1", "2", … from worst to best')
        positive, negative = _sides(path, name, table, options)
        scales[name] = Scale(options, positive, negative)
    return scales


def load_theme(path: Path, scales: dict[str, Scale]) -> Theme:
    data = read_toml(path)
    _no_unknown_keys(path, "", data, THEME_KEYS)
    kind = _choice(path, "kind", data.get("kind"), ("theme", "core"))
    theme_id = _identifier(path, "id", data.get("id"))
    if theme_id != path.stem:
        raise BankError(path, "id", f'"{theme_id}" must equal the file name "{path.stem}"')
    audience = _choice(path, "audience", data.get("audience"), AUDIENCES)
    if audience != path.parent.name:
        raise BankError(
            path, "audience", f'"{audience}" must equal the folder "{path.parent.name}"'
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BankError(path, "version", "must be a whole number, 1 or more")
    questions = _questions(path, data.get("questions"), scales, kind)
    return Theme(
        id=theme_id,
        audience=audience,
        kind=kind,
        version=version,
        presentation=_choice(path, "presentation", data.get("presentation"), PRESENTATIONS),
        title=_text(path, "title", data.get("title")),
        purpose=_text(path, "purpose", data.get("purpose")),
        questions=questions,
        path=path,
    )


def _questions(path: Path, raw: Any, scales: dict, kind: str) -> tuple[Question, ...]:
    items = _require(path, "questions", raw, list)
    limit = MAX_THEME_QUESTIONS if kind == "theme" else 12
    if not 1 <= len(items) <= limit:
        raise BankError(path, "questions", f"must hold between 1 and {limit} questions")
    questions = tuple(_question(path, f"questions[{i}]", q, scales) for i, q in enumerate(items))
    seen: set[str] = set()
    for i, question in enumerate(questions):
        if question.id in seen:
            raise BankError(path, f"questions[{i}].id", f'"{question.id}" is used twice')
        seen.add(question.id)
    return questions


def _question(path: Path, key: str, raw: Any, scales: dict) -> Question:
    data = _require(path, key, raw, dict)
    _no_unknown_keys(path, key + ".", data, QUESTION_KEYS)
    question_id = _identifier(path, f"{key}.id", data.get("id"))
    if question_id == OPEN_QUESTION_ID:
        raise BankError(path, f"{key}.id", f'"{OPEN_QUESTION_ID}" is kept for the open question')
    kind = _choice(path, f"{key}.kind", data.get("kind"), KINDS)
    options = _question_options(path, key, kind, data, scales)
    values = {o.value for o in options}
    positive, negative = _question_sides(path, key, kind, data, scales, options)
    return Question(
        id=question_id,
        kind=kind,
        text=_text(path, f"{key}.text", data.get("text")),
        options=options,
        scale=data.get("scale") if kind == "scale" else None,
        positive=positive,
        negative=negative,
        alert_on=_values(path, f"{key}.alert_on", data.get("alert_on", []), values),
    )


def _question_options(path: Path, key: str, kind: str, data: dict, scales: dict) -> tuple:
    if kind == "scale":
        name = data.get("scale")
        if name not in scales or name == "yes_no":
            known = ", ".join(sorted(n for n in scales if n != "yes_no"))
            raise BankError(path, f"{key}.scale", f'unknown scale "{name}"; known: {known}')
    elif "scale" in data:
        raise BankError(path, f"{key}.scale", f'only scale questions have a scale, not "{kind}"')
    if kind in ("single", "multiple"):
        options = _options(path, f"{key}.options", data.get("options"))
        if len(options) < 2:
            raise BankError(path, f"{key}.options", "a choice question needs at least 2 options")
        return options
    if "options" in data:
        raise BankError(path, f"{key}.options", f'"{kind}" questions take no options')
    return (
        _scale_of(kind, data, scales).points if kind in ("scale", "yes_no") else ()
    )


def _scale_of(kind: str, data: dict, scales: dict[str, Scale]) -> Scale:
    return scales[data["scale"]] if kind == "scale" else scales["yes_no"]


def _question_sides(path, key, kind, data, scales, options) -> tuple[frozenset, frozenset]:
    """A question's positive and negative answers: its own, else its scale's."""
    if "positive" in data or "negative" in data:
        return _sides(path, key, data, options)
    if kind in ("scale", "yes_no"):
        scale = _scale_of(kind, data, scales)
        return scale.positive, scale.negative
    return frozenset(), frozenset()


def _sides(path, key, table, options) -> tuple[frozenset, frozenset]:
    """`positive` and `negative` go together: both named, each a non-empty list, no overlap.

    Every figure a report shows (share positive, worries, charts) rests on these two lists, so
    a scale or a question that gives one without the other is refused rather than guessed.
    """
    values = {o.value for o in options}
    for side in ("positive", "negative"):
        if side not in table:
            raise BankError(
                path, f"{key}.{side}", "is missing: name the answers that count as " + side
            )
    positive = _values(path, f"{key}.positive", table["positive"], values)
    negative = _values(path, f"{key}.negative", table["negative"], values)
    for side, chosen in (("positive", positive), ("negative", negative)):
        if not chosen:
            raise BankError(path, f"{key}.{side}", "must name at least one answer")
    if positive & negative:
        both = sorted(positive & negative)[0]
        raise BankError(path, f"{key}.negative", f"{both!r} is also positive")
    return positive, negative


def _options(path: Path, key: str, raw: Any) -> tuple[Option, ...]:
    items = _require(path, key, raw, list)
    options = []
    for i, item in enumerate(items):
        data = _require(path, f"{key}[{i}]", item, dict)
        _no_unknown_keys(path, f"{key}[{i}].", data, OPTION_KEYS)
        value = data.get("value")
        if not isinstance(value, str) or not value.strip():
            raise BankError(path, f"{key}[{i}].value", "must be a non-empty string")
        text = _text(path, f"{key}[{i}].text", data.get("text"))
        options.append(Option(value=value, text=text, emoji=data.get("emoji")))
    if len({o.value for o in options}) != len(options):
        raise BankError(path, key, "two options share a value")
    return tuple(options)


def _text(path: Path, key: str, raw: Any) -> LocalText:
    data = _require(path, key, raw, dict)
    if DEFAULT_LANGUAGE not in data:
        raise BankError(path, key, f"needs an {DEFAULT_LANGUAGE} text")
    for tag, value in data.items():
        if not LANGUAGE_PATTERN.match(tag):
            raise BankError(path, f"{key}.{tag}", "is not a language tag like en-GB or ar")
        if not isinstance(value, str) or not value.strip():
            raise BankError(path, f"{key}.{tag}", "must be non-empty text")
    ordered = sorted(data.items(), key=lambda item: item[0] != DEFAULT_LANGUAGE)
    return LocalText(tuple((tag, value.strip()) for tag, value in ordered))


def _values(path: Path, key: str, raw: Any, allowed: set[str]) -> frozenset[str]:
    items = _require(path, key, raw, list)
    unknown = [v for v in items if v not in allowed]
    if unknown:
        raise BankError(path, key, f"{unknown[0]!r} is not one of the question's answers")
    return frozenset(items)


def _identifier(path: Path, key: str, raw: Any) -> str:
    if not isinstance(raw, str) or not ID_PATTERN.match(raw):
        raise BankError(path, key, "must be lower_snake_case letters, digits and _ (2–60)")
    return raw


def _choice(path: Path, key: str, raw: Any, allowed: tuple[str, ...]) -> str:
    if raw not in allowed:
        raise BankError(path, key, f"{raw!r} is not one of: {', '.join(allowed)}")
    return raw


def _require(path: Path, key: str, raw: Any, kind: type) -> Any:
    if raw is None:
        raise BankError(path, key, "is missing")
    if not isinstance(raw, kind):
        wanted = {dict: "a table", list: "a list", str: "text"}[kind]
        raise BankError(path, key, f"must be {wanted}")
    return raw


def _no_unknown_keys(path: Path, prefix: str, data: dict, allowed: set[str]) -> None:
    for key in data:
        if key not in allowed:
            raise BankError(path, prefix + key, f"unknown key; expected one of {sorted(allowed)}")


def _check_audience(folder: Path, audience: str, cores: dict, themes: dict) -> None:
    """Each audience needs its core file, and question ids unique across core and themes."""
    if audience not in cores:
        raise BankError(folder / "core.toml", "(file)", f"{audience} has no core questions file")
    seen = {q.id: "core" for q in cores[audience].questions}
    for (theme_audience, theme_id), theme in sorted(themes.items()):
        if theme_audience != audience:
            continue
        for i, question in enumerate(theme.questions):
            if question.id in seen:
                where = seen[question.id]
                raise BankError(
                    theme.path, f"questions[{i}].id", f'"{question.id}" is also in {where}'
                )
            seen[question.id] = theme_id
