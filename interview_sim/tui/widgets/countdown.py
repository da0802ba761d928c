"""The remaining time, repainted on demand; the value always comes from the engine's deadline."""

from __future__ import annotations

from textual.widgets import Static

from interview_sim.tui.text import DANGER_SECONDS, WARN_SECONDS, clock_text


class Countdown(Static):
    """Shows 'mm:ss left'; warning style under 5 minutes, error style under 1 minute."""

    DEFAULT_CSS = """
    Countdown {
        width: auto;
        padding: 0 1;
        color: $text;
    }
    Countdown.-warning {
        background: $warning-muted;
        color: $text-warning;
        text-style: bold;
    }
    Countdown.-danger {
        background: $error-muted;
        color: $text-error;
        text-style: bold reverse;
    }
    """

    shown = ""

    def show(self, seconds: float | None) -> None:
        text = clock_text(seconds)
        if text != self.shown:  # a new layout only when the width changes: each layout of the
            # question screen walks every widget, and this runs every second
            self.update(text, layout=len(text) != len(self.shown))
            self.shown = text
        danger = seconds is not None and seconds <= DANGER_SECONDS
        self.set_class(danger, "-danger")
        self.set_class(seconds is not None and not danger and seconds <= WARN_SECONDS, "-warning")
