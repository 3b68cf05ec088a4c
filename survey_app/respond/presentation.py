"""How each presentation style shows an answer: a picture beside the words, never instead."""

from __future__ import annotations

from dataclasses import dataclass

from survey_app.banks import Question

FACES = ("😢", "🙁", "😐", "🙂", "😄")
THUMBS = ("👎👎", "👎", "👌", "👍", "👍👍")
YES_NO_THUMBS = {"yes": "👍", "no": "👎", "not_sure": "🤷"}
YES_NO_LIGHTS = {"yes": "go", "no": "stop", "not_sure": "wait"}


@dataclass(frozen=True)
class Look:
    glyph: str  # decorative; hidden from screen readers, the words carry the meaning
    css: str


def look(presentation: str, question: Question, value: str) -> Look:
    option = question.option(value)
    emoji = option.emoji if option and option.emoji else ""
    if question.kind not in ("scale", "yes_no"):
        return Look(emoji, "")
    position = _position(question, value)
    return _STYLES.get(presentation, _plain)(question, value, position, emoji)


def _position(question: Question, value: str) -> float:
    """Where the answer sits from worst (0.0) to best (1.0)."""
    if question.kind == "yes_no":
        return {"yes": 1.0, "no": 0.0}.get(value, 0.5)
    values = [o.value for o in question.options]
    return values.index(value) / max(len(values) - 1, 1)


def _pick(items: tuple[str, ...], position: float) -> str:
    return items[round(position * (len(items) - 1))]


def _faces(question, value, position, emoji) -> Look:
    return Look(emoji or _pick(FACES, position), "face")


def _thumbs(question, value, position, emoji) -> Look:
    if question.kind == "yes_no":
        return Look(YES_NO_THUMBS.get(value, "🤷"), "thumb")
    return Look(_pick(THUMBS, position), "thumb")


def _stars(question, value, position, emoji) -> Look:
    if question.kind == "yes_no":
        return Look(emoji, "star")
    count = [o.value for o in question.options].index(value) + 1
    return Look("★" * count, "star")


def _lights(question, value, position, emoji) -> Look:
    colour = "stop" if position < 0.4 else "wait" if position < 0.6 else "go"
    return Look("●", f"light {colour}")


def _cards(question, value, position, emoji) -> Look:
    return Look(emoji or _pick(FACES, position), "card")


def _slider(question, value, position, emoji) -> Look:
    return Look(
        str([o.value for o in question.options].index(value) + 1)
        if question.kind == "scale"
        else emoji,
        "step",
    )


def _plain(question, value, position, emoji) -> Look:
    return Look("", "")


_STYLES = {
    "emoji_faces": _faces,
    "thumbs": _thumbs,
    "stars": _stars,
    "traffic_lights": _lights,
    "cards": _cards,
    "slider": _slider,
    "plain": _plain,
}
