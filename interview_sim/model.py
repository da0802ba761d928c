"""The problem model: parts, mistakes, tolerances and variants.

Plain frozen dataclasses with no I/O, so generators, the checker, the session engine and the
storage layer can all share them and test them without a UI. Exact answers are sympy objects
(or tuples of them); floats appear only when a tolerance compares two numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import Any


class AnswerKind(StrEnum):
    INTEGER = "integer"
    FRACTION = "fraction"
    REAL = "real"
    EXPRESSION = "expression"
    VECTOR = "vector"
    MATRIX = "matrix"
    SHAPE = "shape"
    INTERVAL = "interval"
    CHOICE = "choice"
    CHOICES = "choices"
    BOOLEAN = "boolean"


class Domain(StrEnum):
    """Where a symbol of an expression answer lives; the numeric check samples inside it."""

    REAL = "real"
    POSITIVE = "positive"
    UNIT = "unit"  # the open interval (0, 1): probabilities


@dataclass(frozen=True)
class Tolerance:
    """How close a typed number must be to the exact answer.

    ``relabs`` (the default, as in PrairieLearn): |user - truth| <= atol + rtol * |truth|, relative
    to the truth so a wrong answer cannot widen its own window. ``sigfig``: within 0.51 units of the
    ``digits``-th significant figure of the truth. ``decdig``: within 0.51 units of the
    ``digits``-th decimal place. ``exact``: equal as rationals.
    """

    mode: str = "relabs"
    rtol: Fraction = Fraction(1, 1000)
    atol: Fraction = Fraction(1, 10**9)
    digits: int = 0

    def half_width(self, truth: float) -> float:
        if self.mode == "relabs":
            return float(self.atol) + float(self.rtol) * abs(truth)
        if self.mode == "sigfig":
            if truth == 0:
                return 0.51 * 10.0 ** (-self.digits)
            from math import floor, log10

            place = floor(log10(abs(truth))) - self.digits + 1
            return 0.51 * 10.0**place
        if self.mode == "decdig":
            return 0.51 * 10.0 ** (-self.digits)
        return 0.0

    def accepts(self, truth: float, value: float) -> bool:
        if self.mode == "exact":
            return truth == value
        return abs(value - truth) <= self.half_width(truth)

    def describe(self) -> str:
        """The rule in words, shown under every numeric input."""
        if self.mode == "relabs":
            rule = f"within {float(self.rtol) * 100:g}% of the exact value"
            # the default atol (1e-9) only guards an exact 0; mention a deliberate one
            return rule if self.atol <= Fraction(1, 10**9) else f"{rule} (or ±{float(self.atol):g})"
        if self.mode == "sigfig":
            return f"correct to {self.digits} significant figures"
        if self.mode == "decdig":
            return f"correct to {self.digits} decimal places"
        return "exact value only (a fraction such as 3/7 or an exact decimal)"


@dataclass(frozen=True)
class Mistake:
    """A recognised wrong answer: the value a known slip produces from the same parameters."""

    tag: str
    explanation: str
    value: Any
    credit: Fraction = Fraction(0)


@dataclass(frozen=True)
class Part:
    """One answer box of a variant."""

    id: str
    prompt: str
    kind: AnswerKind
    answer: Any
    tolerance: Tolerance = Tolerance()
    weight: Fraction = Fraction(1)
    mistakes: tuple[Mistake, ...] = ()
    symbols: tuple[tuple[str, Domain], ...] = ()
    options: tuple[tuple[str, str], ...] = ()
    allow_percent: bool = False
    unit: str = ""


@dataclass(frozen=True)
class Variant:
    """One concrete problem: what the user sees and everything needed to grade and explain it."""

    family: str
    version: int
    seed: int | None
    params: dict[str, Any]
    statement: str
    solution: str
    parts: tuple[Part, ...]
    title: str = ""
    chapter: str = ""
    facts: dict[str, Any] = field(default_factory=dict)

    def part(self, part_id: str) -> Part:
        for part in self.parts:
            if part.id == part_id:
                return part
        known = ", ".join(p.id for p in self.parts)
        raise KeyError(f"no part {part_id!r} in {self.family}; parts are: {known}")
