"""The Textual app: one factory shared by the CLI (``run_tui``) and the tests (``InterviewApp``).

Nothing heavy is imported on the way to the home screen: the session store, the engine, sympy and
the generators load in thread workers, so the home screen is interactive in well under a second.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from interview_sim.tui.commands import InterviewCommands
from interview_sim.tui.reported import reported

if TYPE_CHECKING:
    from interview_sim.engine.presets import Preset
    from interview_sim.engine.session import Session
    from interview_sim.engine.transcript import Transcript
    from interview_sim.store.sessions import SessionStore

Clock = Callable[[], float]
# bench: write the time the app became ready to this file and leave at once (headless)
EXIT_ON_READY = "INTERVIEW_SIM_TUI_EXIT_ON_READY"
RETRY_SECONDS = 5.0  # a failed save is tried again this often (and on every later action)


def _fresh_seed() -> int:
    from interview_sim.seeds import fresh_seed

    return fresh_seed()


class InterviewApp(App[int]):
    """The mock-interview TUI over a session store, with an injectable clock and seed source."""

    CSS_PATH = "app.tcss"
    TITLE = "interview-sim"
    SUB_TITLE = "mock interviews for deep-learning jobs"
    COMMANDS = App.COMMANDS | {InterviewCommands}
    BINDINGS = [
        Binding("ctrl+q", "request_quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(
        self,
        store: SessionStore | None = None,
        clock: Clock = time.time,
        *,
        data_dir: Path | str | None = None,
        preset: str | None = None,
        seed: int | None = None,
        chapter: str | None = None,
        family: str | None = None,
        resume: str | None = None,
        seeds: Callable[[], int] | None = None,
        blink: bool = True,
    ) -> None:
        super().__init__()
        if store is None and data_dir is None:
            raise ValueError("InterviewApp needs a store or a data_dir")
        self._store = store
        self.data_dir = Path(store.root if store is not None else data_dir)  # type: ignore[arg-type]
        self.clock = clock
        self.new_seed = seeds or _fresh_seed
        self.blink = blink
        self.initial = {"preset": preset, "seed": seed, "chapter": chapter, "family": family}
        self.resume_id = resume
        self.active: Session | None = None  # the session open for writing, if any
        self._retry: Any = None  # the timer retrying a failed save, while one is pending

    # -- lazily loaded core --------------------------------------------------------------------
    @property
    def store(self) -> SessionStore:
        """The session store (imported on first use: it pulls in the engine and sympy)."""
        if self._store is None:
            from interview_sim.store.sessions import SessionStore

            self._store = SessionStore(self.data_dir)
        return self._store

    def get_default_screen(self) -> Screen:
        from interview_sim.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        from interview_sim.answers.worker import start_in_background

        start_in_background()  # the first symbolic check then costs what the tenth does
        if self.initial["preset"]:
            self.start_preset(
                self.initial["preset"],
                chapter=self.initial["chapter"],
                family=self.initial["family"],
                seed=self.initial["seed"],
            )
        elif self.resume_id:
            self.open_session(self.resume_id)

    def on_ready(self) -> None:
        stamp_file = os.environ.get(EXIT_ON_READY)
        if stamp_file:
            Path(stamp_file).write_text(repr(time.time()), encoding="utf-8")
            self.exit(0)

    # -- navigation ----------------------------------------------------------------------------
    def start_preset(
        self,
        name: str,
        *,
        chapter: str | None = None,
        family: str | None = None,
        seed: int | None = None,
        preset: Preset | None = None,
    ) -> None:
        """Show a preset's rules; the session is built meanwhile and started on Start."""
        from interview_sim.engine.presets import PresetError, find_preset
        from interview_sim.tui.screens.rules import RulesScreen

        try:
            preset = preset or find_preset(name, self.data_dir)
        except PresetError as error:
            self.notify(str(error), title="Cannot start", severity="error", timeout=8)
            return
        if preset.choose_chapter and not chapter and not family:
            self.choose_chapter(preset)
            return
        self.push_screen(RulesScreen(preset, chapter=chapter, family=family, seed=seed))

    def choose_chapter(self, preset: Preset) -> None:
        from interview_sim.tui.commands import chapters_with_content
        from interview_sim.tui.screens.modals import Picker

        def chosen(chapter: str | None) -> None:
            if chapter:
                self.start_preset(preset.name, chapter=chapter, preset=preset)

        self.push_screen(
            Picker(f"{preset.title}: choose a chapter", chapters_with_content()), chosen
        )

    def show_session(self, session: Session, just_expired: bool = False) -> None:
        """Go to the screen that fits a session's state (rules, question, time-up or results)."""
        from interview_sim.engine.transcript import CREATED, STARTED
        from interview_sim.tui.screens.question import QuestionScreen
        from interview_sim.tui.screens.rules import RulesScreen

        state = session.transcript.state
        if state == CREATED:
            self.active = session
            self.push_screen(RulesScreen(session.preset, session=session))
        elif state == STARTED:
            self.active = session
            self.push_screen(QuestionScreen(session))
        elif just_expired:
            self.show_time_up(session, replace=False)
        else:
            self.show_results(session, replace=False)

    def tick_explains(self, session: Session, then: Callable[[], None]) -> None:
        """After submitting: each explain answer is self-assessed (model answer, rubric
        checkboxes) before the results; "later" leaves it unscored and goes on."""
        from interview_sim.engine.session import SaveFailed
        from interview_sim.tui.screens.rubric import RubricScreen

        waiting = session.awaiting_ticks()
        if not waiting:
            then()
            return
        slot, part_id = waiting[0]
        record = session.transcript.questions[slot].part(part_id)

        def ticked(points: list[int] | None) -> None:
            if points is None:
                then()
                return
            try:
                session.self_assess(slot, part_id, points)
            except SaveFailed as error:
                self.save_failed(session, error)
            self.tick_explains(session, then)

        title = f"Question {slot + 1}: self-assessment before your results"
        self.push_screen(RubricScreen(record, title), ticked)

    def show_results(self, session: Session, replace: bool = True) -> None:
        if session.awaiting_ticks():
            self.tick_explains(session, lambda: self._show_results(session, replace))
        else:
            self._show_results(session, replace)

    def _show_results(self, session: Session, replace: bool = True) -> None:
        from interview_sim.tui.screens.results import ResultsScreen

        self._release(session)
        screen = ResultsScreen(session.transcript)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_time_up(self, session: Session, replace: bool = True) -> None:
        if session.awaiting_ticks():
            self.tick_explains(session, lambda: self._show_time_up(session, replace))
        else:
            self._show_time_up(session, replace)

    def _show_time_up(self, session: Session, replace: bool = True) -> None:
        from interview_sim.tui.screens.results import TimeUpScreen

        self._release(session)
        screen = TimeUpScreen(session.transcript)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_review(self, transcript: Transcript, index: int = 0) -> None:
        from interview_sim.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(transcript, index))

    def go_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.screen.refresh_data()  # type: ignore[attr-defined]

    def _release(self, session: Session) -> None:
        if self.active is session:
            self.active = None
        if self._store is not None:
            self._store.release(session.transcript.id)

    # -- opening a saved session (imports the engine: a worker) --------------------------------
    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    @reported("open the session")
    def open_session(self, ref: str) -> None:
        from interview_sim.store.files import SessionLocked
        from interview_sim.store.sessions import CorruptSession, UnknownSession

        try:
            session_id = self.store.resolve(ref, unfinished=False)
            was_started = self.store.load(session_id).state == "started"
            session = self.store.open(session_id, self.clock)
        except SessionLocked:
            self.call_from_thread(
                self.notify,
                f"session {ref} is open in another interview-sim window; close it there first",
                title="Cannot open",
                severity="error",
                timeout=8,
            )
            return
        except (UnknownSession, CorruptSession, OSError) as error:
            self.call_from_thread(
                self.notify, str(error), title="Cannot open", severity="error", timeout=8
            )
            return
        from interview_sim.tui.building import warm_checker

        warm_checker()
        if session.save_error is not None:  # settled (graded) in memory, but not written
            self.call_from_thread(self.save_failed, session, session.save_error)
        expired = was_started and session.transcript.finish_reason == "time_up"
        self.call_from_thread(self.show_session, session, expired)

    # -- saves that fail ----------------------------------------------------------------------
    def save_failed(self, session: Session, error: Exception) -> None:
        """A write failed (disk full, read-only or missing data dir): say so once, keep the
        session in memory, and retry on a timer until a save succeeds."""
        if self._retry is not None:
            return  # already reported; the timer is retrying
        self.notify(
            f"{error}.\nNothing is lost yet: your work is kept in memory and saved again every "
            f"{RETRY_SECONDS:g} s and on your next action. Free some space or fix the folder.",
            title="Not saved",
            severity="error",
            timeout=12,
        )
        self._retry = self.set_interval(RETRY_SECONDS, lambda: self._retry_save(session))

    def _retry_save(self, session: Session) -> None:
        if session.retry_save():
            self._retry.stop()
            self._retry = None
            self.notify("Saved: everything is on disk again.", title="Saved", timeout=4)

    # -- quitting ------------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, but "Quit" asks first during a session like ctrl+q does."""
        for command in super().get_system_commands(screen):
            if command.title == "Quit":
                yield SystemCommand(
                    "Quit", "Quit (asks first during a session)", self.action_request_quit
                )
            else:
                yield command

    def action_request_quit(self) -> None:
        from interview_sim.engine.transcript import STARTED
        from interview_sim.tui.screens.modals import Confirm

        session = self.active
        unsaved = session is not None and not session.retry_save()
        if session is None or (session.transcript.state != STARTED and not unsaved):
            self.exit(0)
            return
        save = getattr(self.screen, "save_all", None)
        if callable(save) and session.transcript.state == STARTED:
            save()
            unsaved = session.save_error is not None
        if unsaved:
            title, yes = "Leave without saving?", "Leave anyway"
            body = (
                f"The last changes could not be written ({session.save_error}); they are lost if "
                "you leave now. Stay, free some space, and they are saved within seconds."
            )
        elif session.preset.endless:
            title, yes = "End this practice?", "End practice"
            body = (
                "Leaving ends this practice session: every answer you checked is kept and counts "
                "in your statistics. Text you typed but did not check is kept, not graded."
            )
        else:
            title, yes = "Leave the session?", "Leave"
            body = (
                "Your answers are saved, including text typed but not entered. "
                + ("The clock keeps running while you are away. " if session.preset.timed else "")
                + f"Resume later with:\n\n  interview-sim resume {session.transcript.id}"
            )

        def leave(yes: bool | None) -> None:
            if not yes:
                return
            if session.preset.endless and session.transcript.state == STARTED and not unsaved:
                from interview_sim.engine.session import SaveFailed, SessionError

                try:
                    session.leave()
                except SaveFailed as error:
                    self.save_failed(session, error)
                    return
                except SessionError:  # time ran out meanwhile: already finished
                    pass
            self.exit(0)

        self.push_screen(Confirm(title, body, yes=yes, no="Stay"), leave)

    def on_unmount(self) -> None:
        if self.active is not None and self._store is not None:
            self._store.release(self.active.transcript.id)


def run_tui(args: Any) -> int:
    """The CLI entry: ``run PRESET`` opens that preset's rules, ``resume`` reopens a session.

    With no preset (``args.preset`` missing or empty) the app opens on the home screen.
    """
    from interview_sim.store.paths import data_dir

    app = InterviewApp(
        data_dir=data_dir(getattr(args, "data_dir", None)),
        preset=None if getattr(args, "resume", None) else getattr(args, "preset", None),
        seed=getattr(args, "seed", None),
        chapter=getattr(args, "chapter", None),
        family=getattr(args, "family", None),
        resume=getattr(args, "resume", None),
    )
    result = app.run(headless=bool(os.environ.get(EXIT_ON_READY)))
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover - `python -m interview_sim.tui.app`
    import argparse

    raise SystemExit(run_tui(argparse.Namespace()))
