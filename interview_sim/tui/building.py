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

    rates = None
    if preset.adaptive:
        from interview_sim.stats import error_rates

        rates = error_rates(store.transcripts()[0])
    session = Session.create(
        preset, seed, clock=clock, chapter=chapter, family=family, error_rates=rates
    )
    if replay is not None and replay.seed is not None and session.transcript.questions:
        # The engine has no "start practice at this exact variant": replace the first question
        # with the same family + seed (later questions are new variants of the same family).
        from interview_sim.engine.build import record_variant
        from interview_sim.registry import get

        found = get(replay.family)
        if found.version == replay.version:
            first = session.transcript.questions[0]
            session.transcript.questions[0] = record_variant(
                0, first.section, found.variant(replay.seed)
            )
            session.transcript.questions[0].points = first.points
    warm_checker()
    return session


def warm_checker() -> None:
    """Start the sympy worker process early so the first check does not wait for its import."""
    try:
        from interview_sim.answers.worker import default_worker

        default_worker().start()
    except Exception:  # pragma: no cover - warming is an optimisation only
        pass
