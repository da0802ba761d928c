"""The transcript: everything a session is, as plain data that round-trips through JSON.

It holds what review needs without regenerating anything (statements, params, seeds, family
versions, answers as typed and as read, verdicts, exact answers, solutions, timings), so a session
stays reviewable even after a family changes. ``SCHEMA`` is bumped on any incompatible change,
and ``migrate`` brings every older version up to date, so no saved session stops loading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = 2
# 1 → 2: explain parts (the concept bank) keep their rubric and the points the candidate ticked;
# results say how much of the score is self-assessed. Version 1 had neither: empty defaults.

CREATED, STARTED, FINISHED, GRADED = "created", "started", "finished", "graded"
# why a session finished: the user submitted, the deadline passed, or they left endless practice
SUBMITTED, TIME_UP, LEFT = "submitted", "time_up", "left"


class TranscriptError(ValueError):
    """A transcript that does not match the schema."""


@dataclass
class PartRecord:
    id: str
    kind: str
    prompt: str
    expected: str
    expected_value: Any
    accepted: str
    hint: str
    weight: float
    options: list[list[str]] = field(default_factory=list)
    text: str | None = None  # the current answer as typed
    # typed in the box but not entered yet: kept so nothing typed is lost, never graded until
    # finish or time-up submit it (None = nothing pending; absent in transcripts before drafts)
    draft: str | None = None
    read_as: str = ""
    attempts: list[dict[str, Any]] = field(default_factory=list)  # counted checks
    final: dict[str, Any] | None = None  # the verdict that scored this part
    score: float = 0.0  # credit earned, 0..1 of the part's points
    # explain parts: [point, weight] rows, and the 0-based points the candidate ticked (None =
    # not self-assessed yet); the part's score is then the weighted fraction ticked
    rubric: list[list[Any]] = field(default_factory=list)
    ticked: list[int] | None = None

    @property
    def locked(self) -> bool:
        """Correct, or an explain answer the candidate has already scored: nothing to redo."""
        return bool(self.final) and self.final.get("verdict") in ("correct", "self_assessed")

    @property
    def self_assessed(self) -> bool:
        return self.kind == "explain"

    @property
    def awaiting_ticks(self) -> bool:
        """An explain answer written but not yet scored against its rubric."""
        return self.kind == "explain" and bool(self.text) and self.ticked is None


@dataclass
class QuestionRecord:
    slot: int
    section: str
    family: str
    version: int
    seed: int | None
    title: str
    chapter: str
    params: dict[str, Any]
    statement: str
    solution: str
    parts: list[PartRecord]
    points: float = 0.0
    flagged: bool = False
    time_spent: float = 0.0

    def part(self, part_id: str) -> PartRecord:
        for part in self.parts:
            if part.id == part_id:
                return part
        raise KeyError(f"no part {part_id!r}; parts are: {', '.join(p.id for p in self.parts)}")

    @property
    def answered(self) -> bool:
        return any(p.text for p in self.parts)

    @property
    def complete(self) -> bool:
        return all(p.text for p in self.parts)


@dataclass
class Transcript:
    id: str
    preset: dict[str, Any]
    exam_seed: int
    code: str
    created_at: float
    state: str = CREATED
    chapter: str | None = None
    family: str | None = None
    started_at: float | None = None
    deadline: float | None = None
    finished_at: float | None = None
    finish_reason: str | None = None
    current: int = 0
    entered_at: float | None = None
    questions: list[QuestionRecord] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    results: dict[str, Any] | None = None
    schema: int = SCHEMA

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Transcript:
        if not isinstance(data, dict):
            raise TranscriptError("not a transcript object")
        data = migrate(data)
        if data.get("schema") != SCHEMA:
            raise TranscriptError(
                f"schema version {data.get('schema')!r} is not supported (expected {SCHEMA})"
            )
        try:
            questions = [
                QuestionRecord(**{**q, "parts": [PartRecord(**p) for p in q["parts"]]})
                for q in data["questions"]
            ]
            return cls(**{**data, "questions": questions})
        except (KeyError, TypeError) as error:
            raise TranscriptError(f"missing or unexpected field: {error}") from None


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """A transcript of an older schema brought up to ``SCHEMA`` (a new dict; others unchanged).

    Version 1 → 2 only adds fields whose defaults describe a version-1 session exactly (no explain
    parts, nothing self-assessed), so the step is the version number itself.
    """
    if data.get("schema") == 1:
        return {**data, "schema": 2}
    return data


def retake_command(transcript: Transcript) -> str:
    """The command that rebuilds this exact session (preset, seed and the chapter/family filter)."""
    command = (
        f"interview-sim run {transcript.preset.get('name', '?')} --seed {transcript.exam_seed}"
    )
    if transcript.chapter:
        command += f" --chapter {transcript.chapter}"
    if transcript.family:
        command += f" --family {transcript.family}"
    return command
