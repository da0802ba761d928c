"""Shared helpers for engine tests: a fake clock, small presets, answers that are surely wrong."""

from __future__ import annotations

from pathlib import Path

from interview_sim.engine.presets import Preset, load_preset_file
from interview_sim.engine.transcript import PartRecord


class FakeClock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def write_preset(directory: Path, text: str, name: str = "tiny.toml") -> Preset:
    path = directory / name
    path.write_text(text)
    return load_preset_file(path)


TINY_EXAM = """
name = "tiny"
title = "Tiny exam"
duration_minutes = 10
feedback = "end"
pass_mark = 0.6

[[sections]]
title = "Odds"
families = ["lr_odds_logodds"]

[[sections]]
title = "More odds"
families = ["lr_odds_logodds"]
"""

TINY_DRILL = """
name = "tinydrill"
title = "Tiny drill"
feedback = "each"
attempts = 3
attempt_credit = [1.0, 0.5, 0.25]
show_solution = "after_attempts"

[[sections]]
title = "Odds"
families = ["lr_odds_logodds"]
"""


def wrong_text(part: PartRecord) -> str:
    """An answer that is readable, wrong, and matches no catalogued mistake."""
    kind = part.kind
    if kind in ("real", "fraction", "integer"):
        return "987654321"
    if kind in ("vector", "interval"):
        count = part.expected.count(",") + 1
        return "[" + ", ".join(["987654321"] * count) + "]"
    if kind == "matrix":
        rows = part.expected[1:-1].split("], [")
        width = rows[0].count(",") + 1
        row = "[" + ", ".join(["987654321"] * width) + "]"
        return "[" + ", ".join([row] * len(rows)) + "]"
    if kind == "shape":
        return "(987, 654, 321)"
    if kind == "boolean":
        return "false" if part.expected == "true" else "true"
    if kind == "choice":
        return next(key for key, _ in part.options if key != part.expected)
    if kind == "choices":
        keys = [key for key, _ in part.options]
        return keys[0] if part.expected != keys[0] else keys[-1]
    if kind == "expression":
        return "987654321"
    raise AssertionError(f"no wrong answer for kind {kind}")
