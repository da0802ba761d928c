"""What a review session holds: the due cards (most at risk first) and a capped number of new ones.

"Due today" means due before the end of the current UTC day, the day boundary FSRS works in. New
cards (never reviewed) are introduced at most ``new_per_day`` a day, counting those already
introduced today, so one long session does not bury the following days in reviews.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from interview_sim.review.cards import CardInfo
from interview_sim.review.recall import recall_curve
from interview_sim.review.state import REVIEW_SOURCE, ReviewState, make_scheduler

NEW_PER_DAY = 10
SETTINGS_FILE = Path("review") / "settings.toml"


class ReviewSettingsError(ValueError):
    """A settings file that cannot be used (the message names the file and the key)."""


def new_per_day(root: Path, override: int | None = None) -> int:
    """The daily cap on new cards: ``override`` (the --new flag), else ``new_per_day`` in
    ``<data dir>/review/settings.toml``, else ``NEW_PER_DAY``."""
    if override is not None:
        if override < 0:
            raise ReviewSettingsError(f"--new must be 0 or more, got {override}")
        return override
    path = Path(root) / SETTINGS_FILE
    if not path.exists():
        return NEW_PER_DAY
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ReviewSettingsError(f"{path}: not valid TOML ({error})") from None
    unknown = set(data) - {"new_per_day"}
    if unknown:
        raise ReviewSettingsError(f"{path}: unknown key(s) {sorted(unknown)}; known: new_per_day")
    value = data.get("new_per_day", NEW_PER_DAY)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ReviewSettingsError(f"{path}: new_per_day must be a whole number ≥ 0, got {value!r}")
    return value


def end_of_day(now: datetime) -> datetime:
    return datetime.combine(now.date() + timedelta(days=1), time(), now.tzinfo)


@dataclass(frozen=True)
class Queue:
    due: list[CardInfo]  # studied cards due today, lowest predicted recall first
    new: list[CardInfo]  # never-reviewed cards allowed today, in registry order
    new_waiting: int  # never-reviewed cards beyond today's cap

    @property
    def cards(self) -> list[CardInfo]:
        return self.due + self.new

    def per_chapter(self) -> dict[str, tuple[int, int]]:
        """(due, new) per chapter, chapters in the order their first card comes."""
        counts: dict[str, tuple[int, int]] = {}
        for card in self.due:
            due, new = counts.get(card.chapter, (0, 0))
            counts[card.chapter] = (due + 1, new)
        for card in self.new:
            due, new = counts.get(card.chapter, (0, 0))
            counts[card.chapter] = (due, new + 1)
        return counts


def review_queue(state: ReviewState, cards: list[CardInfo], now: datetime, new_cap: int) -> Queue:
    horizon, moment = end_of_day(now).timestamp(), now.timestamp()
    start_of_day = end_of_day(now) - timedelta(days=1)
    decay, factor = recall_curve(make_scheduler())
    due, unseen = [], []
    for card in cards:
        memory = state.cards.get(card.id)
        if memory is None:
            unseen.append(card)
        elif memory.due_s < horizon:  # recall now, as recall_at computes it (inlined for speed)
            elapsed = max(0, (moment - memory.last_s) // 86400)
            due.append(((1 + factor * elapsed / memory.stability) ** decay, card.id, card))
    due.sort(key=lambda item: item[:2])
    introduced = sum(1 for s in state.cards.values() if s.first_review >= start_of_day)
    allowed = max(0, new_cap - introduced)
    return Queue([card for *_, card in due], unseen[:allowed], max(0, len(unseen) - allowed))


def fresh_seed_for(card_id: str, version: int, exam_seed: int, slot: int, last: int | None) -> int:
    """The variant seed for a card in a review session, never the one shown at its last review."""
    from interview_sim.seeds import derive_seed

    salt = 0
    seed = derive_seed(card_id, version, exam_seed, slot)
    while seed == last:
        salt += 1
        seed = derive_seed(card_id, version, exam_seed, slot + salt * 1_000_003)
    return seed


def build_review_session(
    queue: Queue,
    state: ReviewState,
    exam_seed: int,
    clock: Callable[[], float],
):
    """A review session (not yet saved): one question per queued card, each a fresh variant.

    Feedback after each answer with up to 3 attempts, so a retry can turn Again into Hard.
    """
    from interview_sim.chapters import CHAPTERS
    from interview_sim.engine.build import question_for
    from interview_sim.engine.presets import Preset, Section
    from interview_sim.engine.session import Session
    from interview_sim.registry import get

    if not queue.cards:
        raise ValueError("nothing is due and no new card is allowed today")
    preset = Preset(
        name="review",
        title="Review",
        description="The cards FSRS says are due, each as a fresh variant.",
        sections=tuple(Section(CHAPTERS[card.chapter], (card.id,)) for card in queue.cards),
        feedback="each",
        attempts=3,
        attempt_credit=(1.0, 1.0, 1.0),
        partial_credit=True,
        show_solution="after_attempts",
        source=REVIEW_SOURCE,
    )
    session = Session.create(preset, exam_seed, clock=clock)
    questions = session.transcript.questions
    for slot, question in enumerate(questions):
        memory = state.cards.get(question.family)
        last = memory.last_seed if memory else None
        if question.seed == last:
            family = get(question.family)
            seed = fresh_seed_for(family.id, family.version, exam_seed, slot, last)
            questions[slot] = question_for(slot, question.section, family.id, exam_seed, seed)
            questions[slot].points = question.points
    return session
