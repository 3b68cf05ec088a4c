"""Dashboard sections that other features fill: schedule, actions, safeguarding.

A feature registers a template and a loader; until one does, the dashboard says plainly that
the section is not part of the service yet, rather than showing an empty list that could be
read as "nothing to worry about".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app

SECTIONS = {"schedule": "Schedule", "actions": "Actions", "safeguarding": "Safeguarding"}
EXTENSION_KEY = "staff_dashboard_sections"

Loader = Callable[[Any, list], dict[str, Any]]  # (user, visible homes) -> template context


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    template: str | None = None
    context: dict[str, Any] | None = None


def register_section(app: Flask, name: str, template: str, loader: Loader) -> None:
    if name not in SECTIONS:
        raise ValueError(f"unknown dashboard section {name!r}; add it to SECTIONS first")
    app.extensions.setdefault(EXTENSION_KEY, {})[name] = (template, loader)


def sections_for(user, homes: list) -> list[Section]:
    registered = current_app.extensions.get(EXTENSION_KEY, {})
    sections = []
    for name, title in SECTIONS.items():
        if name in registered:
            template, loader = registered[name]
            sections.append(Section(name, title, template, loader(user, homes)))
        else:
            sections.append(Section(name, title))
    return sections
