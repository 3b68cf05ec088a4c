"""Actions as units of work: propose, edit, move between statuses, comment, record evidence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from survey_app.actions import transitions
from survey_app.actions.errors import ActionError, BadRequest, NotAllowed, WrongState
from survey_app.actions.history import audited, note, say_date
from survey_app.actions.places import Place, check_place, eligible_owner, place_of
from survey_app.actions.sources import Source, resolve_source
from survey_app.extensions import db
from survey_app.models import STATUS_NAMES, Action, User
from survey_app.permissions import can, may_comment_on_action, may_update_action

TITLE_MAX = 200
TEXT_MAX = 5000


@dataclass
class ActionDetails:
    """What a person fills in for an action; ids are checked, never trusted."""

    title: str
    description: str
    due_on: date | None
    owner_id: int | None
    place: Place | None = None
    source: Source | None = None


def propose(details: ActionDetails, actor: User, today: date) -> Action:
    """A new action: proposed, or agreed (approved) at once when a QPAG meeting raised it."""
    if not can(actor, "actions.propose"):
        raise NotAllowed("Your role cannot propose actions.")
    _check_text(details)
    _check_due(details.due_on, today)
    source = resolve_source(details.source, actor)
    place = check_place(source.place or details.place, actor)
    owner = eligible_owner(details.owner_id, place)
    action = Action(
        title=details.title.strip(),
        description=details.description.strip(),
        due_on=details.due_on,
        owner=owner,
        home_id=place.home_id,
        service_id=None if place.home_id else place.service_id,  # see Action.service_id
        created_by=actor,
        status="approved" if source.meeting else "proposed",
        **source.columns,
    )
    db.session.add(action)
    if source.meeting:
        source.meeting.actions.append(action)
        words = f"Agreed at the QPAG meeting on {say_date(source.meeting.held_on)}."
    else:
        words = "Proposed."
    note(action, "created", words, actor, status=action.status)
    db.session.flush()
    audited(
        f"action.{'agreed' if source.meeting else 'proposed'}",
        action,
        actor,
        title=action.title,
        source=action.source_kind,
        due=action.due_on.isoformat(),
    )
    db.session.commit()
    return action


def may_edit(user: User, action: Action) -> bool:
    """Approvers and updaters edit any open action; proposers while it awaits approval."""
    if not action.is_open:
        return False
    if can(user, "actions.approve") or can(user, "actions.update"):
        return True
    return can(user, "actions.propose") and action.status in ("proposed", "returned")


def edit(action: Action, details: ActionDetails, actor: User, today: date) -> list[str]:
    """Change title, description, due date or owner; returns what changed, in words."""
    if not may_edit(actor, action):
        raise NotAllowed("You cannot change this action now.")
    _check_text(details)
    changes = _changes(action, details, today)
    if not changes:
        return []
    note(action, "edited", " ".join(changes), actor)
    audited("action.edited", action, actor, changes=changes)
    db.session.commit()
    return changes


def _changes(action: Action, details: ActionDetails, today: date) -> list[str]:
    changes = []
    if details.title.strip() != action.title:
        changes.append(f"Title was “{action.title}”.")
        action.title = details.title.strip()
    if details.description.strip() != action.description:
        changes.append("Description changed.")
        action.description = details.description.strip()
    if details.due_on != action.due_on:
        _check_due(details.due_on, today)
        changes.append(
            f"Due date moved from {say_date(action.due_on)} to {say_date(details.due_on)}."
        )
        action.due_on = details.due_on
        action.flagged_for_escalation_on = None  # a new date starts the clock again
    if details.owner_id != action.owner_id:
        owner = eligible_owner(details.owner_id, place_of(action))
        changes.append(f"Owner changed from {action.owner.name} to {owner.name}.")
        action.owner = owner
    return changes


def move(action: Action, to: str, words: str, actor: User, today: date) -> Action:
    """Move the action to another status, if that move is allowed from here and to this person."""
    if to not in STATUS_NAMES:
        raise BadRequest(f"“{to}” is not a status an action can have.")
    step = transitions.find(action, to)
    if step is None:
        raise WrongState(transitions.refusal(action, to))
    if not transitions.allowed(actor, action, step):
        raise NotAllowed(f"Your role cannot {step.verb.lower()} this action.")
    words = (words or "").strip()
    if step.needs and not (words or (step.needs == "evidence" and action.evidence)):
        raise ActionError(f"Give the {step.needs} before you {step.verb.lower()}.")
    _apply(action, to, words, today)
    text = f"{transitions.PAST_TENSE[to].capitalize()}." + (f" {words}" if words else "")
    note(action, "status", text, actor, status=to)
    audited(
        f"action.{transitions.PAST_TENSE[to].replace(' ', '_')}",
        action,
        actor,
        status=to,
        note=words or None,
    )
    db.session.commit()
    return action


def _apply(action: Action, to: str, words: str, today: date) -> None:
    action.status = to
    if to == "done":
        action.done_on = today
        if words:
            action.evidence = words
    elif to == "cancelled":
        action.cancel_reason = words
    elif to == "in_progress":
        action.done_on = None


def comment(action: Action, text: str, actor: User) -> None:
    """A dated comment on the action's history."""
    if not may_comment_on_action(actor, action):
        raise NotAllowed("Your role cannot comment on this action.")
    text = (text or "").strip()
    if not text:
        raise ActionError("Write a comment first.")
    if len(text) > TEXT_MAX:
        raise ActionError(f"Keep the comment under {TEXT_MAX} characters.")
    note(action, "comment", text, actor)
    audited("action.commented", action, actor)
    db.session.commit()


def record_evidence(action: Action, evidence: str, actor: User) -> None:
    """What shows the action was done (or how far it has got); kept, and noted in the history."""
    if not may_update_action(actor, action):
        raise NotAllowed("Only the action's owner, or the QA team or service manager, can do that.")
    evidence = (evidence or "").strip()
    if not evidence:
        raise ActionError("Describe the evidence first.")
    if len(evidence) > TEXT_MAX:
        raise ActionError(f"Keep the evidence under {TEXT_MAX} characters.")
    action.evidence = evidence
    note(action, "evidence", f"Evidence: {evidence}", actor)
    audited("action.evidence_recorded", action, actor)
    db.session.commit()


def _check_text(details: ActionDetails) -> None:
    if not details.title.strip():
        raise ActionError("Give the action a title.")
    if len(details.title.strip()) > TITLE_MAX:
        raise ActionError(f"Keep the title under {TITLE_MAX} characters.")
    if len(details.description) > TEXT_MAX:
        raise ActionError(f"Keep the description under {TEXT_MAX} characters.")


def _check_due(due_on: date | None, today: date) -> None:
    if due_on is None:
        raise ActionError("Give a due date.")
    if due_on < today:
        raise ActionError(f"The due date {say_date(due_on)} has passed; choose today or later.")
