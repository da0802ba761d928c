"""Self-assessment of an explain answer: the candidate ticks the rubric points they covered.

No rule can grade free prose, so the candidate compares their own words with the model answer and
scores themselves; the score is the weighted fraction of points ticked and is always labelled
*self-assessed*, never passed off as a checked verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from fractions import Fraction

from interview_sim.answers import verdict as v

LABEL = "self-assessed"


class TickError(ValueError):
    """Ticks that do not name rubric points (the message says which numbers are valid)."""


def read_ticks(text: str, points: int) -> list[int]:
    """Typed point numbers ("1 3 4", "1,3", "" or "none") as sorted 0-based indices."""
    words = [w for w in re.split(r"[\s,;]+", text.strip()) if w]
    if words in ([], ["none"], ["0"]):
        return []
    if words == ["all"]:
        return list(range(points))
    ticks = set()
    for word in words:
        if not word.isdigit() or not 1 <= int(word) <= points:
            raise TickError(
                f'could not read "{word}": type the numbers of the points you covered '
                f"(1–{points}, e.g. 1 3), 'all' or 'none'"
            )
        ticks.add(int(word) - 1)
    return sorted(ticks)


def rubric_fraction(weights: Sequence[int], ticked: Iterable[int]) -> Fraction:
    """The weighted fraction of the rubric ticked (each point counted once)."""
    total = sum(weights)
    chosen = {index for index in ticked if 0 <= index < len(weights)}
    return Fraction(sum(weights[i] for i in chosen), total) if total else Fraction(0)


def self_assessed(weights: Sequence[int], ticked: Iterable[int], expected: str = "") -> v.Verdict:
    """The verdict of a ticked rubric: its credit is the weighted fraction, its label says whose
    judgement it is."""
    ticked = sorted(set(ticked))
    credit = rubric_fraction(weights, ticked)
    message = (
        f"{LABEL}: {len(ticked)} of {len(weights)} points covered "
        f"({float(credit):.0%} of the weight)"
    )
    return v.Verdict(v.SELF_ASSESSED, message, credit=credit, expected=expected)


def pending(expected: str = "") -> v.Verdict:
    return v.Verdict(
        v.PENDING,
        "answer kept: compare it with the model answer and tick the points you covered",
        expected=expected,
    )
