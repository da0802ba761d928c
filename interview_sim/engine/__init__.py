"""The session engine: presets, exam building, rules, clock, attempts, scoring. No UI imports."""
