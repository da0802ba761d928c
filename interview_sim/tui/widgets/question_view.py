"""One question on screen: the statement in its own pane, the answer inputs in another.

The two panes scroll independently, so the table or code a part needs stays in view while the
candidate types (at 80×24 too). A view is built once per question and kept: going back to a
question only shows it again (and scrolls both panes to the top), and its Markdown is one Rich
renderable rather than a tree of widgets, which keeps a question switch cheap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich.markdown import Markdown as RichMarkdown
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from interview_sim.asks import statement_without_asks
from interview_sim.tui.widgets.part_field import PartField


class MarkdownText(Static):
    """Markdown drawn by Rich as one widget: a table is one renderable, not a widget per cell.

    Textual's Markdown widget builds a widget for every block and table cell, and styling those
    is what made a first visit to a question take half a second; a statement is read, not
    edited or clicked, so one static renderable does the job.
    """

    def __init__(self, source: str, **kwargs: Any) -> None:
        super().__init__(RichMarkdown(source, code_theme="ansi_dark"), **kwargs)
        self.source = source


def question_rule(hints: Sequence[str]) -> str:
    """The input rule shown once per question: the hint most parts share.

    Parts with a different kind (a shape among numbers) keep their own hint under their input.
    """
    if not hints:
        return ""
    return Counter(hints).most_common(1)[0][0]


class QuestionView(Vertical):
    """The statement pane above (or beside, when wide) the answers pane of one question."""

    def __init__(self, question: Any, fields: list[PartField], rule: str) -> None:
        super().__init__(id=f"q-view-{question.slot}", classes="q-view")
        self.question = question
        self.part_fields = fields
        self.rule = rule

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="q-statement-pane", id="q-statement-pane"):
            statement = statement_without_asks(self.question.statement, len(self.part_fields))
            yield MarkdownText(statement, id="q-statement")
        with VerticalScroll(classes="q-answers", id="q-answers"):
            yield Static(f"Answers: {self.rule}", classes="q-rule", markup=False)
            yield from self.part_fields
            yield Label("Worked solution", id="q-solution-title", classes="hidden")
            yield MarkdownText(self.question.solution, id="q-solution", classes="hidden")

    def to_top(self) -> None:
        """Both panes back to their first line: a revisited question opens at its top."""
        for pane in self.query(VerticalScroll):
            pane.scroll_home(animate=False, immediate=True)
