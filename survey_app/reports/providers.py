"""Where report sections come from that other parts of the service keep.

Each provider reads what this service records today.  Visit findings, QPAG actions, "you said,
we did", safeguarding flags, thematic reviews, dip samples and the QA schedule's occurrences
are not recorded here yet, so their providers answer ``not_recorded()`` and the reports say so;
connect each one here, and only here, when its feature lands.
"""

from __future__ import annotations

from flask import current_app

from analysis import DEFAULT_THRESHOLD
from analysis.reports import (
    ActionItem,
    DipSample,
    Finding,
    FlagRecord,
    Period,
    ScheduledCheck,
    Source,
    ThematicReview,
    YouSaidWeDid,
    not_recorded,
)


def suppression_threshold() -> int:
    """The fewest respondents a figure may stand for (``SUPPRESSION_THRESHOLD``, default 5)."""
    return int(current_app.config.get("SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD))


def visit_findings(period: Period) -> Source[Finding]:
    """Particularly good or adverse findings of Reg 44 visits in the period."""
    return not_recorded()


def qpag_actions() -> Source[ActionItem]:
    """Every action on the QPAG tracker, open or done."""
    return not_recorded()


def you_said_we_did(period: Period) -> Source[YouSaidWeDid]:
    """The "you said, we did" entries for the period."""
    return not_recorded()


def safeguarding_flags(period: Period) -> Source[FlagRecord]:
    """When possible disclosures were flagged and reviewed (never what they said)."""
    return not_recorded()


def thematic_reviews(period: Period) -> Source[ThematicReview]:
    """Thematic reviews completed in the period."""
    return not_recorded()


def dip_samples(period: Period) -> Source[DipSample]:
    """Dip samples requested or reported on in the period."""
    return not_recorded()


def qa_schedule(period: Period) -> Source[ScheduledCheck]:
    """Occurrences of QA activities due in the period, done or not."""
    return not_recorded()


def record_report_generated(kind: str, fmt: str, scope: str, origin: str) -> None:
    """Note that a report was built; the audit log takes this over when staff accounts land."""
    current_app.logger.info("report built: %s (%s) for %s, from the %s", kind, fmt, scope, origin)
