"""Write the docs screenshots (home, a question, results): ``python -m tests.tui.screenshots``."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from pathlib import Path

from .conftest import FakeClock, make_app, settle

DOCS = Path(__file__).resolve().parents[2] / "docs"


async def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    try:
        clock = FakeClock()
        app = make_app(tmp, clock, preset="mock-exam", seed=2024)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            await pilot.press("enter")
            await settle(pilot, app)
            screen = app.screen
            session = screen.session
            # answer a few parts so the palette and the previews show something
            for index in (0, 1):
                await screen.goto(index)
                await settle(pilot, app)
                for field in screen.fields():
                    field.input.focus()
                    field.input.value = field.record.expected
                    await pilot.press("enter")
                    await settle(pilot, app)
            await screen.goto(2)
            await settle(pilot, app)
            session.flag()
            clock.advance(17 * 60 + 42)
            screen.update_header()
            screen.tick()
            app.clear_notifications()
            first = screen.fields()[0]
            first.input.focus()
            first.input.value = "log(9/"
            await settle(pilot, app)
            app.save_screenshot("tui-question.svg", path=str(DOCS))
            for index in range(2, len(session.transcript.questions)):
                await screen.goto(index)
                await settle(pilot, app)
                for field in screen.fields()[:2]:
                    field.input.value = field.record.expected
                    field.input.focus()
                    await pilot.press("enter")
                    await settle(pilot, app)
            clock.advance(9 * 60)
            await pilot.press("ctrl+s")
            await settle(pilot, app)
            await pilot.press("y")
            await settle(pilot, app)
            app.clear_notifications()
            await settle(pilot, app)
            app.save_screenshot("tui-results.svg", path=str(DOCS))
            app.go_home()
            await settle(pilot, app)
            app.save_screenshot("tui-home.svg", path=str(DOCS))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
