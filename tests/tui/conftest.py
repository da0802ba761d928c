"""Shared pieces for the TUI tests: a fake clock, a small preset, the app factory, screen text."""

from __future__ import annotations

import asyncio
import inspect
import io
import textwrap
from pathlib import Path

import pytest
from rich.console import Console

from interview_sim.tui.app import InterviewApp


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no async plugin is installed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


T0 = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC


class FakeClock:
    """Epoch seconds that only move when a test says so."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


SMALL_EXAM = """
name = "small-exam"
title = "Small exam"
description = "Two logistic-regression questions, 10 minutes, no feedback until the end."
duration_minutes = 10
feedback = "end"
attempts = 0
pass_mark = 0.6

[[sections]]
title = "Odds"
families = ["lr_odds_logodds"]
count = 2
"""

SMALL_DRILL = """
name = "small-drill"
title = "Small drill"
description = "Odds questions with feedback after each answer, 2 attempts per part."
duration_minutes = 0
feedback = "each"
attempts = 2
show_solution = "after_attempts"

[[sections]]
title = "Odds"
families = ["lr_odds_logodds"]
count = 2
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    presets = tmp_path / "presets"
    presets.mkdir()
    (presets / "small-exam.toml").write_text(textwrap.dedent(SMALL_EXAM), encoding="utf-8")
    (presets / "small-drill.toml").write_text(textwrap.dedent(SMALL_DRILL), encoding="utf-8")
    return tmp_path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_app(data_dir: Path, clock: FakeClock, **kwargs) -> InterviewApp:
    from interview_sim.store.sessions import SessionStore

    seeds = iter(range(1234, 99999))
    return InterviewApp(
        SessionStore(data_dir), clock, seeds=lambda: next(seeds), blink=False, **kwargs
    )


def screen_text(app: InterviewApp) -> str:
    """What the terminal shows now, as plain text (for assertions and debugging)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, record=True
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


async def settle(pilot, app: InterviewApp) -> None:
    """Let workers finish and the screen repaint."""
    await pilot.pause()
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()
