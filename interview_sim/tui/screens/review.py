"""Review of a finished session (also any past one): answers, verdicts, exact answers, solutions."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, Markdown, Static

from interview_sim.answers.feedback import entry_feedback, tutor_message
from interview_sim.answers.verdict import expected_display
from interview_sim.asks import statement_without_asks
from interview_sim.tui.text import duration_text, part_label

STATUS = {
    "correct": ("$text-success", "✓ correct"),
    "mistake": ("$text-warning", "✗"),
    "incorrect": ("$text-error", "✗"),
    "invalid": ("$text-error", "✗ unreadable"),
    "unverified": ("$text-warning", "? could not verify"),
    "self_assessed": ("$text-primary", "◐ self-assessed"),
    "pending": ("$text-warning", "◐ not self-assessed yet"),
}


def part_review(index: int, record: Any) -> Content:
    """One part as review text: the prompt, the answer as typed and read, the verdict in a
    tutor's words (once, no internal tag; credit only when some was earned), which entries of a
    shape or vector were right, and the exact answer."""
    final = record.final or {}
    status = final.get("verdict", "incorrect")
    style, label = STATUS.get(status, ("$text-error", status))
    lines = [
        Content.from_markup("[b]$n $prompt[/]", n=part_label(index), prompt=record.prompt),
        Content.from_markup(
            "  your answer: [b]$text[/]  [$text-muted]$read[/]",
            text=record.text or "—",
            read=f"(read as: {record.read_as})"
            if record.read_as and record.read_as != (record.text or "").strip()
            else "",
        ),
    ]
    if len(record.attempts) > 1:
        tries = " · ".join(a.get("text", "") for a in record.attempts)
        lines.append(Content.from_markup("  [$text-muted]attempts: $tries[/]", tries=tries))
    if status == "correct":
        message = ""
    elif record.text:
        message = tutor_message(final)
    else:
        message = "no answer"
    earned = f"({record.score:.0%} of the part's credit)" if 0 < record.score < 1 else ""
    lines.append(
        Content.from_markup(
            f"  [{style} b]$label[/] $message [$text-muted]$earned[/]",
            label=label,
            message=message,
            earned=earned,
        )
    )
    if record.kind == "explain":
        ticked = record.ticked or []
        lines.append(Content.from_markup("  [b]model answer:[/] $model", model=record.expected))
        for number, (point, weight) in enumerate(record.rubric, start=1):
            mark = "☑" if number - 1 in ticked else "☐"
            lines.append(Content(f"    {mark} {number}. {point} (weight {weight})"))
        return Content("\n").join(lines)
    entries = entry_feedback(record.kind, record.expected, record.read_as) if record.text else ""
    if entries and status != "correct":
        lines.append(Content.from_markup("  $text", text=entries))
    lines.append(
        Content.from_markup(
            "  exact answer: [b]$expected[/]\n  [$text-muted]accepted: $accepted[/]",
            expected=expected_display({**final, "expected": record.expected}, record.kind),
            accepted=record.accepted,
        )
    )
    return Content("\n").join(lines)


class ReviewScreen(Screen):
    BINDINGS = [
        # priority: the scrolling body would otherwise take pgdn/pgup (docs/tui.md: they move
        # between questions; ↑ ↓ space and the mouse scroll)
        Binding("pagedown,right,n", "move(1)", "Next", id="review.next", priority=True),
        Binding("pageup,left,p", "move(-1)", "Prev", id="review.prev", priority=True),
        Binding("ctrl+o,g", "palette", "Questions", id="review.palette"),
        Binding("a", "practise(True)", "Practise again", id="review.again"),
        Binding("s", "practise(False)", "Similar one", id="review.similar"),
        Binding("escape", "back", "Back", id="review.back"),
    ]

    def __init__(self, transcript: Any, index: int = 0) -> None:
        super().__init__(id="review")
        self.transcript = transcript
        self.index = index

    def compose(self) -> ComposeResult:
        yield Static("", id="review-title", markup=False)
        yield VerticalScroll(id="review-body", can_focus=True)
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        await self.show()

    async def show(self) -> None:
        t = self.transcript
        if not t.questions:
            self.query_one("#review-title", Static).update("This session has no questions.")
            return
        q = t.questions[self.index]
        self.query_one("#review-title", Static).update(
            f"Review · {t.preset.get('title', '')} · question {self.index + 1} of "
            f"{len(t.questions)} · {q.section}"
        )
        weights = sum(p.weight for p in q.parts) or 1.0
        earned = sum(p.weight * p.score for p in q.parts) / weights * q.points
        body = self.query_one("#review-body", VerticalScroll)
        await body.remove_children()
        flag = "  ⚑ flagged" if q.flagged else ""
        await body.mount_all(
            [
                Static(
                    Content.from_markup(
                        "[b]$title[/]  $score  [$text-muted]$time · $family seed $seed$flag[/]",
                        title=q.title,
                        score=f"{earned:.1f} / {q.points:.1f} points",
                        time=duration_text(q.time_spent),
                        family=q.family,
                        seed=str(q.seed),
                        flag=flag,
                    ),
                    classes="review-heading",
                ),
                Markdown(
                    statement_without_asks(q.statement, len(q.parts)), classes="review-statement"
                ),
                Label("Your answers", classes="section-title"),
                *[
                    Static(part_review(i, record), classes="review-part")
                    for i, record in enumerate(q.parts)
                ],
                Label("Worked solution", classes="section-title"),
                Markdown(q.solution, id="review-solution"),
                Static(
                    Content.from_markup(
                        "[$text-muted]a: practise this one again (same variant) · "
                        "s: try a similar one (new numbers)[/]"
                    )
                ),
            ]
        )
        body.scroll_home(animate=False)
        body.focus()

    async def action_move(self, step: int) -> None:
        new = self.index + step
        if 0 <= new < len(self.transcript.questions):
            self.index = new
            await self.show()

    def action_palette(self) -> None:
        from interview_sim.tui.screens.modals import QuestionPalette

        async def jump(index: int | None) -> None:
            if index is not None:
                self.index = index
                await self.show()

        self.app.push_screen(QuestionPalette(self.transcript.questions, self.index), jump)

    def action_practise(self, same: bool) -> None:
        from interview_sim.engine.presets import PresetError, find_preset
        from interview_sim.tui.screens.rules import RulesScreen

        app: Any = self.app
        q = self.transcript.questions[self.index]
        try:
            preset = find_preset("practice", app.data_dir)
        except PresetError as error:
            self.notify(str(error), severity="error")
            return
        app.push_screen(RulesScreen(preset, family=q.family, replay=q if same else None))

    def action_back(self) -> None:
        self.app.pop_screen()
