"""Scheduler state on disk: ``<data dir>/review/state.json``, a cache of the transcripts.

Every review is a question in a graded review-session transcript, and its rating follows from the
record (``ratings.rate``), so the state can always be rebuilt by replaying those transcripts
through the scheduler in order. That is what happens when the file is missing, damaged (the
damaged file is renamed aside, kept byte for byte, and reported) or behind the transcripts (a
review finished while the state was not written, e.g. a crash or a TUI session).

FSRS's interval fuzz is off: it draws from Python's global RNG, and a replay must reproduce the
saved due dates exactly.
"""

from __future__ import annotations

import json
import math
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from interview_sim.engine.transcript import GRADED, Transcript
from interview_sim.review.ratings import fast_threshold, rate, right_first_time
from interview_sim.store.files import atomic_write
from interview_sim.words import counted

SCHEMA = 1
REVIEW_SOURCE = "interview_sim.review"  # the preset source that marks a review session
DESIRED_RETENTION = 0.9
STATE_FILE = Path("review") / "state.json"


class StateError(ValueError):
    """A state file that does not match the schema (the message says where)."""


def make_scheduler() -> Scheduler:
    """The one scheduler configuration: retention 90%, no fuzz (see the module docstring) and no
    minute-long (re)learning steps: a review session shows each card once, as a fresh variant,
    so every review is scheduled in whole days from the card's stability."""
    return Scheduler(
        desired_retention=DESIRED_RETENTION,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=False,
    )


def is_review(transcript: Transcript) -> bool:
    return transcript.preset.get("source") == REVIEW_SOURCE


def utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@dataclass
class CardState:
    """One card's FSRS memory state plus what review needs: the last seed and counts."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    first_review: datetime
    last_seed: int | None
    reviews: int = 0
    lapses: int = 0
    last_rating: int | None = None  # 1 Again, 2 Hard, 3 Good, 4 Easy
    # Unix times of due and last_review, kept beside the datetimes: the due list and the plan
    # compare thousands of them, and datetime.timestamp() costs a microsecond a call
    due_s: float = field(init=False, repr=False, compare=False)
    last_s: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.due_s = self.due.timestamp()
        self.last_s = self.last_review.timestamp() if self.last_review else self.due_s

    def to_fsrs(self) -> Card:
        return Card(
            card_id=0,
            state=State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": self.due.isoformat(),
            "last_review": self.last_review.isoformat() if self.last_review else None,
            "first_review": self.first_review.isoformat(),
            "last_seed": self.last_seed,
            "reviews": self.reviews,
            "lapses": self.lapses,
            "last_rating": self.last_rating,
        }

    @classmethod
    def from_json(cls, card_id: str, data: Any) -> CardState:
        where = f"card {card_id!r}"
        if not isinstance(data, dict):
            raise StateError(f"{where} is not an object")
        expected = {
            "state",
            "step",
            "stability",
            "difficulty",
            "due",
            "last_review",
            "first_review",
            "last_seed",
            "reviews",
            "lapses",
            "last_rating",
        }
        if set(data) != expected:
            missing, extra = expected - set(data), set(data) - expected
            raise StateError(f"{where}: missing {sorted(missing)}, unexpected {sorted(extra)}")
        if data["state"] not in (1, 2, 3):
            raise StateError(f"{where}: state must be 1, 2 or 3, got {data['state']!r}")
        for key in ("stability", "difficulty"):
            value = data[key]
            if not (_number(value) and value > 0):
                raise StateError(f"{where}: {key} must be a positive number, got {value!r}")
        if data["last_rating"] not in (None, 1, 2, 3, 4):
            raise StateError(f"{where}: last_rating must be 1 to 4, got {data['last_rating']!r}")
        for key in ("step", "last_seed", "reviews", "lapses"):
            value = data[key]
            if value is not None and not (isinstance(value, int) and not isinstance(value, bool)):
                raise StateError(f"{where}: {key} must be an integer, got {value!r}")
        return cls(
            state=data["state"],
            step=data["step"],
            stability=float(data["stability"]),
            difficulty=float(data["difficulty"]),
            due=_moment(where, "due", data["due"]),
            last_review=_moment(where, "last_review", data["last_review"]),
            first_review=_moment(where, "first_review", data["first_review"]),
            last_seed=data["last_seed"],
            reviews=data["reviews"] or 0,
            lapses=data["lapses"] or 0,
            last_rating=data["last_rating"],
        )


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _moment(where: str, key: str, text: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise StateError(f"{where}: {key} must be an ISO date-time, got {text!r}") from None
    if moment.utcoffset() is None:
        raise StateError(f"{where}: {key} has no time zone ({text!r})")
    return moment.astimezone(UTC)


@dataclass
class ReviewState:
    cards: dict[str, CardState] = field(default_factory=dict)
    applied: list[str] = field(default_factory=list)  # review sessions replayed, in order
    applied_until: float = 0.0  # finish time of the last applied session

    # -- replaying reviews ---------------------------------------------------------------------
    def review(
        self,
        card_id: str,
        rating: Rating,
        at: datetime,
        seed: int | None,
        scheduler: Scheduler,
    ) -> CardState:
        """Apply one rated review through the scheduler."""
        before = self.cards.get(card_id)
        card = before.to_fsrs() if before else Card(card_id=0, due=at)
        card, _ = scheduler.review_card(card, rating, at)
        after = CardState(
            state=int(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
            first_review=before.first_review if before else at,
            last_seed=seed,
            reviews=(before.reviews if before else 0) + 1,
            lapses=(before.lapses if before else 0) + (rating == Rating.Again),
            last_rating=int(rating),
        )
        self.cards[card_id] = after
        return after

    def sync(self, transcripts: list[Transcript]) -> bool:
        """Apply graded review sessions not applied yet; True if anything changed.

        A session that finished before the last applied one (e.g. restored from a backup) cannot
        be appended in order, so the whole state is rebuilt instead.
        """
        done = set(self.applied)
        new = [t for t in _graded_reviews(transcripts) if t.id not in done]
        if not new:
            return False
        if min(_finished(t) for t in new) < self.applied_until:
            rebuilt = rebuild(transcripts)
            self.cards, self.applied = rebuilt.cards, rebuilt.applied
            self.applied_until = rebuilt.applied_until
            return True
        _replay(self, transcripts, {t.id for t in new})
        return True

    # -- JSON ----------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "scheduler": {"desired_retention": DESIRED_RETENTION, "fuzz": False, "steps": []},
            "applied": self.applied,
            "applied_until": self.applied_until,
            "cards": {card_id: card.to_json() for card_id, card in sorted(self.cards.items())},
        }

    @classmethod
    def from_json(cls, data: Any) -> ReviewState:
        if not isinstance(data, dict):
            raise StateError("the file does not hold a JSON object")
        if data.get("schema") != SCHEMA:
            raise StateError(f"schema {data.get('schema')!r} is not supported (expected {SCHEMA})")
        applied, until, cards = data.get("applied"), data.get("applied_until"), data.get("cards")
        if not isinstance(applied, list) or not all(isinstance(a, str) for a in applied):
            raise StateError("'applied' must be a list of session ids")
        if not _number(until):
            raise StateError("'applied_until' must be a number (a Unix time)")
        if not isinstance(cards, dict):
            raise StateError("'cards' must be an object keyed by card id")
        return cls(
            cards={key: CardState.from_json(key, value) for key, value in cards.items()},
            applied=list(applied),
            applied_until=float(until),
        )


def _finished(t: Transcript) -> float:
    return t.finished_at if t.finished_at is not None else t.created_at


def _graded_reviews(transcripts: list[Transcript]) -> list[Transcript]:
    return [t for t in transcripts if t.state == GRADED and is_review(t)]


def review_moment(question: Any, transcript: Transcript) -> datetime:
    """When a question was reviewed: its last counted attempt, else the session's finish."""
    times = [a["at"] for p in question.parts for a in p.attempts if _number(a.get("at"))]
    return utc(max(times) if times else _finished(transcript))


def _replay(state: ReviewState, transcripts: list[Transcript], apply: set[str]) -> None:
    """Walk every graded session in finishing order, keeping each family's first-attempt times
    (what "fast" means for it), and apply the review sessions in ``apply``."""
    scheduler = make_scheduler()
    times: dict[str, list[float]] = defaultdict(list)
    graded = sorted(
        (t for t in transcripts if t.state == GRADED), key=lambda t: (_finished(t), t.id)
    )
    for transcript in graded:
        if transcript.id in apply:
            for question in transcript.questions:
                rating = rate(question, fast_threshold(times[question.family]))
                if rating is not None:
                    at = review_moment(question, transcript)
                    state.review(question.family, rating, at, question.seed, scheduler)
            state.applied.append(transcript.id)
            state.applied_until = max(state.applied_until, _finished(transcript))
        for question in transcript.questions:
            if right_first_time(question):
                times[question.family].append(question.time_spent)


def rebuild(transcripts: list[Transcript]) -> ReviewState:
    """The state from scratch: every graded review session replayed in order."""
    state = ReviewState()
    _replay(state, transcripts, {t.id for t in _graded_reviews(transcripts)})
    return state


# -- the file --------------------------------------------------------------------------------------
def state_path(root: Path) -> Path:
    return Path(root) / STATE_FILE


def save_state(root: Path, state: ReviewState) -> None:
    data = json.dumps(state.to_json(), ensure_ascii=False, separators=(",", ":"))
    atomic_write(state_path(root), data.encode("utf-8"))


def read_state(path: Path) -> ReviewState:
    """Read and validate a state file; raises StateError (or OSError) saying what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise StateError(f"not valid JSON ({error})") from None
    return ReviewState.from_json(data)


def load_state(
    root: Path, transcripts: list[Transcript], clock: Any = time.time
) -> tuple[ReviewState, list[str]]:
    """The state, brought up to date with the transcripts, and notes for the user.

    Missing: rebuilt quietly. Damaged: renamed to ``state.damaged-<time>.json`` (never rewritten),
    reported, and rebuilt. Behind the transcripts: caught up. Whatever changed is saved.
    """
    path = state_path(root)
    notes: list[str] = []
    if not path.exists():
        state, changed = rebuild(transcripts), True
    else:
        try:
            state = read_state(path)
        except StateError as error:
            aside = path.with_name(
                f"state.damaged-{time.strftime('%Y%m%d-%H%M%S', time.gmtime(clock()))}.json"
            )
            path.rename(aside)
            state = rebuild(transcripts)
            notes.append(
                f"{path}: the review state is damaged ({error}); it was kept as {aside.name} and "
                f"rebuilt from {counted(len(state.applied), 'review session')}, "
                "so no review is lost"
            )
            changed = True
        else:
            changed = state.sync(transcripts)
    if changed:
        save_state(root, state)
    return state, notes
