"""Predicted recall (FSRS retrievability) for many cards at once, cheaply.

``fsrs.Scheduler.get_card_retrievability`` needs an ``fsrs.Card`` per call (about 6 µs with the
object built); the plan asks for 10,000 at a time, so this evaluates the scheduler's own forgetting
curve, R = (1 + factor·t/S)^decay with t in whole elapsed days and decay = −parameters[20], on the
stored numbers. tests/review/test_recall.py checks it equals the library's value.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from fsrs import Scheduler

from interview_sim.review.state import CardState, ReviewState, make_scheduler


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


PRACTICE_FLOOR = 0.1  # a card you surely remember still comes up in practice now and then


def practice_weights(state: ReviewState, now: datetime) -> dict[str, float]:
    """Practice draw weights: 1 − predicted recall now for each reviewed card, at least
    ``PRACTICE_FLOOR``; cards never reviewed have no weight here and are drawn at weight 1, so
    someone who never uses review practises every family equally often."""
    scheduler = make_scheduler()
    return {
        card_id: max(PRACTICE_FLOOR, 1.0 - recall_at(scheduler, memory, now))
        for card_id, memory in state.cards.items()
    }


def practice_weights_for(store: Any, clock: Callable[[], float] = time.time) -> dict[str, float]:
    """``practice_weights`` now, from a session store's data dir. Read-only: a damaged or stale
    state file is left for ``review``/``stats`` to report and repair; practice uses a rebuild."""
    from interview_sim.review.state import StateError, read_state, rebuild, state_path, utc

    transcripts = store.transcripts(clock)[0]
    try:
        state = read_state(state_path(store.root))
        state.sync(transcripts)
    except (OSError, StateError):
        state = rebuild(transcripts)
    return practice_weights(state, utc(clock()))
