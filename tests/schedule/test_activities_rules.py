"""The §7.1 QA schedule as data, and the due dates each activity generates."""

from dataclasses import FrozenInstanceError
from datetime import date, timedelta
from pathlib import Path

import pytest

from survey_app.schedule.activities import (
    ACTIVITY_FILE,
    Activity,
    ActivityFileError,
    Frequency,
    Role,
    Scope,
    default_activities,
    get_activity,
    load_activities,
    occurrences,
)

EXPECTED = {
    "scheduled_full_audit": (Frequency.AD_HOC, Scope.HOME),
    "qa_monitoring_review": (Frequency.POST_OFSTED, Scope.HOME),
    "dip_sample": (Frequency.EVERY_OTHER_MONTH, Scope.SERVICE),
    "thematic_review": (Frequency.AD_HOC, Scope.SERVICE),
    "reg44_visit": (Frequency.MONTHLY, Scope.HOME),
    "need_to_know": (Frequency.WITHIN_24_HOURS, Scope.HOME),
    "safeguarding_monitoring": (Frequency.WEEKLY, Scope.SERVICE),
    "young_peoples_feedback": (Frequency.BEFORE_EACH_REG44_VISIT, Scope.HOME),
    "professional_feedback": (Frequency.BEFORE_EACH_REG44_VISIT, Scope.HOME),
    "kpi_review": (Frequency.MONTHLY, Scope.HOME),
    "health_and_safety_audit": (Frequency.MONTHLY, Scope.HOME),
    "fire_safety": (Frequency.MONTHLY, Scope.HOME),
    "statutory_check_review": (Frequency.MONTHLY, Scope.SERVICE),
    "gdpr": (Frequency.MONTHLY, Scope.SERVICE),
    "qpag_meeting": (Frequency.MONTHLY, Scope.SERVICE),
}

GOOD_ROW = """
[[activity]]
id = "fire_safety"
name = "Fire safety"
description = "Fire risk assessment audits are completed."
responsible = "Home Manager"
responsible_role = "registered_manager"
frequency = "monthly"
frequency_note = "Monthly"
report_function = "Assurance and exceptions reporting"
reporting_arrangement = "Service Manager"
scope = "home"
source = "§7.1"
"""


def write(tmp_path: Path, text: str) -> Path:
    """A throwaway activities file holding text."""
    path = tmp_path / "activities.toml"
    path.write_text(text, encoding="utf-8")
    return path


def dates_between(activity_id: str, start: date, end: date, **ofsted) -> list[date]:
    """Due dates of the packaged activity in the range."""
    return occurrences(get_activity(activity_id), start, end, **ofsted)


def test_every_activity_of_the_framework_is_in_the_schedule():
    """Every §7.1 activity, plus §8's dip samples and QPAG, is listed with frequency and scope."""
    activities = default_activities()
    assert {a.id: (a.frequency, a.scope) for a in activities} == EXPECTED


def test_every_activity_has_its_words_and_an_owner():
    """Each activity shows staff a name, description, owner, report and reporting line."""
    for activity in load_activities(ACTIVITY_FILE):
        assert isinstance(activity.responsible_role, Role)
        for text in (
            activity.name,
            activity.description,
            activity.responsible,
            activity.frequency_note,
            activity.report_function,
            activity.reporting_arrangement,
            activity.source,
        ):
            assert text and text == text.strip()


def test_reg44_visits_are_the_independent_visitors_monthly_job():
    """The Reg 44 row reads as in §7.1: monthly, by independent visitors, with its deadlines."""
    visit = get_activity("reg44_visit")
    assert visit.responsible_role is Role.REG44_VISITOR
    assert "22 working days" in visit.frequency_note


def test_an_unknown_activity_id_is_a_clear_error():
    """Asking for an activity that does not exist names the id."""
    with pytest.raises(KeyError, match="no_such_thing"):
        get_activity("no_such_thing")


def test_activities_cannot_be_changed_once_loaded():
    """Loaded activities are frozen, so one page cannot change another's schedule."""
    with pytest.raises(FrozenInstanceError):
        get_activity("gdpr").name = "Changed"  # type: ignore[misc]


def test_a_well_formed_file_loads(tmp_path):
    """A file with one complete activity loads into one Activity."""
    (activity,) = load_activities(write(tmp_path, GOOD_ROW))
    assert activity == Activity(
        "fire_safety",
        "Fire safety",
        "Fire risk assessment audits are completed.",
        "Home Manager",
        Role.REGISTERED_MANAGER,
        Frequency.MONTHLY,
        "Monthly",
        "Assurance and exceptions reporting",
        "Service Manager",
        Scope.HOME,
        "§7.1",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD_ROW.replace('name = "Fire safety"\n', ""), r"activity\[0\]\.name: missing"),
        (GOOD_ROW.replace('"monthly"', '"monthy"'), r"activity\[0\]\.frequency: 'monthy' is not"),
        (GOOD_ROW.replace('"home"', '"region"'), r"activity\[0\]\.scope: 'region' is not one"),
        (GOOD_ROW.replace('"registered_manager"', '"cook"'), r"\.responsible_role: 'cook'"),
        (GOOD_ROW.replace('"Monthly"', "3"), r"\.frequency_note: expected non-empty text"),
        (GOOD_ROW.replace('"Fire safety"', '"  "'), r"\.name: expected non-empty text"),
        (GOOD_ROW.replace('"fire_safety"', '"Fire Safety"'), r"\.id: 'Fire Safety' is not lower"),
        (GOOD_ROW + 'owner = "me"\n', r"activity\[0\]\.owner: unknown key"),
        (GOOD_ROW + GOOD_ROW, r"activity\[1\]\.id: 'fire_safety' is used twice"),
        ('title = "x"\n' + GOOD_ROW, r"unknown top-level key 'title'"),
        ("", r"activity: expected one or more \[\[activity\]\] tables"),
        ("activity = [1]\n", r"activity\[0\]: expected a table"),
        ("[[activity]\n", r"cannot be read"),
    ],
)
def test_a_bad_file_is_refused_naming_the_file_and_key(tmp_path, text, message):
    """Each fault in the activities file is reported with the file name, the key and the fault."""
    with pytest.raises(ActivityFileError, match=message) as caught:
        load_activities(write(tmp_path, text))
    assert str(caught.value).startswith("activities.toml: ")


def test_a_missing_file_is_refused_with_its_name(tmp_path):
    """A missing activities file is named in the error."""
    with pytest.raises(ActivityFileError, match="nowhere.toml: cannot be read"):
        load_activities(tmp_path / "nowhere.toml")


@pytest.mark.parametrize(
    "activity_id",
    [
        "reg44_visit",
        "kpi_review",
        "health_and_safety_audit",
        "fire_safety",
        "statutory_check_review",
        "gdpr",
        "qpag_meeting",
    ],
)
def test_monthly_activities_fall_on_the_last_working_day_of_each_month(activity_id):
    """Monthly tasks are due once a month, on its last working day."""
    due = dates_between(activity_id, date(2026, 1, 1), date(2026, 12, 31))
    assert len(due) == 12
    assert [d.month for d in due] == list(range(1, 13))
    assert date(2026, 8, 28) in due  # 31 August 2026 is a bank holiday Monday
    assert date(2026, 5, 29) in due  # 31 May 2026 is a Sunday


def test_monthly_range_includes_only_dates_inside_it():
    """A range that ends before the month's last working day holds no date for that month."""
    assert dates_between("gdpr", date(2026, 3, 1), date(2026, 4, 29)) == [date(2026, 3, 31)]


def test_weekly_safeguarding_monitoring_is_due_each_friday():
    """The weekly monitoring is due every Friday."""
    due = dates_between("safeguarding_monitoring", date(2026, 6, 1), date(2026, 6, 30))
    assert due == [date(2026, 6, 5), date(2026, 6, 12), date(2026, 6, 19), date(2026, 6, 26)]


def test_weekly_monitoring_moves_back_a_day_when_friday_is_a_bank_holiday():
    """On Christmas Day 2026 and Good Friday 2027 the weekly monitoring is due on the Thursday."""
    christmas = dates_between("safeguarding_monitoring", date(2026, 12, 20), date(2026, 12, 24))
    easter = dates_between("safeguarding_monitoring", date(2027, 3, 22), date(2027, 3, 28))
    assert christmas == [date(2026, 12, 24)]
    assert easter == [date(2027, 3, 25)]


def test_dip_samples_are_requested_in_odd_months_whatever_the_range():
    """Dip samples fall in January, March, May … so every page agrees on the months."""
    year = dates_between("dip_sample", date(2026, 1, 1), date(2026, 12, 31))
    assert [d.month for d in year] == [1, 3, 5, 7, 9, 11]
    later = dates_between("dip_sample", date(2026, 2, 1), date(2027, 2, 28))
    assert later[:5] == year[1:]
    assert [d.month for d in later] == [3, 5, 7, 9, 11, 1]


@pytest.mark.parametrize(
    "activity_id",
    [
        "scheduled_full_audit",
        "thematic_review",
        "need_to_know",
        "young_peoples_feedback",
        "professional_feedback",
    ],
)
def test_ad_hoc_and_event_driven_activities_generate_no_dates(activity_id):
    """Activities set off by a decision, an event or a Reg 44 visit get no calendar dates."""
    assert dates_between(activity_id, date(2026, 1, 1), date(2027, 12, 31)) == []


def test_a_range_that_ends_before_it_starts_is_empty():
    """A back-to-front range holds no dates."""
    assert dates_between("gdpr", date(2026, 12, 31), date(2026, 1, 1)) == []


def test_inadequate_rating_gives_weekly_reviews_that_stop_once_actions_complete():
    """After an inadequate rating, reviews are weekly from the inspection until actions are done."""
    due = dates_between(
        "qa_monitoring_review",
        date(2027, 1, 1),
        date(2027, 6, 30),
        ofsted_rating="inadequate",
        ofsted_inspected_on=date(2027, 1, 4),
        actions_complete_on=date(2027, 2, 10),
    )
    assert due == [
        date(2027, 1, 11),
        date(2027, 1, 18),
        date(2027, 1, 25),
        date(2027, 2, 1),
        date(2027, 2, 8),
    ]


def test_inadequate_reviews_continue_while_actions_are_open():
    """Until actions are recorded complete, weekly reviews keep coming."""
    due = dates_between(
        "qa_monitoring_review",
        date(2027, 1, 1),
        date(2027, 6, 30),
        ofsted_rating="inadequate",
        ofsted_inspected_on=date(2027, 1, 4),
    )
    assert len(due) == 25
    # One review a week; Easter Monday and the late-May bank holiday bring two forward.
    for week, day in enumerate(due, start=1):
        assert timedelta(days=7 * week - 6) <= day - date(2027, 1, 4) <= timedelta(days=7 * week)


def test_compliance_notice_reviews_are_weekly_like_inadequate():
    """A compliance notice brings weekly reviews, as §7.1 says."""
    kwargs = {"ofsted_inspected_on": date(2027, 1, 4), "actions_complete_on": date(2027, 2, 1)}
    notice = dates_between(
        "qa_monitoring_review",
        date(2027, 1, 1),
        date(2027, 3, 1),
        ofsted_rating="compliance_notice",
        **kwargs,
    )
    inadequate = dates_between(
        "qa_monitoring_review",
        date(2027, 1, 1),
        date(2027, 3, 1),
        ofsted_rating="inadequate",
        **kwargs,
    )
    assert notice == inadequate != []


def test_requires_improvement_gives_fortnightly_reviews_moved_off_bank_holidays():
    """Requires improvement means reviews every two weeks; one due on Easter Monday comes sooner."""
    due = dates_between(
        "qa_monitoring_review",
        date(2027, 3, 1),
        date(2027, 4, 30),
        ofsted_rating="requires_improvement",
        ofsted_inspected_on=date(2027, 3, 1),
        actions_complete_on=date(2027, 4, 20),
    )
    # 29 March 2027 is Easter Monday and 26 March Good Friday, so that review is on the 25th.
    assert due == [date(2027, 3, 15), date(2027, 3, 25), date(2027, 4, 12)]


def test_good_with_requirements_follows_the_ofsted_action_plan_dates():
    """A good rating with requirements has reviews on the action plan's dates, in order."""
    plan = [date(2027, 5, 1), date(2027, 3, 1), date(2027, 9, 1), date(2026, 12, 1)]
    due = dates_between(
        "qa_monitoring_review",
        date(2027, 1, 1),
        date(2027, 12, 31),
        ofsted_rating="good",
        action_plan_dates=plan,
        actions_complete_on=date(2027, 6, 1),
    )
    assert due == [date(2027, 3, 1), date(2027, 5, 1)]


@pytest.mark.parametrize("rating", ["outstanding", None])
def test_outstanding_or_no_inspection_needs_no_monitoring_reviews(rating):
    """An outstanding home, or one not yet inspected, has no QA monitoring reviews."""
    due = dates_between(
        "qa_monitoring_review",
        date(2027, 1, 1),
        date(2027, 12, 31),
        ofsted_rating=rating,
        ofsted_inspected_on=date(2027, 1, 4),
    )
    assert due == []


def test_an_unknown_rating_is_refused():
    """A misspelt rating is refused, listing the ratings that are understood."""
    with pytest.raises(
        ValueError, match="Unknown Ofsted rating 'Good'; expected one of outstanding"
    ):
        dates_between(
            "qa_monitoring_review", date(2027, 1, 1), date(2027, 2, 1), ofsted_rating="Good"
        )


def test_a_review_cycle_needs_the_inspection_date():
    """Fortnightly or weekly reviews cannot be scheduled without the inspection date."""
    with pytest.raises(ValueError, match="needs the inspection date"):
        dates_between(
            "qa_monitoring_review",
            date(2027, 1, 1),
            date(2027, 2, 1),
            ofsted_rating="requires_improvement",
        )
