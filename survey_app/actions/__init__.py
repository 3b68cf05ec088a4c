"""Actions and the loop back to young people: the tracker, Reg 44 action plans, QPAG meetings,
escalation, dip samples and "you said, we did".

This module re-exports the plain-Python API other features use; the web pages are attached by
survey_app.actions.web.init_app.
"""

from survey_app.actions.dip_samples import dip_sample_rows
from survey_app.actions.lines import YouSaidWeDid, approved_lines_for, you_said_we_did_for_period
from survey_app.actions.tick import tick_actions

__all__ = [
    "YouSaidWeDid",
    "approved_lines_for",
    "dip_sample_rows",
    "tick_actions",
    "you_said_we_did_for_period",
]
