"""The analysis package stands alone: no web framework, no database layer, no app."""

import subprocess
import sys

import analysis

FORBIDDEN = ("flask", "sqlalchemy", "wtforms", "survey_app", "matplotlib.pyplot")


def test_importing_analysis_never_imports_the_app_or_its_frameworks():
    """A fresh interpreter that imports every analysis module (reports too) loads none of them."""
    code = (
        "import analysis, analysis.textmodel.evaluation, analysis.reports, analysis.__main__, sys;"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN[:4]!r}"
        " or m == 'matplotlib.pyplot'];"
        "print(','.join(sorted(bad)))"
    )
    result = subprocess.run(  # noqa: S603  (our own interpreter, fixed arguments)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_public_api_is_reexported():
    """Everything in ``__all__`` is reachable from the package itself."""
    missing = [name for name in analysis.__all__ if not hasattr(analysis, name)]
    assert missing == []
