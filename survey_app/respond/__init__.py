"""The respondent journey: code → welcome → pages → open question → (safety) → thank you.

The blueprint lives in views.py (the safety page adds its routes to it in safety.py); nothing is
imported here, so that using a small module such as `respond.codes` never loads the views.
"""
