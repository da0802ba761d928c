"""Moving between questions: every view is built ahead when idle (never while typing), a switch
to a view still being built waits for it, and the header is never stale after a switch."""

from __future__ import annotations

import asyncio
import time

from interview_sim.tui.screens.question import QuestionScreen

from .conftest import make_app, screen_text, settle

SIZE = (80, 24)


async def start_mock_exam(pilot, app) -> QuestionScreen:
    await settle(pilot, app)
    await pilot.press("enter")
    await settle(pilot, app)
    assert isinstance(app.screen, QuestionScreen)
    return app.screen


def assert_header_current(app, screen: QuestionScreen) -> None:
    """The header, the palette and the one visible view all belong to the current question."""
    question = screen.session.current
    total = len(screen.session.transcript.questions)
    top = screen_text(app).splitlines()[0]
    assert f"question {question.slot + 1} of {total} · {question.section[:10]}" in top, top
    assert screen.shown_slot == question.slot
    shown = [slot for slot, view in screen.views.items() if view.display]
    assert shown == [question.slot]
    strip = str(screen.query_one("#q-palette").render())
    assert f" {question.slot + 1}" in strip


async def test_header_follows_fast_and_slow_switches(data_dir, clock):
    app = make_app(data_dir, clock, preset="mock-exam", seed=11)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_mock_exam(pilot, app)
        total = len(screen.session.transcript.questions)
        for _ in range(total - 1):  # at once: views not built yet are built on the key
            await pilot.press("pagedown")
            assert_header_current(app, screen)
        for _ in range(total - 1):  # back through views that exist
            await pilot.press("pageup")
            await pilot.pause()
            assert_header_current(app, screen)
        await pilot.press("ctrl+g")  # flagged: the flag shows; unflagged: it goes
        await pilot.pause()
        assert "⚑" in screen_text(app).splitlines()[0]
        await pilot.press("pagedown")
        await pilot.pause()
        assert "⚑" not in screen_text(app).splitlines()[0].split("·")[0]
        assert_header_current(app, screen)


async def test_every_view_is_built_ahead_while_idle(data_dir, clock):
    app = make_app(data_dir, clock, preset="mock-exam", seed=12)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_mock_exam(pilot, app)
        total = len(screen.session.transcript.questions)
        for _ in range(100):
            if not screen.unbuilt_slots():
                break
            await asyncio.sleep(0.1)
        assert sorted(screen.views) == list(range(total))
        assert screen.session.transcript.current == 0  # built, not visited
        assert [s for s, view in screen.views.items() if view.display] == [0]
        for slot, view in screen.views.items():  # each holds its own question's boxes
            assert [f.record for f in view.part_fields] == screen.session.transcript.questions[
                slot
            ].parts


async def test_no_view_is_built_while_typing(data_dir, clock):
    app = make_app(data_dir, clock, preset="mock-exam", seed=13)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_mock_exam(pilot, app)
        if screen.build_timer is not None:
            screen.build_timer.stop()
        before = set(screen.views)
        screen.typed_at = time.monotonic()  # a key was just typed
        await screen.build_ahead()
        assert set(screen.views) == before
        assert screen.build_timer is not None  # tried again after the typing pause
        screen.typed_at = 0.0
        await screen.build_ahead()
        assert len(screen.views) == len(before) + 1 or not screen.unbuilt_slots()


async def test_switching_to_a_view_being_built_waits_for_it(data_dir, clock):
    app = make_app(data_dir, clock, preset="mock-exam", seed=14)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_mock_exam(pilot, app)
        if screen.build_timer is not None:
            screen.build_timer.stop()
        target = screen.unbuilt_slots()[0] if screen.unbuilt_slots() else None
        if target is None:  # everything was built during start-up: drop one view
            target = 1
            await screen.views.pop(target).remove()
        building = asyncio.create_task(screen.build_ahead())
        await asyncio.sleep(0)  # the build has registered the view and awaits its mount
        assert target in screen.views and not screen.views[target].ready.is_set()
        await screen.goto(target)
        await building
        assert screen.shown_slot == target
        assert [f.input.value for f in screen.fields()]  # the boxes are there to read
        assert_header_current(app, screen)
