"""The interview-date plan: type a date, see recall on the day (weakest first) and the reviews
per day until then. The same text as `interview-sim plan`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from interview_sim.tui.reported import reported


class PlanScreen(Screen):
    BINDINGS = [Binding("escape", "back", "Back", id="plan.back")]

    def __init__(self) -> None:
        super().__init__(id="plan")

    def compose(self) -> ComposeResult:
        with Vertical(id="plan-body"):
            yield Label("Interview date (YYYY-MM-DD), then Enter", classes="section-title")
            yield Input(id="plan-date")
            with VerticalScroll(id="plan-scroll"):
                yield Static("", id="plan-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        field = self.query_one("#plan-date", Input)
        field.value = str(self._today() + timedelta(days=30))
        field.focus()

    def _today(self) -> Any:
        from datetime import UTC, datetime

        return datetime.fromtimestamp(self.app.clock(), UTC).date()  # type: ignore[attr-defined]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from interview_sim.review.plan import PlanError, parse_plan_date

        try:
            target = parse_plan_date(event.value, self._today())
        except PlanError as error:
            self.show(Content.from_markup("[$text-error]$e[/]", e=str(error)))
            return
        self.show(Content("Planning…"))
        self.compute(target)

    @work(thread=True, exclusive=True, group="plan", exit_on_error=False)
    @reported("compute the plan")
    def compute(self, target: Any) -> None:
        from interview_sim.review.cards import all_cards
        from interview_sim.review.plan import make_plan
        from interview_sim.review.progress import plan_text
        from interview_sim.review.state import load_state, utc

        app: Any = self.app
        state, notes = load_state(app.store.root, app.store.transcripts(app.clock)[0], app.clock)
        now = utc(app.clock())
        text = plan_text(make_plan(state, all_cards(), target, now), set(state.cards), now.date())
        self.app.call_from_thread(self.show, Content("\n".join([*notes, text])))

    def show(self, content: Content) -> None:
        self.query_one("#plan-text", Static).update(content)

    def action_back(self) -> None:
        self.app.pop_screen()
