"""What a pre-visit pack can tell the visitor without a single count: the themes people raised
and how they changed since the last visit, anonymised quotes, and questions to ask.

In a home of three to five children every count is suppressed; this is what is left that
identifies no one. It never counts comments or respondents: a theme is raised or not.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.reports.model import AUDIENCE_NAMES, ThemeRaised, VisitorBrief, comment_theme_name
from analysis.text.anonymise import NO_KNOWN_NAMES, KnownNames
from analysis.text.comments import analyse_comment
from analysis.text.quotes import select_quotes
from analysis.text.sentiment import NEGATIVE, POSITIVE

NEW, AGAIN, DROPPED = "new since the last visit", "raised again", "no longer raised"
MAX_QUESTIONS = 6
CONCERN = "a concern raised"
# Open questions a visitor can put to young people about a theme they raised (§7.1: the
# visitor speaks to the young people); other audiences' themes are put to the manager.
ASK_YOUNG_PEOPLE = {
    "safety": "How safe do you feel here, and who would you tell if you did not?",
    "staff_relationships": "Which staff do you get on with, and what is it like when staff change?",
    "being_listened_to": "Tell me about a time you asked for something: what happened?",
    "food": "Who chooses the meals, and can you ask for food you like?",
    "home_environment": "What would you change about your room or the shared rooms?",
    "education": "How is school or college going, and who helps you with it?",
    "health_wellbeing": "How are you feeling lately, and can you see someone when you need to?",
    "family_contact": "Do you see your family and friends as often as you would like?",
    "friends_activities": "What do you do in your free time, and what would you like to do?",
    "independence_future": "What are you learning to do for yourself, and what comes next?",
    "rules_fairness": "Which rules feel unfair to you, and have you been able to say so?",
    "communication": "Do you hear about changes in time, and who tells you?",
    "care_planning": "Do you know what is in your plan, and did you have a say in it?",
    "placement_stability": "How settled do you feel here, and do you know how long you will stay?",
}


def visitor_brief(
    audience: str,
    round_theme: str,
    latest: Sequence[str],
    before: Sequence[str],
    threshold: int,
    known: KnownNames = NO_KNOWN_NAMES,
) -> VisitorBrief:
    """The brief from the latest round's comments and the round before's (flagged ones never
    quoted)."""
    now, then = _themes(latest, audience), _themes(before, audience)
    raised = [ThemeRaised(t, comment_theme_name(t), _change(t, then), now[t]) for t in now]
    raised += [ThemeRaised(t, comment_theme_name(t), DROPPED, "") for t in then if t not in now]
    # One home, whose children the visitor meets: small groups are quoted, names removed.
    chosen = select_quotes(latest, audience, threshold=threshold, one_home=True, known=known)
    quotes = tuple(q for group in chosen for q in group.quotes)
    return VisitorBrief(tuple(raised), quotes, _questions(audience, round_theme, raised))


def _themes(comments: Sequence[str], audience: str) -> dict[str, str]:
    """Each theme the comments raise, with its tone: a concern raised, positive, or mixed."""
    tones: dict[str, set[str]] = {}
    for text in comments:
        found = analyse_comment(text, audience)
        for theme in found.themes:
            tones.setdefault(theme, set()).add(found.sentiment)
    return {theme: _tone(seen) for theme, seen in tones.items()}


def _tone(sentiments: set[str]) -> str:
    if NEGATIVE in sentiments:
        return CONCERN
    return "positive" if sentiments == {POSITIVE} else "mixed or neutral"


def _change(theme: str, before: dict[str, str]) -> str:
    return AGAIN if theme in before else NEW


def _questions(audience: str, round_theme: str, raised: list[ThemeRaised]) -> tuple[str, ...]:
    """Concerns first, then what is new, then the rest; the round's own theme last."""
    current = [t for t in raised if t.change != DROPPED]
    ordered = sorted(current, key=lambda t: (t.tone != CONCERN, t.change != NEW))
    asked = [_question(audience, t) for t in ordered][: MAX_QUESTIONS - 1]
    if audience == "young_people":
        asked.append(f"This round asked about {round_theme.lower()}: what would they add?")
    return tuple(asked)


def _question(audience: str, theme: ThemeRaised) -> str:
    if audience == "young_people":
        return ASK_YOUNG_PEOPLE.get(theme.theme, f"Ask about {theme.name.lower()}.")
    who = AUDIENCE_NAMES[audience].lower()
    follow_up = "what is being done" if theme.tone == CONCERN else "what is working"
    return (
        f"{AUDIENCE_NAMES[audience]} raised {theme.name.lower()} ({theme.tone}): "
        f"ask the manager what they know of it from {who}, and {follow_up}."
    )
