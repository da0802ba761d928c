"""Rules: the preset's rules rows and the exam code; the clock starts only on an explicit Start."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static


class RulesScreen(Screen):
    BINDINGS = [
        Binding("enter,s", "start", "Start", id="rules.start"),
        Binding("escape", "back", "Back", id="rules.back"),
    ]

    def __init__(
        self,
        preset: Any,
        *,
        chapter: str | None = None,
        family: str | None = None,
        seed: int | None = None,
        session: Any = None,
        replay: Any = None,
    ) -> None:
        super().__init__(id="rules")
        self.preset = preset
        self.chapter, self.family, self.seed = chapter, family, seed
        self.session = session
        self.replay = replay
        self.failed = False
        self.start_queued = False  # Start was pressed before the session was built

    def compose(self) -> ComposeResult:
        preset = self.preset
        with VerticalScroll(id="rules-body"):
            title = preset.title
            if self.chapter:
                from interview_sim.chapters import CHAPTERS

                title += f": {CHAPTERS.get(self.chapter, self.chapter)}"
            elif self.family:
                title += f": {self.family}"
            yield Static(title, id="rules-title", markup=False)
            if preset.description:
                yield Static(preset.description, id="rules-description", markup=False)
            with Grid(id="rules-table"):
                for label, value in preset.rules():
                    yield Static(label, classes="rules-label", markup=False)
                    yield Static(value, classes="rules-value", markup=False)
            yield Static("Preparing the questions…", id="rules-code")
            yield Static(self.start_text(), id="rules-start")
        yield Footer(compact=True)

    def start_text(self) -> Content:
        clock = "The clock starts" if self.preset.timed else "The session starts"
        return Content.from_markup(
            "[$text-accent b]Press enter to start.[/] $clock when you press it; escape goes back.",
            clock=clock,
        )

    def on_mount(self) -> None:
        if self.session is None:
            self.build()
        else:
            self.built(self.session)

    @work(thread=True, exclusive=True, group="build", exit_on_error=False)
    def build(self) -> None:
        from interview_sim.tui.building import build_session

        app: Any = self.app
        seed = self.seed if self.seed is not None else app.new_seed()
        try:
            session = build_session(
                app.store,
                app.clock,
                self.preset,
                seed,
                chapter=self.chapter,
                family=self.family,
                replay=self.replay,
            )
        except Exception as error:  # an unknown family or chapter, a broken generator
            app.call_from_thread(self.build_failed, str(error))
            return
        app.call_from_thread(self.built, session)

    def built(self, session: Any) -> None:
        self.session = session
        t = session.transcript
        count = len(t.questions)
        what = "endless" if self.preset.endless else f"{count} question{'s' if count != 1 else ''}"
        self.query_one("#rules-code", Static).update(
            Content.from_markup(
                "Exam code [b]$code[/] [$text-muted]($what; the same code rebuilds this exam)[/]",
                code=t.code,
                what=what,
            )
        )
        if self.start_queued:
            self.start_queued = False
            self.action_start()

    def build_failed(self, message: str) -> None:
        self.failed = True
        self.query_one("#rules-code", Static).update(
            Content.from_markup("[$text-error]Cannot build this session: $m[/]", m=message)
        )
        self.start_queued = False
        self.query_one("#rules-start", Static).update("Press escape to go back.")

    def action_start(self) -> None:
        from interview_sim.engine.session import SaveFailed, SessionError
        from interview_sim.tui.screens.question import QuestionScreen

        if self.session is None:
            if not self.failed:  # keep the key: start as soon as the build finishes
                self.start_queued = True
                self.query_one("#rules-start", Static).update(
                    Content.from_markup(
                        "[$text-accent b]building…[/] the session starts as soon as the "
                        "questions are ready; escape goes back."
                    )
                )
            return
        app: Any = self.app
        try:
            if self.session.store is None:
                app.store.create(self.session)
            self.session.start()
        except SaveFailed as error:  # started in memory: go on, the app keeps retrying the save
            app.save_failed(self.session, error)
        except SessionError as error:
            self.notify(str(error), severity="error")
            return
        except Exception as error:  # the store refused (locked, disk full)
            self.notify(str(error), title="Cannot start", severity="error", timeout=8)
            return
        app.active = self.session
        app.switch_screen(QuestionScreen(self.session))

    def action_back(self) -> None:
        self.app.pop_screen()
