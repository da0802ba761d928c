"""Modal screens: confirmations and pickers. Each returns its answer with ``dismiss``."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from interview_sim.tui.widgets.palette import cell_markup, question_state


class Confirm(ModalScreen[bool]):
    """A yes/no question with an explanation; y/enter confirms, n/escape cancels."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, title: str, body: str | Content, yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="confirm")
        self.title_text = title
        self.body = body
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.body, classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(f"{self.yes} (y)"), variant="primary", id="yes")
                yield Button(Content(f"{self.no} (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


def questions_text(slots: Sequence[int]) -> str:
    """'question 3' or 'questions 2, 5' (slots are 0-based)."""
    numbers = ", ".join(str(i + 1) for i in slots)
    return f"question{'s' if len(slots) != 1 else ''} {numbers}"


def finish_body(unanswered: Sequence[int], flagged: Sequence[int], timed: bool) -> Content:
    lines = []
    if unanswered:
        lines.append(
            Content.from_markup("[$text-error]Unanswered:[/] $q", q=questions_text(unanswered))
        )
    else:
        lines.append(Content.from_markup("[$text-success]Every question has an answer.[/]"))
    if flagged:
        lines.append(
            Content.from_markup("[$text-warning]Flagged:[/] $q", q=questions_text(flagged))
        )
    lines.append(Content(""))
    lines.append(
        Content(
            "Submitting grades every saved answer; you cannot change them afterwards."
            + ("" if not timed else " The clock keeps running while you decide.")
        )
    )
    return Content("\n").join(lines)


class QuestionPalette(ModalScreen[int | None]):
    """Every question with its state; enter (or its number) jumps there."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="palette.close"),
        *[
            Binding(str(n), f"jump({n - 1})", f"Question {n}", show=False, id=f"palette.{n}")
            for n in range(1, 10)
        ],
    ]

    def __init__(self, questions: Sequence, current: int) -> None:
        super().__init__(classes="palette")
        self.questions = list(questions)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Questions", classes="dialog-title")
            options = []
            for i, q in enumerate(self.questions):
                state = question_state(q)
                flag = ", flagged" if q.flagged else ""
                prompt = Content.from_markup(
                    cell_markup(i + 1, state, q.flagged, False)
                    + " $section · $title  [$text-muted]($state$flag)[/]",
                    section=q.section,
                    title=q.title,
                    state=state,
                    flag=flag,
                )
                options.append(Option(prompt, id=f"q{i}"))
            yield OptionList(*options, id="palette-list")
            yield Static(
                "● answered  ◐ partly  ○ empty  ⚑ flagged — enter or 1–9 to jump, esc to close",
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.current
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_jump(self, index: int) -> None:
        if index < len(self.questions):
            self.dismiss(index)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class Picker(ModalScreen[str | None]):
    """Pick one of (key, label) rows, e.g. a chapter for a drill."""

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel", id="picker.cancel")]

    def __init__(self, title: str, rows: Sequence[tuple[str, str]]) -> None:
        super().__init__(classes="picker")
        self.title_text = title
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield OptionList(*[Option(label, id=key) for key, label in self.rows])

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
