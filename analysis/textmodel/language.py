"""Whether a comment is in a language the model can read, and if not, what it looks like.

The survey is offered in Arabic, Dari and Vietnamese. The model learned English, so a comment
in another script, in Vietnamese, or mostly in words it has never seen is sent to a person
to read instead of being judged neutral and safe.
"""

from __future__ import annotations

import unicodedata

# Letters with these marks are Vietnamese (ơ, ư, ă, đ, and the dot below: ạ, ệ, ộ ...); English
# loan words with é or ï do not use them.
_VIETNAMESE = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
MIN_LETTERS = 3
MAX_FOREIGN_SHARE = 0.3  # of letters outside the Latin alphabet
MIN_KNOWN_SHARE = 0.35  # of words the model has seen, when there are enough words to tell
MIN_WORDS_TO_JUDGE = 5


def unreadable(text: str, known: float, words: int) -> str | None:
    """Why the model cannot read `text` (its script or language), or None when it can.

    `known` is the share of its `words` the model's vocabulary holds.
    """
    if text.isascii():  # the common case: plain English letters, no script to weigh
        return _unknown_words(known, words)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    scripts: dict[str, int] = {}
    for letter in letters:
        scripts[_script(letter)] = scripts.get(_script(letter), 0) + 1
    foreign = {s: n for s, n in scripts.items() if s != "LATIN"}
    if sum(foreign.values()) / len(letters) > MAX_FOREIGN_SHARE:
        script = max(foreign, key=foreign.get).title()
        return f"written in {script} script"
    if sum(c.lower() in _VIETNAMESE for c in letters) >= 2:
        return "written in Vietnamese"
    return _unknown_words(known, words)


def _unknown_words(known: float, words: int) -> str | None:
    if words >= MIN_WORDS_TO_JUDGE and known < MIN_KNOWN_SHARE:
        return "mostly words the model has never seen (another language?)"
    return None


def _script(letter: str) -> str:
    name = unicodedata.name(letter, "UNKNOWN")
    return name.split(" ")[0]
