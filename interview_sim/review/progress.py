"""Review progress for ``stats``: retention over time and predicted recall per chapter.

Retention is the share of rated reviews that were recalled (anything but Again), per ISO week,
computed from the review transcripts with the same rules that schedule the cards. Predicted
recall per chapter is the mean FSRS recall now over the chapter's studied cards.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from fsrs import Rating

from interview_sim.engine.transcript import GRADED, Transcript
from interview_sim.review.cards import CardInfo
from interview_sim.review.plan import TARGET, Plan
from interview_sim.review.ratings import rate
from interview_sim.review.recall import recall_at
from interview_sim.review.state import ReviewState, is_review, make_scheduler, review_moment
from interview_sim.words import counted

BAR = "█"
EMPTY = "░"


def bar(fraction: float, width: int = 20) -> str:
    """A horizontal bar for a fraction 0..1, e.g. ``██████░░░░`` for 0.6 at width 10."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return BAR * filled + EMPTY * (width - filled)


@dataclass(frozen=True)
class Week:
    start: str  # ISO week, e.g. 2026-W48
    reviews: int
    recalled: int

    @property
    def retention(self) -> float:
        return self.recalled / self.reviews


def retention_by_week(transcripts: list[Transcript]) -> list[Week]:
    """Rated reviews and how many were recalled, per ISO week, oldest first."""
    weeks: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for transcript in transcripts:
        if transcript.state != GRADED or not is_review(transcript):
            continue
        for question in transcript.questions:
            rating = rate(question)
            if rating is None:
                continue
            year, week, _ = review_moment(question, transcript).isocalendar()
            row = weeks[f"{year}-W{week:02d}"]
            row[0] += 1
            row[1] += rating != Rating.Again
    return [Week(key, total, recalled) for key, (total, recalled) in sorted(weeks.items())]


@dataclass(frozen=True)
class ChapterRecall:
    chapter: str
    studied: int
    cards: int
    mean_recall: float | None  # None when nothing in the chapter has been studied


def recall_by_chapter(
    state: ReviewState, cards: list[CardInfo], now: datetime
) -> list[ChapterRecall]:
    scheduler = make_scheduler()
    recalls: dict[str, list[float]] = defaultdict(list)
    totals: dict[str, int] = defaultdict(int)
    for card in cards:
        totals[card.chapter] += 1
        memory = state.cards.get(card.id)
        if memory is not None:
            recalls[card.chapter].append(recall_at(scheduler, memory, now))
    return [
        ChapterRecall(
            chapter,
            len(recalls[chapter]),
            total,
            sum(recalls[chapter]) / len(recalls[chapter]) if recalls[chapter] else None,
        )
        for chapter, total in totals.items()
    ]


def plan_text(plan: Plan, studied: set[str], today: date) -> str:
    """The plan for a terminal: recall on the day weakest first, then the reviews per day."""
    from interview_sim.chapters import CHAPTERS

    away = (plan.date - today).days
    lines = [
        f"Interview on {plan.date} ({counted(away, 'day')} away): "
        f"{len(studied & {c.id for c in plan.cards})} of {len(plan.cards)} cards studied",
        "",
        "Predicted recall on the day if you stop reviewing now, weakest first:",
    ]
    waiting: dict[str, int] = {}
    for card in plan.cards:
        chapter = CHAPTERS.get(card.chapter, card.chapter)
        if card.id not in studied:  # one line per chapter below, not hundreds of identical rows
            waiting[chapter] = waiting.get(chapter, 0) + 1
            continue
        shown = f"{bar(card.predicted_recall)} {card.predicted_recall:4.0%}"
        chapter = chapter if len(chapter) <= 24 else chapter[:23] + "…"
        lines.append(f"  {card.id:<34} {chapter:<24} {shown}")
    if not studied & {c.id for c in plan.cards}:
        lines.append("  nothing studied yet")
    if waiting:
        lines += ["", "Not studied yet (review introduces them):"]
        lines += [f"  {chapter:<42} {counted(count, 'card')}" for chapter, count in waiting.items()]
    lines += ["", f"Reviews per day so that every studied card is at ≥ {TARGET:.0%} on the day:"]
    peak = max((due for _, due in plan.days), default=0) or 1
    lines += [f"  {day:%a %Y-%m-%d}  {bar(due / peak, 30)} {due}" for day, due in plan.days]
    total = sum(due for _, due in plan.days)
    lines.append(f"  {counted(total, 'review')} in all; each day's review session shows them.")
    return "\n".join(lines)
