""" "You said, we did": plain lines for young people, approved by a manager (Regulation 7).

The en-GB pair is the original; translations sit beside it. Any change to any of them takes
the approval away, so young people only ever read words a manager has approved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select

from survey_app import clock
from survey_app.actions.errors import ActionError, NotAllowed, WrongState
from survey_app.actions.history import audited, note
from survey_app.extensions import db
from survey_app.models import Action, ActionLine, Home, Service, User
from survey_app.permissions import can, may_update_action

ORIGINAL = "en-GB"
LINE_MAX = 300
SHOWN = 3  # how many a respondent page shows: enough to see the loop close, short on a phone
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
APPROVABLE = ("approved", "in_progress", "done")


@dataclass(frozen=True)
class YouSaidWeDid:
    you_said: str
    we_did: str
    language: str


def may_write(user: User, action: Action) -> bool:
    return action.status != "cancelled" and (
        can(user, "actions.propose") or may_update_action(user, action)
    )


def save(action: Action, language: str, you_said: str, we_did: str, actor: User) -> str:
    """Add or change one language's pair (both blank removes a translation); returns a summary."""
    if not may_write(actor, action):
        raise NotAllowed("You cannot write the \u201cyou said, we did\u201d lines of this action.")
    language = _checked_language(language, action)
    you_said, we_did = (you_said or "").strip(), (we_did or "").strip()
    existing = next((line for line in action.lines if line.language == language), None)
    if not you_said and not we_did and existing is not None and language != ORIGINAL:
        action.lines.remove(existing)
        summary = f"Removed the {language} lines."
    else:
        _check_pair(you_said, we_did)
        if existing is None:
            action.lines.append(ActionLine(language=language, you_said=you_said, we_did=we_did))
        else:
            existing.you_said, existing.we_did = you_said, we_did
        summary = f"{language}: You said “{you_said}” We did “{we_did}”"
    if action.lines_approved_at is not None:
        summary += " The lines need approving again."
    action.lines_approved_at, action.lines_approved_by = None, None
    note(action, "lines", summary, actor)
    audited("action.lines_saved", action, actor, language=language)
    db.session.commit()
    return summary


def approve(action: Action, actor: User) -> None:
    """A manager approves the lines as written; from now they are shown to young people."""
    if not can(actor, "actions.approve"):
        raise NotAllowed("Only a manager, the QA team or the QPAG chair can approve these lines.")
    if not any(line.language == ORIGINAL for line in action.lines):
        raise ActionError("Write the lines (in English first) before approving them.")
    if action.status not in APPROVABLE:
        raise WrongState("Approve the action itself before its \u201cyou said, we did\u201d lines.")
    if action.lines_approved_at is not None:
        raise WrongState("These lines are already approved.")
    action.lines_approved_at, action.lines_approved_by = clock.now(), actor
    note(action, "lines_approved", "\u201cYou said, we did\u201d lines approved.", actor)
    audited("action.lines_approved", action, actor, languages=[x.language for x in action.lines])
    db.session.commit()


def _checked_language(language: str, action: Action) -> str:
    language = (language or ORIGINAL).strip()
    if not LANGUAGE_TAG.match(language) or len(language) > 20:
        raise ActionError(f"“{language}” is not a language tag; write one like pl, ar or cy-GB.")
    if language != ORIGINAL and not any(x.language == ORIGINAL for x in action.lines):
        raise ActionError("Write the English lines first; translations are made from them.")
    return language


def _check_pair(you_said: str, we_did: str) -> None:
    if not you_said or not we_did:
        raise ActionError("Write both lines: what young people said, and what was done.")
    if max(len(you_said), len(we_did)) > LINE_MAX:
        raise ActionError(f"Keep each line under {LINE_MAX} characters; short is kinder.")


def _languages(language: str) -> list[str]:
    """The respondent's language, then its base language, then the original."""
    base = language.split("-")[0]
    return list(dict.fromkeys([language, base, ORIGINAL]))


def approved_lines_for(home: Home | int, language: str, limit: int = SHOWN) -> list[YouSaidWeDid]:
    """The newest approved lines for a home (or its id), in one small query.

    Respondents' pages call this, so it is one statement whatever is stored: the newest few
    approved actions in a subquery, and only their lines in the languages that could be shown.
    """
    home_id = home if isinstance(home, int) else home.id
    newest = (
        select(Action.id)
        .where(_for_home(home_id), Action.lines_approved_at.is_not(None))
        .where(Action.status != "cancelled")
        .order_by(Action.lines_approved_at.desc(), Action.id.desc())
        .limit(limit)
    )
    wanted = _languages(language)
    stmt = (
        select(
            ActionLine.action_id,
            ActionLine.language,
            ActionLine.you_said,
            ActionLine.we_did,
            Action.lines_approved_at,
        )
        .join(Action)
        .where(ActionLine.action_id.in_(newest.scalar_subquery()), ActionLine.language.in_(wanted))
    )
    best: dict[int, tuple] = {}
    for action_id, lang, you_said, we_did, approved_at in db.session.execute(stmt):
        rank = wanted.index(lang)
        if action_id not in best or rank < best[action_id][0]:
            best[action_id] = (rank, approved_at, action_id, YouSaidWeDid(you_said, we_did, lang))
    ordered = sorted(best.values(), key=lambda x: (x[1], x[2]), reverse=True)
    return [item[3] for item in ordered]


def _for_home(home_id: int):
    """The home's own actions, and those for every home of its service or of all services."""
    service_id = select(Home.service_id).where(Home.id == home_id).scalar_subquery()
    return or_(
        Action.home_id == home_id,
        and_(Action.home_id.is_(None), Action.service_id == service_id),
        and_(Action.home_id.is_(None), Action.service_id.is_(None)),
    )


def you_said_we_did_for_period(
    start: date, end: date, home: Home | None = None
) -> list[dict[str, Any]]:
    """Approved lines approved from start to end inclusive, as plain rows for the reports."""
    since = datetime.combine(start, time(0), tzinfo=clock.LONDON)
    until = datetime.combine(end + timedelta(days=1), time(0), tzinfo=clock.LONDON)
    stmt = (
        select(Action, ActionLine, Home.code, Service.name)
        .join(ActionLine, ActionLine.action_id == Action.id)
        .outerjoin(Home, Home.id == Action.home_id)
        # A home's action is in its home's service (see Action.service_id).
        .outerjoin(Service, Service.id == func.coalesce(Action.service_id, Home.service_id))
        .where(Action.lines_approved_at >= since, Action.lines_approved_at < until)
        .where(Action.status != "cancelled")
        .order_by(Action.lines_approved_at, Action.id, ActionLine.language)
    )
    if home is not None:
        stmt = stmt.where(_for_home(home.id))
    return [_period_row(*row) for row in db.session.execute(stmt)]


def _period_row(action: Action, line: ActionLine, home_code: str | None, service: str | None):
    return {
        "action_id": action.id,
        "home": home_code,
        "service": service,
        "title": action.title,
        "status": action.status,
        "language": line.language,
        "you_said": line.you_said,
        "we_did": line.we_did,
        "approved_on": action.lines_approved_at.astimezone(clock.LONDON).date(),
        "done_on": action.done_on,
    }
