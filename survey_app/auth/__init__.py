"""Staff sign-in: sessions, passwords, reset links and the login throttle."""

from survey_app.auth.views import bp

__all__ = ["bp"]
