"""The kinds of disclosure the detector looks for, and who may be answering."""

from __future__ import annotations

from types import MappingProxyType

CATEGORY_LABELS = MappingProxyType(
    {
        "sexual_abuse": "Sexual abuse or sexual exploitation",
        "online_grooming": "Online grooming",
        "criminal_exploitation": "Criminal exploitation (county lines, carrying, debts)",
        "self_harm": "Self-harm or suicidal thoughts",
        "going_missing": "Going missing",
        "neglect": "Neglect",
        "bullying": "Bullying",
        "threats_extortion": "Threats or extortion",
        "feeling_unsafe": "Feeling unsafe",
        "staff_allegation": "Allegation against a member of staff (LADO)",
        "family_contact_harm": "Harm at family contact",
        "unexplained_injury": "Unexplained injury",
        "physical_abuse": "Physical abuse by an adult",
        "emotional_abuse": "Emotional abuse (put down, humiliated, controlled, threatened)",
    }
)
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_LABELS)
AUDIENCES: tuple[str, ...] = ("young_people", "professionals", "families", "staff")
