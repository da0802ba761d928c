"""Is a piecewise activation continuous and differentiable at its kink? One-sided derivatives.

Varies DL-Q36 (which proposed activations can be backpropagated through: |x|, x·sin(1/x), and a
piecewise function that is −x for x < 0 and x² for x ≥ 0, continuous at 0 with one-sided slopes
−1 and 0). Drawn variants are two quadratic pieces joined at 0, in three kinds: differentiable,
a corner (continuous, slopes differ) and a jump. The slips: the other piece's slope used, a
corner taken for differentiable (ReLU-style kinks are handled with a subgradient, but they are
not differentiable), and a jump overlooked because the slopes agree.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind

X = sympy.Symbol("x")
KINDS = ("smooth", "corner", "jump")


def piece(coefficients: list) -> sympy.Expr:
    """c0 + c1·x + c2·x² from [c0, c1, c2]."""
    return sum((c * X**k for k, c in enumerate(coefficients)), sympy.Integer(0))


def draw(rng: Random) -> dict:
    kind = rng.choice(KINDS)
    while True:
        left = [rng.randint(-2, 2), rng.randint(-3, 3), rng.randint(-2, 2)]
        right = [rng.randint(-2, 2), rng.randint(-3, 3), rng.randint(-2, 2)]
        if kind != "jump":
            right[0] = left[0]
        if kind == "smooth":
            right[1] = left[1]
        elif kind == "jump" and rng.random() < 0.5:
            right[1] = left[1]  # same slopes: the jump alone breaks differentiability
        continuous, same_slope = left[0] == right[0], left[1] == right[1]
        if (kind == "corner") == (continuous and not same_slope) and left != right:
            x0 = rng.choice((-2, -1, 1, 2))
            inside = left if x0 < 0 else right
            slope_x0 = inside[1] + 2 * inside[2] * x0
            if (kind != "jump" or not continuous) and slope_x0 not in (left[1], right[1]):
                return {"left": left, "right": right, "x0": x0}


def check(params: dict) -> None:
    if params["left"] == params["right"]:
        raise ParamError("right", "must differ from the left piece, or there is no kink to study")
    if params["x0"] == 0:
        raise ParamError("x0", "must be away from 0, inside one of the pieces")


def solve(params: dict) -> Solved:
    left, right, x0 = params["left"], params["right"], params["x0"]
    continuous = left[0] == right[0]
    differentiable = continuous and left[1] == right[1]
    f_left, f_right = piece(left), piece(right)
    inside, other = (f_left, f_right) if x0 < 0 else (f_right, f_left)
    slope_x0 = sympy.diff(inside, X).subs(X, x0)
    parts = [
        part(
            AnswerKind.BOOLEAN,
            "continuous",
            "Is f continuous at 0?",
            continuous,
            slip(
                "jump_ignored",
                f"the pieces meet at 0 only if their values there agree: {left[0]} vs {right[0]}.",
                not continuous,
            )
            if not continuous
            else None,
        ),
        real(
            "left_slope",
            "Left derivative of f at 0",
            sympy.Integer(left[1]),
            slip(
                "wrong_piece",
                "that is the slope of the right piece (x ≥ 0).",
                sympy.Integer(right[1]),
            ),
        ),
        real(
            "right_slope",
            "Right derivative of f at 0",
            sympy.Integer(right[1]),
            slip(
                "wrong_piece",
                "that is the slope of the left piece (x < 0).",
                sympy.Integer(left[1]),
            ),
        ),
        part(
            AnswerKind.BOOLEAN,
            "differentiable",
            "Is f differentiable at 0?",
            differentiable,
            slip(
                "corner_ignored",
                "the one-sided slopes differ: a corner, like ReLU's, is not differentiable "
                "(backprop uses a subgradient there).",
                True,
            )
            if continuous and not differentiable
            else None,
            slip(
                "continuity_ignored",
                "equal one-sided slopes are not enough: f jumps at 0, so it is not even "
                "continuous there.",
                True,
            )
            if not continuous and left[1] == right[1]
            else None,
        ),
        real(
            "slope_x0",
            f"f′({x0})",
            slope_x0,
            slip(
                "wrong_piece",
                f"x = {x0} lies in the {'left' if x0 < 0 else 'right'} piece; that is the other "
                "piece's derivative.",
                sympy.diff(other, X).subs(X, x0),
            ),
        ),
    ]
    facts = {
        "f_left": f_left,
        "f_right": f_right,
        "continuous": continuous,
        "differentiable": differentiable,
        "inside": inside,
        "slope_x0": slope_x0,
    }
    return Solved(parts, facts)


def _coefficients(name: str, side: str) -> Param:
    return Param(
        name,
        f"{side} piece: [c0, c1, c2] of c0 + c1·x + c2·x²",
        "integers",
        -100,
        100,
        length=(3, 3),
    )


FAMILY = Family(
    id="activation_differentiability",
    chapter="deep_learning",
    title="Continuity and differentiability of a piecewise activation",
    book_refs=("DL-Q36",),
    params=(
        _coefficients("left", "x < 0"),
        _coefficients("right", "x ≥ 0"),
        Param("x0", "a point away from 0 where f′ is asked", "integer", -100, 100),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"left": [0, -1, 0], "right": [0, 0, 1], "x0": 2},
)
