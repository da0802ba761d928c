"""The derivative of the logistic sigmoid, σ'(u) = σ(u)(1 − σ(u)), through the chain rule.

Varies PRB-17 (differentiate σ). The book asks only for the derivative of σ itself, so
``book_params`` is our own instance of that function (a = 1, b = 0) at x = 1. Drawn variants put a
small affine map inside, f(x) = σ(a·x + b), so the chain-rule factor a and the shift of the peak
vary. Asked: f(x₀), f'(x) as an expression, f'(x₀), the largest slope and where f is steepest.
Slips modelled: the sign typo e^(−u)/(1 + e^(u))² seen in a source, the chain factor a forgotten,
σ(u)(1 + σ(u)), the value σ(u₀) given for the slope, the complement 1 − σ(u₀), and the belief
that the slope peaks at 1 (it peaks at a/4).
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind, Domain

X = sympy.Symbol("x", real=True)
SCALES = ("1", "2", "3", "-1", "-2", "1/2", "-1/2")
SHIFTS = (0, 1, -1, 2, -2, 3, -3)
POINTS = [sympy.Rational(k, 2) for k in range(-8, 9)]


def sigma(u):
    return 1 / (1 + sympy.exp(-u))


def draw(rng: Random) -> dict:
    while True:
        params = {
            "a": sympy.Rational(rng.choice(SCALES)),
            "b": sympy.Integer(rng.choice(SHIFTS)),
            "x0": rng.choice(POINTS),
        }
        if _problem(params) is None:
            return params


def _problem(params: dict) -> tuple[str, str] | None:
    a, b, x0 = params["a"], params["b"], params["x0"]
    u0 = a * x0 + b
    if a == 0:
        return "a", "a = 0 makes f constant"
    if u0 == 0:
        return "x0", "at a·x0 + b = 0 the slope is the maximum slope: pick another point"
    if abs(u0) > 6:
        return "x0", f"a·x0 + b = {u0}: keep |a·x0 + b| <= 6 so the slope is not vanishingly small"
    if -b / a == abs(a) / 4:
        return "b", "the steepest point would equal the largest slope: two parts, one number"
    return None


def check(params: dict) -> None:
    problem = _problem(params)
    if problem:
        raise ParamError(*problem)


def solve(params: dict) -> Solved:
    a, b, x0 = params["a"], params["b"], params["x0"]
    u = a * X + b
    u0 = a * x0 + b
    s0 = sigma(u0)
    derivative = a * sympy.exp(-u) / (1 + sympy.exp(-u)) ** 2
    slope = a * s0 * (1 - s0)
    chain = a != 1
    parts = [
        real(
            "value",
            "f(x₀), the value of the function at the point",
            s0,
            slip("complement", "that is 1 − σ(u₀) = σ(−u₀), the other class.", 1 - s0),
            slip(
                "odds_not_probability",
                "that is e^(u₀), the odds; σ(u₀) = e^(u₀)/(1 + e^(u₀)).",
                sympy.exp(u0),
            ),
        ),
        part(
            AnswerKind.EXPRESSION,
            "derivative",
            "f′(x) as an expression in x",
            derivative,
            slip(
                "sign_typo",
                "the exponent in the denominator must have the same sign as in the numerator: "
                "e^(−u)/(1 + e^(−u))², not e^(−u)/(1 + e^(u))².",
                a * sympy.exp(-u) / (1 + sympy.exp(u)) ** 2,
            ),
            slip(
                "chain_rule_missing",
                f"the chain rule multiplies by the inner derivative a = {a}.",
                sympy.exp(-u) / (1 + sympy.exp(-u)) ** 2,
            )
            if chain
            else None,
            slip("plus_not_minus", "σ′ = σ(1 − σ), not σ(1 + σ).", a * sigma(u) * (1 + sigma(u))),
            slip("function_not_derivative", "that is f itself, not its derivative.", sigma(u)),
            symbols=(("x", Domain.REAL),),
            hint="an expression in x: sigmoid(...), exp(...), e^(...), ^ for powers",
        ),
        real(
            "slope",
            "f′(x₀), the slope at the point",
            slope,
            slip(
                "chain_rule_missing",
                f"that is σ′(u₀); the chain rule multiplies it by a = {a}.",
                s0 * (1 - s0),
            )
            if chain
            else None,
            slip("value_not_slope", "that is the value σ(u₀), not the slope.", s0),
            slip("plus_not_minus", "σ′ = σ(1 − σ), not σ(1 + σ).", a * s0 * (1 + s0)),
            slip(
                "sign_typo",
                "that evaluates e^(−u)/(1 + e^(u))², the sign-typo form of the derivative.",
                a * sympy.exp(-u0) / (1 + sympy.exp(u0)) ** 2,
            ),
        ),
        real(
            "max_slope",
            "The largest value of |f′(x)| over all x",
            abs(a) / 4,
            slip("one_not_quarter", "σ′ peaks at σ(1 − σ) = ½ · ½ = ¼, not 1.", abs(a)),
            slip(
                "chain_rule_missing",
                f"¼ is the peak of σ′; the chain rule scales it by |a| = {abs(a)}.",
                sympy.Rational(1, 4),
            )
            if chain
            else None,
            slip(
                "half", "½ is σ at the peak; the slope there is ½ · (1 − ½).", sympy.Rational(1, 2)
            ),
        ),
        real(
            "steepest",
            "The x at which f is steepest",
            -b / a,
            slip("sign", "a·x + b = 0 gives x = −b/a; that has the sign flipped.", b / a)
            if b
            else None,
            slip("zero", "σ′ peaks where its argument a·x + b is 0, which is not x = 0 here.", 0)
            if b
            else None,
        ),
    ]
    facts = {
        "u0": u0,
        "s0": s0,
        "slope": slope,
        "chain": chain,
        "peak_x": -b / a,
        "decreasing": a < 0,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="sigmoid_derivative",
    chapter="logistic_regression",
    title="Derivative of the sigmoid and the chain rule",
    book_refs=("PRB-17",),
    params=(
        Param("a", "scale a in f(x) = σ(a·x + b)", low=-10, high=10),
        Param("b", "shift b in f(x) = σ(a·x + b)", low=-10, high=10),
        Param("x0", "the point x₀", low=-20, high=20),
    ),
    draw=draw,
    solve=solve,
    check=check,
    space=sum(
        _problem({"a": sympy.Rational(a), "b": sympy.Integer(b), "x0": x}) is None
        for a in SCALES
        for b in SHIFTS
        for x in POINTS
    ),
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"a": 1, "b": 0, "x0": 1},
)
