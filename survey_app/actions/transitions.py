"""The allowed moves between an action's statuses, who may make each, and what it needs said.

proposed → approved | returned | cancelled
returned → proposed (resubmitted after changes) | cancelled
approved → in_progress | done | cancelled
in_progress → done | cancelled
done → in_progress (reopened)

"Returned with a comment" is a status of its own rather than a step back to "proposed": the
action then waits on its proposer, not on the approver, and cannot be approved until it has been
resubmitted. The comment is kept in the action's history.
"""

from __future__ import annotations

from dataclasses import dataclass

from survey_app.models import STATUS_NAMES, Action, User
from survey_app.permissions import can, may_update_action

# Who may make a move: a capability of the role, or "owner" (the owner or a role that updates).
APPROVER, PROPOSER, OWNER = "actions.approve", "actions.propose", "owner"


@dataclass(frozen=True)
class Transition:
    to: str
    verb: str
    who: str
    # What the note is called when the move needs one ("reason", "evidence" ...), else None.
    needs: str | None = None


_CANCEL = Transition("cancelled", "Cancel", APPROVER, "reason")
_DONE = Transition("done", "Mark done", OWNER, "evidence")
TRANSITIONS: dict[str, tuple[Transition, ...]] = {
    "proposed": (
        Transition("approved", "Approve", APPROVER),
        Transition("returned", "Return with a comment", APPROVER, "comment"),
        _CANCEL,
    ),
    "returned": (Transition("proposed", "Resubmit", PROPOSER), _CANCEL),
    "approved": (Transition("in_progress", "Mark in progress", OWNER), _DONE, _CANCEL),
    "in_progress": (_DONE, _CANCEL),
    "done": (Transition("in_progress", "Reopen", APPROVER, "reason"),),
    "cancelled": (),
}
PAST_TENSE = {
    "approved": "approved",
    "returned": "returned",
    "cancelled": "cancelled",
    "proposed": "resubmitted",
    "in_progress": "marked in progress",
    "done": "marked done",
}


def allowed(user: User, action: Action, move: Transition) -> bool:
    if move.who == OWNER:
        return may_update_action(user, action)
    return can(user, move.who)


def moves_for(user: User, action: Action) -> list[Transition]:
    """The moves this person may make on the action now, for the buttons on its page."""
    return [move for move in TRANSITIONS.get(action.status, ()) if allowed(user, action, move)]


def find(action: Action, to: str) -> Transition | None:
    return next((m for m in TRANSITIONS.get(action.status, ()) if m.to == to), None)


def refusal(action: Action, to: str) -> str:
    """Why a move does not fit the action's status, kindly."""
    now = STATUS_NAMES.get(action.status, action.status)
    wanted = STATUS_NAMES[to]
    possible = [STATUS_NAMES[m.to] for m in TRANSITIONS.get(action.status, ())]
    options = f" From here it can be {', '.join(possible)}." if possible else ""
    return f"This action is {now}, so it cannot be made {wanted} now.{options}"
