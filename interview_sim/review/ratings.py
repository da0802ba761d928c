"""From verdicts to FSRS ratings: the rules, in one place.

A review is one question (a fresh variant of the card's family). Its rating:

- every part right at the first counted attempt → Good, or Easy when the question also took less
  time than the family's median over earlier first-attempt successes (at least
  ``FAST_HISTORY`` of them; with fewer there is no "fast" yet, so no Easy);
- every part right, but some only after a retry → Hard;
- some parts right, at least half of the question's weight (partial credit) → Hard;
- otherwise (wrong, or a recognised mistake as the final answer) → Again;
- nothing counted (no answer, or only invalid/unverified input, which never costs an attempt)
  → no rating: the card stays due.

Self-scored "explain" parts carry the rubric fraction the user gave themselves (0..1) as their
score: at least ``RUBRIC_GOOD`` → Good, at least ``RUBRIC_HARD`` → Hard, below → Again. A question
mixing kinds uses the weighted credit of all its parts with the same thresholds.
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median

from fsrs import Rating

from interview_sim.engine.transcript import PartRecord, QuestionRecord

SELF_SCORED_KINDS = frozenset({"explain"})  # parts whose score is the user's rubric fraction
RUBRIC_GOOD = 0.9
RUBRIC_HARD = 0.5
PARTIAL_HARD = 0.5  # share of the weight answered right that still counts as "partly known"
FAST_HISTORY = 3


def rating_from_rubric(fraction: float) -> Rating:
    """A self-scored explanation: the share of rubric points the user gave themselves."""
    if fraction >= RUBRIC_GOOD:
        return Rating.Good
    if fraction >= RUBRIC_HARD:
        return Rating.Hard
    return Rating.Again


def fast_threshold(earlier_times: Iterable[float]) -> float | None:
    """Seconds under which an answer counts as fast for a family: the median of its earlier
    first-attempt successes, or None while there are fewer than ``FAST_HISTORY`` of them."""
    times = list(earlier_times)
    return median(times) if len(times) >= FAST_HISTORY else None


def _tried(part: PartRecord) -> bool:
    """Review sessions check every answer as it is given, so counted attempts are the evidence;
    the final verdict alone is not (grading marks untouched or unreadable parts "not answered")."""
    if part.kind in SELF_SCORED_KINDS:
        return part.final is not None
    return bool(part.attempts)


def _right(part: PartRecord) -> bool:
    return bool(part.final) and part.final.get("verdict") == "correct"


def right_first_time(question: QuestionRecord) -> bool:
    """Every part right at its first counted attempt (what a "fast" time is measured on)."""
    return all(
        _right(p) and len(p.attempts) <= 1 and p.kind not in SELF_SCORED_KINDS
        for p in question.parts
    )


def rate(question: QuestionRecord, fast_below: float | None = None) -> Rating | None:
    """The rating of one reviewed question, or None when nothing was counted (see the module)."""
    parts = question.parts
    if not parts or not any(_tried(p) for p in parts):
        return None
    total = sum(p.weight for p in parts) or 1.0
    if any(p.kind in SELF_SCORED_KINDS for p in parts):
        credit = sum(
            p.weight * (p.score if p.kind in SELF_SCORED_KINDS else float(_right(p))) for p in parts
        )
        return rating_from_rubric(credit / total)
    if all(_right(p) for p in parts):
        if right_first_time(question):
            fast = fast_below is not None and question.time_spent < fast_below
            return Rating.Easy if fast else Rating.Good
        return Rating.Hard
    share = sum(p.weight for p in parts if _right(p)) / total
    return Rating.Hard if share >= PARTIAL_HARD else Rating.Again
