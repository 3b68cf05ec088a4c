"""Kind error pages with the right status; never a traceback."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from survey_app.extensions import db

MESSAGES = {
    400: _l("Something in that request did not make sense. Please go back and try again."),
    403: _l("You do not have access to this page."),
    404: _l("We could not find that page. Please check the link."),
    405: _l("That page cannot be used like that. Please go back and try again."),
    413: _l("That was too much to send at once. Please make it shorter and try again."),
    429: _l("Too many tries. Please wait a few minutes and try again."),
}


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    # A database that is down, hung or timing out: the kind 503 page, not a 500.
    app.register_error_handler(OperationalError, _database_unavailable)
    app.register_error_handler(SQLAlchemyTimeoutError, _database_unavailable)
    app.register_error_handler(Exception, _unexpected)


def _http_error(error: HTTPException):
    if error.response is not None:  # an abort() that already carries its own page
        return error.response
    code = error.code or 500
    message = MESSAGES.get(
        code, _l("Sorry, something went wrong. Anything you already sent is saved.")
    )
    # Staff pages keep their own look, and a way back to their dashboard, on errors too.
    template = "staff_error.html" if request.path.startswith("/staff") else "error.html"
    return render_template(template, code=code, message=message), code


def _database_unavailable(error: Exception):
    current_app.logger.warning("database unavailable: %s", error)
    _rollback_quietly()
    return _http_error(ServiceUnavailable())


def _rollback_quietly() -> None:
    """Rolling back needs the database too: when it is the thing that failed, carry on."""
    try:
        db.session.rollback()
    except SQLAlchemyError:
        db.session.remove()


def _unexpected(error: Exception):
    current_app.logger.exception("unhandled error", exc_info=error)
    db.session.rollback()
    return _http_error(InternalServerError(original_exception=error))
