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
    TEXT = "text"  # a word or phrase, matched after normalising (case, spacing, hyphens)
    EXPLAIN = "explain"  # free prose, scored by the candidate against a rubric (self-assessed)


class Domain(StrEnum):
    """Where a symbol of an expression answer lives; the numeric check samples inside it."""

    REAL = "real"
    POSITIVE = "positive"
    UNIT = "unit"  # the open interval (0, 1): probabilities


@dataclass(frozen=True)
class Tolerance:
    """How close a typed number must be to the exact answer.

    ``sigfig`` (the default, 3 digits): the truth rounded to ``digits`` significant figures, and
    anything closer, is correct: the window is half a unit of the ``digits``-th significant figure
    of the truth, so 0.0349 passes for 0.034927 and 1.00 for 0.99951. ``slack`` widens it by an
    absolute amount for results a solution works step by step from rounded operands (a generator
    sets it); the window never exceeds 10% of the truth, so a rough guess is never correct.
    ``relabs`` (as in PrairieLearn): |user - truth| <= atol + rtol * |truth|, relative to the truth
    so a wrong answer cannot widen its own window. ``decdig``: within half a unit of the
    ``digits``-th decimal place. ``exact``: equal as rationals.
    """

    mode: str = "sigfig"
    rtol: Fraction = Fraction(1, 1000)
    atol: Fraction = Fraction(1, 10**9)
    digits: int = 3
    slack: Fraction = Fraction(0)

    def half_width(self, truth: float) -> float:
        if self.mode == "relabs":
            return float(self.atol) + float(self.rtol) * abs(truth) + float(self.slack)
        if self.mode == "sigfig":
            if truth == 0:
                return _HALF * 10.0 ** (-self.digits) + float(self.slack)
            from math import floor, log10

            place = floor(log10(abs(truth))) - self.digits + 1
            width = _HALF * 10.0**place + float(self.slack)
            return min(width, _GUESS_LIMIT * abs(truth))
        if self.mode == "decdig":
            return _HALF * 10.0 ** (-self.digits) + float(self.slack)
        return 0.0

    def accepts(self, truth: float, value: float) -> bool:
        if self.mode == "exact":
            return truth == value
        return abs(value - truth) <= self.half_width(truth)

    def describe(self) -> str:
        """The rule in words, shown under every numeric input (its examples never use the truth)."""
        if self.mode == "relabs":
            from interview_sim.mathtext import decimal_text  # readable: 10⁻⁵, never 1e-05

            rule = f"within {decimal_text(self.rtol * 100, 6)}% of the exact value"
            # the default atol (1e-9) only guards an exact 0; mention a deliberate one
            if self.atol <= Fraction(1, 10**9):
                return rule
            return f"{rule} (or ±{decimal_text(self.atol, 6)})"
        if self.mode == "sigfig":
            small, large = (_rounded_example(x, self.digits) for x in (0.0123456, 45.6789))
            figures = "significant figure" if self.digits == 1 else "significant figures"
            return f"correct to {self.digits} {figures} (e.g. {small} or {large})"
        if self.mode == "decdig":
            return f"correct to {self.digits} decimal places"
        return "exact value only (a fraction such as 3/7 or an exact decimal)"


# Half a unit of the last kept digit, widened by a hair so a truth that is itself a rounding
# (0.0345 exactly) or a float's last-bit error never fails its own rounded form.
_HALF = 0.5 * (1 + 1e-9)
_GUESS_LIMIT = 0.1  # a window wider than 10% of the truth would accept a one-figure guess


def _rounded_example(value: float, digits: int) -> str:
    """An example of the rule on a fixed number unrelated to any answer: 0.0123 or 45.7."""
    from math import floor, log10

    decimals = max(0, digits - 1 - floor(log10(abs(value))))
    return f"{value:.{decimals}f}"


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
    # other exact values graded exactly like the answer (e.g. 1/OR when either orientation is
    # allowed by the statement)
    alternatives: tuple[Any, ...] = ()
    # what to type, overriding the kind's generic example (a 2-D shape must not suggest 4-D)
    hint: str = ""
    # values the statement itself uses, probed alongside random points: (symbol name, value)
    probe_values: tuple[tuple[str, Any], ...] = ()
    # explain parts only: the points a good answer covers, with their weights; the candidate
    # ticks the ones they covered and the part scores the weighted fraction ticked
    rubric: tuple[tuple[str, int], ...] = ()


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
