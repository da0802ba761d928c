"""The interview-date plan: predicted recall of every card on the day, and the reviews until then.

Predicted recall on the date is what the scheduler's forgetting curve gives if nothing more is
reviewed (noon UTC on that day); a card never reviewed has none (0). The day-by-day load follows
FSRS: each studied card whose recall on the date would fall below ``TARGET`` is reviewed when it
comes due (today if overdue), assuming it is then recalled (rated Good), and again whenever the
next due date still falls on or before the interview, until its recall on the day is at least
``TARGET``. No review is planned on the day itself: a card that would come due then is reviewed
the day before. Cards never studied are not planned; `interview-sim review` introduces them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

import numpy as np
from fsrs import Rating, Scheduler, State
from fsrs.scheduler import MAX_DIFFICULTY, MIN_DIFFICULTY, STABILITY_MIN

from interview_sim.review.cards import CardInfo
from interview_sim.review.recall import recall_at, recall_curve
from interview_sim.review.state import CardState, ReviewState, make_scheduler

TARGET = 0.9
MAX_REVIEWS_PER_CARD = 30
DAY = 86400.0  # a safety bound; FSRS needs a handful even for a fresh card


class PlanError(ValueError):
    """A plan date that cannot be used (the message says what to type instead)."""


def parse_plan_date(text: str, today: date) -> date:
    """The interview date from ``YYYY-MM-DD``: a real calendar day, today or later."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise PlanError(
            f"could not read the date {text!r}: expected YYYY-MM-DD, e.g. {today + timedelta(30)}"
        )
    try:
        day = date.fromisoformat(text.strip())
    except ValueError as error:
        raise PlanError(f"{text!r} is not a calendar date ({error}); expected YYYY-MM-DD") from None
    if day < today:
        raise PlanError(f"{day} is in the past (today is {today}): give the interview date")
    return day


class CardRecall(NamedTuple):
    id: str
    chapter: str
    predicted_recall: float


@dataclass(frozen=True)
class Plan:
    date: date
    cards: list[CardRecall]  # every card, weakest first
    days: list[tuple[date, int]]  # today .. the day before the interview: reviews due

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "cards": [
                {"id": c.id, "chapter": c.chapter, "predicted_recall": c.predicted_recall}
                for c in self.cards
            ],
            "days": [{"date": day.isoformat(), "due": due} for day, due in self.days],
        }


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def planned_reviews(
    scheduler: Scheduler, memory: CardState, now: datetime, target: date
) -> list[datetime]:
    """When to review one card so its recall on ``target`` reaches TARGET (each assumed Good)."""
    on_the_day = noon(target)
    if recall_at(scheduler, memory, on_the_day) >= TARGET:
        return []
    last_day = target - timedelta(days=1)
    if last_day < now.date():
        return []  # the interview is today: nothing can be planned any more
    card, moments = memory.to_fsrs(), []
    while len(moments) < MAX_REVIEWS_PER_CARD:
        at = max(card.due, now)
        if at.date() > last_day:  # due on the day itself or later: review the day before
            if moments and moments[-1].date() == last_day:
                break  # already reviewed the day before: nothing more can be planned
            at = max(noon(last_day), now)
        card, _ = scheduler.review_card(card, Rating.Good, at)
        moments.append(at)
        if scheduler.get_card_retrievability(card, on_the_day) >= TARGET:
            break
    return moments


def project_review_cards(
    scheduler: Scheduler, memories: list[CardState], now: datetime, target: date
) -> tuple[np.ndarray, np.ndarray]:
    """``planned_reviews`` for many cards in the Review state at once: two arrays, the index (in
    ``memories``) of the card of each planned review and its UTC day number (days since 1970).

    The plan has to answer for 10,000 cards in well under 50 ms, and ``Scheduler.review_card``
    costs about 25 µs a call, so this evaluates the same Good-rating update with numpy over all
    cards together: the scheduler's own parameters, clamps, day rounding and short-term branch.
    tests/review/test_plan.py checks it against ``planned_reviews`` (the library) card by card;
    Learning and Relearning cards (minute steps) always go through the library.
    """
    w = np.asarray(scheduler.parameters, dtype=float)
    decay, factor = recall_curve(scheduler)
    per_stability = (scheduler.desired_retention ** (1 / decay) - 1) / factor
    easy_difficulty = w[4] - math.exp(w[5] * 3) + 1  # the mean-reversion anchor, unclamped
    stability = np.array([m.stability for m in memories], dtype=float)
    difficulty = np.array([m.difficulty for m in memories], dtype=float)
    last = np.array([m.last_s for m in memories], dtype=float)
    due = np.array([m.due_s for m in memories], dtype=float)
    now_s, last_noon = now.timestamp(), noon(target - timedelta(days=1)).timestamp()
    on_the_day, last_day = noon(target).timestamp(), _day(last_noon)

    def recall(at: float | np.ndarray, s: np.ndarray, prev: np.ndarray) -> np.ndarray:
        elapsed = np.maximum(0.0, np.floor((at - prev) / DAY))
        return (1 + factor * elapsed / s) ** decay

    cards_out: list[np.ndarray] = []
    days_out: list[np.ndarray] = []
    active = recall(on_the_day, stability, last) < TARGET
    if last_day < _day(now_s):
        active[:] = False
    reviewed_last_day = np.zeros(len(memories), dtype=bool)
    for _ in range(MAX_REVIEWS_PER_CARD):
        (index,) = np.nonzero(active)
        if not len(index):
            break
        at = np.maximum(due[index], now_s)
        pulled = np.floor(at / DAY) > last_day
        stuck = pulled & reviewed_last_day[index]
        active[index[stuck]] = False
        keep = ~stuck
        index, at, pulled = index[keep], at[keep], pulled[keep]
        at = np.where(pulled, max(last_noon, now_s), at)
        s, d, prev = stability[index], difficulty[index], last[index]
        elapsed = np.maximum(0.0, np.floor((at - prev) / DAY))
        r = recall(at, s, prev)
        long_term = s * (1 + math.exp(w[8]) * (11 - d) * s ** -w[9] * (np.exp((1 - r) * w[10]) - 1))
        short_term = s * np.maximum(math.exp(w[17] * w[18]) * s ** -w[19], 1.0)
        s = np.maximum(np.where(elapsed < 1, short_term, long_term), STABILITY_MIN)
        d = np.clip(w[7] * easy_difficulty + (1 - w[7]) * d, MIN_DIFFICULTY, MAX_DIFFICULTY)
        interval = np.clip(np.round(s * per_stability), 1, scheduler.maximum_interval)
        stability[index], difficulty[index], last[index] = s, d, at
        due[index] = at + interval * DAY
        days = np.floor(at / DAY).astype(int)
        reviewed_last_day[index] |= days == last_day
        cards_out.append(index)
        days_out.append(days)
        active[index] = recall(on_the_day, s, at) < TARGET
    if not cards_out:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    return np.concatenate(cards_out), np.concatenate(days_out)


def _day(seconds: float) -> int:
    return int(seconds // DAY)


def make_plan(state: ReviewState, cards: list[CardInfo], target: date, now: datetime) -> Plan:
    scheduler = make_scheduler()
    decay, factor = recall_curve(scheduler)
    on_the_day = noon(target).timestamp()
    known = state.cards
    studied = [(card, known[card.id]) for card in cards if card.id in known]
    stability = np.array([m.stability for _, m in studied], dtype=float)
    last = np.array([m.last_s for _, m in studied], dtype=float)
    elapsed = np.maximum(0.0, np.floor((on_the_day - last) / DAY))
    recall = (1 + factor * elapsed / stability) ** decay  # as recall_at, for all cards at once
    ranked = [(0.0, card.id, card.chapter) for card in cards if card.id not in known]
    ranked += [
        (r, card.id, card.chapter) for r, (card, _) in zip(recall.tolist(), studied, strict=True)
    ]
    ranked.sort()
    weak = np.nonzero(recall < TARGET)[0].tolist()
    in_review = [studied[i][1] for i in weak if studied[i][1].state == State.Review]
    stepping = [studied[i][1] for i in weak if studied[i][1].state != State.Review]
    epoch = _day(datetime.combine(now.date(), time(), UTC).timestamp())
    load = np.zeros(max(0, (target - now.date()).days), dtype=int)
    if in_review:
        _, days = project_review_cards(scheduler, in_review, now, target)
        np.add.at(load, days - epoch, 1)
    for memory in stepping:  # Learning/Relearning: only in states written with minute steps
        for at in planned_reviews(scheduler, memory, now, target):
            load[(at.date() - now.date()).days] += 1
    today = now.date()
    return Plan(
        target,
        [CardRecall(card_id, chapter, r) for r, card_id, chapter in ranked],
        [(today + timedelta(n), int(due)) for n, due in enumerate(load.tolist())],
    )
