"""Run-time settings an administrator may change: defaults here, overrides in the database."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from survey_app import audit
from survey_app.extensions import db
from survey_app.models import Setting, User


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    minimum: int
    maximum: int
    default: int


RULES = {
    "free_text_retention_days": Rule(
        "free_text_retention_days", "Keep free-text answers for (days)", 30, 3650, 365
    ),
    "suppression_threshold": Rule(
        "suppression_threshold", "Show no figure for fewer respondents than", 3, 100, 5
    ),
}


class SettingError(ValueError):
    """A setting outside its allowed range, in words for the administrator."""


def get(key: str) -> int:
    """The stored value, else the configured default, else the rule's default."""
    row = db.session.get(Setting, key)
    if row is not None:
        return int(row.value)
    return int(current_app.config.get(key.upper(), RULES[key].default))


def current() -> dict[str, int]:
    return {key: get(key) for key in RULES}


def update(values: dict[str, int], actor: User) -> dict[str, int]:
    """Store changed settings and audit each change, in one commit; returns what changed."""
    changed = {}
    for key, value in values.items():
        rule = RULES[key]
        if not rule.minimum <= value <= rule.maximum:
            raise SettingError(f"{rule.label}: choose between {rule.minimum} and {rule.maximum}")
        before = get(key)
        if value != before:
            db.session.merge(Setting(key=key, value=str(value)))
            audit.record(
                "settings.updated", actor, target=("setting", key), before=before, after=value
            )
            changed[key] = value
    db.session.commit()
    return changed
