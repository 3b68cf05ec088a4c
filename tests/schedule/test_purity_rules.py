"""The scheduling rules stay pure: no web framework, no database, nothing else of the app."""

import ast
from pathlib import Path

import pytest

SCHEDULE = Path(__file__).resolve().parents[2] / "survey_app" / "schedule"
# The schedule package also holds the feature's database and web side (the tick, views, the
# calendar feed); these are its rule modules, which must work without either.
RULES = ("__init__", "activities", "deadlines", "ical", "rotation", "windows", "wording")
FORBIDDEN = ("flask", "flask_sqlalchemy", "sqlalchemy", "wtforms", "flask_babel", "alembic")


def imported_modules(path: Path) -> set[str]:
    """Every module a source file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    return names | {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }


@pytest.mark.parametrize("path", [SCHEDULE / f"{name}.py" for name in RULES], ids=lambda p: p.name)
def test_schedule_modules_import_no_framework_or_database(path):
    """The app can call these rules anywhere, and they can be tested without a database."""
    for module in imported_modules(path):
        top = module.split(".")[0]
        assert top not in FORBIDDEN, f"{path.name} imports {module}"
        if top == "survey_app":
            assert module.startswith("survey_app.schedule."), f"{path.name} imports {module}"
