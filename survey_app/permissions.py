"""THE permission table: which role may do what, and which homes each role covers.

Every staff view, export and command asks here; nothing else decides access. A later feature
adds its capabilities as rows of TABLE, and the README's table is generated from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from flask import abort, g, has_request_context
from flask_login import current_user, login_required
from sqlalchemy import Select, false, or_, select

from survey_app.extensions import db
from survey_app.models import (
    ROLES,
    Action,
    DipSample,
    Flag,
    Home,
    QaOccurrence,
    Round,
    Service,
    User,
    safeguarding_lead,
    user_home,
)
from survey_app.schedule.activities import get_activity

ALL = frozenset(ROLES)

# Which homes a role covers: every home, its service's homes, or the homes assigned to it.
SCOPE = {
    "admin": "all",
    "qa_team": "all",
    "qpag_chair": "all",
    "service_manager": "service",
    "home_manager": "homes",
    "reg44_visitor": "homes",
}
SCOPE_WORDS = {"all": "all homes", "service": "their service's homes", "homes": "their homes"}


# Safeguarding reviewers are named, not a role: a home's registered manager, and the people an
# administrator makes safeguarding lead of a service. A capability marked `reviewers` is theirs
# too, for those homes only, whatever their role, except an administrator's.
REVIEWERS_NOTE = "; also a home's registered manager and its service's safeguarding leads"


@dataclass(frozen=True)
class Capability:
    name: str
    description: str
    roles: frozenset[str]
    reviewers: bool = False


def _row(name: str, description: str, *roles: str, reviewers: bool = False) -> Capability:
    unknown = set(roles) - ALL
    if unknown:
        raise ValueError(f"{name}: unknown roles {sorted(unknown)}")
    return Capability(name, description, frozenset(roles), reviewers)


TABLE: tuple[Capability, ...] = (
    _row("dashboard.view", "dashboard of the homes in scope", *ROLES),
    _row("homes.view", "a home's page: details, Reg 44 visits, rounds", *ROLES),
    _row("rounds.view", "a round's page: theme, dates, invitations and response counts", *ROLES),
    _row(
        "answers.aggregate", "answer counts per question, only where enough people answered", *ROLES
    ),
    _row(
        "free_text.view",
        "read free-text answers (every view is audited)",
        "qa_team",
        "reg44_visitor",
    ),
    _row(
        "invitations.issue",
        "issue codes, print code sheets, copy or email links",
        "qa_team",
        "service_manager",
        "home_manager",
    ),
    _row("responses.export", "export answers with free text (audited)", "qa_team"),
    _row("users.manage", "create, assign, disable users; issue reset links", "admin"),
    _row("homes.manage", "create and edit homes and services", "admin"),
    _row("settings.manage", "retention period and suppression threshold", "admin"),
    _row("audit.view", "view, filter and export the audit log", "admin"),
    _row(
        "actions.view",
        "the action tracker and Reg 44 action plans: actions of homes in scope, and any they own",
        *ROLES,
    ),
    _row(
        "actions.propose",
        'propose actions for homes in scope, resubmit returned ones, write "you said, we did"',
        "qa_team",
        "service_manager",
        "home_manager",
        "qpag_chair",
    ),
    _row(
        "actions.approve",
        'approve or return proposed actions, cancel or reopen them, approve "you said, we did"',
        "qa_team",
        "service_manager",
        "qpag_chair",
    ),
    _row(
        "actions.update",
        "update any action's progress, evidence and completion (owners always may, on their own)",
        "qa_team",
        "service_manager",
    ),
    _row(
        "actions.comment",
        "comment on actions in scope (an owner always may on their own)",
        "qa_team",
        "service_manager",
        "home_manager",
        "qpag_chair",
    ),
    _row(
        "escalation.view",
        "the escalation list: overdue past the grace, exceptions, escalated",
        "qa_team",
        "service_manager",
        "qpag_chair",
    ),
    _row(
        "actions.escalate",
        "mark actions as exceptions; escalate to the Children's Services Leadership Team",
        "qpag_chair",
    ),
    _row(
        "qpag.view",
        "QPAG meetings and the tracker of what they agreed",
        "qa_team",
        "qpag_chair",
        "service_manager",
    ),
    _row(
        "qpag.record", "record QPAG meetings and the actions they agreed", "qa_team", "qpag_chair"
    ),
    _row(
        "dip_samples.view",
        "dip-sample requests (scoped roles see those of their service or assigned to them)",
        "qa_team",
        "service_manager",
        "reg44_visitor",
        "qpag_chair",
    ),
    _row(
        "dip_samples.manage",
        "assign dip samples to an area and a person; record any findings",
        "qa_team",
    ),
    _row(
        "schedule.view",
        "the schedule: Reg 44 visits and their deadlines, QA activities due and overdue",
        *ROLES,
    ),
    _row(
        "visits.plan",
        "plan Reg 44 visits: a date and a visitor",
        "admin",
        "qa_team",
        "service_manager",
    ),
    _row(
        "visits.record",
        "record a visit as done, its report dates and its good or adverse findings",
        "qa_team",
        "reg44_visitor",
    ),
    _row(
        "qa.complete",
        "mark a QA activity done with its outcome (the activity's responsible role; QA team any)",
        "qa_team",
        "service_manager",
        "home_manager",
        "reg44_visitor",
        "qpag_chair",
    ),
    _row(
        "qa.manage",
        "add ad hoc QA activities; record when a home's Ofsted actions were completed",
        "qa_team",
        "service_manager",
    ),
    _row("themes.manage", "retire, restore and pin survey themes", "qa_team"),
    _row("fatigue.view", "response rates across rounds, with falling ones flagged", "qa_team"),
    _row("schedule.run", "run the daily schedule now", "admin", "qa_team"),
    _row("calendar.feed", "a personal calendar feed of what is due (revocable link)", *ROLES),
    _row(
        "reports.voice",
        "the six-monthly voice report (anonymised quotes; all homes only for all-homes roles, "
        "else one home in scope)",
        "qa_team",
        "qpag_chair",
        "service_manager",
    ),
    _row(
        "reports.qpag",
        "the monthly QPAG report, with the voice sections every six months (council-wide, or "
        "one service's homes; a service manager prepares it for their service)",
        "qa_team",
        "qpag_chair",
        "service_manager",
    ),
    _row(
        "reports.previsit",
        "a home's pre-visit evidence pack (anonymised quotes), for homes in scope",
        "qa_team",
        "service_manager",
        "reg44_visitor",
    ),
    _row(
        "flags.view",
        "list safeguarding flags: home, category, due time, status, never the words (audited)",
        "qa_team",
        "service_manager",
        "home_manager",
        reviewers=True,
    ),
    _row(
        "flags.review",
        "open a flag's reasons and the young person's words; record the review (audited)",
        "service_manager",
        reviewers=True,
    ),
    _row(
        "flags.summary",
        "weekly safeguarding monitoring: counts, review times, outcomes (no answer text)",
        "qa_team",
        "service_manager",
        reviewers=True,
    ),
)
CAPABILITIES = {capability.name: capability for capability in TABLE}


def can(user, capability: str) -> bool:
    """Whether the user's role (or reviewer duty) has it; an unknown name raises, as a bug."""
    cap = CAPABILITIES[capability]
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    return user.role in cap.roles or (cap.reviewers and bool(reviewed_home_ids(user)))


def reviewed_home_ids(user: User) -> set[int]:
    """Homes the user reviews flags for as registered manager or service safeguarding lead."""
    if user.role == "admin":  # administrators never see what young people wrote
        return set()
    if has_request_context() and g.get("reviewed_homes_of") == user.id:
        return g.reviewed_homes
    led = select(safeguarding_lead.c.service_id).where(safeguarding_lead.c.user_id == user.id)
    stmt = select(Home.id).where(
        or_(Home.registered_manager_id == user.id, Home.service_id.in_(led))
    )
    found = set(db.session.execute(stmt).scalars())
    if has_request_context():
        g.reviewed_homes_of, g.reviewed_homes = user.id, found
    return found


def home_ids_for(user: User, capability: str) -> set[int]:
    """The homes where the user has the capability: by role's scope, or as a named reviewer."""
    cap = CAPABILITIES[capability]
    found = visible_home_ids(user) if user.role in cap.roles else set()
    return found | reviewed_home_ids(user) if cap.reviewers else found


def require_flag(user: User, flag_id: int, capability: str = "flags.view") -> Flag:
    """The flag if the user has the capability at its home; otherwise 404."""
    flag = db.session.get(Flag, flag_id)
    if flag is None or flag.home_id not in home_ids_for(user, capability):
        abort(404)
    return flag


def visible_homes_stmt(user: User) -> Select:
    """A query for the homes the user's role covers, by code."""
    stmt = select(Home).order_by(Home.code)
    scope = SCOPE.get(user.role)
    if scope == "all":
        return stmt
    if scope == "service":
        return stmt.where(Home.service_id == user.service_id)
    if scope == "homes":
        assigned = select(user_home.c.home_id).where(user_home.c.user_id == user.id)
        return stmt.where(Home.id.in_(assigned))
    return stmt.where(false())  # an unknown role sees nothing


def visible_homes(user: User) -> list[Home]:
    return list(db.session.execute(visible_homes_stmt(user)).scalars())


def visible_home_ids(user: User) -> set[int]:
    stmt = visible_homes_stmt(user).with_only_columns(Home.id)
    return set(db.session.execute(stmt).scalars())


def require_home(user: User, home_id: int) -> Home:
    """The home if the user's role covers it; otherwise 404, so other homes stay unseen."""
    home = db.session.execute(visible_homes_stmt(user).where(Home.id == home_id)).scalar()
    if home is None:
        abort(404)
    return home


def require_round(user: User, round_id: int) -> Round:
    """The round if its home is covered by the user's role; otherwise 404."""
    round_ = db.session.get(Round, round_id)
    if round_ is None:
        abort(404)
    require_home(user, round_.home_id)
    return round_


def visible_actions_stmt(user: User) -> Select:
    """A query for the actions the user's role covers; everyone also sees the ones they own."""
    stmt = select(Action)
    scope = SCOPE.get(user.role)
    mine = Action.owner_id == user.id
    if scope == "all":
        return stmt
    if scope == "service":
        # A home's action follows the home's current service; it keeps no copy of its own.
        homes = select(Home.id).where(Home.service_id == user.service_id)
        in_service = or_(Action.service_id == user.service_id, Action.home_id.in_(homes))
        return stmt.where(or_(in_service, mine))
    if scope == "homes":
        assigned = select(user_home.c.home_id).where(user_home.c.user_id == user.id)
        return stmt.where(or_(Action.home_id.in_(assigned), mine))
    return stmt.where(mine)


def require_action(user: User, action_id: int) -> Action:
    """The action if the user may see it; otherwise 404, as for a home not covered."""
    stmt = visible_actions_stmt(user).where(Action.id == action_id)
    return db.session.execute(stmt).scalar() or abort(404)


def may_update_action(user: User, action: Action) -> bool:
    """Progress, evidence and completion: roles that update any action, and the owner."""
    return can(user, "actions.update") or (user.is_active and action.owner_id == user.id)


def may_comment_on_action(user: User, action: Action) -> bool:
    return can(user, "actions.comment") or (user.is_active and action.owner_id == user.id)


def visible_dip_samples_stmt(user: User) -> Select:
    """All dip samples for the all-homes roles; for others, their service's and their own."""
    stmt = select(DipSample)
    scope = SCOPE.get(user.role)
    if scope == "all":
        return stmt
    mine = DipSample.assigned_to_id == user.id
    if scope == "service":
        return stmt.where(or_(DipSample.service_id == user.service_id, mine))
    return stmt.where(mine)


def may_record_dip_findings(user: User, sample: DipSample) -> bool:
    """The QA team, or the person the dip sample is assigned to."""
    return can(user, "dip_samples.manage") or (user.is_active and sample.assigned_to_id == user.id)


def require(capability: str) -> Callable:
    """View decorator: signed in, and the role has the capability (else 403)."""
    CAPABILITIES[capability]  # fail at import time on a misspelt capability

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def guarded(*args, **kwargs):
            if not can(current_user, capability):
                abort(403)
            return view(*args, **kwargs)

        return guarded

    return decorate


def markdown_table() -> str:
    """The table as Markdown, for the README (a test keeps the two the same)."""
    header = "| capability | " + " | ".join(f"`{role}`" for role in ROLES) + " |"
    lines = [header, "| --- |" + " :---: |" * len(ROLES)]
    scopes = " | ".join(SCOPE_WORDS[SCOPE[role]] for role in ROLES)
    lines.append(f"| homes covered | {scopes} |")
    for cap in TABLE:
        marks = " | ".join("✓" if role in cap.roles else "" for role in ROLES)
        note = REVIEWERS_NOTE if cap.reviewers else ""
        lines.append(f"| `{cap.name}`: {cap.description}{note} | {marks} |")
    return "\n".join(lines)


def visible_service_ids(user: User) -> set[int]:
    """Services whose service-wide QA activities the user's role covers."""
    scope = SCOPE.get(user.role)
    if scope == "all":
        return set(db.session.execute(select(Service.id)).scalars())
    if scope == "service" and user.service_id is not None:
        return {user.service_id}
    return set()  # a role that covers single homes sees only their homes' activities


def require_occurrence(user: User, occurrence_id: int) -> QaOccurrence:
    """The QA occurrence if the user's role covers its home or service; otherwise 404."""
    found = db.session.get(QaOccurrence, occurrence_id)
    if found is None:
        abort(404)
    if found.home_id is not None:
        require_home(user, found.home_id)
    elif found.service_id not in visible_service_ids(user):
        abort(404)
    return found


# §7.1 names who does each activity in the framework's words; these are the app's roles for them.
RESPONSIBLE_ROLES = {
    "registered_manager": "home_manager",
    "reg44_visitor": "reg44_visitor",
    "service_manager": "service_manager",
    "qa_team": "qa_team",
    "qpag_chair": "qpag_chair",
}


def responsible_role(activity_id: str) -> str | None:
    """The app role whose job a QA activity is (None if the activities file no longer has it)."""
    try:
        activity = get_activity(activity_id)
    except KeyError:
        return None
    return RESPONSIBLE_ROLES[activity.responsible_role.value]


def may_complete(user: User, occurrence: QaOccurrence) -> bool:
    """Whether the user may mark the occurrence done: its responsible role, or the QA team."""
    if not can(user, "qa.complete"):
        return False
    return user.role == "qa_team" or user.role == responsible_role(occurrence.activity_id)
