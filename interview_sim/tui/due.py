"""Home's "Due today (N)" entry and starting a review session from it (off the UI thread)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.content import Content

from interview_sim.words import counted


def due_label(store: Any, clock: Callable[[], float]) -> tuple[Content | None, list[str]]:
    """The Home entry for today's review and any problems to show. Runs in a worker: it reads
    every transcript and may rebuild the review state."""
    from interview_sim.review.due import ReviewSettingsError
    from interview_sim.review.today import today

    try:
        plan = today(store, clock)
    except ReviewSettingsError as error:
        return None, [str(error)]
    due, new = len(plan.queue.due), len(plan.queue.new)
    detail = f"{counted(new, 'new card')} too" if new else "no new card today"
    if not due and not new:
        detail = "nothing to review now"
    label = Content.from_markup(
        "\\[v] Due today ($due)  [$text-muted]spaced review (FSRS) · $detail[/]",
        due=str(due),
        detail=detail,
    )
    return label, plan.notes


def start_review(screen: Any) -> None:
    """Build today's review session in a thread, then show its rules."""
    app = screen.app

    def build() -> None:
        from interview_sim.review.due import ReviewSettingsError
        from interview_sim.review.today import start_review as create
        from interview_sim.review.today import today
        from interview_sim.tui.building import warm_checker

        try:
            plan = today(app.store, app.clock)
        except ReviewSettingsError as error:
            app.call_from_thread(app.notify, str(error), title="Cannot review", severity="error")
            return
        if not plan.queue.cards:
            app.call_from_thread(app.notify, "Nothing is due today.", title="Review")
            return
        session = create(app.store, app.clock, app.new_seed(), plan)
        warm_checker()
        app.call_from_thread(app.show_session, session)

    screen.run_worker(build, thread=True, group="review", exclusive=True, exit_on_error=False)
