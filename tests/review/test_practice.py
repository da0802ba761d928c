"""Practice draws by FSRS: forgotten cards more often, and everything equally without review."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from fsrs import Rating

from interview_sim.engine.build import pick_adaptive, section_pool
from interview_sim.engine.presets import find_preset
from interview_sim.engine.session import Session
from interview_sim.registry import all_families
from interview_sim.review.recall import PRACTICE_FLOOR, practice_weights, practice_weights_for
from interview_sim.review.state import ReviewState, make_scheduler, save_state, state_path, utc
from interview_sim.store.sessions import SessionStore
from tests.engine.helpers import FakeClock


def draws(weights) -> Counter:
    """The families practice draws over 64 slots per family of its pool.

    A short session checks that practice draws each added question with ``pick_adaptive``; the
    counts then come from ``pick_adaptive`` alone, slot by slot, without building hundreds of
    variants. The sample grows with the pool, so the relative bounds below keep holding as
    families are added (240 draws over 30 families left ~8 per family, too few for them)."""
    session = Session.create(find_preset("practice"), 8, clock=FakeClock(), weights=weights)
    session.start()
    for _ in range(5):
        session.add_question()
    t = session.transcript
    pool = section_pool(session.preset.sections[0].families, t.chapter, t.family)
    added = range(1, len(t.questions))
    assert [t.questions[slot].family for slot in added] == [
        pick_adaptive(pool, t.exam_seed, slot, session.weights) for slot in added
    ]
    return Counter(
        pick_adaptive(pool, t.exam_seed, slot, session.weights) for slot in range(64 * len(pool))
    )


def test_without_review_every_family_comes_up_about_equally():
    counts = draws(None)
    families = [f.id for f in all_families()]
    assert set(counts) == set(families)
    expected = sum(counts.values()) / len(families)
    assert all(0.4 * expected < counts[f] < 1.8 * expected for f in families), counts


def test_a_forgotten_card_comes_up_more_than_a_fresh_one():
    scheduler, state = make_scheduler(), ReviewState()
    now = utc(FakeClock()())
    families = [f.id for f in all_families()]
    forgotten, fresh = families[0], families[1]
    state.review(forgotten, Rating.Again, now - timedelta(days=40), None, scheduler)
    state.review(fresh, Rating.Easy, now - timedelta(hours=1), None, scheduler)
    weights = practice_weights(state, now)
    assert weights[fresh] == PRACTICE_FLOOR, "just reviewed and easy: recall ~1"
    assert weights[forgotten] > 0.5
    counts = draws(weights)
    assert counts[forgotten] > 3 * counts[fresh]


def test_practice_never_repairs_or_rewrites_a_damaged_state(tmp_path):
    store = SessionStore(tmp_path)
    path = state_path(tmp_path)
    save_state(tmp_path, ReviewState())
    path.write_bytes(b"{broken")
    assert practice_weights_for(store) == {}
    assert path.read_bytes() == b"{broken", "left for review/stats to report"
