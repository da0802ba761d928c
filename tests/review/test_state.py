"""The scheduler state file: round trip, validation, damaged-state recovery, rebuild from the
transcripts, and a fresh seed at every review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_sim.review.cards import all_cards
from interview_sim.review.due import build_review_session, fresh_seed_for, review_queue
from interview_sim.review.state import (
    StateError,
    load_state,
    read_state,
    rebuild,
    save_state,
    state_path,
    utc,
)
from interview_sim.seeds import derive_seed
from interview_sim.store.sessions import SessionStore
from tests.engine.helpers import FakeClock, wrong_text
from tests.review.helpers import review_once, right

DAY = 86400


def wrong_then_right(part):
    return [wrong_text(part), part.expected]


def several_days(tmp_path: Path, days: int = 4) -> tuple[SessionStore, FakeClock]:
    store, clock = SessionStore(tmp_path / "data"), FakeClock()
    rules = [right, wrong_then_right, lambda p: [wrong_text(p)] * 3, right]
    for day in range(days):
        review_once(store, clock, rules[day % len(rules)], exam_seed=100 + day)
        clock.advance(2 * DAY)
    return store, clock


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> tuple[SessionStore, FakeClock]:
    return several_days(tmp_path_factory.mktemp("history"))


def test_state_round_trips_through_its_file(history, tmp_path):
    store, clock = history
    state, _ = load_state(store.root, store.transcripts()[0], clock)
    assert state.cards, "the sessions reviewed cards"
    save_state(tmp_path, state)
    again = read_state(state_path(tmp_path))
    assert again.cards == state.cards
    assert (again.applied, again.applied_until) == (state.applied, state.applied_until)


def test_the_saved_state_equals_a_rebuild_from_the_transcripts(history):
    store, clock = history
    transcripts = store.transcripts()[0]
    saved = read_state(state_path(store.root))
    saved.sync(transcripts)  # the last session finished after the last load
    assert saved.cards == rebuild(transcripts).cards
    ratings = {card.last_rating for card in saved.cards.values()}
    assert {2, 3} <= ratings, "Hard and Good happened"
    assert any(card.lapses for card in saved.cards.values()), "and Again"


def test_no_review_repeats_the_previous_seed_of_its_card(history):
    store, _ = history
    last: dict[str, int] = {}
    reviewed = 0
    for transcript in sorted(store.transcripts()[0], key=lambda t: t.created_at):
        for question in transcript.questions:
            assert question.seed != last.get(question.family), question.family
            last[question.family] = question.seed
            reviewed += 1
    assert reviewed >= 6


def test_a_seed_that_would_repeat_is_replaced(history):
    store, clock = history
    state, _ = load_state(store.root, store.transcripts()[0], clock)
    queue = review_queue(state, all_cards(), utc(clock() + 30 * DAY), 0)
    card = queue.due[0]
    memory = state.cards[card.id]
    from interview_sim.registry import get

    version = get(card.id).version
    memory.last_seed = derive_seed(card.id, version, 555, 0)  # what slot 0 would draw
    session = build_review_session(queue, state, 555, clock)
    first = session.transcript.questions[0]
    assert first.family == card.id and first.seed != memory.last_seed
    assert first.seed == fresh_seed_for(card.id, version, 555, 0, memory.last_seed)


def test_a_damaged_state_is_kept_aside_reported_and_rebuilt(history, tmp_path):
    store, clock = history
    transcripts = store.transcripts()[0]
    path = state_path(store.root)
    damaged = path.read_bytes()[:-20]  # a torn write
    path.write_bytes(damaged)
    state, notes = load_state(store.root, transcripts, clock)
    assert len(notes) == 1 and "damaged" in notes[0] and str(path) in notes[0]
    asides = list(path.parent.glob("state.damaged-*.json"))
    assert len(asides) == 1 and asides[0].read_bytes() == damaged, "never rewritten"
    assert state.cards == rebuild(transcripts).cards
    assert read_state(path).cards == state.cards, "a fresh, valid file took its place"
    asides[0].unlink()


def test_a_missing_state_is_rebuilt_quietly(history):
    store, clock = history
    state_path(store.root).unlink()
    state, notes = load_state(store.root, store.transcripts()[0], clock)
    assert notes == [] and state.cards and state_path(store.root).exists()


def test_a_session_finished_while_the_state_was_not_written_is_caught_up(tmp_path):
    store, clock = several_days(tmp_path, days=2)
    review_once(store, clock, right, exam_seed=999)  # e.g. a TUI session: nothing synced yet
    on_disk = read_state(state_path(store.root))
    transcripts = store.transcripts()[0]
    assert len(on_disk.applied) < len(transcripts)
    state, _ = load_state(store.root, transcripts, clock)
    assert sorted(state.applied) == sorted(t.id for t in transcripts)
    assert state.cards == rebuild(store.transcripts()[0]).cards


GOOD_CARD = {
    "state": 2,
    "step": None,
    "stability": 3.2,
    "difficulty": 5.0,
    "due": "2026-01-05T10:00:00+00:00",
    "last_review": "2026-01-02T10:00:00+00:00",
    "first_review": "2026-01-01T10:00:00+00:00",
    "last_seed": 12,
    "reviews": 2,
    "lapses": 0,
    "last_rating": 3,
}


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"stability": -1}, "stability"),
        ({"stability": "3"}, "stability"),
        ({"difficulty": float("nan")}, "difficulty"),
        ({"state": 7}, "state"),
        ({"due": "2026-01-05T10:00:00"}, "time zone"),
        ({"due": "soon"}, "due"),
        ({"last_rating": 9}, "last_rating"),
        ({"reviews": True}, "reviews"),
        ({"extra": 1}, "extra"),
    ],
)
def test_validation_names_what_is_wrong(tmp_path, change, named):
    data = {"schema": 1, "applied": [], "applied_until": 0.0, "cards": {"c": GOOD_CARD | change}}
    path = tmp_path / "state.json"
    path.write_text(json.dumps(data))
    with pytest.raises(StateError, match=named):
        read_state(path)


def test_a_valid_file_reads(tmp_path):
    path = tmp_path / "state.json"
    data = {"schema": 1, "applied": [], "applied_until": 0.0, "cards": {"c": GOOD_CARD}}
    path.write_text(json.dumps(data))
    assert read_state(path).cards["c"].stability == 3.2


@pytest.mark.parametrize(
    "text", ["", "[]", '{"schema": 2}', '{"schema": 1, "applied": {}, "cards": {}}']
)
def test_files_that_are_not_a_state_are_refused(tmp_path, text):
    path = tmp_path / "state.json"
    path.write_text(text)
    with pytest.raises(StateError):
        read_state(path)
