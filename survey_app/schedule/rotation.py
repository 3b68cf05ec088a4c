"""Which theme a home's next survey round uses for one audience, and why (§8.3, DESIGN.md)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from survey_app.schedule.wording import long_date, quoted_list

# Least-recently-used order alone cycles through every theme before any repeats, which is what
# keeps six months free of a repeat while another theme is unused. When the theme whose turn it
# is shares the last round's presentation, the round shows it in another of the audience's
# presentations instead of skipping it: every presentation can show every scale and yes/no
# question (survey_app/respond/presentation.py), so both rules of DESIGN.md hold together.

Theme = tuple[str, str]  # (theme_id, presentation)
PastRound = tuple[date, str, str]  # (opens, theme_id, presentation)


class RotationError(ValueError):
    """No theme can be chosen for the round."""


class NoThemesAvailable(RotationError):
    """The audience has no available (non-retired) themes."""


class PinnedThemeUnavailable(RotationError):
    """The pinned theme is not among the audience's available themes."""


@dataclass(frozen=True)
class RotationChoice:
    """The theme chosen for a round, with the reason shown to staff."""

    theme_id: str
    presentation: str
    reason: str


def choose_theme(
    themes: Sequence[Theme],
    history: Iterable[PastRound],
    opens: date,
    pinned: str | None = None,
) -> RotationChoice:
    """Choose the theme for the round opening on `opens` at one home for one audience."""
    _check_themes(themes)
    # Sorted whole so the answer never depends on the order the caller fetched rounds in; only
    # rounds before this one count, so re-planning a round gives the same answer.
    past = sorted(r for r in history if r[0] < opens)
    previous = past[-1] if past else None
    if pinned is not None:
        return _pinned_choice(themes, pinned, previous)
    return _least_recently_used(themes, past, previous)


def _check_themes(themes: Sequence[Theme]) -> None:
    """Refuse an empty or ambiguous theme list with a message staff can act on."""
    if not themes:
        raise NoThemesAvailable(
            "No themes are available for this audience: add a theme to its question bank, "
            "or bring back a retired one, before opening a round."
        )
    ids = [theme_id for theme_id, _ in themes]
    repeated = sorted({theme_id for theme_id in ids if ids.count(theme_id) > 1})
    if repeated:
        raise RotationError(f"The theme list names {quoted_list(repeated)} more than once.")


def _pinned_choice(
    themes: Sequence[Theme], pinned: str, previous: PastRound | None
) -> RotationChoice:
    """The QA team's pinned theme, noting any repeat of the last round it causes."""
    presentation = dict(themes).get(pinned)
    if presentation is None:
        available = quoted_list([theme_id for theme_id, _ in themes])
        raise PinnedThemeUnavailable(
            f"The pinned theme '{pinned}' is not available for this audience (it may be retired); "
            f"unpin it or pin one of {available}."
        )
    reason = "Pinned by the QA team"
    if previous is not None and previous[1] == pinned:
        reason += ", although it repeats the last round's theme"
    elif previous is not None and previous[2] == presentation:
        reason += f", although it uses the same presentation ({presentation}) as the last round"
    return RotationChoice(pinned, presentation, reason + ".")


def _least_recently_used(
    themes: Sequence[Theme], past: list[PastRound], previous: PastRound | None
) -> RotationChoice:
    """The least recently used theme other than the last round's, in a presentation that is
    not the last round's either."""
    last_used = {theme_id: opens for opens, theme_id, _ in past}  # ascending, so latest wins
    # Never-used themes first, then oldest use first; sorted() is stable, so ties keep the
    # theme list's order and the choice is deterministic.
    ranked = sorted(themes, key=lambda t: (t[0] in last_used, last_used.get(t[0], date.min)))
    if previous is None:
        return _ranked_choice(ranked[0], last_used)
    fresh = [theme for theme in ranked if theme[0] != previous[1]]
    if not fresh:
        return _only_theme_choice(ranked[0])
    theme = fresh[0]
    if theme[1] != previous[2]:
        return _ranked_choice(theme, last_used)
    other = _other_presentation(themes, past, previous[2])
    if other is None:
        return _same_presentation_choice(theme, last_used)
    return _restyled_choice(theme, other, last_used)


def _other_presentation(themes: Sequence[Theme], past: list[PastRound], last: str) -> str | None:
    """The audience's presentation shown longest ago (or never) here, other than `last`."""
    shown = {presentation: opens for opens, _, presentation in past}
    others = list(dict.fromkeys(presentation for _, presentation in themes if presentation != last))
    # min() keeps the first of equals, so ties go by the theme list's order.
    return min(others, key=lambda p: (p in shown, shown.get(p, date.min)), default=None)


def _why(theme_id: str, last_used: dict[str, date]) -> str:
    """Why this theme came first in the least-recently-used order."""
    if theme_id not in last_used:
        return "Chosen because it has not been used at this home yet"
    when = long_date(last_used[theme_id])
    return f"Chosen because it was last used on {when}, the longest ago of the themes available"


def _ranked_choice(theme: Theme, last_used: dict[str, date]) -> RotationChoice:
    """A choice made by rotation, in the theme's own presentation."""
    return RotationChoice(theme[0], theme[1], _why(theme[0], last_used) + ".")


def _restyled_choice(theme: Theme, presentation: str, last_used: dict[str, date]) -> RotationChoice:
    """The theme whose turn it is, shown in another look than its own, the last round's."""
    reason = (
        f"{_why(theme[0], last_used)}; it is shown as {presentation} this time, because its "
        f"own presentation ({theme[1]}) was the last round's."
    )
    return RotationChoice(theme[0], presentation, reason)


def _same_presentation_choice(theme: Theme, last_used: dict[str, date]) -> RotationChoice:
    """A choice that has to keep the last round's presentation: the audience has no other."""
    reason = (
        f"{_why(theme[0], last_used)}; it uses the same presentation ({theme[1]}) as the last "
        "round because every other theme available does too."
    )
    return RotationChoice(theme[0], theme[1], reason)


def _only_theme_choice(theme: Theme) -> RotationChoice:
    """The last round's theme again, because it is the only one there is."""
    reason = (
        "Chosen again because it is the only theme available for this audience, so it repeats "
        "the last round; add another theme to the question bank to vary the rounds."
    )
    return RotationChoice(theme[0], theme[1], reason)
