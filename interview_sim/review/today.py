"""Today's review, for the CLI and the TUI alike: the state brought up to date, the queue, and a
session of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from interview_sim.review.cards import all_cards
from interview_sim.review.due import Queue, build_review_session, new_per_day, review_queue
from interview_sim.review.state import ReviewState, load_state, utc


@dataclass(frozen=True)
class Today:
    state: ReviewState
    queue: Queue
    cap: int  # new cards allowed a day
    notes: list[str]  # problems to show: damaged sessions or state (kept, never hidden)


def today(store: Any, clock: Callable[[], float], new_cap: int | None = None) -> Today:
    """Raises ``ReviewSettingsError`` for an unusable settings file or a negative ``new_cap``."""
    transcripts, errors = store.transcripts(clock)  # settle by the same clock as the app
    state, notes = load_state(store.root, transcripts, clock)
    cap = new_per_day(store.root, new_cap)
    queue = review_queue(state, all_cards(), utc(clock()), cap)
    return Today(state, queue, cap, errors + notes)


def start_review(store: Any, clock: Callable[[], float], seed: int, plan: Today) -> Any:
    """Create and save a review session of today's queue (locked for this process)."""
    return store.create(build_review_session(plan.queue, plan.state, seed, clock))
