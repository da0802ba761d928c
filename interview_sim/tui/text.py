"""Small formatting helpers shared by the screens (no Textual, no sympy)."""

from __future__ import annotations

import time

WARN_SECONDS = 5 * 60
DANGER_SECONDS = 60


def clock_text(seconds: float | None) -> str:
    """'52:07 left' (or 'untimed'); never negative."""
    if seconds is None:
        return "untimed"
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d} left"
    return f"{minutes:02d}:{secs:02d} left"


def when(stamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    whole = int(round(seconds))
    if whole < 60:
        return f"{whole} s"
    return f"{whole // 60} min {whole % 60:02d} s"


def percent_text(percent: float | None) -> str:
    return "—" if percent is None else f"{percent:.1f}%"


def part_label(index: int) -> str:
    """Part numbering shown to the user: 1., 2., … as the statements and solutions number them
    (letters would clash with the options a), b) of a choice part)."""
    return f"{index + 1}."
