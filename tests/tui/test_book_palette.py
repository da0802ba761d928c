"""Practice can start from a book id: the command palette offers every practised book problem."""

from __future__ import annotations

from interview_sim import book
from interview_sim.tui.screens.rules import RulesScreen

from .conftest import make_app, settle

SIZE = (100, 30)


async def test_palette_starts_practice_on_the_family_of_a_book_problem(data_dir, clock):
    # a problem several families vary shows the choice; else any practised one
    problems = book.practisable()
    entry = max(problems, key=lambda p: len(book.families_for(p.ref)))
    app = make_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+p")
        await settle(pilot, app)
        await pilot.press(*f"practise book problem {entry.ref}:")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, RulesScreen)
        screen = app.screen
        assert screen.preset.name == "practice"
        # the seed the app handed out decides the family, reproducibly
        assert screen.family == book.choose_family(entry.ref, screen.seed)[1]
        assert screen.family in book.families_for(entry.ref)
