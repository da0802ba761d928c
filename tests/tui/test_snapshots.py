"""Snapshot tests of each screen (fake clock, fixed seeds, no cursor blink, temporary data dir).

Update the baselines with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the
SVGs in ``__snapshots__/`` before committing them.
"""

from __future__ import annotations

import os
import time

import pytest

from .conftest import FakeClock, make_app, settle

SIZE = (100, 30)


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    """Dates on screen are local time: pin the zone so the snapshots do not depend on it."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def graded_session(data_dir, clock: FakeClock, percent_right: bool = True) -> None:
    """A finished small exam on disk, so home has a recent result."""
    from interview_sim.engine.presets import find_preset
    from interview_sim.engine.session import Session
    from interview_sim.store.sessions import SessionStore

    store = SessionStore(data_dir)
    session = store.create(Session.create(find_preset("small-exam", data_dir), 99, clock=clock))
    session.start()
    for question in session.transcript.questions:
        for part in question.parts[:2]:
            session.answer(question.slot, part.id, part.expected)
    clock.advance(300)
    session.finish()
    store.release(session.transcript.id)
    clock.advance(3600)


async def _start(pilot) -> None:
    await settle(pilot, pilot.app)
    await pilot.press("enter")
    await settle(pilot, pilot.app)


async def _quiet(pilot) -> None:
    pilot.app.clear_notifications()
    await settle(pilot, pilot.app)


def test_home(snap_compare, data_dir, clock):
    graded_session(data_dir, clock)
    app = make_app(data_dir, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=_quiet)


def test_rules(snap_compare, data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)
    assert snap_compare(app, terminal_size=SIZE, run_before=_quiet)


def test_question_with_read_as_preview(snap_compare, data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)

    async def run_before(pilot) -> None:
        await _start(pilot)
        await pilot.press(*"4/21")
        await _quiet(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_question_at_80x24(snap_compare, data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)

    async def run_before(pilot) -> None:
        await _start(pilot)
        clock.advance(9 * 60 + 10)  # under a minute left: the danger style
        pilot.app.screen.warned = {300, 60}  # no toasts in the snapshot
        pilot.app.screen.tick()
        await _quiet(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def _table_question_last_part(data_dir, clock):
    """The decision-tree question (a 7-row table) with its last part focused."""
    from .test_candidate import one_family_preset

    preset = one_family_preset(data_dir, "decision_tree_information_gain")
    app = make_app(data_dir, clock, preset=preset, seed=3)

    async def run_before(pilot) -> None:
        await _start(pilot)
        pilot.app.screen.fields()[-1].input.focus()
        await _quiet(pilot)

    return app, run_before


def test_question_with_table_last_part_at_80x24(snap_compare, data_dir, clock):
    app, run_before = _table_question_last_part(data_dir, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_question_with_table_last_part_at_100x30(snap_compare, data_dir, clock):
    app, run_before = _table_question_last_part(data_dir, clock)
    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_palette(snap_compare, data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)

    async def run_before(pilot) -> None:
        await _start(pilot)
        await pilot.press(*"0.2", "enter")
        await settle(pilot, pilot.app)
        await pilot.press("ctrl+g", "ctrl+o")
        await _quiet(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


async def _finish_all(pilot) -> None:
    from .test_flows import answer_everything

    await _start(pilot)
    await answer_everything(pilot, pilot.app, pilot.app.screen)
    clock = pilot.app.clock
    clock.advance(125)
    await pilot.press("ctrl+s")
    await settle(pilot, pilot.app)
    await pilot.press("y")
    await _quiet(pilot)


def test_results(snap_compare, data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)
    assert snap_compare(app, terminal_size=SIZE, run_before=_finish_all)


def test_review(snap_compare, data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)

    async def run_before(pilot) -> None:
        await _finish_all(pilot)
        await pilot.press("r")
        await _quiet(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_review_solution_scrolled(snap_compare, data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)

    async def run_before(pilot) -> None:
        await _finish_all(pilot)
        await pilot.press("r")
        await settle(pilot, pilot.app)
        pilot.app.screen.query_one("#review-solution").scroll_visible(top=True, animate=False)
        await _quiet(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


if os.environ.get("INTERVIEW_SIM_SKIP_SNAPSHOTS"):  # pragma: no cover
    pytestmark = pytest.mark.skip("snapshots disabled by INTERVIEW_SIM_SKIP_SNAPSHOTS")
