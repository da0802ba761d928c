"""The TUI side of review: Home's "Due today (N)", a review session started from it, the plan."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from interview_sim.review.state import read_state, state_path
from interview_sim.tui.screens.home import HomeScreen
from interview_sim.tui.screens.plan import PlanScreen
from interview_sim.tui.screens.question import QuestionScreen
from interview_sim.tui.screens.rules import RulesScreen
from tests.tui.conftest import FakeClock, make_app, screen_text, settle

SIZE = (110, 36)


def test_due_today_starts_a_review_that_schedules_its_cards(tmp_path):
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "settings.toml").write_text("new_per_day = 2\n")

    async def scenario() -> None:
        app = make_app(tmp_path, FakeClock())
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, app)
            assert isinstance(app.screen, HomeScreen)
            assert "Due today (0)" in screen_text(app) and "2 new cards" in screen_text(app)
            await pilot.press("v")
            await settle(pilot, app)
            assert isinstance(app.screen, RulesScreen)
            await pilot.press("enter")
            await settle(pilot, app)
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            session = screen.session
            assert len(session.transcript.questions) == 2
            for question in session.transcript.questions:
                for part in question.parts:
                    session.check(question.slot, part.id, part.expected)
            session.finish()
            app.go_home()
            await settle(pilot, app)
            assert "Due today (0)  spaced review (FSRS) · nothing to review now" in screen_text(app)
        state = read_state(state_path(tmp_path))
        assert {q.family for q in session.transcript.questions} == set(state.cards)
        assert all(card.last_rating == 3 for card in state.cards.values())

    asyncio.run(scenario())


def test_the_plan_screen_checks_the_date_and_shows_the_plan(tmp_path):
    clock = FakeClock()
    today = datetime.fromtimestamp(clock(), UTC).date()

    async def scenario() -> None:
        app = make_app(tmp_path, clock)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, app)
            await pilot.press("i")
            await settle(pilot, app)
            assert isinstance(app.screen, PlanScreen)
            field = app.screen.query_one("#plan-date")
            assert field.value == str(today + timedelta(days=30))
            field.value = "2000-01-01"
            await pilot.press("enter")
            await settle(pilot, app)
            assert "is in the past" in screen_text(app)
            field.value = str(today + timedelta(days=3))
            await pilot.press("enter")
            await settle(pilot, app)
            text = screen_text(app)
            assert f"Interview on {today + timedelta(days=3)} (3 days away)" in text
            assert "Reviews per day" in text
            await pilot.press("escape")
            await settle(pilot, app)
            assert isinstance(app.screen, HomeScreen)

    asyncio.run(scenario())
