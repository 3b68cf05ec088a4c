"""Kind error pages with the right status; never a traceback."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException, InternalServerError

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


def _unexpected(error: Exception):
    current_app.logger.exception("unhandled error", exc_info=error)
    db.session.rollback()
    return _http_error(InternalServerError(original_exception=error))
