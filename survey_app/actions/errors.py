"""Why an action, meeting or dip sample cannot be changed, in words for the person asking."""

from __future__ import annotations


class ActionError(ValueError):
    """Bad or missing input: the person can put it right on the same form (422)."""

    status = 422


class NotAllowed(ActionError):
    """The role may not make this change to this action (403)."""

    status = 403


class BadRequest(ActionError):
    """Something no form of ours sends, such as a status that does not exist (400)."""

    status = 400


class WrongState(ActionError):
    """The change does not fit the action's current status, e.g. approving a done action (409)."""

    status = 409
