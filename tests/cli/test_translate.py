"""`survey-app translate`: the interface's own translations, complete and compiled."""

from __future__ import annotations

from pathlib import Path

from survey_app.cli.translate import TRANSLATIONS


def test_every_respondent_string_is_translated_and_compiled(runner):
    """`translate check` extracts the strings from the sources: each one a respondent can meet
    is translated in every shipped language, and each committed .mo matches its .po."""
    result = runner.invoke(args=["translate", "check"])
    assert result.exit_code == 0, result.output
    assert "translated into ar, fa_AF, vi" in result.output


def test_translate_extract_writes_a_template(runner, tmp_path):
    target = tmp_path / "messages.pot"
    result = runner.invoke(args=["translate", "extract", "--out", str(target)])
    assert result.exit_code == 0, result.output
    template = target.read_text(encoding="utf-8")
    assert 'msgid "Read this to me"' in template
    assert "#: survey_app/templates/_choices.html" in template  # paths from the project root


def test_catalogs_are_where_flask_babel_reads_them():
    for locale in ("ar", "fa_AF", "vi"):
        folder = Path(TRANSLATIONS) / locale / "LC_MESSAGES"
        assert (folder / "messages.po").exists() and (folder / "messages.mo").exists()


def test_check_names_an_untranslated_string_and_an_outdated_mo(runner, tmp_path, monkeypatch):
    """A string left untranslated (and so a .mo that no longer matches) fails the check."""
    import shutil

    from survey_app.cli import translate

    copy = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, copy)
    po = copy / "vi" / "LC_MESSAGES" / "messages.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr "Đọc cho tôi nghe"', 'msgstr ""'),
        encoding="utf-8",
    )
    monkeypatch.setattr(translate, "TRANSLATIONS", copy)
    result = runner.invoke(args=["translate", "check"])
    assert result.exit_code == 1
    assert "vi: not translated: 'Read this to me'" in result.output
    assert "vi: messages.mo is out of date" in result.output
