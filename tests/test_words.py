"""Counts read as words: one attempt, two attempts."""

import pytest

from interview_sim.words import counted


@pytest.mark.parametrize(
    ("count", "noun", "plural", "text"),
    [
        (1, "attempt", None, "1 attempt"),
        (0, "attempt", None, "0 attempts"),
        (3, "new card", None, "3 new cards"),
        (2, "day", None, "2 days"),
        (2, "analysis", "analyses", "2 analyses"),
    ],
)
def test_counted_agrees_in_number(count, noun, plural, text):
    assert counted(count, noun, plural) == text
