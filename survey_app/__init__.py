"""The voice survey service for children's homes: a Flask application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from survey_app.config import load_config


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the application: config → extensions → blueprints → CLI → error pages."""
    app = Flask(__name__, instance_relative_config=True)
    load_config(app, overrides or {})
    register_proxy(app)
    register_input(app)
    register_extensions(app)
    register_templates(app)
    register_blueprints(app)
    register_cli(app)
    register_error_pages(app)
    register_security_headers(app)
    register_logging(app)
    warm_up()
    return app


def warm_up() -> None:
    """Load the safeguarding lexicons now, once per process, not during a child's submit.

    Loading takes most of a second; without this the first answers after a restart wait for it.
    """
    from analysis import analyse_comment

    analyse_comment("warming up", "young_people")


def register_proxy(app: Flask) -> None:
    """Behind N trusted proxies, take the client address and scheme from their headers.

    Without this every phone would share the proxy's address, and one child's mistyped codes
    would lock everyone out; with it set wrongly, clients could forge their address.
    """
    hops = app.config["TRUSTED_PROXIES"]
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def register_input(app: Flask) -> None:
    """Bound ids and NUL-free values for every route, before any route is added."""
    from survey_app.ids import register_id_converter
    from survey_app.request_input import use_survey_request

    register_id_converter(app)
    use_survey_request(app)


def register_extensions(app: Flask) -> None:
    from survey_app.database import init_database
    from survey_app.extensions import babel, csrf, db, migrate
    from survey_app.respond.language import babel_locale

    init_database(app)
    migrate.init_app(app, db, directory=str(app.config["MIGRATIONS_DIR"]))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=babel_locale)

    from survey_app.auth.session import init_sessions

    init_sessions(app)


def register_templates(app: Flask) -> None:
    from survey_app.formatting import register_filters

    register_filters(app)


def register_blueprints(app: Flask) -> None:
    from survey_app import safeguarding
    from survey_app.admin import bp as admin_bp
    from survey_app.auth import bp as auth_bp
    from survey_app.health import bp as health_bp
    from survey_app.respond import safety  # noqa: F401 (adds the safety page's routes)
    from survey_app.respond.views import bp as respond_bp
    from survey_app.schedule.web import init_app as init_schedule
    from survey_app.staff import bp as staff_bp

    app.register_blueprint(health_bp)
    app.register_blueprint(respond_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(staff_bp)
    app.register_blueprint(admin_bp)
    init_schedule(app)

    from survey_app.actions.web import init_app as init_actions

    init_actions(app)

    from survey_app.reports.web import init_app as init_reports

    init_reports(app)

    safeguarding.init_app(app)


def register_cli(app: Flask) -> None:
    from survey_app.cli import register_commands

    register_commands(app)


def register_error_pages(app: Flask) -> None:
    from survey_app.errors import register_error_handlers

    register_error_handlers(app)


def register_security_headers(app: Flask) -> None:
    from survey_app.security import add_security_headers

    app.after_request(add_security_headers)


def register_logging(app: Flask) -> None:
    from survey_app.log_redaction import redact_request_log

    redact_request_log(app)
