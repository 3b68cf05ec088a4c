"""`survey-app translate …`: interface strings → .po catalogs → compiled .mo files.

The question banks carry their own translations; these commands are for the words of the pages.
They work in a checkout (they read babel.cfg and the sources beside the package).
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask.cli import AppGroup

from survey_app.config import PACKAGE_DIR
from survey_app.respond.language import DEFAULT, SUPPORTED

ROOT = PACKAGE_DIR.parent
BABEL_CFG = ROOT / "babel.cfg"
TRANSLATIONS = PACKAGE_DIR / "translations"
# Interface strings a respondent can meet; each must be translated into every shipped language.
RESPONDENT_SOURCES = (
    "survey_app/respond/",
    "survey_app/errors.py",
    "survey_app/templates/base.html",
    "survey_app/templates/_choices.html",
    "survey_app/templates/_macros.html",
    "survey_app/templates/error.html",
)


@click.group(cls=AppGroup)
def translate() -> None:
    """Translate the interface: extract, init, update, compile, check."""


@translate.command("extract")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the template (default: translations/messages.pot).",
)
def extract(out: Path | None) -> None:
    """Collect every _() and _l() string into a .pot template."""
    target = out or TRANSLATIONS / "messages.pot"
    _extract(target)
    click.echo(f"wrote {target}")


@translate.command("init")
@click.argument("language")
def init(language: str) -> None:
    """Start a catalog for a new LANGUAGE (a Babel locale such as ps or ti)."""
    with _template() as pot:
        _pybabel("init", "-i", str(pot), "-d", str(TRANSLATIONS), "-l", language)


@translate.command("update")
def update() -> None:
    """Bring every catalog up to date with the sources (new strings arrive untranslated)."""
    with _template() as pot:
        _pybabel(
            "update",
            "-i",
            str(pot),
            "-d",
            str(TRANSLATIONS),
            "--no-fuzzy-matching",
            "--no-wrap",
            "--ignore-obsolete",
        )


@translate.command("compile")
def compile_() -> None:
    """Compile every .po into the .mo the app reads (commit both)."""
    _pybabel("compile", "-d", str(TRANSLATIONS), "--statistics", quiet=False)


@translate.command("check")
def check() -> None:
    """Every respondent-facing string translated in every shipped language; .mo files current."""
    with _template() as pot, pot.open("rb") as handle:
        wanted = [m for m in read_po(handle) if m.id and _for_respondents(m)]
    problems = [p for locale in shipped_locales() for p in locale_problems(locale, wanted)]
    for problem in problems:
        click.echo(problem)
    if problems:
        raise click.ClickException(f"{len(problems)} translation problems")
    click.echo(f"{len(wanted)} interface texts translated into {', '.join(shipped_locales())}")


def shipped_locales() -> list[str]:
    return [tag.replace("-", "_") for tag in SUPPORTED if tag != DEFAULT]


def locale_problems(locale: str, wanted: list) -> list[str]:
    """Untranslated (or fuzzy) respondent strings, and a .mo that differs from its .po."""
    folder = TRANSLATIONS / locale / "LC_MESSAGES"
    if not (folder / "messages.po").exists():
        return [f"{locale}: no catalog; run `survey-app translate init {locale}`"]
    with (folder / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    problems = [
        f"{locale}: not translated: {message.id!r}"
        for message in wanted
        if not _translated(catalog.get(message.id, message.context))
    ]
    if _compiled(folder) != _translations(catalog):
        problems.append(f"{locale}: messages.mo is out of date; run `survey-app translate compile`")
    return problems


def _translated(message) -> bool:
    if message is None or message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def _translations(catalog) -> dict:
    return {m.id: m.string for m in catalog if m.id and _translated(m)}


def _compiled(folder: Path) -> dict:
    path = folder / "messages.mo"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_mo(handle) if m.id}


def _for_respondents(message) -> bool:
    return any(path.startswith(RESPONDENT_SOURCES) for path, _line in message.locations)


class _template:
    """A freshly extracted .pot in a temporary folder, removed afterwards."""

    def __enter__(self) -> Path:
        self._folder = tempfile.TemporaryDirectory()
        pot = Path(self._folder.name) / "messages.pot"
        _extract(pot)
        return pot

    def __exit__(self, *exc) -> None:
        self._folder.cleanup()


def _extract(target: Path) -> None:
    if not BABEL_CFG.exists():
        raise click.ClickException(f"{BABEL_CFG} not found: run this in a checkout of the project")
    target = target.resolve()
    with contextlib.chdir(ROOT):  # locations in the catalogs read survey_app/…, not absolute
        _pybabel(
            "extract",
            "-F",
            str(BABEL_CFG),
            "-k",
            "_l",
            "--no-wrap",
            "--sort-by-file",
            "--project",
            "survey-app",
            "-o",
            str(target),
            ".",
        )


def _pybabel(*args: str, quiet: bool = True) -> None:
    """pybabel through its Python API: an argument list, never a shell."""
    try:
        CommandLineInterface().run(["pybabel", *(["-q"] if quiet else []), *args])
    except SystemExit as stop:  # optparse's way of refusing bad arguments
        if stop.code:
            raise click.ClickException(f"pybabel {args[0]} failed") from stop
