"""Ratings from verdicts: each documented rule, on hand-built records and on real sessions."""

from __future__ import annotations

from typing import Any

import pytest
from fsrs import Rating
from hypothesis import given
from hypothesis import strategies as st

from interview_sim.engine.transcript import PartRecord, QuestionRecord
from interview_sim.review import ratings
from interview_sim.review.ratings import fast_threshold, rate, rating_from_rubric
from interview_sim.store.sessions import SessionStore
from tests.engine.helpers import FakeClock, wrong_text
from tests.review.helpers import review_once


def verdict(status: str) -> dict[str, Any]:
    return {"verdict": status, "message": "", "credit": 0.0}


def part(tries: list[str], kind: str = "real", weight: float = 1.0, score: float = 0.0):
    """A part whose counted attempts had these verdicts (the last one is final)."""
    attempts = [{"text": "x", "verdict": verdict(s), "at": 1.0} for s in tries]
    return PartRecord(
        id=f"p{len(tries)}{kind}{weight}",
        kind=kind,
        prompt="",
        expected="1",
        expected_value=1,
        accepted="",
        hint="",
        weight=weight,
        text="x" if tries else None,
        attempts=attempts,
        final=verdict(tries[-1]) if tries else None,
        score=score,
    )


def question(*parts: PartRecord, seconds: float = 30.0) -> QuestionRecord:
    return QuestionRecord(
        slot=0,
        section="s",
        family="fam",
        version=1,
        seed=1,
        title="t",
        chapter="calculus",
        params={},
        statement="",
        solution="",
        parts=list(parts),
        time_spent=seconds,
    )


def test_right_at_the_first_attempt_is_good_and_easy_only_when_fast():
    q = question(part(["correct"]), part(["correct"]), seconds=20)
    assert rate(q) == Rating.Good, "no history yet: nothing counts as fast"
    assert rate(q, fast_below=30) == Rating.Easy
    assert rate(q, fast_below=20) == Rating.Good, "fast is strictly below the median"
    assert rate(q, fast_below=10) == Rating.Good


def test_right_after_a_retry_is_hard_even_when_fast():
    q = question(part(["incorrect", "correct"]), part(["correct"]), seconds=5)
    assert rate(q, fast_below=60) == Rating.Hard


def test_partial_credit_is_hard_from_half_the_weight_and_again_below():
    assert rate(question(part(["correct"], weight=2), part(["incorrect"]))) == Rating.Hard
    assert rate(question(part(["correct"]), part(["mistake"]))) == Rating.Hard
    assert rate(question(part(["correct"]), part(["mistake"], weight=2))) == Rating.Again


@pytest.mark.parametrize("final", [["incorrect"], ["mistake"], ["incorrect", "mistake", "mistake"]])
def test_wrong_or_a_recognised_mistake_is_again(final):
    assert rate(question(part(final))) == Rating.Again


def test_nothing_counted_never_rates():
    assert rate(question(part([]))) is None, "unanswered, or only invalid input (no attempt)"
    assert rate(question()) is None


def test_a_part_left_blank_beside_answered_parts_counts_as_not_known():
    assert rate(question(part(["correct"]), part([]), part([]))) == Rating.Again


@given(st.floats(min_value=0, max_value=1))
def test_explain_parts_rate_from_the_rubric_fraction(fraction):
    q = question(part(["correct"], kind="explain", score=fraction))
    expected = (
        Rating.Good
        if fraction >= ratings.RUBRIC_GOOD
        else Rating.Hard
        if fraction >= ratings.RUBRIC_HARD
        else Rating.Again
    )
    assert rate(q) == rating_from_rubric(fraction) == expected


@given(st.floats(0, 1), st.floats(0, 1))
def test_rubric_rating_never_drops_when_the_score_rises(a, b):
    low, high = sorted((a, b))
    assert rating_from_rubric(low) <= rating_from_rubric(high)


@given(st.lists(st.floats(min_value=0.1, max_value=600), max_size=12))
def test_fast_means_below_the_familys_own_median_once_there_is_history(times):
    threshold = fast_threshold(times)
    if len(times) < ratings.FAST_HISTORY:
        assert threshold is None
    else:
        below = sum(t < threshold for t in times)
        above = sum(t > threshold for t in times)
        assert below <= len(times) / 2 and above <= len(times) / 2


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (lambda p: [p.expected], Rating.Good),
        (lambda p: [wrong_text(p), p.expected], Rating.Hard),
        (lambda p: [wrong_text(p)] * 3, Rating.Again),
        (lambda p: ["@@ ?"], None),  # unreadable: invalid, never an attempt, never a rating
    ],
)
def test_real_review_sessions_rate_as_documented(tmp_path, answers, expected):
    store, clock = SessionStore(tmp_path), FakeClock()
    session, _ = review_once(store, clock, answers, exam_seed=4, new_cap=3)
    assert session is not None and len(session.transcript.questions) == 3
    for q in session.transcript.questions:
        assert rate(q) == expected, (q.family, [p.attempts for p in q.parts])
