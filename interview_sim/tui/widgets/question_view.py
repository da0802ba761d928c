"""One question on screen: the statement in its own pane, the answer inputs in another.

The two panes scroll independently, so the table or code a part needs stays in view while the
candidate types (at 80×24 too). A view is built once per question and kept: going back to a
question only shows it again (and scrolls both panes to the top). Its Markdown is one Rich
renderable rather than a tree of widgets, parsed off the UI thread and drawn once per width,
which keeps a question switch cheap.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown as RichMarkdown
from rich.measure import Measurement
from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from interview_sim.asks import statement_without_asks
from interview_sim.tui.widgets.part_field import PartField


class DrawnMarkdown:
    """Rich Markdown that keeps its lines per width: Textual asks a renderable for its height and
    then for its lines on every layout (each timer tick that changes a label's width, each
    question switch), and a statement with a table or highlighted code costs milliseconds each
    time. A statement never changes, so one drawing per width is enough."""

    def __init__(self, source: str) -> None:
        self.markdown = RichMarkdown(source, code_theme="ansi_dark")
        self._lines: dict[int, list[list[Segment]]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self._lines.get(options.max_width)
        if lines is None:
            lines = console.render_lines(self.markdown, options.update(height=None), pad=False)
            self._lines[options.max_width] = lines
        new_line = Segment.line()
        for line in lines:
            yield from line
            yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.markdown)


@lru_cache(maxsize=512)
def drawn_markdown(source: str) -> DrawnMarkdown:
    """The renderable of a statement or solution; called ahead in a thread worker (parsing and
    loading a code block's highlighter take tens of milliseconds), so building a view does not."""
    drawn = DrawnMarkdown(source)
    for token in drawn.markdown.parsed:
        if token.type == "fence" and token.info.strip():
            from pygments.lexers import get_lexer_by_name
            from pygments.util import ClassNotFound

            try:  # the first use of a lexer compiles its rules (~150 ms for Python)
                get_lexer_by_name(token.info.split()[0])
            except ClassNotFound:
                pass
    return drawn


def shown_statement(question: Any) -> str:
    """The statement as the question screen shows it: without the asks the parts repeat."""
    return statement_without_asks(question.statement, len(question.parts))


def prepare_markdown(question: Any, solution: bool) -> None:
    """Parse a question's Markdown ahead of its view (safe in a thread: no widget is touched)."""
    drawn_markdown(shown_statement(question))
    if solution:
        drawn_markdown(question.solution)


class MarkdownText(Static):
    """Markdown drawn by Rich as one widget: a table is one renderable, not a widget per cell.

    Textual's Markdown widget builds a widget for every block and table cell, and styling those
    is what made a first visit to a question take half a second; a statement is read, not
    edited or clicked, so one static renderable does the job. ``drawn=False`` leaves it empty
    until ``draw`` (a worked solution nobody may see).
    """

    def __init__(self, source: str, drawn: bool = True, **kwargs: Any) -> None:
        super().__init__(drawn_markdown(source) if drawn else "", **kwargs)
        self.source = source
        self.drawn = drawn

    def draw(self) -> None:
        if not self.drawn:
            self.drawn = True
            self.update(drawn_markdown(self.source))


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
        self.ready = asyncio.Event()  # set once mounted: its widgets can be queried

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="q-statement-pane", id="q-statement-pane"):
            yield MarkdownText(shown_statement(self.question), id="q-statement")
        with VerticalScroll(classes="q-answers", id="q-answers"):
            yield Static(f"Answers: {self.rule}", classes="q-rule", markup=False)
            yield from self.part_fields
            yield Label("Worked solution", id="q-solution-title", classes="hidden")
            yield MarkdownText(
                self.question.solution, drawn=False, id="q-solution", classes="hidden"
            )

    def show_solution(self, visible: bool) -> None:
        """Show or hide the worked solution (drawn the first time it is shown)."""
        solution = self.query_one("#q-solution", MarkdownText)
        if visible:
            solution.draw()
        for widget in (self.query_one("#q-solution-title"), solution):
            widget.set_class(not visible, "hidden")

    def to_top(self) -> None:
        """Both panes back to their first line: a revisited question opens at its top."""
        for pane in self.query(VerticalScroll):
            pane.scroll_home(animate=False, immediate=True)
