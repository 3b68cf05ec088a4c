"""The report's fourteen themes; the guide (analysis/data/corpus/GUIDE.md) says what each covers."""

THEMES = (
    "safety",
    "staff_relationships",
    "being_listened_to",
    "food",
    "home_environment",
    "education",
    "health_wellbeing",
    "family_contact",
    "friends_activities",
    "independence_future",
    "rules_fairness",
    "communication",
    "care_planning",
    "placement_stability",
)
