"""Building sessions off the UI thread: these functions import the engine, sympy and generators."""

from __future__ import annotations

from typing import Any


def build_session(
    store: Any,
    clock: Any,
    preset: Any,
    seed: int,
    *,
    chapter: str | None = None,
    family: str | None = None,
    replay: Any = None,
) -> Any:
    """A new (not yet saved, not started) session; ``replay`` = a QuestionRecord to redo exactly."""
    from interview_sim.engine.session import Session

    weights = None
    if preset.adaptive:
        from interview_sim.review.recall import practice_weights_for

        weights = practice_weights_for(store, clock)
    first_variant = None  # "practise this one again": the same variant, if the family is unchanged
    if replay is not None and replay.seed is not None:
        from interview_sim.registry import get

        if get(replay.family).version == replay.version:
            first_variant = replay.seed
    session = Session.create(
        preset,
        seed,
        clock=clock,
        chapter=chapter,
        family=family,
        weights=weights,
        first_variant=first_variant,
    )
    warm_checker()
    return session


def warm_checker() -> None:
    """Start the sympy worker process early so the first check does not wait for its import."""
    try:
        from interview_sim.answers.worker import default_worker

        default_worker().start()
    except Exception:  # pragma: no cover - warming is an optimisation only
        pass
