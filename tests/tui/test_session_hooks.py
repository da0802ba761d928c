"""Pilot tests of the session hooks: drafts, keys while building, failed saves, practice ending."""

from __future__ import annotations

import json

from interview_sim.engine.transcript import GRADED, STARTED
from interview_sim.store.sessions import SessionStore
from interview_sim.tui.screens.home import HomeScreen
from interview_sim.tui.screens.modals import Confirm
from interview_sim.tui.screens.question import DRAFT_DELAY, QuestionScreen
from interview_sim.tui.screens.results import ResultsScreen, TimeUpScreen
from interview_sim.tui.screens.rules import RulesScreen

from .conftest import make_app, screen_text, settle
from .test_flows import SIZE, start, type_into


def saved(data_dir, session_id: str) -> dict:
    return json.loads((data_dir / "sessions" / f"{session_id}.json").read_text())


def wrong(field) -> str:
    return "987654321" if field.record.expected != "987654321" else "1"


# -- drafts ------------------------------------------------------------------------------------
async def test_typed_text_is_saved_as_a_draft_soon_after_typing_stops(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, app)
        session_id = screen.session.transcript.id
        field = screen.fields()[0]
        await type_into(pilot, field, "0.12", keys=True)
        part = saved(data_dir, session_id)["questions"][0]["parts"][0]
        assert part["draft"] is None, "not saved on every key"
        await pilot.pause(DRAFT_DELAY)
        for _ in range(40):  # on a busy machine the timer may fire late: wait, within reason
            part = saved(data_dir, session_id)["questions"][0]["parts"][0]
            if part["draft"] is not None:
                break
            await pilot.pause(0.1)
        assert (part["draft"], part["text"]) == ("0.12", None), "a draft, not an answer"


async def test_a_draft_is_restored_into_its_box_on_resume(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-drill", seed=5)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, app)
        session_id = screen.session.transcript.id
        await type_into(pilot, screen.fields()[0], "0.77")
        await pilot.pause(DRAFT_DELAY + 0.5)
    again = make_app(data_dir, clock, resume=session_id)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot, again)
        field = again.screen.fields()[0]
        assert field.input.value == "0.77"
        assert "not entered yet" in str(field.query_one(".part-status").render())
        assert field.record.attempts == [], "restoring checks nothing"


async def test_time_up_submits_text_typed_but_not_entered(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, app)
        first, second = screen.fields()[:2]
        await type_into(pilot, first, first.record.expected)
        await pilot.press("enter")
        await type_into(pilot, second, second.record.expected)  # no enter, no debounce wait
        clock.advance(601)
        screen.tick()
        await settle(pilot, app)
        assert isinstance(app.screen, TimeUpScreen)
        transcript = app.screen.transcript
        parts = transcript.questions[0].parts
        assert [p.final["verdict"] for p in parts[:2]] == ["correct", "correct"]
        assert saved(data_dir, transcript.id)["questions"][0]["parts"][1]["text"] == (
            second.record.expected
        )


async def test_finish_says_it_checks_unentered_text_and_does(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-drill", seed=5)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, app)
        field = screen.fields()[0]
        await type_into(pilot, field, field.record.expected)  # typed, never checked
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, Confirm)
        assert "did not enter" in screen_text(app)
        await pilot.press("y")
        await settle(pilot, app)
        assert isinstance(app.screen, ResultsScreen)
        record = app.screen.transcript.questions[0].parts[0]
        assert [a["verdict"]["verdict"] for a in record.attempts] == ["correct"]


# -- keys while building -------------------------------------------------------------------------
async def test_enter_pressed_before_the_exam_is_built_is_not_lost(data_dir, clock, monkeypatch):
    import threading

    from interview_sim.tui import building

    release = threading.Event()
    build = building.build_session

    def slow_build(*args, **kwargs):
        release.wait(10)
        return build(*args, **kwargs)

    monkeypatch.setattr(building, "build_session", slow_build)
    app = make_app(data_dir, clock, preset="small-exam", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RulesScreen) and app.screen.session is None
        await pilot.press("enter")
        await pilot.pause()
        assert "building…" in screen_text(app)
        release.set()
        await settle(pilot, app)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.transcript.state == STARTED


async def test_continue_pressed_before_history_loads_is_not_lost(data_dir, clock, monkeypatch):
    import threading

    app = make_app(data_dir, clock, preset="small-exam", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        session_id = (await start(pilot, app)).session.transcript.id
    release = threading.Event()
    read = SessionStore.transcripts

    def slow_read(self, *args, **kwargs):
        release.wait(10)
        return read(self, *args, **kwargs)

    monkeypatch.setattr(SessionStore, "transcripts", slow_read)
    again = make_app(data_dir, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("c")  # Home is still reading the sessions
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen) and "building…" in screen_text(again)
        release.set()
        await settle(pilot, again)
        assert isinstance(again.screen, QuestionScreen)
        assert again.screen.session.transcript.id == session_id


# -- Continue, practice lifecycle ----------------------------------------------------------------
async def test_continue_prefers_the_timed_session_whose_clock_runs(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        exam_id = (await start(pilot, app)).session.transcript.id
    clock.advance(60)
    app = make_app(data_dir, clock, preset="small-drill", seed=4)  # newer, untimed
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app)
    again = make_app(data_dir, clock)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot, again)
        assert "Continue Small exam" in screen_text(again)
        await pilot.press("c")
        await settle(pilot, again)
        assert again.screen.session.transcript.id == exam_id


async def test_leaving_practice_ends_it_and_the_retake_hint_keeps_the_family(data_dir, clock):
    app = make_app(data_dir, clock, preset="practice", family="lr_odds_logodds", seed=11)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, app)
        session_id = screen.session.transcript.id
        field = screen.fields()[0]
        await type_into(pilot, field, field.record.expected)
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert "ends this practice" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
    data = saved(data_dir, session_id)
    assert (data["state"], data["finish_reason"]) == (GRADED, "left")
    transcripts, _ = SessionStore(data_dir).transcripts(clock)
    from interview_sim.stats import statistics

    assert statistics(transcripts)["sessions"] == 1
    again = make_app(data_dir, clock, resume=session_id)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot, again)
        assert isinstance(again.screen, ResultsScreen)
        assert "--family lr_odds_logodds" in screen_text(again)


async def test_practice_verdicts_and_attempts_come_back_on_resume(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-drill", seed=5)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, app)
        session_id = screen.session.transcript.id
        field = screen.fields()[0]
        await type_into(pilot, field, wrong(field))
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("ctrl+q", "y")
    again = make_app(data_dir, clock, resume=session_id)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot, again)
        await pilot.pause(DRAFT_DELAY + 0.3)
        field = again.screen.fields()[0]
        assert "✗" in str(field.query_one(".part-status").render())
        assert "1 attempt left" in str(field.query_one(".part-hint").render())


# -- failed saves ----------------------------------------------------------------------------
class FlakyStore(SessionStore):
    broken = False

    def save(self, transcript) -> None:
        if self.broken:
            raise OSError(30, "Read-only file system")
        super().save(transcript)


async def test_a_failed_save_is_reported_kept_and_retried(data_dir, clock):
    from .conftest import InterviewApp

    store = FlakyStore(data_dir)
    app = InterviewApp(store, clock, seeds=iter([3]).__next__, blink=False, preset="small-exam")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, app)
        session_id = screen.session.transcript.id
        field = screen.fields()[0]
        store.broken = True
        await type_into(pilot, field, "0.25")
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, QuestionScreen), "the session goes on"
        told = " ".join(n.message for n in app._notifications)
        assert "Read-only file system" in told and "kept in memory" in told
        assert "not yet saved" in str(field.query_one(".part-status").render())
        assert field.record.text == "0.25"
        assert saved(data_dir, session_id)["questions"][0]["parts"][0]["text"] is None
        store.broken = False
        app._retry_save(screen.session)  # what the retry timer does every few seconds
        await pilot.pause()
        assert saved(data_dir, session_id)["questions"][0]["parts"][0]["text"] == "0.25"
        assert app._retry is None
        assert "on disk again" in " ".join(n.message for n in app._notifications)


async def test_a_new_practice_variant_keeps_the_text_left_in_the_last_one(data_dir, clock):
    app = make_app(data_dir, clock, preset="practice", family="lr_odds_logodds", seed=11)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, app)
        session_id = screen.session.transcript.id
        await type_into(pilot, screen.fields()[0], "0.5")
        await pilot.press("ctrl+n")  # at once, before the draft delay
        await settle(pilot, app)
        assert screen.session.transcript.current == 1
    assert saved(data_dir, session_id)["questions"][0]["parts"][0]["draft"] == "0.5"
