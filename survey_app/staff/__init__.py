"""Staff pages: dashboard, homes, rounds, invitations, code sheets, emailed links, exports."""

from survey_app.staff import export_views  # noqa: F401 (attaches its routes to bp)
from survey_app.staff.views import bp

__all__ = ["bp"]
