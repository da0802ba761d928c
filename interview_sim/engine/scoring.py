"""Scores: credit per part, points per question and section, breakdowns for results and stats."""

from __future__ import annotations

from typing import Any

from interview_sim.answers import verdict as v
from interview_sim.engine.presets import Preset


def part_credit(verdict: v.Verdict, preset: Preset) -> float:
    """1 for correct, the mistake's partial credit where the preset allows it, else 0."""
    if verdict.status == v.CORRECT:
        return 1.0
    if verdict.status == v.MISTAKE and preset.partial_credit:
        return float(verdict.credit)
    if verdict.status == v.SELF_ASSESSED:  # the candidate's own weighted ticks
        return float(verdict.credit)
    return 0.0


def score(transcript: Any, preset: Preset) -> dict[str, Any]:
    """The results table: total, pass/fail, per section, per chapter, per question."""
    sections: dict[str, dict[str, float]] = {}
    chapters: dict[str, dict[str, float]] = {}
    questions = []
    total = maximum = 0.0
    own = {"score": 0.0, "max": 0.0}  # the part of the score the candidate judged themselves
    for question in transcript.questions:
        weights = sum(p.weight for p in question.parts) or 1.0
        earned = sum(question.points * p.weight / weights * p.score for p in question.parts)
        total += earned
        maximum += question.points
        for part in question.parts:
            if part.kind == "explain":
                own["score"] += question.points * part.weight / weights * part.score
                own["max"] += question.points * part.weight / weights
        for table, key in ((sections, question.section), (chapters, question.chapter)):
            row = table.setdefault(key, {"score": 0.0, "max": 0.0})
            row["score"] += earned
            row["max"] += question.points
        questions.append(
            {
                "slot": question.slot,
                "section": question.section,
                "family": question.family,
                "title": question.title,
                "score": earned,
                "max": question.points,
                "time_spent": question.time_spent,
                "flagged": question.flagged,
                "self_assessed": any(p.kind == "explain" for p in question.parts),
            }
        )
    percent = 100.0 * total / maximum if maximum else 0.0
    return {
        "score": total,
        "max": maximum,
        "percent": percent,
        "passed": percent >= 100.0 * preset.pass_mark - 1e-9,
        "pass_mark": preset.pass_mark,
        "code": transcript.code,
        "sections": [{"title": k, **row} for k, row in sections.items()],
        "chapters": [{"chapter": k, **row} for k, row in chapters.items()],
        "questions": questions,
        "duration": (transcript.finished_at or 0) - (transcript.started_at or 0),
        "finish_reason": transcript.finish_reason,
        "self_assessed": own,
    }


def self_assessed_note(results: dict[str, Any]) -> str:
    """The line every results view shows when part of the score is the candidate's own judgement,
    e.g. "includes 12.5 of 25.0 points self-assessed (explain answers)"; "" when none is."""
    own = results.get("self_assessed") or {}
    if not own.get("max"):
        return ""
    return (
        f"includes {own['score']:.1f} of {own['max']:.1f} points self-assessed "
        "(explain answers scored against their rubric by you)"
    )
