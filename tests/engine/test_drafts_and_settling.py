"""Drafts (typed, not entered), settling left-behind sessions, practice ending, failed saves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_sim.engine.presets import find_preset
from interview_sim.engine.session import SaveFailed, Session, SessionError, TimeUp
from interview_sim.engine.settle import needs_settling, settle
from interview_sim.engine.transcript import FINISHED, GRADED, STARTED, Transcript, retake_command
from interview_sim.stats import statistics
from interview_sim.store.sessions import SessionStore

from .helpers import TINY_DRILL, TINY_EXAM, FakeClock, write_preset, wrong_text

TIMED_DRILL = TINY_DRILL.replace('feedback = "each"', 'feedback = "each"\nduration_minutes = 5')


def started(tmp_path: Path, text: str = TINY_EXAM, seed: int = 7):
    clock = FakeClock()
    store = SessionStore(tmp_path / "data")
    session = store.create(Session.create(write_preset(tmp_path, text), seed, clock=clock))
    session.start()
    return session, clock, store


def on_disk(store: SessionStore, session: Session) -> Transcript:
    return store.load(session.transcript.id)


# -- drafts ------------------------------------------------------------------------------------
def test_a_draft_is_saved_but_never_graded_while_the_session_runs(tmp_path: Path):
    session, _, store = started(tmp_path)
    part = session.transcript.questions[0].parts[0]
    assert session.save_draft(0, part.id, part.expected) is True
    assert session.save_draft(0, part.id, part.expected) is False, "unchanged: no second write"
    saved = on_disk(store, session).questions[0].parts[0]
    assert (saved.draft, saved.text, saved.final) == (part.expected, None, None)
    assert not session.transcript.questions[0].answered, "a draft is not an answer"


def test_entering_an_answer_clears_its_draft(tmp_path: Path):
    session, _, store = started(tmp_path)
    part = session.transcript.questions[0].parts[0]
    session.save_draft(0, part.id, "0.1")
    session.answer(0, part.id, "0.2")
    assert on_disk(store, session).questions[0].parts[0].draft is None
    session.save_draft(0, part.id, "0.2")  # the box shows the saved answer again: no draft
    assert part.draft is None


def test_transcripts_written_before_drafts_existed_still_load(tmp_path: Path):
    session, _, store = started(tmp_path)
    path = store.path(session.transcript.id)
    data = json.loads(path.read_text())
    for question in data["questions"]:
        for part in question["parts"]:
            del part["draft"]
    path.write_text(json.dumps(data))
    assert all(
        p.draft is None for q in store.load(session.transcript.id).questions for p in q.parts
    )


def test_time_up_submits_every_draft_as_the_answer(tmp_path: Path):
    session, clock, store = started(tmp_path)
    first, second = session.transcript.questions[0].parts[:2]
    session.save_draft(0, first.id, first.expected)
    session.answer(0, second.id, wrong_text(second))
    session.save_draft(0, second.id, second.expected)  # corrected in the box, not entered
    clock.advance(601)
    with pytest.raises(TimeUp):
        session.save_draft(0, first.id, "1")
    graded = on_disk(store, session)
    assert graded.state == GRADED and graded.finish_reason == "time_up"
    parts = graded.questions[0].parts
    assert [p.text for p in parts[:2]] == [first.expected, second.expected]
    assert [p.final["verdict"] for p in parts[:2]] == ["correct", "correct"]
    assert all(p.draft is None for p in parts)


def test_drafts_count_when_the_deadline_passed_while_the_app_was_closed(tmp_path: Path):
    session, clock, store = started(tmp_path)
    part = session.transcript.questions[1].parts[0]
    session.save_draft(1, part.id, part.expected)
    store.release(session.transcript.id)
    clock.advance(3600)
    reopened = store.open(session.transcript.id, clock=clock)
    record = reopened.transcript.questions[1].parts[0]
    assert reopened.transcript.state == GRADED
    assert (record.text, record.final["verdict"]) == (part.expected, "correct")


def test_finish_submits_drafts_and_an_emptied_box_clears_the_answer(tmp_path: Path):
    session, _, _ = started(tmp_path)
    first, second = session.transcript.questions[0].parts[:2]
    session.save_draft(0, first.id, first.expected)
    session.answer(0, second.id, second.expected)
    session.save_draft(0, second.id, "")  # the user deleted the answer from the box
    session.finish()
    assert (first.text, first.final["verdict"]) == (first.expected, "correct")
    assert second.text == "" and second.final["message"] == "not answered"


def test_with_feedback_a_draft_left_at_time_up_is_one_more_attempt(tmp_path: Path):
    session, clock, _ = started(tmp_path, TIMED_DRILL)
    part = session.transcript.questions[0].part("odds")
    session.check(0, "odds", wrong_text(part))
    session.save_draft(0, "odds", part.expected)
    clock.advance(301)
    session.expire_if_due()
    assert [a["verdict"]["verdict"] for a in part.attempts] == ["incorrect", "correct"]
    assert part.score == pytest.approx(session.preset.credit_for_attempt(2))


def test_a_closed_part_takes_no_draft(tmp_path: Path):
    session, _, _ = started(tmp_path, TINY_DRILL)
    part = session.transcript.questions[0].part("odds")
    session.check(0, "odds", part.expected)
    assert session.save_draft(0, "odds", "0.5") is False and part.draft is None


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["draft", "answer"]), st.sampled_from(["", "0.5", "1/3", "x^"])),
        max_size=6,
    ),
    expire=st.booleans(),
)
def test_what_is_graded_is_what_was_last_in_the_box(tmp_path_factory, steps, expire):
    session, clock, _ = started(tmp_path_factory.mktemp("s"))
    part = session.transcript.questions[0].parts[0]
    in_box = None
    for action, text in steps:
        getattr(session, "save_draft" if action == "draft" else "answer")(0, part.id, text)
        in_box = text
    if expire:
        clock.advance(601)
        session.expire_if_due()
    else:
        session.finish()
    assert (part.text or "") == (in_box or "") and part.draft is None
    assert part.final["message"] == "not answered" or in_box


# -- settling: finished-but-ungraded sessions ----------------------------------------------------
class Killed(BaseException):
    """Stands for SIGKILL between the "finish" and the "graded" writes."""


class DiesBeforeGrading(SessionStore):
    def save(self, transcript: Transcript) -> None:
        if transcript.state == GRADED:
            raise Killed
        super().save(transcript)


def left_finished_but_ungraded(tmp_path: Path) -> tuple[SessionStore, str, FakeClock]:
    clock = FakeClock()
    dying = DiesBeforeGrading(tmp_path / "data")
    session = dying.create(Session.create(write_preset(tmp_path, TINY_EXAM), 7, clock=clock))
    session.start()
    first = session.transcript.questions[0].parts[0]
    session.answer(0, first.id, first.expected)
    with pytest.raises(Killed):
        session.finish()
    dying.release(session.transcript.id)
    store = SessionStore(tmp_path / "data")
    assert store.load(session.transcript.id).state == FINISHED
    return store, session.transcript.id, clock


def test_a_session_killed_before_grading_is_graded_when_history_lists_it(tmp_path: Path):
    store, session_id, clock = left_finished_but_ungraded(tmp_path)
    (transcript,), errors = store.transcripts()
    assert not errors and transcript.state == GRADED and transcript.results["percent"] > 0
    assert store.load(session_id).state == GRADED, "the grade is saved"
    assert statistics(store.transcripts()[0])["sessions"] == 1


def test_a_session_killed_before_grading_is_graded_on_resume(tmp_path: Path):
    store, session_id, clock = left_finished_but_ungraded(tmp_path)
    session = store.open(session_id, clock=clock)
    assert session.transcript.state == GRADED and session.transcript.finish_reason == "submitted"


def test_grading_is_idempotent(tmp_path: Path):
    store, session_id, clock = left_finished_but_ungraded(tmp_path)
    once = settle(store, store.load(session_id), clock)
    events = len(once.events)
    twice = settle(store, store.load(session_id), clock)
    assert twice.results == once.results and len(twice.events) == events
    session = Session(twice, clock=clock, store=store)
    assert session.settle() is False


def test_settle_leaves_a_session_another_process_holds(tmp_path: Path):
    store, session_id, clock = left_finished_but_ungraded(tmp_path)
    other = SessionStore(store.root)
    other.lock(session_id)
    assert settle(store, store.load(session_id), clock).state == FINISHED
    assert not store.holds(session_id)


def test_only_left_behind_sessions_need_settling(tmp_path: Path):
    session, clock, _ = started(tmp_path)
    t = session.transcript
    assert not needs_settling(t, clock())
    assert needs_settling(t, t.deadline)
    session.finish()
    assert not needs_settling(t, clock())


# -- practice: leaving ends it ----------------------------------------------------------------
def test_leaving_practice_ends_it_and_it_counts_in_stats(tmp_path: Path):
    clock = FakeClock()
    store = SessionStore(tmp_path)
    session = store.create(
        Session.create(find_preset("practice"), 3, clock=clock, family="lr_odds_logodds")
    )
    session.start()
    for part in session.current.parts:
        session.check(None, part.id, part.expected)
    session.add_question()  # shown, never tried
    session.save_draft(None, session.current.parts[0].id, "0.3")
    session.add_question()
    assert len(session.transcript.questions) == 3
    results = session.leave()
    t = store.load(session.transcript.id)
    assert t.state == GRADED and t.finish_reason == "left"
    assert len(t.questions) == 2, "the last question, never tried, is not scored"
    assert t.questions[1].parts[0].draft == "0.3", "an unchecked draft is kept, not graded"
    assert results["percent"] == pytest.approx(50.0)
    assert statistics([t])["sessions"] == 1


def test_only_endless_practice_ends_on_leaving(tmp_path: Path):
    session, _, _ = started(tmp_path, TINY_DRILL)
    with pytest.raises(SessionError, match="resumed"):
        session.leave()


def test_retake_command_keeps_the_chapter_and_family_filter():
    practice = find_preset("practice")
    t = Session.create(practice, 42, clock=FakeClock(), family="lr_odds_logodds").transcript
    assert retake_command(t) == "interview-sim run practice --seed 42 --family lr_odds_logodds"
    t.family, t.chapter = None, "logistic_regression"
    assert retake_command(t).endswith("--seed 42 --chapter logistic_regression")


# -- failed saves --------------------------------------------------------------------------------
class FlakyStore(SessionStore):
    broken = False

    def save(self, transcript: Transcript) -> None:
        if self.broken:
            raise OSError(28, "No space left on device")
        super().save(transcript)


def test_a_failed_save_keeps_the_state_and_the_next_save_writes_it(tmp_path: Path):
    clock = FakeClock()
    store = FlakyStore(tmp_path)
    session = store.create(Session.create(write_preset(tmp_path, TINY_EXAM), 7, clock=clock))
    session.start()
    part = session.transcript.questions[0].parts[0]
    store.broken = True
    with pytest.raises(SaveFailed, match="No space left"):
        session.answer(0, part.id, part.expected)
    assert part.text == part.expected, "kept in memory"
    assert isinstance(session.save_error, OSError)
    assert session.retry_save() is False
    store.broken = False
    assert session.retry_save() is True and session.save_error is None
    assert store.load(session.transcript.id).questions[0].parts[0].text == part.expected


def test_grading_goes_on_when_the_finish_write_fails(tmp_path: Path):
    clock = FakeClock()
    store = FlakyStore(tmp_path)
    session = store.create(Session.create(write_preset(tmp_path, TINY_EXAM), 7, clock=clock))
    session.start()
    store.broken = True
    with pytest.raises(SaveFailed):
        session.finish()
    assert session.transcript.state == GRADED
    store.broken = False
    session.retry_save()
    assert store.load(session.transcript.id).state == GRADED
    assert session.transcript.state != STARTED


def test_quitting_plain_practice_ends_it_and_prints_the_retake_command(tmp_path: Path):
    import io

    from interview_sim.plain import PlainRunner

    store = SessionStore(tmp_path)
    practice = find_preset("practice")
    session = store.create(Session.create(practice, 8, clock=FakeClock(), family="lr_odds_logodds"))
    out = io.StringIO()
    PlainRunner(session, io.StringIO("\nquit\n"), out).run()
    t = store.load(session.transcript.id)
    assert (t.state, t.finish_reason) == (GRADED, "left")
    assert "--family lr_odds_logodds" in out.getvalue()


def test_a_worksheet_rebuild_hint_keeps_the_chapter():
    from interview_sim.export import export_worksheet

    drill = find_preset("chapter-drill")
    t = Session.create(drill, 5, clock=FakeClock(), chapter="logistic_regression").transcript
    assert "--seed 5 --chapter logistic_regression" in export_worksheet(t, "md")


class ReadOnlyStore(SessionStore):
    """A data dir that can be read but not written (chmod is no test when running as root)."""

    def lock(self, session_id: str) -> None:
        raise PermissionError(13, "Permission denied", str(self.dir))

    def save(self, transcript: Transcript) -> None:
        raise PermissionError(13, "Permission denied", str(self.dir))


def test_a_read_only_data_dir_still_lists_a_left_behind_session_graded(tmp_path: Path):
    store, session_id, clock = left_finished_but_ungraded(tmp_path)
    read_only = ReadOnlyStore(store.root)
    (transcript,), errors = read_only.transcripts(clock)
    assert transcript.state == GRADED and transcript.results["percent"] > 0 and not errors
    assert store.load(session_id).state == FINISHED, "nothing written"


def test_opening_a_left_behind_session_when_saves_fail_grades_it_in_memory(tmp_path: Path):
    store, session_id, clock = left_finished_but_ungraded(tmp_path)
    flaky = FlakyStore(store.root)
    flaky.broken = True
    session = flaky.open(session_id, clock=clock)
    assert session.transcript.state == GRADED and isinstance(session.save_error, OSError)
    flaky.broken = False
    assert session.retry_save() and store.load(session_id).state == GRADED
