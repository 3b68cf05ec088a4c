"""Text analysis of free-text answers: sentiment, themes, anonymising and quotes."""
