"""Administration: users, homes, services, settings and the audit log."""

from survey_app.admin import audit_views, places, users  # noqa: F401 (they attach their routes)
from survey_app.admin.blueprint import bp

__all__ = ["bp"]
