"""Predicted recall (FSRS retrievability) for many cards at once, cheaply.

``fsrs.Scheduler.get_card_retrievability`` needs an ``fsrs.Card`` per call (about 6 µs with the
object built); the plan asks for 10,000 at a time, so this evaluates the scheduler's own forgetting
curve, R = (1 + factor·t/S)^decay with t in whole elapsed days and decay = −parameters[20], on the
stored numbers. tests/review/test_recall.py checks it equals the library's value.
"""

from __future__ import annotations

from datetime import datetime

from fsrs import Scheduler

from interview_sim.review.state import CardState


def recall_curve(scheduler: Scheduler) -> tuple[float, float]:
    """(decay, factor) of the scheduler's forgetting curve."""
    decay = -scheduler.parameters[20]
    return decay, 0.9 ** (1 / decay) - 1


def recall_at(scheduler: Scheduler, card: CardState, when: datetime) -> float:
    """The probability of recalling the card at ``when`` (0 for a card never reviewed)."""
    if card.last_review is None or card.stability is None:
        return 0.0
    decay, factor = recall_curve(scheduler)
    elapsed = max(0, (when - card.last_review).days)
    return (1 + factor * elapsed / card.stability) ** decay
