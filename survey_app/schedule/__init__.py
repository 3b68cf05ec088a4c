"""Pure scheduling rules: working-day deadlines, theme rotation and the §7.1 QA schedule."""
