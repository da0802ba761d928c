"""The question screen: statement, one input per part, the clock, flag, palette, finish.

Exam mode (feedback "end") saves answers as typed and shows only how they were read; practice
modes (feedback "each") check an answer on enter in a thread worker and show the verdict. The
countdown is repainted by a timer but always computed from the engine's absolute deadline.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from interview_sim.answers.check import preview, readable
from interview_sim.engine.session import SaveFailed, SessionError, TimeUp
from interview_sim.engine.transcript import STARTED
from interview_sim.tui.text import DANGER_SECONDS, WARN_SECONDS
from interview_sim.tui.widgets.countdown import Countdown
from interview_sim.tui.widgets.keys_footer import KeysFooter
from interview_sim.tui.widgets.palette import PaletteStrip
from interview_sim.tui.widgets.part_field import PartField, verdict_content
from interview_sim.tui.widgets.question_view import QuestionView, prepare_markdown, question_rule

WIDE_COLUMNS = 120  # from this width the statement and the answers sit side by side
BUILD_AHEAD_DELAY = 0.1  # idle seconds before the next hidden view is built
TYPING_PAUSE = 0.6  # no view is built ahead until typing has paused this long

DRAFT_DELAY = 0.5  # seconds after the last key before a box's text is saved as a draft


class QuestionScreen(Screen):
    BINDINGS = [
        Binding("pagedown", "next", "Next", id="question.next", priority=True),
        Binding("pageup", "prev", "Prev", id="question.prev", priority=True),
        Binding("ctrl+g", "flag", "Flag", id="question.flag"),
        Binding("ctrl+o", "palette", "Questions", id="question.palette"),
        Binding("ctrl+n", "new_variant", "New variant", id="question.new_variant"),
        Binding("ctrl+s", "finish", "Finish", id="question.finish"),
        Binding("down", "focus_part(1)", "Next part", show=False, priority=True),
        Binding("up", "focus_part(-1)", "Previous part", show=False, priority=True),
        Binding("ctrl+down", "scroll(4)", "Scroll the statement down", show=False),
        Binding("ctrl+up", "scroll(-4)", "Scroll the statement up", show=False),
    ]

    def __init__(self, session: Any) -> None:
        super().__init__(id="question")
        self.session = session
        self.shown_slot = -1
        self.parts: dict[tuple[int, str], Any] = {}  # live model parts, for the read-as preview
        self.pending: set[tuple[int, str]] = set()
        self.busy = False  # grading or expiring: no more actions
        self.warned: set[int] = set()
        self.draft_timer: Any = None
        self.swapping = False  # the shown view is being replaced: no fields to read
        self.views: dict[int, QuestionView] = {}  # slot → its view, built ahead or on a visit
        self.build_timer: Any = None
        self.typed_at = 0.0  # time.monotonic() of the last change typed into a box

    @property
    def exam_mode(self) -> bool:
        return self.session.preset.feedback != "each"

    # -- layout --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="q-header"):
            yield Static("", id="q-title", markup=False)
            yield Static("", id="q-flag")
            yield Countdown("", id="q-clock")
        yield PaletteStrip(id="q-palette")
        yield Container(id="q-body")
        yield KeysFooter(compact=True)

    async def on_mount(self) -> None:
        await self.show_question()
        self.tick()
        if self.session.preset.timed:
            self.set_interval(1.0, self.tick)
        self.warm_variants()
        # The engine, sympy and the generators are loaded by now and live until the app exits.
        # Freezing them keeps the collector's full passes from walking them: those passes took
        # 100-160 ms (several times that on a loaded machine) at random moments, keys included.
        gc.freeze()

    def on_resize(self) -> None:
        """Side by side when there is room for both; stacked otherwise."""
        self.set_class(self.size.width >= WIDE_COLUMNS, "-wide")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_variant":
            return self.session.preset.endless
        if action == "prev":
            return self.session.transcript.current > 0 or None
        return True

    # -- showing a question --------------------------------------------------------------------
    async def show_question(self) -> None:
        """Show the current question: its view is built on the first visit and kept after."""
        question = self.session.current
        if self.draft_timer is not None:  # the boxes it was for are saved or about to go
            self.draft_timer.stop()
            self.draft_timer = None
        self.swapping = True
        self.shown_slot = question.slot
        view = self.views.get(question.slot)
        if view is not None and view.question is not question:
            await view.remove()
            view = None
        if view is None:
            view = self.build_view(question)
            self.views[question.slot] = view
            await self.mount_view(view)
            for field in view.part_fields:
                self.restore_status(field)
        else:
            await view.ready.wait()  # being built ahead right now: its widgets are coming
        for slot, other in self.views.items():
            other.display = slot == question.slot
        self.swapping = False
        self.show_solution_if_visible()
        self.update_header()
        view.to_top()
        self.focus_first_open()
        self.schedule_build_ahead()

    def schedule_build_ahead(self, delay: float = BUILD_AHEAD_DELAY) -> None:
        if self.build_timer is not None:
            self.build_timer.stop()
        self.build_timer = self.set_timer(delay, self.build_ahead)

    def unbuilt_slots(self) -> list[int]:
        """Questions without a view, nearest first: the following ones, then the earlier ones."""
        shown, questions = self.shown_slot, self.session.transcript.questions
        order = [*range(shown + 1, len(questions)), *range(shown - 1, -1, -1)]
        return [s for s in order if s not in self.views]

    async def build_ahead(self) -> None:
        """Build one more question's view, hidden, while the candidate reads, so moving to any
        question only shows its view. One view per idle moment, and none while typing: a key
        pressed meanwhile waits for one build at most."""
        self.build_timer = None
        if self.busy or self.session.transcript.state != STARTED:
            return
        waited = time.monotonic() - self.typed_at
        if waited < TYPING_PAUSE:
            self.schedule_build_ahead(TYPING_PAUSE - waited)
            return
        slots = self.unbuilt_slots()
        if not slots:
            return
        question = self.session.transcript.questions[slots[0]]
        view = self.build_view(question)
        view.display = False
        self.views[question.slot] = view
        await self.mount_view(view)
        for field in view.part_fields:
            self.restore_status(field, question.slot)
        if len(slots) == 1:  # the last one: the views live as long as the screen, so no full
            gc.freeze()  # pass of the collector needs to walk them (frozen once, not per switch)
        else:
            self.schedule_build_ahead()

    async def mount_view(self, view: QuestionView) -> None:
        """Mount a view; a switch to it meanwhile waits for ``view.ready``."""
        await self.query_one("#q-body", Container).mount(view)
        view.ready.set()

    def build_view(self, question: Any) -> QuestionView:
        rule = question_rule([record.hint for record in question.parts])
        fields = []
        for index, record in enumerate(question.parts):
            left, closed = self.part_state(record, question.slot)
            fields.append(
                PartField(
                    record,
                    index,
                    attempts_left=left,
                    closed=closed,
                    blink=getattr(self.app, "blink", True),
                    rule=rule,
                )
            )
        return QuestionView(question, fields, rule)

    @property
    def view(self) -> QuestionView:
        """The shown question's view."""
        return self.views[self.shown_slot]

    def part_state(self, record: Any, slot: int | None = None) -> tuple[int | None, bool]:
        """(attempts left, closed) of a part of question ``slot`` (default: the current one)."""
        if self.exam_mode:
            return None, False
        left = self.session.attempts_left(slot, record.id)
        return left, record.locked or left == 0

    def restore_status(self, field: PartField, slot: int | None = None) -> None:
        record = field.record
        if record.draft is not None and self.session.transcript.state == STARTED:
            when = "submitted with the exam" if self.exam_mode else "enter checks it"
            field.set_status(f"restored: typed before, not entered yet ({when})")
            return
        if not self.exam_mode:
            if record.attempts:
                _, closed = self.part_state(record, slot)
                field.set_status(
                    verdict_content(record.attempts[-1]["verdict"], closed, record.kind)
                )
            return
        if record.text:
            if record.read_as:
                field.set_status(f"saved — read as: {record.read_as}", "ok")
            else:
                field.set_status(
                    "saved, but it could not be read: fix it before you submit", "error"
                )

    def update_header(self) -> None:
        session = self.session
        question = session.current
        total = len(session.transcript.questions)
        of = f" of {total}" if not session.preset.endless else ""
        self.query_one("#q-title", Static).update(
            # the section before the preset's title: when the line is cut, the title goes first
            f"question {question.slot + 1}{of} · {question.section} · {session.preset.title}",
            layout=False,  # a one-line header cell of fixed width
        )
        flag = self.query_one("#q-flag", Static)
        if flag.has_class("-flagged") != question.flagged:  # its width changes: a layout pass
            flag.set_class(question.flagged, "-flagged")
            flag.update(Content.from_markup("[$text-warning b]⚑[/]") if question.flagged else "")
        self.query_one(PaletteStrip).show(session.transcript.questions, question.slot)
        self.refresh_bindings()

    def show_solution_if_visible(self) -> None:
        if self.exam_mode:
            return
        self.view.show_solution(self.session.solution_visible())

    def fields(self) -> list[PartField]:
        """The shown question's part fields, in order."""
        if self.shown_slot not in self.views:
            return []
        return list(self.view.part_fields)

    def field(self, part_id: str) -> PartField | None:
        for field in self.fields():
            if field.part_id == part_id:
                return field
        return None

    def focus_first_open(self) -> None:
        fields = [f for f in self.fields() if not f.input.disabled]
        empty = [f for f in fields if not f.input.value]
        target = (empty or fields or [None])[0]
        if target is not None:
            target.input.focus(scroll_visible=False)
        else:
            self.view.query_one("#q-answers").focus()

    # -- the clock -----------------------------------------------------------------------------
    def tick(self) -> None:
        remaining = self.session.remaining()
        self.query_one(Countdown).show(remaining)
        if remaining is None or self.busy:
            return
        for limit, text in ((WARN_SECONDS, "5 minutes left"), (DANGER_SECONDS, "1 minute left")):
            if remaining <= limit and limit not in self.warned and remaining > 0:
                self.warned.add(limit)
                self.notify(text, severity="warning", timeout=4)
        if remaining <= 0 and self.session.transcript.state == STARTED:
            self.expire()

    def time_is_up(self) -> bool:
        """True (and the automatic submission started) when the deadline has passed."""
        if self.busy:
            return True
        remaining = self.session.remaining()
        if remaining is not None and remaining <= 0:
            self.expire()
            return True
        return False

    def expire(self) -> None:
        if self.busy:
            return
        self.busy = True
        boxes = self.box_texts()  # what is on screen now is submitted, entered or not
        self.query_one("#q-title", Static).update("Time is up: submitting your saved answers…")
        self.run_worker(
            lambda: self._expire(boxes),
            thread=True,
            exclusive=True,
            group="finish",
            exit_on_error=False,
        )

    def box_texts(self) -> dict[tuple[int, str], str]:
        if self.swapping or self.shown_slot != self.session.transcript.current:
            return {}
        return {(self.shown_slot, f.part_id): f.input.value for f in self.fields()}

    def _expire(self, boxes: dict[tuple[int, str], str]) -> None:
        try:
            self.session.expire_if_due(boxes)  # grades, may wait for the sympy worker
        except SaveFailed as error:  # graded in memory: show it, keep retrying the save
            self.app.call_from_thread(self.app.save_failed, self.session, error)
        except Exception as error:  # a bug in grading must not leave the UI waiting
            self.app.call_from_thread(self.submit_failed, f"grading failed: {error!r}")
            return
        self.app.call_from_thread(self.finished)

    def finished(self) -> None:
        app: Any = self.app
        if self.session.transcript.finish_reason == "time_up":
            app.show_time_up(self.session)
        else:
            app.show_results(self.session)

    # -- typing and submitting -----------------------------------------------------------------
    def model_part(self, part_id: str) -> Any:
        return self.parts.get((self.shown_slot, part_id))

    @on(Input.Changed)
    def live_preview(self, event: Input.Changed) -> None:
        field = self.field(event.input.name or "")
        if field is None:
            return
        self.typed_at = time.monotonic()
        if event.value == self.stored_text(field.record):
            return  # the box shows what is saved (e.g. just restored): keep the saved status
        self.schedule_draft()  # even before the variant is ready: the text must be kept
        part = self.model_part(field.part_id)
        if part is None:
            return  # the variant is still being prepared: no preview yet
        text = preview(part, event.value)
        if not text:
            field.set_status("")
        else:
            field.set_status(text, "ok" if readable(part, event.value)[0] else "error")
        field.scroll_visible(animate=False)

    # -- drafts: what is typed but not entered ---------------------------------------------------
    @staticmethod
    def stored_text(record: Any) -> str:
        """What the session holds for a box: its draft if any, else the saved answer."""
        return record.draft if record.draft is not None else (record.text or "")

    def schedule_draft(self) -> None:
        """Save the boxes' text shortly after typing stops (each key restarts the wait)."""
        if self.draft_timer is not None:
            self.draft_timer.stop()
        self.draft_timer = self.set_timer(DRAFT_DELAY, self.save_drafts)

    def save_drafts(self) -> None:
        """Keep every changed box of the shown question as a draft (not an answer)."""
        self.draft_timer = None
        session = self.session
        if self.busy or self.swapping or session.transcript.state != STARTED:
            return
        if self.shown_slot != session.transcript.current:
            return
        for field in self.fields():
            text = field.input.value
            if not field.input.disabled and text != self.stored_text(field.record):
                if not self.navigate(partial(session.save_draft, None, field.part_id, text)):
                    return

    @on(Input.Submitted)
    def submit_part(self, event: Input.Submitted) -> None:
        event.stop()
        field = self.field(event.input.name or "")
        if field is None or self.time_is_up():
            return
        if self.exam_mode:
            if self.save(field) is not False:
                self.advance(field)
        else:
            self.check(field)

    def save(self, field: PartField) -> bool | None:
        """Exam mode: save the input as typed. None when nothing changed."""
        record = field.record
        text = field.input.value
        if text == (record.text or "") and record.text is not None:
            return None
        try:
            ok, message = self.session.answer(None, record.id, text)
        except TimeUp:
            self.expire()
            return False
        except SaveFailed as error:
            self.app.save_failed(self.session, error)  # type: ignore[attr-defined]
            field.set_status("kept, but not yet saved to disk: retrying", "error")
            return True
        except SessionError as error:
            field.set_status(str(error), "error")
            return False
        if ok:
            field.set_status(f"saved — read as: {message}", "ok")
        elif not text.strip():
            field.set_status("cleared", "")
        else:
            field.set_status(f"saved, but {message}", "error")
        self.query_one(PaletteStrip).show(
            self.session.transcript.questions, self.session.transcript.current
        )
        return ok

    def save_all(self) -> None:
        """Before moving or leaving: exam mode saves every changed input as the answer; practice
        keeps unchecked text as a draft (only enter checks it). Nothing typed is lost."""
        if self.swapping or self.session.transcript.state != STARTED:
            return
        if self.shown_slot != self.session.transcript.current:
            return
        if self.exam_mode:
            for field in self.fields():
                if field.input.value != (field.record.text or ""):
                    self.save(field)
        self.save_drafts()

    def advance(self, field: PartField) -> None:
        """After enter: the next open part, else the next question."""
        fields = self.fields()
        later = [f for f in fields[fields.index(field) + 1 :] if not f.input.disabled]
        if later:
            later[0].input.focus()
            return
        t = self.session.transcript
        if not self.exam_mode:
            # practice: stay, so the verdicts and the worked solution can be read
            self.view.query_one("#q-answers", VerticalScroll).focus()
            if self.session.solution_visible():
                self.view.query_one("#q-solution-title").scroll_visible(top=True, animate=False)
            following = "ctrl+n for a new variant" if self.session.preset.endless else ""
            if t.current + 1 < len(t.questions):
                following = "pgdn for the next question"
            self.notify(f"Question done: {following or 'ctrl+s to finish'}", timeout=3)
        elif t.current + 1 < len(t.questions):
            self.call_later(self.action_next)
        else:
            self.notify(
                "That was the last question: ctrl+s to finish, ctrl+o to revisit", timeout=4
            )

    def check(self, field: PartField) -> None:
        record = field.record
        text = field.input.value
        key = (self.shown_slot, record.id)
        if not text.strip():
            field.set_status("type an answer first (nothing was checked)", "error")
            return
        if key in self.pending:
            return
        self.pending.add(key)
        field.set_status(Content.from_markup("[$text-muted]checking…[/]"))
        slot = self.shown_slot

        def work() -> None:
            try:
                verdict = self.session.check(slot, record.id, text)
            except SaveFailed as error:  # checked and kept in memory; the save is retried
                self.app.call_from_thread(self.app.save_failed, self.session, error)
                attempt = (record.attempts or [{}])[-1]
                self.app.call_from_thread(self.checked, key, attempt.get("verdict", {}))
                return
            except TimeUp:
                self.app.call_from_thread(self.expired_during_check, key)
                return
            except SessionError as error:
                self.app.call_from_thread(self.check_refused, key, str(error))
                return
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self.checked, key, verdict.to_json())

        self.run_worker(
            work,
            thread=True,
            exclusive=True,
            group=f"check-{slot}-{record.id}",
            exit_on_error=False,
        )

    def expired_during_check(self, key: tuple[int, str]) -> None:
        self.pending.discard(key)
        self.busy = False
        self.expire()
        if not self.busy:
            self.finished()

    def check_refused(self, key: tuple[int, str], message: str) -> None:
        self.pending.discard(key)
        field = self.field(key[1]) if key[0] == self.shown_slot else None
        if field is not None:
            field.set_status(message, "error")

    def checked(self, key: tuple[int, str], verdict: dict[str, Any]) -> None:
        self.pending.discard(key)
        slot, part_id = key
        if slot != self.shown_slot:
            return
        field = self.field(part_id)
        if field is None:
            return
        if verdict.get("verdict") == "pending":  # explain: the candidate scores it now
            self.ask_ticks(field)
            return
        left, closed = self.part_state(field.record)
        field.set_status(verdict_content(verdict, closed, field.record.kind))
        field.set_hint(left, closed)
        self.show_solution_if_visible()
        self.update_header()
        if verdict.get("verdict") == "correct" or closed:
            self.advance(field)

    def ask_ticks(self, field: PartField) -> None:
        """Show the model answer and the rubric; the ticks score the part (self-assessed)."""
        from interview_sim.tui.screens.rubric import RubricScreen

        slot, record = self.shown_slot, field.record
        field.set_status(Content.from_markup("[$text-muted]answer kept: tick the rubric[/]"))

        def ticked(points: list[int] | None) -> None:
            if points is None:  # later: the part stays open and asks again on the next check
                field.set_status("not self-assessed yet: press enter in the box to tick", "error")
                return
            if not self.navigate(lambda: self.session.self_assess(slot, record.id, points)):
                return
            self.checked((slot, record.id), record.final or {})

        self.app.push_screen(RubricScreen(record, f"Question {slot + 1}: self-assessment"), ticked)

    # -- actions -------------------------------------------------------------------------------
    def navigate(self, action: Callable[[], Any]) -> bool:
        """Run an engine action; time-up leads to the time-up screen, a refused rule is shown."""
        try:
            action()
        except TimeUp:
            self.expire()
            return False
        except SaveFailed as error:  # done in memory; the app retries the save
            self.app.save_failed(self.session, error)  # type: ignore[attr-defined]
        except SessionError as error:
            self.notify(str(error), severity="error")
            return False
        return True

    async def goto(self, index: int) -> None:
        if self.busy or self.time_is_up():
            return
        self.save_all()
        if self.navigate(lambda: self.session.goto(index)):
            await self.show_question()

    async def action_next(self) -> None:
        t = self.session.transcript
        if t.current + 1 < len(t.questions):
            await self.goto(t.current + 1)
        elif self.session.preset.endless:
            self.action_new_variant()
        else:
            self.notify("This is the last question: ctrl+s to finish", timeout=3)

    async def action_prev(self) -> None:
        if self.session.transcript.current > 0:
            await self.goto(self.session.transcript.current - 1)

    def action_flag(self) -> None:
        if self.time_is_up():
            return
        if self.navigate(self.session.flag):
            self.update_header()  # the header and the palette strip show the flag

    def action_palette(self) -> None:
        from interview_sim.tui.screens.modals import QuestionPalette

        self.save_all()

        async def jump(index: int | None) -> None:
            if index is not None and index != self.session.transcript.current:
                await self.goto(index)

        self.app.push_screen(
            QuestionPalette(self.session.transcript.questions, self.session.transcript.current),
            jump,
        )

    def action_focus_part(self, step: int) -> None:
        fields = [f for f in self.fields() if not f.input.disabled]
        if not fields:
            return
        inputs = [f.input for f in fields]
        focused = self.focused
        index = inputs.index(focused) if focused in inputs else -step
        inputs[max(0, min(len(inputs) - 1, index + step))].focus()

    def action_scroll(self, lines: int) -> None:
        """Scroll the statement pane; the focused input stays where it is."""
        self.view.query_one("#q-statement-pane", VerticalScroll).scroll_relative(
            y=lines, animate=False
        )

    def action_new_variant(self) -> None:
        if not self.session.preset.endless or self.busy or self.time_is_up():
            return
        self.save_all()  # the text in this question's boxes stays as drafts

        def work() -> None:
            try:
                self.session.add_question()
            except SaveFailed as error:  # added in memory; the app retries the save
                self.app.call_from_thread(self.app.save_failed, self.session, error)
            except SessionError as error:
                self.app.call_from_thread(self.notify, str(error), severity="error")
                return
            prepare_markdown(self.session.current, not self.exam_mode)
            self.load_variant(len(self.session.transcript.questions) - 1)
            self.app.call_from_thread(self.new_variant_ready)

        self.run_worker(work, thread=True, exclusive=True, group="add", exit_on_error=False)

    async def new_variant_ready(self) -> None:
        await self.show_question()

    def action_finish(self) -> None:
        from interview_sim.tui.screens.modals import Confirm, finish_body

        if self.busy or self.time_is_up():
            return
        self.save_all()
        session = self.session
        body = finish_body(session.unanswered(), session.flagged(), session.preset.timed)
        drafts = sum(1 for q in session.transcript.questions for p in q.parts if p.draft)
        if drafts:
            body = Content("\n").join(
                [
                    body,
                    Content(
                        f"{drafts} box{'es' if drafts != 1 else ''} with text you did not "
                        "enter: submitting checks that text as your answer."
                    ),
                ]
            )

        def answered(yes: bool | None) -> None:
            if yes:
                self.submit()

        self.app.push_screen(
            Confirm("Submit the session?", body, yes="Submit", no="Keep working"), answered
        )

    def submit(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.query_one("#q-title", Static).update("Grading your answers…")

        def work() -> None:
            try:
                self.session.finish()
            except TimeUp:
                pass
            except SaveFailed as error:  # graded in memory: show the results, keep retrying
                self.app.call_from_thread(self.app.save_failed, self.session, error)
            except SessionError as error:
                self.app.call_from_thread(self.submit_failed, str(error))
                return
            except Exception as error:  # a bug in grading must not leave the UI waiting
                self.app.call_from_thread(self.submit_failed, f"grading failed: {error!r}")
                return
            self.app.call_from_thread(self.finished)

        self.run_worker(work, thread=True, exclusive=True, group="finish", exit_on_error=False)

    def submit_failed(self, message: str) -> None:
        self.busy = False
        self.update_header()
        self.notify(message, severity="error", timeout=8)

    # -- variants for the live preview (regenerated off the UI thread) -------------------------
    def warm_variants(self) -> None:
        """Off the UI thread: each question's Markdown parsed (so building its view is cheap),
        then its variant regenerated (for the read-as preview)."""
        questions = self.session.transcript.questions
        solutions = not self.exam_mode

        def work() -> None:
            current = self.session.transcript.current
            order = [current, *[s for s in range(len(questions)) if s != current]]
            for slot in order:
                prepare_markdown(questions[slot], solutions)
            for slot in order:
                self.load_variant(slot)

        self.run_worker(work, thread=True, group="variants", exit_on_error=False)

    def load_variant(self, slot: int) -> None:
        try:
            variant = self.session.variant(slot)
        except Exception:  # a changed family: the preview is only a convenience
            return
        for part in variant.parts:
            self.parts[(slot, part.id)] = part

    def on_unmount(self) -> None:
        gc.unfreeze()  # this screen's views may be collected now
        try:
            self.save_all()
        except Exception:  # widgets already gone: answers were saved on enter and on moving
            pass
