"""An activation and its derivative on an input vector: what autograd's forward and backward give.

Knowing the local gradients of the common activations by heart is what a backward pass is made
of. Varies CAL-Q24 (sigmoid and ReLU at 1: σ'(1) ≈ 0.196612, ReLU'(1) = 1), CAL-Q25 (a custom
arctanh on [0.37, 0.192, 0.571], with arctanh' = 1/(1 − x²); book_params), CAL-Q33 (σ'(0) = 1/4,
σ' = σ(1 − σ)) and DL-Q48 (tanh on the same array, tanh' = 1 − tanh²). The activation and the
vector (its length and its values) are drawn.

Slips caught: the derivative evaluated on the input instead of the activation (x(1 − x) for
σ(1 − σ), 1 − x² for 1 − tanh²x), the activation's value given as its derivative, arctan's
derivative 1/(1 + x²) for arctanh's, the reciprocal 1 − x², and ReLU'(0) taken as 1 when the
statement fixes the convention ReLU'(0) = 0 (PyTorch's).
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, slip
from interview_sim.model import AnswerKind

ACTIVATIONS = ("sigmoid", "tanh", "relu", "arctanh")
R = sympy.Rational


def sigmoid(x: sympy.Expr) -> sympy.Expr:
    return 1 / (1 + sympy.exp(-x))


def forward(name: str, x: sympy.Expr) -> sympy.Expr:
    if name == "sigmoid":
        return sigmoid(x)
    if name == "tanh":
        return sympy.tanh(x)
    if name == "relu":
        return x if x > 0 else sympy.Integer(0)
    return sympy.log((1 + x) / (1 - x)) / 2  # arctanh, as the log it is


def derivative(name: str, x: sympy.Expr) -> sympy.Expr:
    if name == "sigmoid":
        return sigmoid(x) * (1 - sigmoid(x))
    if name == "tanh":
        return 1 - sympy.tanh(x) ** 2
    if name == "relu":
        return sympy.Integer(1 if x > 0 else 0)  # ReLU'(0) = 0, the convention stated
    return 1 / (1 - x**2)


def slips(name: str, xs: list[sympy.Expr]) -> list:
    values = tuple(forward(name, x) for x in xs)
    if name == "sigmoid":
        return [
            slip(
                "input_not_activation",
                "σ'(x) = σ(x)(1 − σ(x)): the product uses σ(x), not x itself.",
                tuple(x * (1 - x) for x in xs),
            ),
            slip("value_not_grad", "those are the values σ(x); the gradient is σ(1 − σ).", values),
        ]
    if name == "tanh":
        return [
            slip(
                "input_not_activation",
                "tanh'(x) = 1 − tanh²(x): square the activation, not the input.",
                tuple(1 - x**2 for x in xs),
            ),
            slip(
                "value_not_grad", "those are the values tanh(x); the gradient is 1 − tanh².", values
            ),
        ]
    if name == "arctanh":
        return [
            slip(
                "arctan_derivative",
                "1/(1 + x²) is the derivative of arctan; arctanh'(x) = 1/(1 − x²).",
                tuple(1 / (1 + x**2) for x in xs),
            ),
            slip(
                "inverted",
                "upside down: arctanh'(x) = 1/(1 − x²), not 1 − x².",
                tuple(1 - x**2 for x in xs),
            ),
        ]
    return [
        slip(
            "relu_zero_grad_one",
            "the statement fixes ReLU'(0) = 0 (PyTorch's convention); 1 is the other choice.",
            tuple(sympy.Integer(1 if x >= 0 else 0) for x in xs),
        )
        if any(x == 0 for x in xs)
        else None,
        slip("value_not_grad", "those are the values ReLU(x); the gradient is 0 or 1.", values),
    ]


def check(params: dict) -> None:
    if params["activation"] == "arctanh" and any(not -1 < x < 1 for x in params["inputs"]):
        raise ParamError("inputs", "arctanh is defined only on (−1, 1): every input must be inside")


def draw(rng: Random) -> dict:
    name = rng.choice(ACTIVATIONS)
    size = rng.randint(2, 4) if name != "relu" else rng.randint(3, 5)
    while True:
        if name == "arctanh":
            inputs = [R(rng.choice((1, -1)) * rng.randint(5, 95), 100) for _ in range(size)]
        else:
            inputs = [R(rng.randint(-12, 12), 4) for _ in range(size)]
            if name == "relu" and rng.random() < 0.4:
                inputs[rng.randrange(size)] = sympy.Integer(0)
        # both signs, so a ReLU (or any activation) is seen on both sides of 0
        if len(set(inputs)) == size and min(inputs) < 0 < max(inputs):
            return {"activation": name, "inputs": inputs}


def solve(params: dict) -> Solved:
    name, xs = params["activation"], params["inputs"]
    values = tuple(forward(name, x) for x in xs)
    grads = tuple(derivative(name, x) for x in xs)
    n = len(xs)
    hint = f"{n} numbers in the input's order: [{', '.join(['…'] * n)}]"
    parts = [
        part(
            AnswerKind.VECTOR, "values", "The forward values f(x), element-wise", values, hint=hint
        ),
        part(
            AnswerKind.VECTOR,
            "grads",
            "The local gradients f'(x), element-wise",
            grads,
            *slips(name, xs),
            hint=hint,
        ),
    ]
    symbol = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "arctanh": "arctanh"}[name]
    facts = {
        "symbol": symbol,
        "rows": list(zip(xs, values, grads, strict=True)),
        "has_zero": any(x == 0 for x in xs),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="activation_eval_and_grad",
    chapter="calculus",
    title="Activations and their gradients",
    book_refs=("CAL-Q24", "CAL-Q25", "CAL-Q33", "DL-Q48"),
    params=(
        Param("activation", "the activation function", "choice", options=ACTIVATIONS),
        Param("inputs", "the input vector x", "numbers", low=-20, high=20, length=(1, 8)),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"activation": "arctanh", "inputs": [0.37, 0.192, 0.571]},
)
