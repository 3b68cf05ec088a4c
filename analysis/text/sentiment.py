"""The three sentiment labels every comment gets (see analysis/data/corpus/GUIDE.md)."""

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
SENTIMENTS = (POSITIVE, NEUTRAL, NEGATIVE)
