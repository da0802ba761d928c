"""A one-line strip of every question: answered, flagged, empty, and which one is current."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

ANSWERED, PARTLY, EMPTY = "answered", "partly answered", "empty"


def question_state(question) -> str:
    if question.complete:
        return ANSWERED
    if question.answered:
        return PARTLY
    return EMPTY


def cell_markup(number: int, state: str, flagged: bool, current: bool) -> str:
    mark = "⚑" if flagged else {ANSWERED: "●", PARTLY: "◐", EMPTY: "○"}[state]
    style = {ANSWERED: "$text-success", PARTLY: "$text-accent", EMPTY: "$text-muted"}[state]
    if flagged:
        style = "$text-warning"
    if current:
        style += " reverse bold"
    return f"[{style}] {number}{mark} [/]"


class PaletteStrip(Static):
    """Question numbers with their state; the current question is shown reversed."""

    DEFAULT_CSS = """
    PaletteStrip {
        height: 1;
        width: 1fr;
        overflow: hidden;
    }
    """

    def show(self, questions: Sequence, current: int) -> None:
        cells = [
            cell_markup(i + 1, question_state(q), q.flagged, i == current)
            for i, q in enumerate(questions)
        ]
        self.update(
            Content.from_markup(
                "".join(cells) + "  [$text-muted]● answered ◐ partly ○ empty ⚑ flagged[/]"
            ),
            layout=False,  # one line, full width, whatever it says: no layout pass needed
        )
