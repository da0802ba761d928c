"""Running real review sessions on a fake clock, answering each part by a given rule."""

from __future__ import annotations

from collections.abc import Callable

from interview_sim.engine.session import Session
from interview_sim.engine.transcript import PartRecord
from interview_sim.review.cards import all_cards
from interview_sim.review.due import build_review_session, review_queue
from interview_sim.review.state import ReviewState, load_state, utc
from interview_sim.store.sessions import SessionStore

Answers = Callable[[PartRecord], list[str]]  # the texts typed for a part, in order


def right(part: PartRecord) -> list[str]:
    return [part.expected]


def review_once(
    store: SessionStore, clock, answers: Answers, exam_seed: int, new_cap: int = 2
) -> tuple[Session | None, ReviewState]:
    """Load (and sync) the state, run one review session of what is due, finish it."""
    state, _ = load_state(store.root, store.transcripts()[0], clock)
    queue = review_queue(state, all_cards(), utc(clock()), new_cap)
    if not queue.cards:
        return None, state
    session = store.create(build_review_session(queue, state, exam_seed, clock))
    session.start()
    for question in session.transcript.questions:
        session.goto(question.slot)
        for part in question.parts:
            for text in answers(part):
                if part.locked or session.attempts_left(question.slot, part.id) == 0:
                    break
                session.check(question.slot, part.id, text)
        clock.advance(20)
    session.finish()
    store.release(session.transcript.id)
    return session, state
