"""Background jobs that fail say so: a notification with the reason, never a screen left on "…".

Workers run with ``exit_on_error=False`` so that one failure does not close the app in the middle
of an exam; Textual then only records the error on the worker, and the screen waits forever for
data that will not come. ``reported`` tells the candidate what failed, and the worker still ends
in the ERROR state.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any


def reported(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a thread worker method of a screen or app; ``what`` names the job for the
    message ("Could not load your history: …")."""

    def decorate(job: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(job)
        def run(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return job(self, *args, **kwargs)
            except Exception as error:
                message = f"Could not {what}: {error or type(error).__name__}"
                self.app.call_from_thread(
                    self.app.notify, message, title="Something went wrong", severity="error"
                )
                raise

        return run

    return decorate
