"""Finite-difference derivatives: forward, backward and central estimates and their errors.

Numerical differentiation is how autodiff is checked (gradcheck), and interviewers ask why the
central difference beats the one-sided ones. A derived family: the book gives the formula and
its weakness (CAL-Q1) and asks which method suffers rounding error (CAL-Q32), so book_params is
our own instance: f = x³ at x = 2 with h = 0.1. The function (a cubic, eˣ, sin x or ln x), the
point and the step are drawn.

Slips caught: the central difference divided by h instead of 2h, the one-sided quotient not
divided by h, the backward difference written the wrong way round, and the error's sign.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import prompt, real, slip

X = sympy.Symbol("x")
R = sympy.Rational
FUNCTIONS = ("poly", "exp", "sin", "ln")


def function_of(params: dict) -> sympy.Expr:
    if params["function"] == "poly":
        return sum((c * X**n for n, c in enumerate(params["coefficients"])), sympy.Integer(0))
    return {"exp": sympy.exp(X), "sin": sympy.sin(X), "ln": sympy.log(X)}[params["function"]]


def check(params: dict) -> None:
    if params["function"] == "poly":
        c = params["coefficients"]
        if len(c) != 4 or c[-1] == 0:
            raise ParamError("coefficients", "give c0, c1, c2, c3 of a cubic, c3 ≠ 0")
    elif params["coefficients"]:
        raise ParamError("coefficients", f"must be [] for {params['function']}")
    if params["function"] == "ln" and not params["x"] - params["h"] > 0:
        raise ParamError("x", "ln needs x − h > 0")


def draw(rng: Random) -> dict:
    kind = rng.choice(("poly",) * 13 + FUNCTIONS[1:])  # cubics: exact, whiteboard arithmetic
    coefficients = []
    if kind == "poly":
        coefficients = [rng.randint(-5, 5) for _ in range(3)] + [rng.choice((1, 2, -1, -2))]
        x = R(rng.randint(-4, 4), 2)
    else:  # a calculator is needed anyway: x on a 0.1 grid (x − h > 0 for ln)
        x = R(rng.randint(6, 40), 10) if kind == "ln" else R(rng.randint(-20, 20), 10)
    return {
        "function": kind,
        "coefficients": coefficients,
        "x": x,
        "h": rng.choice((R(1, 10), R(1, 5), R(1, 4), R(1, 2))),  # errors still readable
    }


def solve(params: dict) -> Solved:
    x, h = params["x"], params["h"]
    f = function_of(params)
    ahead, here, behind = (f.subs(X, x + s) for s in (h, 0, -h))
    forward = (ahead - here) / h
    backward = (here - behind) / h
    central = (ahead - behind) / (2 * h)
    exact = sympy.diff(f, X).subs(X, x)
    point = {"x": x, "h": h}
    parts = [
        real(
            "forward",
            prompt(
                "The forward-difference estimate of f'({{ x | num }}) with h = {{ h | num }}",
                **point,
            ),
            forward,
            slip(
                "no_division",
                "the difference f(x + h) − f(x) still has to be divided by h.",
                ahead - here,
            ),
        ),
        real(
            "backward",
            "The backward-difference estimate",
            backward,
            slip(
                "backward_order",
                "the backward difference is (f(x) − f(x − h))/h; that is its negative.",
                -backward,
            ),
        ),
        real(
            "central",
            "The central-difference estimate",
            central,
            slip(
                "central_not_halved",
                "the two points are 2h apart: divide f(x + h) − f(x − h) by 2h, not h.",
                2 * central,
            ),
        ),
        real(
            "central_error",
            "The error of the central estimate, estimate − f'(x)",
            central - exact,
            slip(
                "sign",
                "the error asked for is estimate − f'(x); that is f'(x) − estimate.",
                exact - central,
            ),
        ),
    ]
    facts = {
        "f": f,
        "ahead": ahead,
        "here": here,
        "behind": behind,
        "forward": forward,
        "backward": backward,
        "central": central,
        "exact": exact,
        "derivative": sympy.diff(f, X),
        "forward_error": forward - exact,
        "central_error": central - exact,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="finite_difference",
    chapter="calculus",
    title="Finite-difference derivative estimates",
    book_refs=("CAL-Q1", "CAL-Q32"),
    params=(
        Param("function", "the function f", "choice", options=FUNCTIONS),
        Param(
            "coefficients",
            "c0…c3 of a cubic f ([] otherwise)",
            "integers",
            low=-50,
            high=50,
            length=(0, 4),
        ),
        Param("x", "the point x", low=-10, high=10),
        Param("h", "the step h", low=0, high=1, open=True),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"function": "poly", "coefficients": [0, 0, 0, 1], "x": 2, "h": 0.1},
)
