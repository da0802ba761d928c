"""One answerable part: prompt, options, the input, the hint, and a live status line."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from interview_sim.answers.feedback import entry_feedback, tutor_message
from interview_sim.answers.verdict import expected_display
from interview_sim.tui.text import part_label

CHOICE_KINDS = ("choice", "choices")


def verdict_content(verdict: dict[str, Any], closed: bool, kind: str = "") -> Content:
    """A checked attempt in a tutor's words: the verdict once, which entries of a shape or vector
    are right, how the input was read, and the answer once the part closes."""
    status = verdict.get("verdict", "")
    message = tutor_message(verdict)
    read_as = verdict.get("read_as", "")
    lines: list[Content] = []
    if status == "correct":
        lines.append(Content.from_markup("[$text-success bold]✓ $message[/]", message=message))
    elif status in ("self_assessed", "pending"):  # the candidate's own score, never a ✓ or ✗
        lines.append(Content.from_markup("[$text-primary bold]◐ $message[/]", message=message))
        return Content("\n").join(lines)
    elif status == "invalid":
        lines.append(
            Content.from_markup(
                "[$text-error]$message[/] [$text-muted](no attempt used)[/]", message=message
            )
        )
    elif status == "unverified":
        lines.append(
            Content.from_markup(
                "[$text-warning]could not verify in time: $message[/] "
                "[$text-muted](no attempt used)[/]",
                message=message,
            )
        )
    else:
        style = "$text-warning" if status == "mistake" else "$text-error"
        lines.append(Content.from_markup(f"[{style} bold]✗ $message[/]", message=message))
        # names places and slips, never values: safe while attempts remain
        entries = entry_feedback(kind, verdict.get("expected", ""), read_as)
        if entries:
            lines.append(Content.from_markup("  $text", text=entries))
    if read_as and status != "invalid":
        lines.append(Content.from_markup("[$text-muted]read as: $r[/]", r=read_as))
    if closed and status != "correct":
        lines.append(
            Content.from_markup(
                "answer: [bold]$e[/]  [$text-muted]accepted: $a[/]",
                e=expected_display(verdict, kind),
                a=verdict.get("accepted", ""),
            )
        )
    return Content("\n").join(lines)


class PartField(Vertical):
    """The widgets of one part; the screen owns the session and reacts to the Input's messages."""

    DEFAULT_CSS = """
    PartField {
        height: auto;
        margin: 1 0 0 0;
    }
    PartField:first-of-type { margin: 0; }
    PartField > .part-prompt { text-style: bold; }
    PartField > .part-options { padding: 0 0 0 2; }
    PartField > Input {
        margin: 0 0 0 2;
        width: 1fr;
        max-width: 72;
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }
    PartField > Input:focus { background: $primary 25%; border: none; }
    PartField > Input.-invalid { border: none; }
    PartField > Input:disabled { background: $panel; }
    PartField > .part-hint { color: $text-muted; padding: 0 0 0 3; }
    PartField > .part-status { padding: 0 0 0 3; }
    PartField > .part-status.-error { color: $text-error; }
    PartField > .part-status.-ok { color: $text-success; }
    """

    def __init__(
        self,
        record: Any,
        index: int,
        *,
        attempts_left: int | None = None,
        closed: bool = False,
        blink: bool = True,
        rule: str = "",
    ) -> None:
        super().__init__(id=f"field-{record.id}")
        self.record = record
        self.index = index
        self.attempts_left = attempts_left
        self.closed = closed
        self.blink = blink
        self.rule = rule  # the question's input rule, shown once above the parts

    @property
    def part_id(self) -> str:
        return self.record.id

    def compose(self) -> ComposeResult:
        record = self.record
        yield Static(
            f"{part_label(self.index)} {record.prompt}", classes="part-prompt", markup=False
        )
        if record.options:
            lines = [
                f"{key}) {label}   [{number}]"
                for number, (key, label) in enumerate(record.options, start=1)
            ]
            yield Static("\n".join(lines), classes="part-options", markup=False)
        field = Input(
            value=record.draft if record.draft is not None else (record.text or ""),
            placeholder=self.placeholder(),
            name=record.id,
            id=f"input-{record.id}",
            disabled=self.closed,
        )
        field.cursor_blink = self.blink
        yield field
        # the hint and the status line are made when there is something to say: a view is
        # built while the candidate waits for it, and most parts of an exam start with neither
        if self.hint_text():
            yield Static(self.hint_text(), classes="part-hint", markup=False)

    def placeholder(self) -> str:
        if self.record.kind in CHOICE_KINDS:
            keys = [key for key, _ in self.record.options]
            return f"option {'/'.join(keys)} or 1–{len(keys)}" if keys else "option"
        if self.record.kind == "boolean":
            return "true / false"
        return "your answer"

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def line(self, kind: str, text: str | Content, markup: bool = True) -> Static | None:
        """The hint or status line (``kind`` = "part-hint" or "part-status"), made on first
        use; None while there is none and nothing to show."""
        found = self.query(f".{kind}")
        if found:
            return found.first(Static)
        if not str(text):
            return None
        widget = Static("", classes=kind, markup=markup)
        if kind == "part-hint":  # under the input, above a status line
            self.mount(widget, after=self.input)
        else:
            self.mount(widget)
        return widget

    def set_status(self, text: str | Content, kind: str = "") -> None:
        status = self.line("part-status", text)
        if status is None:
            return
        status.set_class(kind == "error", "-error")
        status.set_class(kind == "ok", "-ok")
        status.update(text)
        status.display = bool(str(text))

    def hint_text(self) -> str:
        """This part's own input rule (only when it differs from the question's), and the
        attempts left (the one place they are shown)."""
        # a choice's placeholder already says what to type
        own = self.record.hint != self.rule and self.record.kind not in (*CHOICE_KINDS, "boolean")
        pieces = [self.record.hint] if own else []
        left = self.attempts_left
        if left is not None and not self.closed:
            pieces.append(f"{left} attempt{'s' if left != 1 else ''} left")
        return " · ".join(pieces)

    def set_hint(self, attempts_left: int | None, closed: bool) -> None:
        self.attempts_left, self.closed = attempts_left, closed
        hint = self.line("part-hint", self.hint_text(), markup=False)
        if hint is not None:
            hint.update(self.hint_text())
            hint.display = bool(self.hint_text())
        self.input.disabled = closed
