"""Home: start a preset, continue an unfinished session, recent results with a sparkline."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from interview_sim.tui.reported import reported
from interview_sim.tui.text import clock_text, percent_text, when

ORDER = ("mock-exam", "rapid-fire", "chapter-drill", "practice")
KEYS = {
    "mock-exam": "m",
    "rapid-fire": "r",
    "chapter-drill": "d",
    "practice": "p",
    "concept-drill": "k",
}


class HomeScreen(Screen):
    BINDINGS = [
        Binding("m", "start('mock-exam')", "Mock exam", id="home.mock"),
        Binding("r", "start('rapid-fire')", "Rapid fire", id="home.rapid"),
        Binding("d", "start('chapter-drill')", "Drill", id="home.drill"),
        Binding("p", "start('practice')", "Practice", id="home.practice"),
        # listed as [k] on the screen; the footer at 80 columns has no room for one more key
        Binding("k", "start('concept-drill')", "Concepts", id="home.concepts", show=False),
        Binding("c", "resume", "Continue", id="home.continue"),
        Binding("v", "review", "Review", id="home.review"),
        Binding("i", "plan", "Plan", id="home.plan"),
        Binding("h", "history", "History", id="home.history"),
        Binding("q", "app.request_quit", "Quit", id="home.quit", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="home")
        self.unfinished: list[Any] = []  # the one to continue first (see engine.settle.resumable)
        self.presets: list[Any] = []
        self.loaded = False  # history read at least once
        self.resume_queued = False  # Continue pressed while the history was loading
        self.due_label: Content | None = None  # "Due today (N)", once the review state is read

    def compose(self) -> ComposeResult:
        yield Static(
            Content.from_markup(
                "[b]interview-sim[/b]  [$text-muted]mock interviews for deep-learning jobs[/]"
            ),
            id="home-title",
        )
        with Vertical(id="home-start"):
            yield Label("Start", classes="section-title")
            yield OptionList(id="home-actions")
        with Vertical(id="home-recent"):
            yield Label("Recent results", classes="section-title")
            yield Static("Loading your history…", id="home-trend")
            yield Static("", id="home-results")
        yield Static("", id="home-errors")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        from interview_sim.engine.presets import list_presets

        presets, errors = list_presets(self.app.data_dir)  # type: ignore[attr-defined]
        rank = {name: i for i, name in enumerate(ORDER)}
        self.presets = sorted(presets, key=lambda p: (rank.get(p.name, len(ORDER)), p.name))
        self.preset_errors = errors
        self.fill_actions()
        self.query_one("#home-actions", OptionList).focus()
        self.refresh_data()

    def fill_actions(self) -> None:
        actions = self.query_one("#home-actions", OptionList)
        highlighted = actions.highlighted
        actions.clear_options()
        if self.unfinished:
            latest = self.unfinished[0]
            actions.add_option(Option(self.continue_label(latest), id="resume"))
        if self.due_label is not None:
            actions.add_option(Option(self.due_label, id="review"))
        for preset in self.presets:
            key = KEYS.get(preset.name)
            label = Content.from_markup(
                "$key $title  [$text-muted]$desc[/]",
                key=f"[{key}]" if key else "   ",
                title=preset.title,
                desc=preset.description,
            )
            actions.add_option(Option(label, id=f"preset:{preset.name}"))
        actions.add_option(
            Option(
                Content.from_markup(
                    "\\[i] Interview plan  [$text-muted]recall on the day, reviews until then[/]"
                ),
                id="plan",
            )
        )
        actions.add_option(
            Option(
                Content.from_markup(
                    "\\[h] History and statistics  [$text-muted]every session, by chapter[/]"
                ),
                id="history",
            )
        )
        actions.highlighted = highlighted if highlighted is not None else 0

    def continue_label(self, transcript: Any) -> Content:
        title = transcript.preset.get("title", "session")
        if transcript.state == "created":
            detail = "not started yet"
        elif transcript.deadline is not None:
            detail = clock_text(transcript.deadline - self.app.clock())  # type: ignore[attr-defined]
        else:
            answered = sum(1 for q in transcript.questions if q.answered)
            detail = f"{answered} of {len(transcript.questions)} answered"
        return Content.from_markup(
            "[$text-accent b]\\[c] Continue $title[/]  [$text-muted]$detail · $when[/]",
            title=title,
            detail=detail,
            when=when(transcript.created_at),
        )

    def refresh_data(self) -> None:
        self.load_history()

    @work(thread=True, exclusive=True, group="home", exit_on_error=False)
    @reported("load your history")
    def load_history(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]  # imports the engine: in a thread
        transcripts, errors = store.transcripts(self.app.clock)  # type: ignore[attr-defined]
        from interview_sim.tui.due import due_label

        label, notes = due_label(store, self.app.clock)  # type: ignore[attr-defined]
        self.due_label = label
        self.app.call_from_thread(self.show_history, transcripts, errors + notes)

    def show_history(self, transcripts: list[Any], errors: list[str]) -> None:
        from interview_sim.engine.settle import resumable
        from interview_sim.stats import sparkline

        ordered = sorted(transcripts, key=lambda t: t.created_at, reverse=True)
        self.unfinished = resumable(transcripts, self.app.clock())  # type: ignore[attr-defined]
        self.loaded = True
        graded = [t for t in ordered if t.state == "graded" and t.results]
        self.fill_actions()
        trend = self.query_one("#home-trend", Static)
        results = self.query_one("#home-results", Static)
        if not graded:
            trend.update(
                Content.from_markup("[$text-muted]No results yet: start a mock exam with m.[/]")
            )
            results.update("")
        else:
            scores = [t.results["percent"] for t in reversed(graded)][-30:]
            trend.update(
                Content.from_markup(
                    "scores  [$text-accent]$spark[/]  last $last",
                    spark=sparkline(scores),
                    last=percent_text(scores[-1]),
                )
            )
            lines = []
            for t in graded[:5]:
                passed = t.results.get("passed")
                mark = "[$text-success]pass[/]" if passed else "[$text-error]fail[/]"
                lines.append(
                    Content.from_markup(
                        f"$when  $title  $pct {mark}",
                        when=when(t.created_at),
                        title=f"{t.preset.get('name', '?'):<14}",
                        pct=f"{percent_text(t.results.get('percent')):>6}",
                    )
                )
            results.update(Content("\n").join(lines))
        problems = list(self.preset_errors) + list(errors)
        self.query_one("#home-errors", Static).update(
            Content.from_markup("[$text-error]$e[/]", e="\n".join(problems)) if problems else ""
        )
        if self.resume_queued:
            self.resume_queued = False
            self.action_resume()

    # -- actions -------------------------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id == "resume":
            self.action_resume()
        elif option_id == "history":
            self.action_history()
        elif option_id == "review":
            self.action_review()
        elif option_id == "plan":
            self.action_plan()
        elif option_id.startswith("preset:"):
            self.action_start(option_id.removeprefix("preset:"))

    def action_start(self, name: str) -> None:
        preset = next((p for p in self.presets if p.name == name), None)
        self.app.start_preset(name, preset=preset)  # type: ignore[attr-defined]

    def action_resume(self) -> None:
        if not self.loaded:  # keep the key until the sessions are read
            self.resume_queued = True
            self.query_one("#home-trend", Static).update("building… (reading your sessions)")
            return
        if not self.unfinished:
            self.notify("There is no unfinished session.", severity="warning")
            return
        self.app.open_session(self.unfinished[0].id)  # type: ignore[attr-defined]

    def action_history(self) -> None:
        from interview_sim.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_review(self) -> None:
        from interview_sim.tui.due import start_review

        start_review(self)

    def action_plan(self) -> None:
        from interview_sim.tui.screens.plan import PlanScreen

        self.app.push_screen(PlanScreen())
