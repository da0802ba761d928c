"""Time-up and results: the score, pass/fail, a table per section, time per question, the code."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static

from interview_sim.engine.scoring import self_assessed_note
from interview_sim.engine.transcript import retake_command
from interview_sim.tui.text import duration_text


class TimeUpScreen(Screen):
    """Tells the user the time ran out and that the saved answers were submitted for them."""

    BINDINGS = [Binding("enter,space", "results", "See results", id="timeup.results")]

    def __init__(self, transcript: Any) -> None:
        super().__init__(id="timeup")
        self.transcript = transcript

    def compose(self) -> ComposeResult:
        answered = sum(1 for q in self.transcript.questions if q.answered)
        total = len(self.transcript.questions)
        yield Static(
            Content.from_markup(
                "[b $text-warning]Time is up.[/]\n\n"
                "Your saved answers ($answered of $total questions answered) were submitted "
                "automatically and graded.\n\n[$text-muted]Press enter to see your results.[/]",
                answered=str(answered),
                total=str(total),
            ),
            id="timeup-message",
        )
        yield Footer(compact=True)

    def action_results(self) -> None:
        self.app.switch_screen(ResultsScreen(self.transcript))


class ResultsScreen(Screen):
    BINDINGS = [
        Binding("r,enter", "review", "Review answers", id="results.review"),
        Binding("h,escape", "home", "Home", id="results.home"),
        Binding("q", "app.request_quit", "Quit", id="results.quit", show=False),
    ]

    def __init__(self, transcript: Any) -> None:
        super().__init__(id="results")
        self.transcript = transcript

    def compose(self) -> ComposeResult:
        t = self.transcript
        results = t.results or {}
        percent = results.get("percent", 0.0)
        passed = results.get("passed")
        pass_mark = results.get("pass_mark", t.preset.get("pass_mark", 0.6))
        reason = " · time ran out" if t.finish_reason == "time_up" else ""
        if t.preset.get("feedback") == "each":  # practice: a score to learn from, not a verdict
            verdict, rule = "", f"[$text-muted]{reason.removeprefix(' · ')}[/]" if reason else ""
        else:
            verdict = (
                "[$text-success b]passed[/]" if passed else "[$text-error b]below the pass mark[/]"
            )
            rule = "[$text-muted](pass mark $mark$reason)[/]"
        with VerticalScroll(id="results-body"):
            yield Static(
                Content.from_markup(
                    f"[b]$title[/]  $pct  {verdict} {rule}",
                    title=t.preset.get("title", "Session"),
                    pct=f"{percent:.1f}%",
                    mark=f"{pass_mark:.0%}",
                    reason=reason,
                ),
                id="results-total",
            )
            if note := self_assessed_note(results):
                yield Static(Content(f"The total {note}."), id="results-self-assessed")
            yield Label("Sections", classes="section-title")
            sections: DataTable = DataTable(id="results-sections", cursor_type="none")
            sections.add_columns("Section", "Score", "Max", "%")
            for row in results.get("sections", []):
                share = row["score"] / row["max"] * 100 if row["max"] else 0.0
                sections.add_row(
                    row["title"], f"{row['score']:.1f}", f"{row['max']:.1f}", f"{share:.0f}%"
                )
            yield sections
            yield Label("Time per question", classes="section-title")
            questions: DataTable = DataTable(id="results-questions", cursor_type="none")
            questions.add_columns("#", "Question", "Score", "Time")
            for row in results.get("questions", []):
                questions.add_row(
                    str(row["slot"] + 1),
                    row["title"],
                    f"{row['score']:.1f} / {row['max']:.1f}",
                    duration_text(row.get("time_spent")),
                )
            yield questions
            yield Static(
                Content.from_markup(
                    "Exam code [b]$code[/] [$text-muted](retake: $retake)[/]\n"
                    "Press r to review every answer with the worked solutions.",
                    code=t.code,
                    retake=retake_command(t),
                ),
                id="results-code",
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#results-body").focus()

    def action_review(self) -> None:
        self.app.show_review(self.transcript)  # type: ignore[attr-defined]

    def action_home(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]
