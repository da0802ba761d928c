"""Practice draws by FSRS: forgotten cards more often, and everything equally without review."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from fsrs import Rating

from interview_sim.engine.build import pick_adaptive
from interview_sim.engine.presets import find_preset
from interview_sim.engine.session import Session
from interview_sim.registry import all_families
from interview_sim.review.recall import PRACTICE_FLOOR, practice_weights, practice_weights_for
from interview_sim.review.state import ReviewState, make_scheduler, save_state, state_path, utc
from interview_sim.store.sessions import SessionStore
from tests.engine.helpers import FakeClock


def draws(pool: list[str], weights, n: int = 2000) -> Counter:
    """Picks from a fixed pool, so the shares do not depend on how many families exist."""
    return Counter(pick_adaptive(pool, 8, slot, weights or {}) for slot in range(n))


def test_without_review_every_family_weighs_the_same(tmp_path):
    assert practice_weights_for(SessionStore(tmp_path)) == {}, "no state: no weights at all"
    counts = draws(["a", "b", "c", "d"], None)
    assert all(400 < counts[f] < 600 for f in "abcd"), counts  # 500 ± 5 sd


def test_practice_sessions_draw_every_family_without_review():
    session = Session.create(find_preset("practice"), 8, clock=FakeClock(), weights=None)
    session.start()
    for _ in range(29):
        session.add_question()
    assert {q.family for q in session.transcript.questions} <= {f.id for f in all_families()}


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
    counts = draws([forgotten, fresh], weights)
    assert counts[forgotten] > 3 * counts[fresh]


def test_practice_never_repairs_or_rewrites_a_damaged_state(tmp_path):
    store = SessionStore(tmp_path)
    path = state_path(tmp_path)
    save_state(tmp_path, ReviewState())
    path.write_bytes(b"{broken")
    assert practice_weights_for(store) == {}
    assert path.read_bytes() == b"{broken", "left for review/stats to report"
