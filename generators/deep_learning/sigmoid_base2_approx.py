"""The base-2 sigmoid approximation 1/(1 + 2^(−c·x)): its derivative, values and slope.

Varies DL-Q47 (a LibTorch activation 1/(1 + 2^(−1.44x)); the book also writes 1.5; its forward
and backward pass and a table of values on inputs from 0.0 to 0.99). Since 2^(−x/ln 2) = e^(−x),
c = 1/ln 2 ≈ 1.4427 gives the logistic sigmoid exactly, and c = 1.44 is within 0.0005 of it. The
book's input vector is elided in our sources ("0.0 … 0.99"), so ``book_params`` keeps the book's
c = 1.44 and those two end points with 0.5 between. Drawn variants vary c and the inputs. The
slips: the factor ln 2 of d/dx 2^u forgotten, the inner factor c forgotten, the derivative's sign,
the slope 1/4 of the exact sigmoid, and ln 2 for 1/ln 2.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind, Domain

X = sympy.Symbol("x")
#: cheap constants near 1/ln 2 ≈ 1.4427 (the book uses 1.44 and 1.5)
CS = tuple(sympy.Rational(k, 100) for k in (140, 144, 145, 150))


def approx(c: sympy.Expr, x: sympy.Expr) -> sympy.Expr:
    return 1 / (1 + sympy.Integer(2) ** (-c * x))


def draw(rng: Random) -> dict:
    size = rng.randint(3, 4)
    while True:
        v = sorted({sympy.Rational(rng.randint(-300, 300), 100) for _ in range(size)})
        if len(v) == size and 0 not in v:
            return {"c": rng.choice(CS), "v": v}


def solve(params: dict) -> Solved:
    c, v = params["c"], params["v"]
    u = sympy.Integer(2) ** (-c * X)
    derivative = c * sympy.log(2) * u / (1 + u) ** 2
    values = tuple(approx(c, x) for x in v)
    slope = c * sympy.log(2) / 4
    parts = [
        part(
            AnswerKind.EXPRESSION,
            "derivative",
            "d/dx of 1/(1 + 2^(−c·x)) as a formula in x (with this c)",
            derivative,
            slip(
                "missing_ln2",
                "d/dx 2^u = ln 2 · 2^u · du/dx: the factor ln 2 is missing.",
                c * u / (1 + u) ** 2,
            ),
            slip(
                "chain_rule_dropped",
                f"the inner derivative of −{c}·x contributes the factor c = {c}.",
                sympy.log(2) * u / (1 + u) ** 2,
            )
            if c != 1
            else None,
            slip("sign", "the function rises with x, so its derivative is positive.", -derivative),
            symbols=(("x", Domain.REAL),),
        ),
        part(
            AnswerKind.VECTOR,
            "values",
            "Values of 1/(1 + 2^(−c·x)) on the inputs",
            values,
            hint=f"{len(v)} numbers in the order of the inputs",
        ),
        real(
            "slope",
            "Slope of the approximation at x = 0",
            slope,
            slip(
                "exact_sigmoid_slope",
                "1/4 is the exact sigmoid's slope; here it is c·ln 2/4.",
                sympy.Rational(1, 4),
            ),
            slip("missing_ln2", "the derivative of 2^(−cx) brings the factor ln 2.", c / 4),
        ),
        real(
            "exact_c",
            "The constant c for which 1/(1 + 2^(−c·x)) equals the logistic sigmoid exactly",
            1 / sympy.log(2),
            slip(
                "inverted", "2^(−cx) = e^(−cx·ln 2), so c·ln 2 must be 1: c = 1/ln 2.", sympy.log(2)
            ),
        ),
    ]
    facts = {
        "values": values,
        "sigmoid": tuple(1 / (1 + sympy.exp(-x)) for x in v),
        "slope": slope,
        "rate": c * sympy.log(2),
        "exact_c": 1 / sympy.log(2),
        "close": abs(c * sympy.log(2) - 1) < sympy.Rational(1, 100),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="sigmoid_base2_approx",
    chapter="deep_learning",
    title="A base-2 approximation of the sigmoid",
    book_refs=("DL-Q47",),
    params=(
        Param("c", "the constant c in 2^(−c·x)", low=0, high=100, open=True),
        Param("v", "the inputs", "numbers", -50, 50, length=(1, 12)),
    ),
    draw=draw,
    solve=solve,
    book_params={"c": 1.44, "v": [0, 0.5, 0.99]},
)
