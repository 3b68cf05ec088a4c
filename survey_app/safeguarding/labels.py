"""Reviewers' decisions as labelled examples, so the detector learns from the service's use.

Each reviewed response with free text becomes one record in the corpus format that
`python -m analysis.train --extra FILE` reads: the words with names, contact details and places
removed, the audience and the label. No ids, homes, rounds or dates go with it.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import or_, select

from analysis import anonymise
from survey_app.extensions import db
from survey_app.models import Answer, Flag
from survey_app.records import known_names

# Flags about the words; an alert answer or a request to talk says nothing about the text.
TEXT_SOURCES = ("free_text", "routine_read")
NO_CONCERN = "no_further_action"


def label_rows() -> Iterator[dict]:
    """One labelled record per reviewed (or marked-missed) response that has free text."""
    decided: dict[int, tuple[str, bool, tuple[str, ...]]] = {}
    stmt = select(Flag).where(or_(Flag.status == "reviewed", Flag.missed_at.is_not(None)))
    for flag in db.session.execute(stmt.order_by(Flag.id)).scalars():
        label = _label(flag)
        if label is None:
            continue
        earlier = decided.get(flag.response_id)
        if earlier is None or (label[0] and not earlier[1]):  # a concern outweighs "no concern"
            decided[flag.response_id] = (flag.audience, *label)
    known = known_names() if decided else None
    for response_id, (audience, concern, categories) in decided.items():
        texts = _texts(response_id)
        if texts:
            yield {
                "text": anonymise(" ".join(texts), known),
                "audience": audience,
                "safeguarding": concern,
                "categories": list(categories),
                "note": "reviewer: should have been flagged" if concern else "reviewer",
            }


def _label(flag: Flag) -> tuple[bool, tuple[str, ...]] | None:
    if flag.missed_at is not None:
        return True, flag.category_ids
    if flag.source not in TEXT_SOURCES or flag.outcome is None:
        return None
    concern = flag.outcome != NO_CONCERN
    return concern, flag.category_ids if concern else ()


def _texts(response_id: int) -> list[str]:
    stmt = (
        select(Answer.text)
        .where(Answer.response_id == response_id, Answer.text.is_not(None))
        .order_by(Answer.id)
    )
    return [t for t in db.session.execute(stmt).scalars() if t.strip()]
