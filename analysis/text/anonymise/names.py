"""Names of people and places, in any case: the ones the service knows, and from name lists.

Privacy comes before readability: a capitalised word the dictionary does not know is taken
for a name, so an odd capitalised word may be hidden too.  A name that is also an ordinary
word ("will", "grace", "brown") is only taken for one where its capital or its place says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from analysis.text.anonymise.lists import alternation, is_common, lists, tags

NAME, INITIALS, PLACE = "[name]", "[initials]", "[place]"

_TITLED = re.compile(
    r"\b(?:(?i:mr|mrs|ms|mx|dr)\.?\s+(?!(?i:and|or|is|was|the|a|said|says)\b)[A-Za-z][\w'-]+"
    r"|Miss\s+[A-Z][\w'-]+)"
)
_DOTTED_INITIALS = re.compile(r"\b[A-Z]\.(?:\s?[A-Z]\.)*(?=\s|$|[,;:!?])")
# A placeholder is passed over whole; anything else that looks like a word is judged.
_WORD = re.compile(r"\[[^\]]*\]|(?<![\w*])[A-Za-z][A-Za-z'-]*")  # not "F***ING"
_PREFIXED = re.compile(r"(?:Mc|Mac|O'|D'|De|Di|La|Le|Van)[A-Z][a-z]+")
# After a name at the start of a sentence: "Will is my key worker", not "Will you".
_SUBJECT_VERBS = {"is", "was", "said", "says", "has", "had", "and", "told", "tells", "always"}
_SUBJECT_VERBS |= {"never", "helps", "helped", "gets", "got", "does", "did", "makes", "made"}
_VERB_TAGS = frozenset({"VBZ", "VBD", "MD"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


@dataclass(frozen=True)
class KnownNames:
    """Names the service holds, as plain data: its people (staff, visitors) and places (homes)."""

    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    def with_places(self, names: Iterable[str]) -> KnownNames:
        """These names, with more places (blank ones and repeats left out)."""
        places = dict.fromkeys((*self.places, *(n for n in names if n)))
        return KnownNames(self.people, tuple(places))


@dataclass(frozen=True)
class _Known:
    """Known names made ready to match."""

    people: re.Pattern  # whole names, in any case
    places: re.Pattern  # whole place names, in any case
    places_capitalised: re.Pattern  # one-word place names that are also words
    any_case: frozenset[str]  # lower-case parts of names that are not ordinary words
    capitalised: frozenset[str]  # parts that are ordinary words: names only with a capital


@lru_cache(maxsize=16)
def prepare(known: KnownNames) -> _Known:
    """Known names as patterns and word sets (kept for the few sets a process sees)."""
    people = {_clean(p) for p in known.people} - {""}
    places = {_clean(p) for p in known.places} - {""}
    places |= {p[4:] for p in places if p.lower().startswith("the ") and " " in p[4:]}
    parts = {w for p in people for w in re.findall(r"[A-Za-z][A-Za-z'-]+", p)}
    one_word = {p for p in places if " " not in p and is_common(p)}
    return _Known(
        people=alternation([p for p in people if " " in p], re.IGNORECASE),
        places=alternation(places - one_word, re.IGNORECASE),
        places_capitalised=alternation({p.title() for p in one_word}, 0),
        any_case=frozenset(w.lower() for w in parts if not is_common(w)),
        capitalised=frozenset(w.title() for w in parts if is_common(w)),
    )


def _clean(name: str) -> str:
    """A name as held, without notes in brackets: "Pat Morgan (independent visitor)"."""
    return " ".join(re.sub(r"\(.*?\)", " ", name).split())


def replace_names(text: str, known: _Known) -> str:
    """``text`` with people's and places' names, and initials, replaced by placeholders."""
    text = known.people.sub(NAME, text)
    text = known.places.sub(PLACE, text)
    text = _TITLED.sub(NAME, text)
    text = _places(text, known)
    text = _DOTTED_INITIALS.sub(_initials, text)
    return _WORD.sub(lambda match: _word(match, text, known), text)


def _places(text: str, known: _Known) -> str:
    found = lists()
    text = found.places.sub(PLACE, text)
    for capitalised in (found.places_capitalised, known.places_capitalised):
        # "Reading is boring": an ordinary word opening a sentence is not taken for a town.
        text = capitalised.sub(
            lambda m: m.group() if _starts_sentence(m.string, m) else PLACE, text
        )
    return text


def _initials(match: re.Match) -> str:
    # "so am I." and "she got an A." end a sentence; they are nobody's initials.
    return match.group() if match.group() in ("I.", "A.") else INITIALS


def _word(match: re.Match, text: str, known: _Known) -> str:
    """The replacement for one word: a placeholder, or the word itself."""
    word = match.group()
    if word.startswith("["):
        return word
    base, possessive = (word[:-2], word[-2:]) if word.endswith("'s") else (word, "")
    previous = _previous_word(text, match.start())
    starts = _starts_sentence(text, match)
    kind = _hyphenated(base, previous, starts, known) if "-" in base.strip("-") else None
    if kind is None:
        kind = _classify(base, previous, starts and not _subject(text, match.end(), base), known)
    if kind is None and _first_name(previous, known) and _surname(base):
        kind = NAME
    return word if kind is None else kind + possessive


def _hyphenated(word: str, previous: str, sentence_start: bool, known: _Known) -> str | None:
    """ "Smith-Jones", "mary-jane": a name if any part of it is one."""
    if word in lists().keep:
        return None
    parts = [p for p in word.split("-") if p]
    for index, part in enumerate(parts):
        if _classify(part, previous, sentence_start and not index, known) is not None:
            return NAME
    return None


def _classify(word: str, previous: str, sentence_start: bool, known: _Known) -> str | None:
    found = lists()
    lower = word.lower()
    if lower in known.any_case or (word in known.capitalised and not sentence_start):
        return NAME
    if word in found.keep or _kept(word.title()) and not word.islower():
        return None
    if word.isupper() and 2 <= len(word) <= 3:
        return None if word in found.acronyms or is_common(word) else INITIALS
    if word.islower():
        return _lower_case(word)
    if word.isupper():  # "ELLIE IS ANNOYING": shouted, a listed name is still a name
        listed = word.title() in found.first_names or lower in found.surnames
        return NAME if listed and not is_common(word) and word not in found.acronyms else None
    if _PREFIXED.fullmatch(word):
        return NAME
    if not word[0].isupper() or not word[1:].islower():
        return None
    if "'" in word and is_common(word.split("'")[0]):
        return None  # "We've", "She'd"
    known_name = word in found.first_names
    if sentence_start:
        return NAME if (known_name or lower in found.surnames) and not is_common(word) else None
    if previous.lower() in found.prepositions and not known_name and not is_common(word):
        return PLACE
    return NAME if known_name or not is_common(word) else None


def _lower_case(word: str) -> str | None:
    found = lists()
    if is_common(word) or word in found.slang or _kept(word.title()):
        return None
    return NAME if word.title() in found.first_names or word in found.surnames else None


def _kept(word: str) -> bool:
    """Whether a capitalised word is on the keep list, alone or as a plural ("Fridays")."""
    keep = lists().keep
    return word in keep or word.endswith("s") and word[:-1] in keep


def _first_name(word: str, known: _Known) -> bool:
    """Whether a word is a first name by itself: "jane", "Will", but not "will"."""
    listed = word.title() in lists().first_names and (word[:1].isupper() or not is_common(word))
    return listed or word.lower() in known.any_case


def _surname(word: str) -> bool:
    """ "jane doe", "Sarah Brown": after a first name, a surname that is also a word is one."""
    found, lower = lists(), word.lower()
    if any(part in found.surnames for part in lower.split("-")):
        # In lower case only a noun: "jane doe", but not "jane long" ("jane long hair").
        known_tags = tags(lower)
        return word[0].isupper() or not known_tags or known_tags[0] in _NOUN_TAGS
    return False


def _previous_word(text: str, start: int) -> str:
    words = re.findall(r"[\w'-]+|\[[^\]]*\]", text[max(0, start - 20) : start])
    return words[-1] if words else ""


def _subject(text: str, end: int, word: str) -> bool:
    """Whether the next word makes the word before it look like someone's name."""
    following = re.findall(r"[\w'-]+", text[end : end + 20])
    if not following:
        return False
    if following[0] in _SUBJECT_VERBS:
        return True
    # "Jade shouts at me": a listed name followed by a verb is a name, even if also a word.
    return word in lists().first_names and bool(_VERB_TAGS & set(tags(following[0])[:1]))


def _starts_sentence(text: str, match: re.Match) -> bool:
    before = text[: match.start()].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?\n"
