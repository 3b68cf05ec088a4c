"""The migrations are the schema: upgrading gives exactly what the models describe."""

from flask_migrate import check


def test_migrations_match_the_models(app):
    """`survey-app db check` finds nothing to generate on a freshly migrated database."""
    with app.app_context():
        check()  # raises (exit) when models and migrations differ
