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
    self_assessed: int = 0  # questions whose credit the candidate judged (explain answers)


def _rows(groups: dict[str, list[tuple[float, float, bool]]]) -> list[Row]:
    rows = []
    for key, items in sorted(groups.items()):
        credits = [credit for credit, _, _ in items]
        times = [seconds for _, seconds, _ in items]
        own = sum(1 for _, _, judged in items if judged)
        rows.append(Row(key, len(items), sum(credits) / len(credits), sum(times) / len(times), own))
    return rows


def statistics(transcripts: list[Transcript]) -> dict[str, Any]:
    """Accuracy and mean time per chapter and per family, and the score trend over time."""
    by_chapter: dict[str, list[tuple[float, float, bool]]] = defaultdict(list)
    by_family: dict[str, list[tuple[float, float, bool]]] = defaultdict(list)
    trend = []
    for t in sorted(transcripts, key=lambda t: t.created_at):
        if t.state != GRADED:
            continue
        trend.append((t.created_at, (t.results or {}).get("percent", 0.0)))
        for question in t.questions:
            weights = sum(p.weight for p in question.parts) or 1.0
            credit = sum(p.weight * p.score for p in question.parts) / weights
            judged = any(p.kind == "explain" for p in question.parts)
            by_chapter[question.chapter].append((credit, question.time_spent, judged))
            by_family[question.family].append((credit, question.time_spent, judged))
    return {
        "sessions": len(trend),
        "chapters": _rows(by_chapter),
        "families": _rows(by_family),
        "trend": trend,
        "trend_delta": _delta([percent for _, percent in trend]),
    }


TREND_MIN_SESSIONS = 5
TREND_RULE = (
    f"a trend needs at least {TREND_MIN_SESSIONS} graded sessions; it compares the mean score of "
    "the latest sessions (half of them, at most 5) with the same number just before"
)


def _delta(percents: list[float], window: int = 5) -> float | None:
    """Mean of the latest k scores minus the mean of the k before, k = min(window, n // 2);
    None under TREND_MIN_SESSIONS sessions, where a 'trend' would be noise."""
    if len(percents) < TREND_MIN_SESSIONS:
        return None
    k = trend_window(len(percents), window)
    recent, earlier = percents[-k:], percents[-2 * k : -k]
    return sum(recent) / k - sum(earlier) / k


def trend_window(sessions: int, window: int = 5) -> int:
    """How many latest sessions the trend compares with as many before them."""
    return min(window, sessions // 2)


def trend_summary(sessions: int, delta: float | None) -> str:
    """The trend in words, or why there is none yet (the rule stated, not hidden)."""
    if delta is None:
        return f"trend after {TREND_MIN_SESSIONS} graded sessions ({sessions} so far)"
    k = trend_window(sessions)
    return f"{delta:+.1f} points (mean of the last {k} vs the {k} before)"


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float], maximum: float = 100.0) -> str:
    return "".join(
        SPARKS[min(len(SPARKS) - 1, int(v / maximum * (len(SPARKS) - 1) + 0.5))] for v in values
    )
