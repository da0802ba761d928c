"""History and statistics over every saved session."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from interview_sim.engine.transcript import GRADED, Transcript


@dataclass(frozen=True)
class Row:
    key: str
    questions: int
    accuracy: float  # mean credit per part, 0..1
    mean_time: float  # seconds per question


def _rows(groups: dict[str, list[tuple[float, float]]]) -> list[Row]:
    rows = []
    for key, items in sorted(groups.items()):
        credits = [credit for credit, _ in items]
        times = [seconds for _, seconds in items]
        rows.append(Row(key, len(items), sum(credits) / len(credits), sum(times) / len(times)))
    return rows


def statistics(transcripts: list[Transcript]) -> dict[str, Any]:
    """Accuracy and mean time per chapter and per family, and the score trend over time."""
    by_chapter: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_family: dict[str, list[tuple[float, float]]] = defaultdict(list)
    trend = []
    for t in sorted(transcripts, key=lambda t: t.created_at):
        if t.state != GRADED:
            continue
        trend.append((t.created_at, (t.results or {}).get("percent", 0.0)))
        for question in t.questions:
            weights = sum(p.weight for p in question.parts) or 1.0
            credit = sum(p.weight * p.score for p in question.parts) / weights
            by_chapter[question.chapter].append((credit, question.time_spent))
            by_family[question.family].append((credit, question.time_spent))
    return {
        "sessions": len(trend),
        "chapters": _rows(by_chapter),
        "families": _rows(by_family),
        "trend": trend,
        "trend_delta": _delta([percent for _, percent in trend]),
    }


def _delta(percents: list[float], window: int = 5) -> float | None:
    """Mean of the last ``window`` scores minus the mean of the window before (None if short)."""
    if len(percents) < 2:
        return None
    recent = percents[-window:]
    earlier = percents[-2 * window : -window] or percents[:1]
    return sum(recent) / len(recent) - sum(earlier) / len(earlier)


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float], maximum: float = 100.0) -> str:
    return "".join(
        SPARKS[min(len(SPARKS) - 1, int(v / maximum * (len(SPARKS) - 1) + 0.5))] for v in values
    )
