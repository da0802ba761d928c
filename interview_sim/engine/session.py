"""The session engine: mock-exam rules, the clock, attempts, scoring and autosave. No UI.

States: created → started (rules acknowledged) → finished (submitted or time up) → graded.
The deadline is an absolute wall-clock time stored at start; remaining time is always derived
from it and the injected clock, never counted in ticks, and the engine itself refuses answers after
it. Every event is saved through the store before the call returns, so nothing typed is lost.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from interview_sim.answers import verdict as v
from interview_sim.answers.check import check, readable
from interview_sim.answers.rubric import pending as pending_self_assessment
from interview_sim.answers.rubric import self_assessed
from interview_sim.engine.build import (
    choose_families,
    exam_code,
    pick_adaptive,
    question_for,
    section_pool,
)
from interview_sim.engine.presets import Preset
from interview_sim.engine.scoring import part_credit, score
from interview_sim.engine.transcript import (
    CREATED,
    FINISHED,
    GRADED,
    LEFT,
    STARTED,
    SUBMITTED,
    TIME_UP,
    PartRecord,
    QuestionRecord,
    Transcript,
)
from interview_sim.model import Variant

Clock = Callable[[], float]


class SessionError(RuntimeError):
    """An action the rules do not allow now (the message says why)."""


class TimeUp(SessionError):
    """The deadline has passed: the session was submitted automatically."""


class SaveFailed(SessionError):
    """The action was applied in memory but the transcript could not be written.

    Nothing is rolled back: the session keeps the new state and every later event (or
    ``retry_save``) writes the whole transcript again, so one failed write loses nothing once the
    disk recovers. The message says what the store reported.
    """


class Session:
    def __init__(self, transcript: Transcript, clock: Clock = time.time, store: Any = None) -> None:
        self.transcript = transcript
        self.preset = Preset.from_json(transcript.preset)
        self.clock = clock
        self.store = store
        self._variants: dict[int, Variant] = {}
        self._lock = threading.RLock()
        self.weights: dict[str, float] = {}  # practice: per-family draw weight (review.recall)
        self.save_error: Exception | None = None  # the last failed write, until one succeeds

    # -- creation ------------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        preset: Preset,
        exam_seed: int,
        *,
        clock: Clock = time.time,
        store: Any = None,
        chapter: str | None = None,
        family: str | None = None,
        weights: Mapping[str, float] | None = None,
        first_variant: int | None = None,
    ) -> Session:
        """A new session; for endless practice, ``first_variant`` pins the first question's
        variant seed (with ``family``: "practise this one again")."""
        now = clock()
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(now))
        transcript = Transcript(
            id=f"{stamp}-{preset.name}-{exam_seed % 100000:05d}",
            preset=preset.to_json(),
            exam_seed=exam_seed,
            code=exam_code(preset, exam_seed, chapter, family),
            created_at=now,
            chapter=chapter,
            family=family,
        )
        session = cls(transcript, clock, store)
        if preset.endless:
            session.weights = dict(weights or {})
            session.add_question(seed=first_variant)
        else:
            chosen = choose_families(preset, exam_seed, chapter, family)
            transcript.questions = [
                question_for(slot, section, family_id, exam_seed)
                for slot, (section, family_id) in enumerate(chosen)
            ]
            session._assign_points()
        session._event("created")
        return session

    def add_question(self, seed: int | None = None) -> QuestionRecord:
        """Practice: append the next question (forgotten families more often) and go to it."""
        with self._lock:
            t = self.transcript
            section = self.preset.sections[0]
            pool = section_pool(section.families, t.chapter, t.family, section.title)
            slot = len(t.questions)
            family_id = (
                pick_adaptive(pool, t.exam_seed, slot, self.weights)
                if self.preset.adaptive
                else pool[slot % len(pool)]
            )
            question = question_for(slot, section.title, family_id, t.exam_seed, seed)
            t.questions.append(question)
            self._assign_points()
            if t.state == STARTED:
                self._move_to(slot)
            self._event("added", question=slot, family=family_id)
            return question

    def _assign_points(self) -> None:
        """Equal points per section (100 in all), shared by its questions, split by part weight."""
        questions = self.transcript.questions
        sections = list(dict.fromkeys(q.section for q in questions))
        for question in questions:
            in_section = sum(1 for q in questions if q.section == question.section)
            question.points = 100.0 / len(sections) / in_section

    # -- the clock -----------------------------------------------------------------------------
    def remaining(self) -> float | None:
        """Seconds left (never negative), or None when untimed or not started."""
        t = self.transcript
        if t.deadline is None:
            return None
        end = t.finished_at if t.finished_at is not None else self.clock()
        return max(0.0, t.deadline - end)

    def expire_if_due(self, boxes: Mapping[tuple[int, str], str] | None = None) -> bool:
        """Submit automatically if the deadline has passed; True if that happened now.

        ``boxes`` is what the UI shows in each (slot, part) input at that moment: it becomes the
        part's draft first, so text typed since the last debounced save is submitted too.
        """
        with self._lock:
            t = self.transcript
            if t.state == STARTED and t.deadline is not None and self.clock() >= t.deadline:
                for (slot, part_id), text in (boxes or {}).items():
                    record = t.questions[slot].part(part_id)
                    if text != (record.text or "") and self._open_for(record):
                        record.draft = text
                self._finish(TIME_UP, at=t.deadline)
                return True
            return False

    def _ensure_open(self) -> None:
        if self.expire_if_due():
            raise TimeUp("time is up: your saved answers were submitted automatically")
        state = self.transcript.state
        if state == CREATED:
            raise SessionError("the session has not started: acknowledge the rules first")
        if state in (FINISHED, GRADED):
            raise SessionError("this session has been submitted; open it in review instead")

    # -- actions -------------------------------------------------------------------------------
    def start(self) -> None:
        """The rules were acknowledged: start the clock."""
        with self._lock:
            t = self.transcript
            if t.state != CREATED:
                raise SessionError("the session has already started")
            now = self.clock()
            t.state, t.started_at, t.entered_at = STARTED, now, now
            if self.preset.timed:
                t.deadline = now + self.preset.duration_minutes * 60
            self._event("start", deadline=t.deadline)

    def goto(self, index: int) -> QuestionRecord:
        with self._lock:
            self._ensure_open()
            if not 0 <= index < len(self.transcript.questions):
                raise SessionError(f"there is no question {index + 1}")
            self._move_to(index)
            self._event("goto", question=index)
            return self.current

    def _move_to(self, index: int) -> None:
        t = self.transcript
        now = self.clock()
        if t.entered_at is not None and t.questions:
            t.questions[t.current].time_spent += max(0.0, now - t.entered_at)
        t.current, t.entered_at = index, now

    def next(self) -> QuestionRecord:
        return self.goto(min(self.transcript.current + 1, len(self.transcript.questions) - 1))

    def prev(self) -> QuestionRecord:
        return self.goto(max(self.transcript.current - 1, 0))

    def flag(self, index: int | None = None, flagged: bool | None = None) -> bool:
        with self._lock:
            self._ensure_open()
            question = self.transcript.questions[self._index(index)]
            question.flagged = (not question.flagged) if flagged is None else flagged
            self._event("flag", question=question.slot, flagged=question.flagged)
            return question.flagged

    def answer(self, index: int | None, part_id: str, text: str) -> tuple[bool, str]:
        """Save an answer as typed (exam mode: no grading). Returns (readable, 'read as: …' or why).

        Unreadable text is saved too (nothing typed is lost) but reported, so the user can fix it;
        it never costs an attempt.
        """
        with self._lock:
            self._ensure_open()
            question = self.transcript.questions[self._index(index)]
            record = question.part(part_id)
            if record.locked or self._attempts_left(record) == 0:
                raise SessionError("this part is closed: no attempts left")
            ok, message = readable(self.variant(question.slot).part(part_id), text)
            record.text, record.read_as, record.draft = text, message if ok else "", None
            self._event("answer", question=question.slot, part=part_id, text=text, ok=ok)
            return ok, message

    def check(self, index: int | None, part_id: str, text: str) -> v.Verdict:
        """Grade one attempt now (presets with feedback after each answer)."""
        with self._lock:
            self._ensure_open()
            if self.preset.feedback != "each":
                raise SessionError("no feedback until the end in this session: answers are saved")
            question = self.transcript.questions[self._index(index)]
            record = question.part(part_id)
            if record.locked or self._attempts_left(record) == 0:
                raise SessionError("this part is closed: no attempts left")
        # grading may wait for the sympy worker: do it outside the lock
        verdict = check(self.variant(question.slot).part(part_id), text)
        with self._lock:
            self._ensure_open()
            record.text, record.read_as, record.draft = text, verdict.read_as, None
            self._record_attempt(record, text, verdict)
            self._event(
                "check", question=question.slot, part=part_id, text=text, verdict=verdict.status
            )
            return verdict

    def _record_attempt(self, record: PartRecord, text: str, verdict: v.Verdict) -> None:
        """Count a checked answer (unless unreadable) and keep the best credit earned so far."""
        if not verdict.counts_as_attempt:
            return
        record.attempts.append(
            {
                "text": text,
                "read_as": verdict.read_as,
                "verdict": verdict.to_json(),
                "at": self.clock(),
            }
        )
        earned = part_credit(verdict, self.preset) * self.preset.credit_for_attempt(
            len(record.attempts)
        )
        if record.final is None or earned >= record.score:
            record.final, record.score = verdict.to_json(), earned

    def self_assess(self, index: int | None, part_id: str, ticked: list[int]) -> v.Verdict:
        """Score an explain answer by the rubric points the candidate ticked (0-based).

        With feedback after each answer this follows the written answer; in an exam (feedback at
        the end) it happens after submitting, before the results are read, and the results are
        recomputed. Ticking again replaces the earlier ticks until the session is graded in
        practice; the verdict is labelled self-assessed.
        """
        with self._lock:
            t = self.transcript
            if t.state == STARTED:
                self._ensure_open()
                if self.preset.feedback != "each":
                    raise SessionError(
                        "explain answers are self-assessed after you submit the session"
                    )
            elif t.state == CREATED:
                raise SessionError("the session has not started: acknowledge the rules first")
            question = t.questions[self._index(index)]
            record = question.part(part_id)
            if record.kind != "explain":
                raise SessionError(f"part {part_id!r} is checked by rule, not self-assessed")
            if not record.text:
                raise SessionError("write your answer first, then tick the points you covered")
            if any(not 0 <= i < len(record.rubric) for i in ticked):
                raise SessionError(f"rubric points are numbered 1–{len(record.rubric)}")
            weights = [int(weight) for _, weight in record.rubric]
            verdict = self_assessed(weights, ticked, expected=record.expected)
            record.ticked = sorted(set(ticked))
            record.final, record.score = verdict.to_json(), part_credit(verdict, self.preset)
            if t.state == GRADED:
                t.results = score(t, self.preset)
            self._event("self_assess", question=question.slot, part=part_id, ticked=record.ticked)
            return verdict

    def awaiting_ticks(self) -> list[tuple[int, str]]:
        """(slot, part id) of every explain answer written but not yet self-assessed."""
        return [
            (question.slot, part.id)
            for question in self.transcript.questions
            for part in question.parts
            if part.awaiting_ticks
        ]

    def save_draft(self, index: int | None, part_id: str, text: str) -> bool:
        """Keep what is typed in a box but not entered yet; True if the transcript changed.

        A draft is never graded while the session runs. Finishing or time-up submits it as the
        part's answer (see ``_grade``), so text on screen at the deadline counts even when the
        deadline passed while the app was closed. Text equal to the saved answer clears the draft;
        a closed part has nothing to draft.
        """
        with self._lock:
            self._ensure_open()
            question = self.transcript.questions[self._index(index)]
            record = question.part(part_id)
            draft = None if text == (record.text or "") else text
            if draft == record.draft or (draft is not None and not self._open_for(record)):
                return False
            record.draft = draft
            self._event("draft", question=question.slot, part=part_id, text=draft)
            return True

    def _open_for(self, record: PartRecord) -> bool:
        return not record.locked and self._attempts_left(record) != 0

    def attempts_left(self, index: int | None, part_id: str) -> int | None:
        """None when unlimited."""
        return self._attempts_left(self.transcript.questions[self._index(index)].part(part_id))

    def _attempts_left(self, record: Any) -> int | None:
        if self.preset.attempts == 0:
            return None
        return max(0, self.preset.attempts - len(record.attempts))

    def solution_visible(self, index: int | None = None) -> bool:
        question = self.transcript.questions[self._index(index)]
        if self.transcript.state in (FINISHED, GRADED):
            return True  # review always explains
        if self.preset.show_solution == "after_attempts":
            return all(p.locked or self._attempts_left(p) == 0 for p in question.parts)
        return False

    def finish(self) -> dict[str, Any]:
        """Submit: every saved answer and every draft still in a box is graded; the results."""
        with self._lock:
            if self.expire_if_due():
                return self.transcript.results or {}
            self._ensure_open()
            self._finish(SUBMITTED, at=self.clock())
            return self.transcript.results or {}

    def leave(self) -> dict[str, Any]:
        """End endless practice when the user leaves: grade what was checked, keep drafts unsent.

        Practice has no "submit" moment, so leaving is its end; it then counts in stats like any
        graded session. Unchecked drafts stay in the transcript but are not graded: in practice
        only an answer the user checked is an attempt.
        """
        with self._lock:
            if not self.preset.endless:
                raise SessionError("only endless practice ends on leaving; this one can be resumed")
            self._ensure_open()
            self._finish(LEFT, at=self.clock())
            return self.transcript.results or {}

    def settle(self) -> bool:
        """Bring a stored session up to date: expire it if its deadline passed, and grade it if it
        finished but was never graded (a kill between the two). Idempotent; True if it changed."""
        with self._lock:
            if self.expire_if_due():
                return True
            if self.transcript.state == FINISHED:
                self._grade()
                return True
            return False

    def _finish(self, reason: str, at: float) -> None:
        t = self.transcript
        if t.entered_at is not None and t.questions:
            t.questions[t.current].time_spent += max(0.0, min(at, self.clock()) - t.entered_at)
        t.state, t.finished_at, t.finish_reason, t.entered_at = FINISHED, at, reason, None
        if self.preset.endless and len(t.questions) > 1 and not _touched(t.questions[-1]):
            t.questions.pop()  # the next practice question, shown but never tried: not a zero
            self._assign_points()
        try:
            self._event("finish", reason=reason)
        except SaveFailed:
            pass  # the state is kept in memory; the "graded" save below writes it again
        self._grade()

    def _grade(self) -> None:
        """Grade every part from the transcript alone, so a re-run gives the same results."""
        t = self.transcript
        if t.state == GRADED:
            return
        submit_drafts = t.finish_reason != LEFT
        for question in t.questions:
            try:
                variant = self.variant(question.slot)
            except SessionError as error:  # the family changed: keep the answers, say why
                for record in question.parts:
                    if submit_drafts and record.draft is not None:
                        record.text, record.draft = record.draft, None
                    record.final = v.Verdict(
                        v.UNVERIFIED, str(error), expected=record.expected
                    ).to_json()
                continue
            for record in question.parts:
                draft, record.draft = record.draft, (None if submit_drafts else record.draft)
                if record.kind == "explain":
                    self._grade_explain(record, draft if submit_drafts else None)
                    continue
                if self.preset.feedback == "each":
                    if submit_drafts and draft and self._open_for(record):
                        # text left in the box counts as one more checked attempt
                        record.text = draft
                        verdict = check(variant.part(record.id), draft)
                        record.read_as = verdict.read_as
                        self._record_attempt(record, draft, verdict)
                    if record.final is None:
                        record.final = v.Verdict(v.INCORRECT, "not answered").to_json()
                    continue
                if submit_drafts and draft is not None:
                    record.text = draft
                if not record.text:
                    verdict = v.Verdict(v.INCORRECT, "not answered", expected=record.expected)
                else:
                    verdict = check(variant.part(record.id), record.text)
                    record.read_as = verdict.read_as
                record.final, record.score = verdict.to_json(), part_credit(verdict, self.preset)
        t.results = score(t, self.preset)
        t.state = GRADED
        self._event("graded", percent=t.results["percent"])

    def _grade_explain(self, record: PartRecord, draft: str | None) -> None:
        """An explain part scores what its ticks say; unticked text waits (0 until ticked)."""
        if draft and not record.locked:
            record.text, record.ticked = draft, None
        if not record.text:
            verdict = v.Verdict(v.INCORRECT, "not answered", expected=record.expected)
        elif record.ticked is None:
            verdict = pending_self_assessment(record.expected)
        else:
            weights = [int(weight) for _, weight in record.rubric]
            verdict = self_assessed(weights, record.ticked, expected=record.expected)
        record.final, record.score = verdict.to_json(), part_credit(verdict, self.preset)

    # -- views ---------------------------------------------------------------------------------
    @property
    def current(self) -> QuestionRecord:
        return self.transcript.questions[self.transcript.current]

    def variant(self, slot: int) -> Variant:
        """The live variant behind a question (regenerated from family + seed, for grading)."""
        if slot not in self._variants:
            from interview_sim.registry import get

            question = self.transcript.questions[slot]
            family = get(question.family)
            if family.version != question.version:
                raise SessionError(
                    f"{question.family} changed since this session was made (version "
                    f"{question.version} → {family.version}); it can be reviewed but not graded"
                )
            variant = (
                family.variant(question.seed)
                if question.seed is not None
                else family.from_params(question.params)
            )
            self._variants[slot] = variant
        return self._variants[slot]

    def _index(self, index: int | None) -> int:
        return self.transcript.current if index is None else index

    def unanswered(self) -> list[int]:
        return [q.slot for q in self.transcript.questions if not q.complete]

    def flagged(self) -> list[int]:
        return [q.slot for q in self.transcript.questions if q.flagged]

    # -- persistence ---------------------------------------------------------------------------
    def _event(self, kind: str, **data: Any) -> None:
        self.transcript.events.append({"t": self.clock(), "kind": kind, **data})
        self._save()

    def retry_save(self) -> bool:
        """Write the transcript again after a failed save; True when it is on disk now."""
        with self._lock:
            if self.save_error is None:
                return True
            try:
                self._save()
            except SaveFailed:
                return False
            return True

    def _save(self) -> None:
        if self.store is None:
            return
        try:
            self.store.save(self.transcript)
        except Exception as error:  # disk full, read-only, a directory in the way, the store's
            self.save_error = error
            raise SaveFailed(f"could not save the session: {error}") from error
        self.save_error = None


def _touched(question: QuestionRecord) -> bool:
    return any(p.text or p.draft or p.attempts for p in question.parts)
