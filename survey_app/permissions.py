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
from survey_app.models import ROLES, Flag, Home, Round, User, safeguarding_lead, user_home

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
