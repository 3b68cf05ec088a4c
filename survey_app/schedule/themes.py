"""Themes in rotation: which are retired or pinned, and the choice for a home's next round."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from survey_app import audit
from survey_app.banks import QuestionBanks, Theme
from survey_app.extensions import db
from survey_app.models import AUDIENCES, Home, Round, ThemePin, ThemeSetting, User
from survey_app.schedule.rotation import (
    PastRound,
    PinnedThemeUnavailable,
    RotationChoice,
    choose_theme,
)


class ThemeError(ValueError):
    """Why a theme cannot be retired, restored or pinned, in words for the QA team."""


def retired_ids(audience: str) -> set[str]:
    """The audience's themes the QA team has taken out of rotation."""
    stmt = select(ThemeSetting.theme_id).where(
        ThemeSetting.audience == audience, ThemeSetting.retired
    )
    return set(db.session.execute(stmt).scalars())


def available(banks: QuestionBanks, audience: str) -> list[Theme]:
    """The audience's themes still in rotation, in the banks' stable order."""
    retired = retired_ids(audience)
    return [theme for theme in banks.themes_for(audience) if theme.id not in retired]


def settings() -> dict[tuple[str, str], ThemeSetting]:
    """Every retire/restore setting, by (audience, theme id)."""
    rows = db.session.execute(select(ThemeSetting)).scalars()
    return {(row.audience, row.theme_id): row for row in rows}


def set_retired(
    banks: QuestionBanks, audience: str, theme_id: str, retired: bool, actor: User
) -> int:
    """Retire or restore a theme; retiring removes its pending pins. Returns pins removed."""
    _known(banks, audience, theme_id)
    if retired and len(available(banks, audience)) <= 1 and theme_id not in retired_ids(audience):
        raise ThemeError(
            "This is the last theme in rotation for this audience; add or restore "
            "another before retiring it."
        )
    row = settings().get((audience, theme_id)) or ThemeSetting(audience=audience, theme_id=theme_id)
    row.retired, row.changed_by = retired, actor
    db.session.add(row)
    removed = _drop_pins(audience, theme_id) if retired else 0
    audit.record(
        "theme.retired" if retired else "theme.restored",
        actor,
        target=("theme", f"{audience}/{theme_id}"),
        pins_removed=removed,
    )
    db.session.commit()
    return removed


def pending_pins() -> list[ThemePin]:
    """Pins not yet used by a round, by home and audience."""
    stmt = (
        select(ThemePin)
        .where(ThemePin.round_id.is_(None))
        .order_by(ThemePin.home_id, ThemePin.audience)
    )
    return list(db.session.execute(stmt).scalars())


def pending_pin(home_id: int, audience: str) -> ThemePin | None:
    """The pin waiting for the home's next round for this audience, if any."""
    stmt = select(ThemePin).where(
        ThemePin.home_id == home_id, ThemePin.audience == audience, ThemePin.round_id.is_(None)
    )
    return db.session.execute(stmt).scalars().first()


def pin(banks: QuestionBanks, home: Home, audience: str, theme_id: str, actor: User) -> ThemePin:
    """Pin the theme of the home's next round for the audience, replacing any pending pin."""
    _known(banks, audience, theme_id)
    if theme_id in retired_ids(audience):
        raise ThemeError("That theme is retired; restore it before pinning it.")
    found = pending_pin(home.id, audience) or ThemePin(home=home, audience=audience)
    found.theme_id, found.pinned_by = theme_id, actor
    db.session.add(found)
    db.session.flush()
    audit.record(
        "theme.pinned",
        actor,
        target=("theme_pin", found.id),
        home_id=home.id,
        audience=audience,
        theme=theme_id,
    )
    db.session.commit()
    return found


def unpin(found: ThemePin, actor: User) -> None:
    """Remove a pin that no round has used yet."""
    if found.round_id is not None:
        raise ThemeError("That pin has already been used by a round.")
    audit.record(
        "theme.unpinned",
        actor,
        target=("theme_pin", found.id),
        home_id=found.home_id,
        audience=found.audience,
        theme=found.theme_id,
    )
    db.session.delete(found)
    db.session.commit()


def history(home_id: int, audience: str) -> list[PastRound]:
    """The home's past rounds for the audience, as the rotation reads them."""
    stmt = select(Round.opens_on, Round.theme_id, Round.presentation).where(
        Round.home_id == home_id, Round.audience == audience
    )
    return [tuple(row) for row in db.session.execute(stmt)]


def choose(
    banks: QuestionBanks,
    home_id: int,
    audience: str,
    opens: date,
    past: list[PastRound] | None = None,
    pinned: str | None = None,
) -> RotationChoice:
    """The rotation's choice for a round opening on `opens`, honouring a pin if it still can."""
    themes = [(t.id, t.presentation) for t in available(banks, audience)]
    past = history(home_id, audience) if past is None else past
    try:
        return choose_theme(themes, past, opens, pinned)
    except PinnedThemeUnavailable:
        # The pinned theme left the banks after it was pinned: rotate, and say so.
        choice = choose_theme(themes, past, opens)
        note = f"The pinned theme '{pinned}' is no longer available. "
        return RotationChoice(choice.theme_id, choice.presentation, note + choice.reason)


@dataclass(frozen=True)
class LastUse:
    """When and where a theme was last used."""

    home_code: str
    opens: date


def last_uses(audience: str, home_ids: set[int]) -> dict[str, list[LastUse]]:
    """For each theme of the audience, its latest round at each home, newest first."""
    stmt = (
        select(Round.theme_id, Home.code, Round.opens_on)
        .join(Home, Round.home_id == Home.id)
        .where(Round.audience == audience, Round.home_id.in_(home_ids))
        .order_by(Round.opens_on)
    )
    latest: dict[tuple[str, str], date] = {}
    for theme_id, code, opens in db.session.execute(stmt):
        latest[(theme_id, code)] = opens
    found: dict[str, list[LastUse]] = {}
    for (theme_id, code), opens in sorted(latest.items(), key=lambda item: item[1], reverse=True):
        found.setdefault(theme_id, []).append(LastUse(code, opens))
    return found


def audiences_with_themes(banks: QuestionBanks) -> list[str]:
    """The audiences that have at least one theme, in the usual order."""
    return [audience for audience in AUDIENCES if banks.themes_for(audience)]


def _known(banks: QuestionBanks, audience: str, theme_id: str) -> Theme:
    theme = banks.theme(audience, theme_id) if audience in AUDIENCES else None
    if theme is None:
        raise ThemeError("Choose a theme from the list.")
    return theme


def _drop_pins(audience: str, theme_id: str) -> int:
    stmt = select(ThemePin).where(
        ThemePin.audience == audience, ThemePin.theme_id == theme_id, ThemePin.round_id.is_(None)
    )
    pins = list(db.session.execute(stmt).scalars())
    for found in pins:
        db.session.delete(found)
    return len(pins)
