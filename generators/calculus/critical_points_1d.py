"""Critical points, extrema and the inflection point of a cubic.

Finding and classifying stationary points with the first and second derivatives is the
one-dimensional core of optimisation questions. Varies CAL-Q17 (2x³ − x: f' = 6x² − 1, a local
maximum √6/9 at −1/√6, a local minimum −√6/9 at 1/√6, the inflection point at 0; book_params).
CAL-Q16's rational function (x² + 1)/(x + 2)² is not a cubic and is not covered here. The drawn
cubic a·x³ + b·x² + c·x + d has two whole-number critical points; the sign of a decides which is
the maximum.

Slips caught: the local maximum and minimum swapped (reading f'' with the wrong sign), a sign error
in the roots of f', and the inflection point's sign.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind

X = sympy.Symbol("x")
NAMES = ("a", "b", "c", "d")


def function_of(params: dict) -> sympy.Expr:
    a, b, c, d = (params[name] for name in NAMES)
    return a * X**3 + b * X**2 + c * X + d


def check(params: dict) -> None:
    a, b, c = params["a"], params["b"], params["c"]
    if a == 0:
        raise ParamError("a", "must not be 0: f must be a cubic")
    if b * b - 3 * a * c <= 0:
        raise ParamError("c", "f' = 3ax² + 2bx + c needs two distinct real roots (b² > 3ac)")


LEADING = (1, -1, 2, -2)
POINTS = range(-3, 4)
CONSTANTS = range(-9, 10)


def _shapes() -> list[tuple[int, int, int]]:
    """Every (a, p, q) with p < q whose cubic has whole coefficients: 3a(p + q) must be even."""
    return [
        (a, p, q)
        for a in LEADING
        for p in POINTS
        for q in POINTS
        if p < q and 3 * a * (p + q) % 2 == 0
    ]


SHAPES = _shapes()


def draw(rng: Random) -> dict:
    # f' = 3a(x − p)(x − q) = 3a·x² − 3a(p + q)·x + 3a·p·q, so b = −3a(p + q)/2
    a, p, q = rng.choice(SHAPES)
    return {"a": a, "b": -3 * a * (p + q) // 2, "c": 3 * a * p * q, "d": rng.choice(CONSTANTS)}


def solve(params: dict) -> Solved:
    a, b = params["a"], params["b"]
    f = function_of(params)
    fp, fpp = sympy.diff(f, X), sympy.diff(f, X, 2)
    roots = sorted(sympy.solve(sympy.Eq(fp, 0), X), key=lambda r: float(r))
    values = [sympy.radsimp(f.subs(X, r)) for r in roots]
    # f'' = 6a·x + 2b: negative at the smaller root when a > 0 (a maximum there)
    maximum, minimum = (0, 1) if a > 0 else (1, 0)
    inflection = sympy.Rational(-b, 3 * a)
    parts = [
        part(
            AnswerKind.VECTOR,
            "critical",
            "The critical points of f, smallest first",
            tuple(roots),
            slip(
                "sign",
                "a sign slipped solving f'(x) = 0.",
                tuple(sorted((-r for r in roots), key=float)),
            ),
            hint="two numbers, smallest first: [x1, x2]",
        ),
        real(
            "max_value",
            "The local maximum value of f",
            values[maximum],
            slip(
                "max_min_swapped",
                "that is the local minimum: f'' < 0 marks the maximum.",
                values[minimum],
            ),
        ),
        real(
            "min_value",
            "The local minimum value of f",
            values[minimum],
            slip(
                "max_min_swapped",
                "that is the local maximum: f'' > 0 marks the minimum.",
                values[maximum],
            ),
        ),
        real(
            "inflection",
            "The x-coordinate of the inflection point",
            inflection,
            slip("sign", "f''(x) = 6a·x + 2b = 0 gives x = −b/(3a).", -inflection),
        ),
    ]
    facts = {
        "f": f,
        "fp": fp,
        "fpp": fpp,
        "roots": roots,
        "extremes": values,
        "curvatures": [fpp.subs(X, r) for r in roots],
        "maximum": maximum,
        "minimum": minimum,
        "inflection": inflection,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="critical_points_1d",
    chapter="calculus",
    title="Critical points and extrema of a cubic",
    book_refs=("CAL-Q17", "CAL-Q16"),
    params=tuple(
        Param(name, f"coefficient of {power} in f", "integer", low=-100, high=100)
        for name, power in zip(NAMES, ("x³", "x²", "x", "1 (constant term)"), strict=True)
    ),
    draw=draw,
    solve=solve,
    check=check,
    space=len(SHAPES) * len(CONSTANTS),
    book_params={"a": 2, "b": 0, "c": -1, "d": 0},
)
