"""Gradient descent on a one-dimensional quadratic: the iterates, their behaviour, the step limit.

The learning rate is the first thing an interviewer probes: too large and the iterates overshoot,
bounce or blow up. Varies CAL-Q19 (gradient descent on x² from x0 = −1 with a step of the size of
the gradient, η = 1: the iterates bounce between 1 and −1 for ever; it converges iff 0 < η < 1;
book_params). Here f(x) = a(x − c)² + d, so x_{k+1} − c = (1 − 2aη)(x_k − c): the drawn η
lands in each regime (monotone, one step, damped oscillation, bouncing, divergence).

Slips caught: the update's sign flipped (ascent), the gradient used without the step η, and the
step limit 2/a from taking the curvature as a instead of f'' = 2a.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind

R = sympy.Rational
STEPS = 3
# four options, keys a–d: a key "e" would read as Euler's number where answers are shown as math
BEHAVIOURS = (
    ("a", "it reaches or approaches the minimum without ever overshooting it"),
    ("b", "it converges while overshooting from side to side"),
    ("c", "it bounces between two points for ever"),
    ("d", "it diverges"),
)


def ratio(params: dict) -> sympy.Rational:
    """The contraction factor r = 1 − 2aη of the error x − c per step."""
    return 1 - 2 * params["a"] * params["eta"]


def behaviour(r: sympy.Rational) -> str:
    if 0 <= r < 1:
        return "a"
    if -1 < r < 0:
        return "b"
    return "c" if r == -1 else "d"


def iterates(params: dict, sign: int = 1, eta: sympy.Rational | None = None) -> tuple:
    """x1 … x_STEPS of x ← x − sign·η·f'(x), f'(x) = 2a(x − c)."""
    a, c = params["a"], params["c"]
    eta = params["eta"] if eta is None else eta
    x, out = params["x0"], []
    for _ in range(STEPS):
        x = x - sign * eta * 2 * a * (x - c)
        out.append(x)
    return tuple(out)


def check(params: dict) -> None:
    if params["x0"] == params["c"]:
        raise ParamError("x0", "starts at the minimum c: gradient descent would never move")


def draw(rng: Random) -> dict:
    a = rng.choice((R(1, 2), 1, 1, R(3, 2), 2, 3))
    target = rng.choice("aabccdee")
    limit = 1 / sympy.Rational(a)  # η = 1/a bounces; below it converges
    # η as a fraction of the limit 1/a, one list per regime
    multipliers = {
        "a": (R(1, 10), R(1, 5), R(1, 4), R(2, 5)),
        "b": (R(1, 2),),
        "c": (R(3, 5), R(7, 10), R(3, 4), R(4, 5)),
        "d": (sympy.Integer(1),),
        "e": (R(5, 4), R(3, 2), sympy.Integer(2)),
    }[target]
    c = rng.randint(-3, 3)
    x0 = c + rng.choice((-4, -3, -2, -1, 1, 2, 3, 4))
    return {
        "a": sympy.Integer(a) if isinstance(a, int) else a,
        "c": c,
        "d": rng.randint(-5, 5),
        "x0": x0,
        "eta": limit * rng.choice(multipliers),
    }


def solve(params: dict) -> Solved:
    a, c = params["a"], params["c"]
    xs = iterates(params)
    r = ratio(params)
    limit = 1 / a
    parts = [
        part(
            AnswerKind.VECTOR,
            "iterates",
            prompt("The iterates x1, x2, x3 from x0 = {{ x0 }}", x0=params["x0"]),
            xs,
            slip(
                "sign",
                "that climbs the gradient: descent subtracts η·f'(x), x ← x − η·f'(x).",
                iterates(params, sign=-1),
            ),
            slip(
                "step_not_scaled",
                "the gradient must be scaled by the learning rate: x ← x − η·f'(x).",
                iterates(params, eta=sympy.Integer(1)),
            ),
            hint="three numbers: [x1, x2, x3]",
        ),
        part(
            AnswerKind.CHOICE,
            "behaviour",
            "What do the iterates do as k grows?",
            behaviour(r),
            options=BEHAVIOURS,
        ),
        real(
            "eta_limit",
            "The learning rate above which gradient descent stops converging on this f "
            "(it converges exactly when 0 < η < this value)",
            limit,
            slip(
                "curvature_halved",
                "f''(x) = 2a, and convergence needs |1 − η·f''| < 1, i.e. η < 2/f'' = 1/a.",
                2 * limit,
            ),
            slip(
                "one_step_rate",
                "that η = 1/f'' = 1/(2a) reaches the minimum in one step; larger rates still "
                "converge (overshooting) up to 1/a.",
                limit / 2,
            ),
        ),
    ]
    facts = {
        "f": a * (sympy.Symbol("x") - c) ** 2 + params["d"],
        "grad": 2 * a * (sympy.Symbol("x") - c),
        "step": 2 * a * (sympy.Symbol("x_k") - c),
        "r": r,
        "xs": xs,
        "errors": [x - c for x in (params["x0"], *xs)],
        "limit": limit,
        "behaviour": dict(BEHAVIOURS)[behaviour(r)],
        "regime": "one_step" if r == 0 else behaviour(r),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="gradient_descent_iterations",
    chapter="calculus",
    title="Gradient descent iterates and the learning rate",
    book_refs=("CAL-Q19",),
    params=(
        Param("a", "curvature: f(x) = a(x − c)² + d", low=0, high=100, open=True),
        Param("c", "the minimiser c", "integer", low=-100, high=100),
        Param("d", "the minimum value d", "integer", low=-100, high=100),
        Param("x0", "the starting point", "integer", low=-100, high=100),
        Param("eta", "the learning rate η", low=0, high=100, open=True),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"a": 1, "c": 0, "d": 0, "x0": -1, "eta": 1},
)
