"""The engine driven with an injected clock: scoring, attempts, deadlines, persistence."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_sim.answers.check import value_text
from interview_sim.engine.build import pick_adaptive
from interview_sim.engine.presets import find_preset
from interview_sim.engine.session import Session, SessionError, TimeUp
from interview_sim.engine.transcript import GRADED
from interview_sim.registry import all_families
from interview_sim.store.sessions import SessionStore

from .helpers import TINY_DRILL, TINY_EXAM, FakeClock, write_preset, wrong_text


def new_session(tmp_path: Path, text: str = TINY_EXAM, seed: int = 7):
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    session = store.create(Session.create(write_preset(tmp_path, text), seed, clock=clock))
    return session, clock, store


def answer_all(session: Session, choose) -> None:
    for question in session.transcript.questions:
        for part in question.parts:
            session.answer(question.slot, part.id, choose(part))


def mock_exam_available() -> bool:
    known = {f.id for f in all_families()}
    return all(
        fid in known or fid.startswith("concepts")  # concept-bank entries, always registered
        for s in find_preset("mock-exam").sections
        for fid in s.families
    )


@pytest.mark.skipif(not mock_exam_available(), reason="a mock-exam family is not registered yet")
@pytest.mark.parametrize("seed", [1, 2024])
def test_full_mock_exam_answered_correctly_scores_100(tmp_path: Path, seed: int):
    clock = FakeClock()
    store = SessionStore(tmp_path)
    session = store.create(Session.create(find_preset("mock-exam"), seed, clock=clock))
    sections = [q.section for q in session.transcript.questions]
    assert list(dict.fromkeys(sections)) == [s.title for s in session.preset.sections]
    assert len(sections) == sum(s.count for s in session.preset.sections)
    session.start()
    answer_all(session, lambda part: part.expected)
    clock.advance(600)
    results = session.finish()
    assert results["percent"] == pytest.approx(100.0)
    assert results["passed"] is True
    assert [round(row["max"], 6) for row in results["sections"]] == [round(100 / 6, 6)] * 6


@pytest.mark.skipif(not mock_exam_available(), reason="a mock-exam family is not registered yet")
def test_full_mock_exam_all_wrong_scores_0(tmp_path: Path):
    session = Session.create(find_preset("mock-exam"), 99, clock=FakeClock())
    session.start()
    answer_all(session, wrong_text)
    results = session.finish()
    assert results["percent"] == 0.0 and results["passed"] is False
    finals = [p.final for q in session.transcript.questions for p in q.parts]
    # a wrong option of a two-way choice may be a catalogued slip, but never one with credit
    assert all(f["verdict"] == "incorrect" or f["credit"] == 0 for f in finals)
    assert sum(f["verdict"] == "incorrect" for f in finals) >= len(finals) - 1


def test_exam_code_rebuilds_the_same_exam(tmp_path: Path):
    preset = write_preset(tmp_path, TINY_EXAM)
    first = Session.create(preset, 31337, clock=FakeClock()).transcript
    again = Session.create(preset, 31337, clock=FakeClock(5.0)).transcript
    other = Session.create(preset, 31338, clock=FakeClock()).transcript
    assert first.code == "tiny:31337"
    assert [q.statement for q in first.questions] == [q.statement for q in again.questions]
    assert [q.seed for q in first.questions] != [q.seed for q in other.questions]


def test_recognised_mistake_gives_its_partial_credit(tmp_path: Path):
    session, _, _ = new_session(tmp_path)
    session.start()
    variant = session.variant(0)
    log10 = next(m for m in variant.part("log_odds").mistakes if m.tag == "log10")
    answer_all(session, lambda part: part.expected)
    session.answer(0, "log_odds", value_text(variant.part("log_odds"), log10.value))
    results = session.finish()
    question = session.transcript.questions[0]
    assert question.part("log_odds").final["tag"] == "log10"
    # 2 sections of 50 points; 3 equal parts; the log10 slip earns half of one part
    assert results["percent"] == pytest.approx(100 - 50 / 3 * (1 - float(log10.credit)))


def test_time_up_submits_saved_answers_and_refuses_more(tmp_path: Path):
    session, clock, store = new_session(tmp_path)
    session.start()
    first = session.transcript.questions[0].parts[0]
    session.answer(0, first.id, first.expected)
    clock.advance(10 * 60 - 1)
    assert session.remaining() == pytest.approx(1.0)
    clock.advance(2)
    with pytest.raises(TimeUp):
        session.answer(0, first.id, "0.5")
    t = session.transcript
    assert t.state == GRADED and t.finish_reason == "time_up"
    assert t.finished_at == t.deadline
    assert first.text == first.expected and first.final["verdict"] == "correct"
    assert store.load(t.id).state == GRADED, "the graded session is on disk"
    with pytest.raises(SessionError):
        session.answer(0, first.id, "0.5")


def test_deadline_passed_while_closed_is_graded_on_open(tmp_path: Path):
    session, clock, store = new_session(tmp_path)
    session.start()
    part = session.transcript.questions[1].parts[2]
    session.answer(1, part.id, part.expected)
    store.release(session.transcript.id)  # the program closes
    clock.advance(3600)
    reopened = store.open(session.transcript.id, clock=clock)
    assert reopened.transcript.state == GRADED
    assert reopened.transcript.finish_reason == "time_up"
    assert reopened.transcript.questions[1].parts[2].final["verdict"] == "correct"
    assert reopened.remaining() == 0.0


def test_nothing_before_start_and_clock_only_after_start(tmp_path: Path):
    session, clock, _ = new_session(tmp_path)
    with pytest.raises(SessionError, match="rules"):
        session.answer(0, "odds", "1")
    assert session.remaining() is None
    clock.advance(500)  # reading the rules does not use exam time
    session.start()
    assert session.remaining() == pytest.approx(600.0)


def test_attempts_with_decreasing_credit_and_invalid_is_free(tmp_path: Path):
    session, _, _ = new_session(tmp_path, TINY_DRILL)
    session.start()
    part = session.transcript.questions[0].part("odds")
    assert session.check(0, "odds", "no idea").status == "invalid"
    assert session.attempts_left(0, "odds") == 3, "invalid input never costs an attempt"
    assert session.check(0, "odds", wrong_text(part)).status == "incorrect"
    assert session.attempts_left(0, "odds") == 2
    assert not session.solution_visible(0)
    assert session.check(0, "odds", part.expected).status == "correct"
    assert part.score == pytest.approx(0.5), "second attempt earns the second credit"
    with pytest.raises(SessionError, match="closed"):
        session.check(0, "odds", part.expected)
    for other in ("log_odds", "probability"):
        for _ in range(3):
            session.check(0, other, wrong_text(part))
        assert session.attempts_left(0, other) == 0
    assert session.solution_visible(0), "solution after the last attempt"


def test_exam_mode_has_no_feedback_and_edits_are_free(tmp_path: Path):
    session, _, _ = new_session(tmp_path)
    session.start()
    with pytest.raises(SessionError, match="no feedback"):
        session.check(0, "odds", "1")
    ok, why = session.answer(0, "odds", "3e^")
    assert not ok and 'expected an expression after "^"' in why
    assert session.transcript.questions[0].part("odds").text == "3e^", "kept, nothing lost"
    ok, read_as = session.answer(0, "odds", "1/4")
    assert ok and read_as == "1/4"


def test_navigation_flags_and_time_per_question(tmp_path: Path):
    session, clock, store = new_session(tmp_path)
    session.start()
    clock.advance(30)
    session.next()
    clock.advance(45)
    session.flag()
    session.goto(0)
    clock.advance(5)
    with pytest.raises(SessionError):
        session.goto(7)
    assert session.flagged() == [1] and session.unanswered() == [0, 1]
    results = session.finish()
    assert [q["time_spent"] for q in results["questions"]] == [35, 45]
    saved = store.load(session.transcript.id)
    kinds = [event["kind"] for event in saved.events]
    assert kinds[:5] == ["created", "start", "goto", "flag", "goto"]
    assert kinds[-2:] == ["finish", "graded"]


def test_every_event_is_on_disk_before_the_call_returns(tmp_path: Path):
    session, _, store = new_session(tmp_path)
    session.start()
    for text in ("0.1", "0.2", "0.3"):
        session.answer(0, "odds", text)
        assert store.load(session.transcript.id).questions[0].part("odds").text == text


def test_practice_is_endless(tmp_path: Path):
    session = Session.create(find_preset("practice"), 5, clock=FakeClock())
    session.start()
    for _ in range(59):
        session.add_question()
    assert len(session.transcript.questions) == 60


def test_practice_draws_only_families_with_weight():
    """Deterministic whatever the number of families: weight 0 is never drawn."""
    weights = {f.id: 0.0 for f in all_families()}
    weights["lr_odds_logodds"] = 1.0
    session = Session.create(find_preset("practice"), 5, clock=FakeClock(), weights=weights)
    session.start()
    for _ in range(9):
        session.add_question()
    assert {q.family for q in session.transcript.questions} == {"lr_odds_logodds"}


def test_practice_picks_follow_the_weights():
    """A fixed two-family pool, so the share does not depend on how many families exist."""
    picks = [pick_adaptive(["heavy", "light"], 5, slot, {"heavy": 3.0}) for slot in range(2000)]
    assert picks.count("heavy") / len(picks) == pytest.approx(3 / 4, abs=0.05)  # ±5 sd


def test_practice_without_weights_is_an_even_draw():
    picks = [pick_adaptive(["a", "b"], 7, slot, {}) for slot in range(2000)]
    assert picks.count("a") / len(picks) == pytest.approx(1 / 2, abs=0.06)  # ±5 sd


def test_practice_can_start_at_an_exact_variant():
    seeded = Session.create(find_preset("mock-exam"), 3, clock=FakeClock()).transcript.questions[0]
    again = Session.create(
        find_preset("practice"),
        99,
        clock=FakeClock(),
        family=seeded.family,
        first_variant=seeded.seed,
    )
    first = again.transcript.questions[0]
    assert (first.family, first.seed, first.statement) == (
        seeded.family,
        seeded.seed,
        seeded.statement,
    )
    assert again.add_question().seed != seeded.seed, "later questions are new variants"


def test_feedback_never_reveals_the_answer_while_attempts_remain(tmp_path: Path):
    session, _, _ = new_session(tmp_path, TINY_DRILL)
    session.start()
    part = session.transcript.questions[0].part("odds")
    for _ in range(3):
        verdict = session.check(0, "odds", wrong_text(part))
        assert part.expected not in verdict.message
    assert session.attempts_left(0, "odds") == 0
