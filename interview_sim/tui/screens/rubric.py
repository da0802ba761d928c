"""Self-assessment of an explain answer: the candidate's words, the model answer, and one
checkbox per rubric point. Dismisses with the ticked points (0-based), or None to decide later."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Static


class RubricScreen(ModalScreen[list[int] | None]):
    """Tick the points your answer covered; the score is their weighted share (self-assessed)."""

    BINDINGS = [
        Binding("ctrl+s", "done", "Done", id="rubric.done"),
        Binding("escape", "later", "Later", id="rubric.later"),
    ]

    def __init__(self, record: Any, title: str = "") -> None:
        super().__init__(classes="confirm")
        self.record = record
        self.title_text = title or "Self-assessment"

    def compose(self) -> ComposeResult:
        record = self.record
        with VerticalScroll(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(
                Content.from_markup(
                    "[b]Your answer[/]\n$mine\n\n[b]Model answer[/]\n$model\n\n"
                    "[b]Tick the points you covered[/] [$text-muted](space toggles; the score is "
                    "their weighted share, labelled self-assessed)[/]",
                    mine=record.text or "—",
                    model=record.expected,
                ),
                classes="dialog-body",
            )
            for number, (point, weight) in enumerate(record.rubric, start=1):
                yield Checkbox(
                    Content(f"{number}. {point} (weight {weight})"),
                    id=f"point-{number}",
                    compact=True,
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Done (ctrl+s)"), variant="primary", id="done")
                yield Button(Content("Later (esc)"), id="later")

    def on_mount(self) -> None:
        self.query(Checkbox).first().focus()

    def ticked(self) -> list[int]:
        return [index for index, box in enumerate(self.query(Checkbox)) if box.value]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.ticked() if event.button.id == "done" else None)

    def action_done(self) -> None:
        self.dismiss(self.ticked())

    def action_later(self) -> None:
        self.dismiss(None)
