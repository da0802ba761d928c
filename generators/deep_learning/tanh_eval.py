"""tanh of a vector and its derivative 1 − tanh², the quantities a custom autograd function needs.

Varies DL-Q48 (tanh on the input [0.37, 0.192, 0.571], its derivative for the backward pass).
Drawn inputs have two to four entries on a 0.01 or 0.001 grid in [−2, 2], of both signs. The
slips: the logistic sigmoid computed instead of tanh, the derivative without the square
(1 − tanh x), and the sigmoid-style derivative tanh·(1 − tanh).
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, Solved
from interview_sim.kit import part, slip
from interview_sim.model import AnswerKind


def draw(rng: Random) -> dict:
    size = rng.randint(2, 4)
    scale = rng.choice((100, 1000))
    while True:
        x = [sympy.Rational(rng.randint(-2 * scale, 2 * scale), scale) for _ in range(size)]
        if all(x) and len(set(map(abs, x))) == size and min(x) < 0 < max(x):
            return {"x": x}


def solve(params: dict) -> Solved:
    x = params["x"]
    t = tuple(sympy.tanh(v) for v in x)
    derivative = tuple(1 - ti**2 for ti in t)
    hint = f"{len(x)} numbers in order, one per input"
    parts = [
        part(
            AnswerKind.VECTOR,
            "tanh",
            "tanh(x), element-wise",
            t,
            slip(
                "sigmoid_for_tanh",
                "that is the logistic sigmoid 1/(1 + e^(−x)); tanh = (eˣ − e^(−x))/(eˣ + e^(−x)).",
                tuple(1 / (1 + sympy.exp(-v)) for v in x),
            ),
            hint=hint,
        ),
        part(
            AnswerKind.VECTOR,
            "derivative",
            "d tanh(x)/dx, element-wise",
            derivative,
            slip(
                "derivative_not_squared",
                "the derivative is 1 − tanh²(x): the tanh is squared.",
                tuple(1 - ti for ti in t),
            ),
            slip(
                "sigmoid_derivative_form",
                "tanh·(1 − tanh) is the pattern of the sigmoid's derivative; tanh' = 1 − tanh².",
                tuple(ti * (1 - ti) for ti in t),
            ),
            hint=hint,
        ),
    ]
    return Solved(parts, {"t": t, "derivative": derivative})


FAMILY = Family(
    id="tanh_eval",
    chapter="deep_learning",
    title="tanh and its derivative on a vector",
    book_refs=("DL-Q48",),
    params=(Param("x", "the input vector", "numbers", low=-20, high=20, length=(1, 8)),),
    draw=draw,
    solve=solve,
    book_params={"x": [0.37, 0.192, 0.571]},
)
