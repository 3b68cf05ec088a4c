"""A realistic demo: four homes, their visits, rounds for every audience, some past answers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from survey_app.banks import Question, QuestionBanks, Theme
from survey_app.clock import LONDON
from survey_app.extensions import db
from survey_app.models import (
    AUDIENCES,
    Answer,
    Home,
    Invitation,
    Response,
    Round,
    Service,
    Visit,
    answer_choice,
)
from survey_app.respond.codes import new_code
from survey_app.schedule.deadlines import is_working_day, working_day_on_or_before
from survey_app.schedule.rotation import RotationChoice, choose_theme

HOMES = (
    # code, name, service, Ofsted rating, how positive its young people tend to be (0..1)
    ("OAK", "Oak House", "North and West", "good", 0.75),
    ("WIL", "Willow Lodge", "North and West", "requires_improvement", 0.5),
    ("HAR", "Harbour View", "South and East", "outstanding", 0.85),
    ("BEE", "Beech Cottage", "South and East", "inadequate", 0.35),
)
RESPONDENTS = {"young_people": (2, 6), "professionals": (2, 6), "families": (1, 3), "staff": (3, 7)}
COMMENTS = {
    "young_people": (
        "staff are safe they actually listen to me",
        "food is mid tbh, more pizza pls",
        "i like my room but the wifi is long",
        "I want to see my little brother more",
        "its alright here",
        "Sarah my key worker helped me with college forms 👍",
        "rules are not fair, the older ones get more time out",
        "i dont like it when new staff come and go",
    ),
    "professionals": (
        "Communication from the home has been excellent; updates arrive before I ask.",
        "Paperwork for the review arrived late again.",
        "The young person is settled and school attendance has improved.",
    ),
    "families": (
        "Staff always make me feel welcome when I visit.",
        "Hard to get through on the phone.",
    ),
    "staff": ("Supervision is regular and useful.", "We are often short-staffed at weekends."),
}


@dataclass(frozen=True)
class DemoSummary:
    created: bool
    homes: int
    responses: int


def seed_demo(banks: QuestionBanks, today: date, seed: int = 44) -> DemoSummary:
    """Create the demo once; run again, it changes nothing."""
    if db.session.execute(select(func.count(Home.id))).scalar():
        return DemoSummary(False, _count(Home), _count(Response))
    rng = random.Random(seed)  # noqa: S311 (repeatable demo data, not secrets)
    services: dict[str, Service] = {}
    for index, (code, name, service_name, rating, mood) in enumerate(HOMES):
        service = services.setdefault(service_name, Service(name=service_name))
        home = Home(
            code=code,
            name=name,
            service=service,
            ofsted_rating=rating,
            ofsted_inspected_on=today - timedelta(days=120 + 30 * index),
        )
        db.session.add(home)
        _seed_home(home, index, mood, banks, today, rng)
    db.session.commit()
    return DemoSummary(True, len(HOMES), _count(Response))


def _seed_home(
    home: Home, index: int, mood: float, banks: QuestionBanks, today: date, rng: random.Random
) -> None:
    # Six months of past visits, the next one (its rounds already open) and two more planned,
    # whose rounds `survey-app schedule tick` opens when their time comes.
    visit_days = [
        today + timedelta(days=9 + index * 2 - 30 * months) for months in range(6, -3, -1)
    ]
    late = None
    if index == 0:  # Oak House: one report late, across a bank holiday where the calendar allows
        late = visit_days[4] = _late_visit_day(today) or visit_days[4]
    history: dict[str, list] = {audience: [] for audience in AUDIENCES}
    for visit_day in visit_days:
        visit = _visit(home, visit_day, today, late=visit_day == late)
        if visit_day > today + timedelta(days=20):
            continue  # planned: no rounds yet
        opens = min(visit_day - timedelta(days=14), today - timedelta(days=3))
        for audience in AUDIENCES:
            theme, choice = _rotate(banks, audience, history[audience], opens)
            round_ = Round(
                home=home,
                audience=audience,
                theme_id=theme.id,
                theme_version=theme.version,
                presentation=choice.presentation,
                opens_on=opens,
                closes_on=visit_day - timedelta(days=1),
                visit=visit,
                rotation_reason=choice.reason,
            )
            if round_.closes_on < today:
                round_.closed_on = round_.closes_on + timedelta(days=1)
            db.session.add(round_)
            if visit_day < today:
                _answers(round_, banks.core(audience), theme, mood, rng)


def _late_visit_day(today: date) -> date | None:
    """A visit whose 22 working days span the latest bank holiday that leaves it overdue now."""
    holidays = [
        day
        for day in (today - timedelta(days=n) for n in range(31, 66))
        if day.weekday() < 5 and not is_working_day(day)
    ]
    if not holidays:
        return None  # no bank holiday in that stretch of the year: the usual date will do
    return working_day_on_or_before(holidays[0] - timedelta(days=7))


def _visit(home: Home, day: date, today: date, late: bool = False) -> Visit:
    done = day < today
    visit = Visit(
        home=home,
        visit_date=day,
        visitor_name="Pat Morgan (independent visitor)",
        done_on=day if done else None,
        report_completed_on=day + timedelta(days=10)
        if done and day < today - timedelta(days=20)
        else None,
        report_sent_on=day + timedelta(days=25)
        if done and day < today - timedelta(days=40)
        else None,
    )
    if late:
        # Completed late and not yet sent: it shows as overdue to the visitor, the home manager
        # and the service manager.
        visit.report_completed_on, visit.report_sent_on = day + timedelta(days=17), None
    db.session.add(visit)
    return visit


def _rotate(
    banks: QuestionBanks, audience: str, history: list, opens: date
) -> tuple[Theme, RotationChoice]:
    themes = banks.themes_for(audience)
    choice = choose_theme([(t.id, t.presentation) for t in themes], history, opens)
    history.append((opens, choice.theme_id, choice.presentation))
    return banks.theme(audience, choice.theme_id), choice


def _answers(round_: Round, core: Theme, theme: Theme, mood: float, rng: random.Random) -> None:
    low, high = RESPONDENTS[round_.audience]
    invited = high + 2
    for n in range(invited):
        invitation = Invitation(round=round_, code=new_code())
        db.session.add(invitation)
        if n >= rng.randint(low, high):
            continue
        day = max(round_.opens_on, round_.closes_on - timedelta(days=rng.randint(1, 10)))
        started = datetime.combine(day, time(16, rng.randint(0, 59)), tzinfo=LONDON)
        response = Response(
            invitation=invitation,
            round=round_,
            started_at=started,
            submitted_at=started + timedelta(seconds=rng.randint(70, 320)),
            pages_done=4,
        )
        db.session.add(response)
        for question in (*core.questions, *theme.questions):
            for value in _pick(question, mood, rng):
                response.answers.append(
                    Answer(
                        question_id=question.id,
                        choice=answer_choice(question.kind, value),
                        value=value,
                        score=question.score(value),
                    )
                )
        if rng.random() < 0.5:
            response.answers.append(
                Answer(question_id="open_comment", text=rng.choice(COMMENTS[round_.audience]))
            )


def _pick(question: Question, mood: float, rng: random.Random) -> list[str]:
    if rng.random() < 0.06:  # some questions are skipped, as real respondents do
        return []
    values = [o.value for o in question.options]
    if question.kind == "multiple":
        return rng.sample(values, rng.randint(1, min(2, len(values))))
    if question.kind == "scale":
        leaning = mood + rng.uniform(-0.35, 0.35)
        return [values[max(0, min(len(values) - 1, round(leaning * (len(values) - 1))))]]
    if question.kind == "yes_no":
        return [sorted(question.positive)[0] if rng.random() < mood else rng.choice(values)]
    return [rng.choice(values)]


def _count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar() or 0
