"""Read the lexicon files (TOML) and validate every entry into frozen dataclasses.

Layout of a lexicon directory (see its README.md):
    normalisation.toml   contractions, text-speak, spellings, emoji; words that negate
    idioms.toml          everyday phrases whose words must never count as a disclosure
    rules/*.toml         [[rule]] entries: what signals which category, and why
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.safeguarding.categories import AUDIENCES, CATEGORIES
from analysis.safeguarding.errors import LexiconError
from analysis.safeguarding.normalise import Normaliser, clean_word, raw_tokens, squeeze
from analysis.safeguarding.phrases import Phrase, PhraseError, compile_phrase

DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "data" / "safeguarding"
REPLACEMENT_SECTIONS = ("contractions", "text_speak", "spelling", "emoji")
NORMALISATION_KEYS = {*REPLACEMENT_SECTIONS, "in_phrases", "negation"}
RULE_KEYS = {
    "category", "reason", "phrase", "phrases", "regex", "near", "within",
    "unless", "negatable", "fallback", "audiences", "at_least",
}  # fmt: skip
PATTERN_KEYS = ("phrase", "phrases", "regex", "near")
DEFAULT_WITHIN = 10


@dataclass(frozen=True)
class Rule:
    """One lexicon entry: if its pattern is in an answer, the answer signals its categories."""

    source: str
    categories: tuple[str, ...]
    reason: str
    phrases: tuple[Phrase, ...] = ()
    regex: re.Pattern[str] | None = None
    near: tuple[tuple[Phrase, ...], ...] = ()
    within: int = DEFAULT_WITHIN
    unless: tuple[Phrase, ...] = ()
    negatable: bool = False
    fallback: bool = False
    at_least: int = 1
    audiences: frozenset[str] = frozenset(AUDIENCES)


@dataclass(frozen=True)
class Lexicon:
    normaliser: Normaliser
    negators: frozenset[str]
    negation_window: int
    negation_breakers: frozenset[str]
    negation_phrases: tuple[Phrase, ...]
    idioms: tuple[Phrase, ...]
    rules: tuple[Rule, ...]


def load_lexicon(directory: Path | str = DEFAULT_DIRECTORY) -> Lexicon:
    """Load and validate a lexicon directory; the first bad entry raises LexiconError."""
    directory = Path(directory)
    normaliser, negation = _load_normalisation(directory / "normalisation.toml")
    idioms = _load_idioms(directory / "idioms.toml", normaliser)
    rules: list[Rule] = []
    for path in sorted((directory / "rules").glob("*.toml")):
        rules.extend(_load_rules(path, normaliser))
    missing = [c for c in CATEGORIES if not any(c in rule.categories for rule in rules)]
    if missing:
        raise LexiconError(directory / "rules", "(all files)", f"no rule for {', '.join(missing)}")
    return Lexicon(normaliser, *negation, idioms, tuple(rules))


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(path, "(file)", f"not valid TOML: {exc}") from exc
    except OSError as exc:
        raise LexiconError(path, "(file)", f"cannot be read: {exc.strerror}") from exc


def _load_normalisation(path: Path) -> tuple[Normaliser, tuple[Any, ...]]:
    data = read_toml(path)
    _no_unknown_keys(path, "(file)", data, NORMALISATION_KEYS)
    replacements: dict[str, tuple[str, ...]] = {}
    where: dict[str, str] = {}
    squeezed: dict[str, tuple[tuple[str, ...], str]] = {}
    for section in REPLACEMENT_SECTIONS:
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise LexiconError(path, f"[{section}]", "must be a table of word = replacement")
        for written, meant in table.items():
            entry = f"[{section}] {written!r}"
            key, words = _replacement(path, entry, written, meant)
            earlier, first = squeezed.setdefault(squeeze(key), (words, entry))
            if earlier != words:
                raise LexiconError(path, entry, f"reads the same as {first} but means otherwise")
            replacements[key] = words
            where[key] = entry
    for key, words in replacements.items():
        chained = [w for w in words if w in replacements and w != key]
        if chained:
            raise LexiconError(path, where[key], f"replacement {chained[0]!r} is itself replaced")
    normaliser = Normaliser(replacements, _in_phrases(path, data.get("in_phrases", {})))
    return normaliser, _negation(path, data.get("negation", {}), normaliser)


def _replacement(path: Path, entry: str, written: str, meant: Any) -> tuple[str, tuple[str, ...]]:
    tokens = raw_tokens(written)
    if len(tokens) != 1:
        raise LexiconError(path, entry, "the written form must be one word or one emoji")
    if not isinstance(meant, str) or not raw_tokens(meant):
        raise LexiconError(path, entry, "the replacement must be a string with words in it")
    return clean_word(tokens[0].group()), tuple(clean_word(t.group()) for t in raw_tokens(meant))


def _in_phrases(path: Path, table: Any) -> dict[str, str]:
    if not isinstance(table, dict):
        raise LexiconError(path, "[in_phrases]", "must be a table of written = word")
    read_as = {}
    for written, meant in table.items():
        key, words = _replacement(path, f"[in_phrases] {written!r}", written, meant)
        if len(words) != 1:
            raise LexiconError(path, f"[in_phrases] {written!r}", "must be read as one word")
        read_as[key] = words[0]
    return read_as


def _negation(path: Path, table: Any, normaliser: Normaliser) -> tuple[Any, ...]:
    """Negating words, how far back they reach, words that undo them, negating phrases."""
    if not isinstance(table, dict):
        raise LexiconError(path, "[negation]", "must be a table with words and window")
    _no_unknown_keys(path, "[negation]", table, {"words", "window", "not_before", "phrases"})
    window = table.get("window", 2)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 5:
        raise LexiconError(path, "[negation] window", "must be a whole number from 1 to 5")
    negators = _single_words(path, "words", table.get("words", []), normaliser)
    breakers = _single_words(path, "not_before", table.get("not_before", []), normaliser)
    phrases = _compiled(path, "[negation] phrases", table.get("phrases", []), normaliser)
    return negators, window, breakers, phrases


def _single_words(path: Path, key: str, value: Any, normaliser: Normaliser) -> frozenset[str]:
    words = set()
    for word in _strings(path, f"[negation] {key}", value):
        read = normaliser.read(word).keys
        if len(read) != 1:
            raise LexiconError(path, f"[negation] {key} {word!r}", "must read as exactly one word")
        words.add(read[0])
    return frozenset(words)


def _load_idioms(path: Path, normaliser: Normaliser) -> tuple[Phrase, ...]:
    data = read_toml(path)
    _no_unknown_keys(path, "(file)", data, {"idiom"})
    idioms: list[Phrase] = []
    for number, entry in enumerate(_tables(path, "idiom", data.get("idiom", [])), start=1):
        name = _entry_name("idiom", number, entry)
        _no_unknown_keys(path, name, entry, {"phrase", "phrases", "note"})
        idioms.extend(_phrases(path, name, entry, normaliser))
    return tuple(idioms)


def _load_rules(path: Path, normaliser: Normaliser) -> list[Rule]:
    data = read_toml(path)
    _no_unknown_keys(path, "(file)", data, {"rule"})
    rules = []
    for number, entry in enumerate(_tables(path, "rule", data.get("rule", [])), start=1):
        name = _entry_name("rule", number, entry)
        rules.append(_rule(path, name, entry, normaliser))
    return rules


def _rule(path: Path, name: str, entry: dict[str, Any], normaliser: Normaliser) -> Rule:
    _no_unknown_keys(path, name, entry, RULE_KEYS)
    given = [key for key in PATTERN_KEYS if key in entry]
    if len(given) != 1:
        raise LexiconError(path, name, "needs exactly one of phrase, phrases, regex or near")
    if "within" in entry and "near" not in entry:
        raise LexiconError(path, name, "within only goes with near")
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise LexiconError(path, name, "needs a reason: a few words a manager will read")
    return Rule(
        source=f"{path.name} {name}",
        categories=_categories(path, name, entry.get("category")),
        reason=reason.strip(),
        phrases=_phrases(path, name, entry, normaliser) if given[0].startswith("phrase") else (),
        regex=_regex(path, name, entry["regex"]) if "regex" in entry else None,
        near=_near(path, name, entry["near"], normaliser) if "near" in entry else (),
        within=_within(path, name, entry.get("within", DEFAULT_WITHIN)),
        unless=_compiled(path, f"{name} unless", entry.get("unless", []), normaliser),
        negatable=_flag(path, name, entry, "negatable"),
        fallback=_flag(path, name, entry, "fallback"),
        at_least=_at_least(path, name, entry),
        audiences=_audiences(path, name, entry.get("audiences", list(AUDIENCES))),
    )


def _entry_name(kind: str, number: int, entry: Any) -> str:
    first = ""
    if isinstance(entry, dict):
        for key in PATTERN_KEYS:
            value = entry.get(key)
            value = value[0] if isinstance(value, list) and value else value
            if isinstance(value, str):
                first = f" ({value[:40]!r}{'…' if len(value) > 40 else ''})"
                break
    return f"{kind} {number}{first}"


def _tables(path: Path, kind: str, value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise LexiconError(path, kind, f"write each entry as a [[{kind}]] table")
    return value


def _categories(path: Path, name: str, value: Any) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values:
        raise LexiconError(path, name, "needs a category (or a list of them)")
    for category in values:
        if category not in CATEGORIES:
            raise LexiconError(path, name, f"unknown category {category!r}")
    return tuple(dict.fromkeys(values))


def _phrases(path: Path, name: str, entry: dict[str, Any], normaliser: Normaliser):
    if ("phrase" in entry) == ("phrases" in entry):
        raise LexiconError(path, name, 'needs phrase = "..." or phrases = [...], not both')
    if "phrase" in entry:
        if not isinstance(entry["phrase"], str):
            raise LexiconError(path, name, "phrase must be a string (use phrases for a list)")
        return _compiled(path, name, [entry["phrase"]], normaliser)
    if not entry["phrases"]:
        raise LexiconError(path, name, "phrases must not be empty")
    return _compiled(path, name, entry["phrases"], normaliser)


def _compiled(path: Path, name: str, value: Any, normaliser: Normaliser) -> tuple[Phrase, ...]:
    compiled = []
    for text in _strings(path, name, value):
        try:
            compiled.append(compile_phrase(text, normaliser))
        except PhraseError as exc:
            raise LexiconError(path, name, f"bad phrase {text!r}: {exc}") from exc
    return tuple(compiled)


def _near(path: Path, name: str, value: Any, normaliser: Normaliser):
    """Each part of near is a phrase, or a list of phrases any one of which will do."""
    if not isinstance(value, list) or len(value) < 2:
        raise LexiconError(path, name, "near needs a list of at least two parts")
    parts = ([part] if isinstance(part, str) else part for part in value)
    return tuple(_compiled(path, f"{name} near", part, normaliser) for part in parts)


def _regex(path: Path, name: str, value: Any) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise LexiconError(path, name, "regex must be a non-empty string")
    try:
        pattern = re.compile(value)
    except re.error as exc:
        raise LexiconError(path, name, f"bad regex: {exc}") from exc
    if pattern.search(""):
        raise LexiconError(path, name, "regex matches an empty answer")
    return pattern


def _within(path: Path, name: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 2 <= value <= 40:
        raise LexiconError(path, name, "within must be a whole number of words from 2 to 40")
    return value


def _at_least(path: Path, name: str, entry: dict[str, Any]) -> int:
    value = entry.get("at_least", 1)
    if value == 1:
        return 1
    phrases = entry.get("phrases")
    if not isinstance(value, int) or isinstance(value, bool) or not isinstance(phrases, list):
        raise LexiconError(path, name, "at_least is a whole number and goes with phrases = [...]")
    if not 2 <= value <= len(phrases):
        raise LexiconError(path, name, f"at_least must be from 2 to {len(phrases)} (the phrases)")
    return value


def _flag(path: Path, name: str, entry: dict[str, Any], key: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise LexiconError(path, name, f"{key} must be true or false")
    return value


def _audiences(path: Path, name: str, value: Any) -> frozenset[str]:
    values = _strings(path, f"{name} audiences", value)
    unknown = [v for v in values if v not in AUDIENCES]
    if unknown or not values:
        raise LexiconError(path, name, f"audiences must be some of {', '.join(AUDIENCES)}")
    return frozenset(values)


def _strings(path: Path, name: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(path, name, "must be a list of non-empty strings")
    return value


def _no_unknown_keys(path: Path, name: str, table: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise LexiconError(path, name, f"unknown key {unknown[0]!r} (allowed: {sorted(allowed)})")
