"""Small stores of answers to build reports from: homes, rounds, responses, comments."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import count

import pytest

from survey_app.clock import LONDON

FROM, TO = "2026-01-01", "2026-06-30"
CLOSES = date(2026, 3, 15)
_codes = count(1)


@pytest.fixture
def add_round(app, make_home):
    """A closed round at a home (created if new) with ``respondents`` submitted responses.

    Every closed question gets a positive answer (``positive=True``) or the lowest one;
    ``comment`` is left by the first respondent; ``abandoned`` responses were started only.
    """
    from survey_app.banks import get_banks
    from survey_app.extensions import db
    from survey_app.models import Answer, Home, Invitation, Response, Round

    def factory(
        home,
        audience,
        respondents,
        *,
        closes=CLOSES,
        positive=True,
        comment=None,
        theme=None,
        abandoned=0,
        name=None,
    ):
        with app.app_context():
            home_id = db.session.execute(db.select(Home.id).filter_by(code=home)).scalar()
            db.session.commit()  # SQLite: end the read, so make_home may take the write lock
        home_id = home_id or make_home(code=home, name=name or f"{home} House")
        with app.app_context():
            banks = get_banks()
            chosen = banks.theme(audience, theme) if theme else banks.themes_for(audience)[0]
            round_ = Round(
                home_id=home_id,
                audience=audience,
                theme_id=chosen.id,
                theme_version=chosen.version,
                presentation=chosen.presentation,
                opens_on=closes - timedelta(days=7),
                closes_on=closes,
            )
            db.session.add(round_)
            questions = (*banks.core(audience).questions, *chosen.questions)
            for n in range(respondents + abandoned + 2):
                invitation = Invitation(round=round_, code=f"T{next(_codes):09d}")
                db.session.add(invitation)
                if n >= respondents + abandoned:
                    continue  # handed out, never used
                started = datetime.combine(closes - timedelta(days=1), time(12, n % 60), LONDON)
                response = Response(
                    invitation=invitation,
                    round=round_,
                    started_at=started,
                    submitted_at=None
                    if n >= respondents
                    else started + timedelta(seconds=100 + 10 * n),
                )
                db.session.add(response)
                if n >= respondents:
                    continue
                for question in questions:
                    value = _value(question, positive)
                    response.answers.append(
                        Answer(question_id=question.id, value=value, score=question.score(value))
                    )
                if comment and n == 0:
                    response.answers.append(Answer(question_id="open_comment", text=comment))
            db.session.commit()
            return round_.id

    return factory


def _value(question, positive: bool) -> str:
    values = [o.value for o in question.options]
    if positive and question.positive:
        return sorted(question.positive)[-1]
    good = set(question.positive)
    return next((v for v in values if v not in good), values[0])
