"""Simulated months on a fake clock: due dates move as FSRS says, and the interview plan reaches
its target. The learner model recalls a card with a known exponential curve whose time constant
grows with each success, independent of FSRS's own model."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from fsrs import Card, Rating, State
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_sim.review.cards import CardInfo
from interview_sim.review.due import end_of_day, review_queue
from interview_sim.review.plan import (
    TARGET,
    PlanError,
    make_plan,
    noon,
    parse_plan_date,
    planned_reviews,
    project_review_cards,
)
from interview_sim.review.recall import recall_at
from interview_sim.review.state import CardState, ReviewState, make_scheduler

START = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
CARDS = [CardInfo(f"c{i:02d}", ("calculus", "bayesian")[i % 2], f"Card {i}") for i in range(40)]


class Learner:
    """P(recall) = exp(-days / tau); tau starts at 2 days, ×2.5 on a success, ÷2 on a lapse."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.tau: dict[str, float] = {}
        self.seen: dict[str, datetime] = {}

    def answer(self, card_id: str, now: datetime) -> Rating:
        tau = self.tau.get(card_id, 2.0)
        last = self.seen.get(card_id)
        p = 0.0 if last is None else math.exp(-(now - last).total_seconds() / 86400 / tau)
        recalled = last is not None and self.rng.random() < p
        self.tau[card_id] = tau * 2.5 if recalled else max(1.0, tau / 2)
        self.seen[card_id] = now
        return Rating.Good if recalled else Rating.Again


def simulate(days: int, seed: int = 1, new_cap: int = 5) -> tuple[ReviewState, list[tuple]]:
    """Review whatever is due each morning for ``days`` days; every review is checked against the
    library's own ``review_card`` on the card as it stood."""
    scheduler, state, learner = make_scheduler(), ReviewState(), Learner(seed)
    log = []
    for day in range(days):
        now = START + timedelta(days=day)
        queue = review_queue(state, CARDS, now, new_cap)
        for card in queue.cards:
            before = state.cards.get(card.id)
            assert before is None or before.due < end_of_day(now), "only due cards are shown"
            rating = learner.answer(card.id, now)
            fsrs_card = before.to_fsrs() if before else Card(card_id=0, due=now)
            expected, _ = scheduler.review_card(fsrs_card, rating, now)
            after = state.review(card.id, rating, now, seed=day, scheduler=scheduler)
            assert (after.due, after.stability, after.difficulty) == (
                expected.due,
                expected.stability,
                expected.difficulty,
            )
            log.append((card.id, now, rating, before, after))
    return state, log


@pytest.fixture(scope="module")
def months():
    return simulate(90)


def test_due_dates_move_as_fsrs_says(months):
    state, log = months
    assert len(state.cards) == len(CARDS), "every card was introduced, five a day"
    for _, now, rating, before, after in log:
        assert after.state == State.Review and after.due > now
        if rating == Rating.Again:
            assert before is None or after.stability <= before.stability
        elif before is not None and before.state == State.Review:
            assert after.stability > before.stability, "a success lengthens the memory"
    later = [a.due - now for _, now, r, b, a in log[-200:] if r == Rating.Good and b]
    early = [a.due - now for _, now, r, b, a in log[:60] if r == Rating.Good and b]
    assert np.median(later) > np.median(early), "intervals grow over the months"


def test_new_cards_are_capped_per_day():
    state = ReviewState()
    scheduler = make_scheduler()
    queue = review_queue(state, CARDS, START, 5)
    assert len(queue.new) == 5 and queue.new_waiting == len(CARDS) - 5
    for card in queue.new[:3]:
        state.review(card.id, Rating.Good, START, None, scheduler)
    later = review_queue(state, CARDS, START + timedelta(hours=2), 5)
    assert len(later.new) == 2, "three of today's five were already introduced"
    tomorrow = review_queue(state, CARDS, START + timedelta(days=1), 5)
    assert len(tomorrow.new) == 5
    counts = queue.per_chapter()
    assert sum(new for _, new in counts.values()) == 5


@pytest.mark.parametrize("ahead", [1, 2, 9, 30])
def test_following_the_plan_reaches_the_target_on_the_day(months, ahead):
    state, _ = months
    scheduler = make_scheduler()
    now = START + timedelta(days=90, hours=3)
    target = (now + timedelta(days=ahead)).date()
    plan = make_plan(state, CARDS, target, now)
    assert [d for d, _ in plan.days] == [now.date() + timedelta(n) for n in range(ahead)]
    total = 0
    for card in CARDS:
        memory = state.cards[card.id]
        moments = planned_reviews(scheduler, memory, now, target)
        fsrs_card = memory.to_fsrs()
        for at in moments:  # the learner follows the plan and recalls
            assert now <= at < noon(target) and at.date() < target
            fsrs_card, _ = scheduler.review_card(fsrs_card, Rating.Good, at)
        assert scheduler.get_card_retrievability(fsrs_card, noon(target)) >= TARGET, card.id
        total += len(moments)
    assert sum(due for _, due in plan.days) == total


def test_the_plan_lists_every_card_weakest_first(months):
    state, _ = months
    now = START + timedelta(days=90)
    plan = make_plan(state, CARDS + [CardInfo("never", "calculus", "Unseen")], now.date(), now)
    recalls = [c.predicted_recall for c in plan.cards]
    assert recalls == sorted(recalls) and len(plan.cards) == len(CARDS) + 1
    assert plan.cards[0].id == "never" and recalls[0] == 0.0
    assert plan.days == [], "an interview today leaves no day to plan"
    data = plan.to_json()
    assert set(data) == {"date", "cards", "days"}
    assert set(data["cards"][0]) == {"id", "chapter", "predicted_recall"}


memories = st.builds(
    lambda s, d, ago, over: CardState(
        state=2,
        step=None,
        stability=s,
        difficulty=d,
        due=START - timedelta(days=ago) + timedelta(days=over),
        last_review=START - timedelta(days=ago),
        first_review=START - timedelta(days=ago + 3),
        last_seed=None,
    ),
    st.floats(0.01, 400),
    st.floats(1, 10),
    st.floats(0, 200),
    st.floats(0, 400),
)


@settings(max_examples=300)
@given(st.lists(memories, min_size=1, max_size=8), st.integers(0, 60), st.floats(0, 0.99))
def test_the_vectorised_projection_equals_the_library_card_by_card(cards, ahead, hour):
    scheduler = make_scheduler()
    now = START + timedelta(days=hour)
    target = now.date() + timedelta(days=ahead)
    index, days = project_review_cards(scheduler, cards, now, target)
    for i, memory in enumerate(cards):
        library = [at.date().toordinal() for at in planned_reviews(scheduler, memory, now, target)]
        epoch = date(1970, 1, 1).toordinal()
        assert sorted(days[index == i] + epoch) == library


@given(memories, st.floats(0, 500))
def test_recall_equals_the_library(memory, later):
    scheduler = make_scheduler()
    when = START + timedelta(days=later)
    expected = scheduler.get_card_retrievability(memory.to_fsrs(), when)
    assert recall_at(scheduler, memory, when) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "not a calendar date"),
        ("next friday", "expected YYYY-MM-DD"),
        ("20260401", "expected YYYY-MM-DD"),
        ("2026-4-1", "expected YYYY-MM-DD"),
        ("2026-03-01", "in the past"),
    ],
)
def test_plan_dates_are_checked(text, message):
    with pytest.raises(PlanError, match=message):
        parse_plan_date(text, START.date())


def test_today_and_later_are_accepted():
    assert parse_plan_date(" 2026-03-02 ", START.date()) == START.date()
    assert parse_plan_date("2027-01-31", START.date()) == date(2027, 1, 31)
