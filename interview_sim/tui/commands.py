"""Command-palette commands: go to question k, start a preset, drill a chapter, practise a family
or a book problem by its id in the book (e.g. PRB-22)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider


def _families() -> list[tuple[str, str]]:
    from interview_sim.registry import all_families

    return [(family.id, family.title) for family in all_families()]


def _book_problems() -> list[tuple[str, str]]:
    from interview_sim.book import practisable

    return [(entry.ref, entry.title) for entry in practisable()]


def practise_book_problem(app: Any, ref: str) -> None:
    """Start practice on the family that varies a book problem (picked by the new session's seed,
    so the choice is reproducible), saying which when several do."""
    from interview_sim.book import choose_family

    seed = app.new_seed()
    entry, family_id, families = choose_family(ref, seed)
    if len(families) > 1:
        app.notify(f"{entry.ref} is covered by {len(families)} families; practising {family_id}")
    app.start_preset("practice", family=family_id, seed=seed)


def chapters_with_content() -> list[tuple[str, str]]:
    """(chapter id, "title · n problem types") for the chapters that have families, in the
    book's order: a chapter with nothing to draw from is not offered."""
    from collections import Counter

    from interview_sim.chapters import CHAPTERS
    from interview_sim.registry import all_families

    counts = Counter(family.chapter for family in all_families())
    return [
        (chapter, f"{title} · {counts[chapter]} problem type{'s' if counts[chapter] != 1 else ''}")
        for chapter, title in CHAPTERS.items()
        if counts[chapter]
    ]


_LEAVE_HELP = (
    "leave the session (asks first): your saved answers are kept and you can continue it "
    "from Home; a timed session's clock keeps running"
)


class InterviewCommands(Provider):
    """Everything the home screen offers, plus 'go to question k' during a session."""

    async def startup(self) -> None:
        from interview_sim.engine.presets import list_presets

        app: Any = self.app
        commands: list[tuple[str, Callable[[], Any], str]] = []
        screen: Any = self.screen
        session = getattr(screen, "session", None)
        in_session = session is not None and hasattr(screen, "goto")
        if in_session:
            for i, q in enumerate(session.transcript.questions):
                commands.append(
                    (
                        f"Go to question {i + 1}: {q.section} · {q.title}",
                        partial(screen.goto, i),
                        "jump to this question",
                    )
                )
            commands.append(("Finish and submit", screen.action_finish, "asks first"))
            if session.preset.timed:
                # a timed exam: only what belongs to it; leaving asks first
                commands.append(("Home", partial(self.leave, app.go_home), _LEAVE_HELP))
                self.commands = commands
                return
        presets, _ = await asyncio.to_thread(list_presets, app.data_dir)
        try:
            families = await asyncio.to_thread(_families)
            chapters = await asyncio.to_thread(chapters_with_content)
        except Exception:  # a broken generator must not break the palette
            families, chapters = [], []
        try:
            book_problems = await asyncio.to_thread(_book_problems)
        except Exception:  # nor a broken book catalogue (the CLI's `coverage` reports it)
            book_problems = []
        guard = partial(partial, self.leave) if in_session else (lambda action: action)
        for preset in presets:
            commands.append(
                (
                    f"Start {preset.title}",
                    guard(partial(app.start_preset, preset.name, preset=preset)),
                    preset.description,
                )
            )
        for chapter, label in chapters:
            commands.append(
                (
                    f"Drill chapter: {label}",
                    guard(partial(app.start_preset, "chapter-drill", chapter=chapter)),
                    "8 problems from this chapter, 3 attempts each",
                )
            )
        for family_id, title in families:
            commands.append(
                (
                    f"Practise family: {title} ({family_id})",
                    guard(partial(app.start_preset, "practice", family=family_id)),
                    "endless practice of this family, feedback after each answer",
                )
            )
        for ref, title in book_problems:
            commands.append(
                (
                    f"Practise book problem {ref}: {title}",
                    guard(partial(practise_book_problem, app, ref)),
                    "endless practice of this problem of the book, in fresh variants",
                )
            )
        commands.append(("Home", guard(app.go_home), "back to the home screen"))
        self.commands = commands

    def leave(self, action: Callable[[], Any]) -> None:
        """Leaving a running session asks first; the session stays resumable."""
        from interview_sim.tui.screens.modals import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                self.screen.save_all()  # type: ignore[attr-defined]
                action()

        self.app.push_screen(Confirm("Leave this session?", _LEAVE_HELP, yes="Leave"), answered)

    async def discover(self) -> Hits:
        for text, callback, help_text in self.commands:
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self.commands:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)
