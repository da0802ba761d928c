"""The plain runner: a prompt/answer loop on stdin/stdout over the session engine.

It makes the whole engine usable from scripts and testable end to end without the TUI: rules, then
each question, answers typed line by line, and commands (``next``, ``prev``, ``goto K``, ``flag``,
``finish``, ``time``, ``help``, ``quit``). Every answer is saved before "saved" is printed.
"""

from __future__ import annotations

import re
from typing import TextIO

from interview_sim.answers.rubric import TickError, read_ticks
from interview_sim.asks import statement_without_asks
from interview_sim.engine.scoring import self_assessed_note
from interview_sim.engine.session import Session, SessionError, TimeUp
from interview_sim.engine.transcript import CREATED, GRADED, PartRecord, retake_command
from interview_sim.safe_text import printable
from interview_sim.words import counted

HELP = """Commands (anything else is your answer to the current part):
  next / prev / goto K   move between questions        skip    next part of this question
  flag                   flag this question for review  show    show this question again
  time                   time left                      finish  submit the session
  help                   this list                      quit    leave (resumable later)"""


def _goto_number(text: str) -> int | None:
    """``goto K``'s K: ASCII digits only (``²`` or ``٣`` are digits to Python but not to us)."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None


def clock_text(seconds: float | None) -> str:
    if seconds is None:
        return "untimed"
    seconds = int(seconds)
    return f"{seconds // 60:02d}:{seconds % 60:02d} left"


class PlainRunner:
    def __init__(self, session: Session, inp: TextIO, out: TextIO) -> None:
        self.session = session
        self.inp = inp
        self.out = out
        self.part_index = 0

    def say(self, text: str = "") -> None:
        """Every line shown goes through ``printable``: saved answers, verdict messages and user
        preset texts may hold terminal escape sequences."""
        self.out.write(printable(text) + "\n")
        self.out.flush()

    def ask(self, prompt: str) -> str | None:
        self.out.write(printable(prompt))
        self.out.flush()
        while True:
            try:
                line = self.inp.readline()
            except UnicodeDecodeError:
                self.out.write("(that line was not readable text (UTF-8); type it again) ")
                self.out.flush()
                continue
            return None if line == "" else line.rstrip("\r\n")

    # -- screens -------------------------------------------------------------------------------
    def rules(self) -> bool:
        preset = self.session.preset
        self.say(f"# {preset.title}\n")
        if preset.description:
            self.say(preset.description + "\n")
        for label, value in preset.rules():
            self.say(f"  {label + ':':<16} {value}")
        self.say(f"\nExam code: {self.session.transcript.code}")
        while True:
            line = self.ask("\nType 'start' (or press Enter) to begin, 'quit' to leave: ")
            if line is None or line.strip().lower() == "quit":
                return False
            if line.strip().lower() in ("", "start"):
                self.session.start()
                return True
            self.say(
                f"The clock has not started, so {line.strip()[:40]!r} was not taken as an answer."
            )

    def show_question(self) -> None:
        session = self.session
        question = session.current
        total = len(session.transcript.questions)
        flag = "  [flagged]" if question.flagged else ""
        self.say(
            f"\n=== Question {question.slot + 1} of {total} · {question.section} · "
            f"{clock_text(session.remaining())}{flag}"
        )
        self.say(terminal_text(statement_without_asks(question.statement, len(question.parts))))
        self.say()
        for part in question.parts:
            saved = f"  (saved: {part.text})" if part.text else ""
            self.say(f"  [{part.id}] {part.prompt}{saved}")
            for key, label in part.options:
                self.say(f"      {key}) {label}")
            self.say(f"      type {part.hint}")
        self.part_index = next((i for i, p in enumerate(question.parts) if not p.text), 0)

    def tick_rubric(self, slot: int, part: PartRecord) -> bool:
        """Show the model answer and the numbered rubric; read the points covered. False when
        the input ended (the answer stays unscored and is asked for again on resume)."""
        self.say(f"\n--- Self-assessment: question {slot + 1} ---")
        self.say(f"Your answer: {part.text}")
        self.say(f"\nModel answer: {part.expected}\n\nRubric (tick the points you covered):")
        for number, (point, weight) in enumerate(part.rubric, start=1):
            self.say(f"  {number}. {point}  (weight {weight})")
        while True:
            line = self.ask("Points covered (e.g. 1 3 4; 'all' or 'none'): ")
            if line is None:
                return False
            try:
                ticked = read_ticks(line, len(part.rubric))
            except TickError as error:
                self.say(f"! {error}")
                continue
            verdict = self.session.self_assess(slot, part.id, ticked)
            self.say(verdict.message)
            return True

    def tick_pending(self) -> None:
        """After submitting: every explain answer is self-assessed before the results show."""
        for slot, part_id in self.session.awaiting_ticks():
            part = self.session.transcript.questions[slot].part(part_id)
            if not self.tick_rubric(slot, part):
                return

    def results(self) -> None:
        self.tick_pending()
        results = self.session.transcript.results or {}
        reason = self.session.transcript.finish_reason
        if reason == "time_up":
            self.say("\nTime is up: your saved answers were submitted automatically.")
        verdict = "PASS" if results.get("passed") else "below the pass mark"
        self.say(f"\n=== Results: {results.get('percent', 0):.1f}% ({verdict}) ===")
        if note := self_assessed_note(results):
            self.say(f"  ({note})")
        for row in results.get("sections", []):
            self.say(f"  {row['title']:<40} {row['score']:6.1f} / {row['max']:.1f}")
        self.say("\n  Time per question:")
        for row in results.get("questions", []):
            self.say(f"  {row['slot'] + 1:>3}. {row['title']:<40} {row['time_spent']:7.0f} s")
        t = self.session.transcript
        self.say(f"\nExam code (retake or share): {t.code}   retake: {retake_command(t)}")
        self.say(f"Review: interview-sim export {self.session.transcript.id}")

    # -- the loop ------------------------------------------------------------------------------
    def run(self) -> int:
        from interview_sim.answers.worker import start_in_background

        start_in_background()  # warm while the rules are read: no slow first check
        session = self.session
        if session.transcript.state == CREATED and not self.rules():
            self.say("Not started. The session is saved; resume it later.")
            return 0
        if session.transcript.state == GRADED:
            self.results()
            return 0
        try:
            self.show_question()
            while session.transcript.state != GRADED:
                part = session.current.parts[self.part_index]
                left = session.attempts_left(None, part.id)
                attempts = f" ({counted(left, 'attempt')} left)" if left is not None else ""
                line = self.ask(f"[{part.id}]{attempts} > ")
                if line is None:
                    self.say(f"\nSaved. Resume with: interview-sim resume {session.transcript.id}")
                    return 0
                if not self.command(line.strip()):
                    return 0
        except TimeUp:
            pass
        self.results()
        return 0

    def command(self, line: str) -> bool:
        """Handle one line; False means leave the loop."""
        session = self.session
        word, _, rest = line.partition(" ")
        try:
            if word in ("next", "n"):
                session.next()
                self.show_question()
            elif word in ("prev", "p"):
                session.prev()
                self.show_question()
            elif word == "goto":
                number = _goto_number(rest)
                total = len(session.transcript.questions)
                if number is None or not 1 <= number <= total:
                    self.say(f"! goto needs a question number from 1 to {total}, e.g. goto 2")
                else:
                    session.goto(number - 1)
                    self.show_question()
            elif word == "flag":
                flagged = session.flag()
                self.say("flagged" if flagged else "flag removed")
            elif word == "time":
                if session.expire_if_due():
                    raise TimeUp("time is up")
                self.say(clock_text(session.remaining()))
            elif word == "show":
                self.show_question()
            elif word == "skip":
                self.advance_part()
            elif word == "help":
                self.say(HELP)
            elif word == "quit":
                if session.preset.endless:  # practice has no submit: leaving ends it
                    session.leave()
                    self.results()
                    return False
                self.say(f"Saved. Resume with: interview-sim resume {session.transcript.id}")
                return False
            elif word == "finish":
                return self.confirm_finish()
            else:
                self.submit(line)
        except TimeUp:
            raise
        except SessionError as error:  # a rule, not a crash: say it and go on
            self.say(f"! {error}")
        return True

    def submit(self, text: str) -> None:
        session = self.session
        part = session.current.parts[self.part_index]
        if session.preset.feedback == "each":
            verdict = session.check(None, part.id, text)
            if verdict.read_as:
                self.say(f"read as: {verdict.read_as}")
            self.say(f"{verdict.status}: {verdict.message}")
            if verdict.status in ("invalid", "unverified"):
                return
            if verdict.status == "pending":  # explain: score it now, then move on
                record = session.current.part(part.id)
                if self.tick_rubric(session.current.slot, record):
                    self.advance_part()
                return
            left = session.attempts_left(None, part.id)
            if verdict.status != "correct" and left != 0:
                return  # attempts remain: the answer stays hidden
            if verdict.status != "correct":
                self.say(
                    f"The answer is {verdict.expected_display} (accepted: {verdict.accepted})."
                )
            self.say("saved")
            if session.solution_visible():
                self.say("\n--- Worked solution ---\n" + session.current.solution)
        else:
            ok, message = session.answer(None, part.id, text)
            self.say(f"saved — read as: {message}" if ok else f"saved, but {message}")
            if not ok:
                return
        self.advance_part()

    def advance_part(self) -> None:
        session = self.session
        question = session.current
        if self.part_index + 1 < len(question.parts):
            self.part_index += 1
            return
        if session.preset.endless:
            session.add_question()
            self.show_question()
        elif question.slot + 1 < len(session.transcript.questions):
            session.next()
            self.show_question()
        else:
            self.part_index = 0
            self.say("That was the last question. Type 'finish' to submit, or 'goto K' to revisit.")

    def confirm_finish(self) -> bool:
        session = self.session
        unanswered = [i + 1 for i in session.unanswered()]
        flagged = [i + 1 for i in session.flagged()]
        if unanswered:
            self.say(f"Unanswered questions: {', '.join(map(str, unanswered))}")
        if flagged:
            self.say(f"Flagged questions: {', '.join(map(str, flagged))}")
        line = self.ask("Submit now? (yes/no) ")
        if line is not None and line.strip().lower() in ("y", "yes"):
            session.finish()
            return True
        self.say("Not submitted.")
        return True


_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def terminal_text(markdown: str) -> str:
    """A statement for a plain terminal: Markdown's bold markers dropped (**(−1.87, 1.62)** reads
    as (−1.87, 1.62)); code blocks, tables and everything else kept exactly as written."""
    lines, in_code = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        lines.append(line if in_code else _EMPHASIS.sub(r"\2", line))
    return "\n".join(lines)
