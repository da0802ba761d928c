"""Forward pass of a single perceptron: weighted sum with bias, then an activation.

Varies DL-Q34/DL-Q35 (the mock exam's "Perceptrons" problem: one node with inputs x = (0.9, 0.7),
weights w = (-0.3, 0.15) and bias 0.001, asked for the weighted sum and then its ReLU) and
DL-Q42/DL-Q43 (a two-input unit evaluated on the four binary input pairs). The number of inputs
(2-4), the grid of the numbers (0.05 or 0.1) and the activation (identity, step, ReLU, sigmoid) are
drawn.

The book's figure adds the bias at the *sum node*, before the activation: s = w·x + b, y = f(s).
The classic slips are forgetting or subtracting the bias, adding it after the activation
(f(w·x) + b), reporting the sum without the activation, applying a different activation (sigmoid
where ReLU was asked), and pairing a weight with the wrong input.
"""

from __future__ import annotations

from itertools import combinations
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind, Part

ACTIVATIONS = ("identity", "step", "relu", "sigmoid")
NAMES = {"identity": "identity", "step": "step", "relu": "ReLU", "sigmoid": "sigmoid"}
BINARY_INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))


def activate(name: str, s: sympy.Expr) -> sympy.Expr:
    """f(s) for an exact rational s; step(s) = 1 for s >= 0, else 0."""
    if name == "identity":
        return s
    if name == "step":
        return sympy.Integer(1 if s >= 0 else 0)
    if name == "relu":
        return s if s > 0 else sympy.Integer(0)
    return 1 / (1 + sympy.exp(-s))


def _grid_value(rng: Random, steps: int, reach: int) -> sympy.Rational:
    """A non-zero multiple of 1/steps in [-reach/steps, reach/steps]."""
    return sympy.Rational(rng.choice([k for k in range(-reach, reach + 1) if k]), steps)


def draw(rng: Random) -> dict:
    n = rng.randint(2, 4)
    steps = rng.choice((10, 20))  # a 0.1 or a 0.05 grid
    activation = rng.choices(ACTIVATIONS, weights=(1, 3, 4, 3))[0]
    truth_table = n == 2 and rng.random() < 0.5
    while True:
        x = [_grid_value(rng, steps, steps) for _ in range(n)]
        w = [_grid_value(rng, steps, steps) for _ in range(n)]
        b = _grid_value(rng, steps, steps // 2)
        s = _dot(w, x) + b
        sums = [s] + ([_dot(w, pair) + b for pair in BINARY_INPUTS] if truth_table else [])
        # no sum exactly at the step's threshold, and the bias must matter for the sum
        if all(value != 0 for value in sums) and _dot(w, x) != 0:
            break
    return {"x": x, "w": w, "b": b, "activation": activation, "truth_table": truth_table}


def check(params: dict) -> None:
    if len(params["w"]) != len(params["x"]):
        raise ParamError(
            "w",
            f"needs one weight per input: {len(params['x'])} inputs, {len(params['w'])} weights",
        )
    if params["truth_table"] and len(params["x"]) != 2:
        raise ParamError("truth_table", "the binary-input table needs exactly 2 inputs")


def _dot(w, x) -> sympy.Rational:
    return sum((sympy.Rational(wi) * xi for wi, xi in zip(w, x, strict=True)), sympy.Integer(0))


def _swaps(w: list) -> list[tuple[int, int, list]]:
    """Every way of exchanging two weights (a weight multiplied with the wrong input)."""
    out = []
    for i, j in combinations(range(len(w)), 2):
        if w[i] != w[j]:
            swapped = list(w)
            swapped[i], swapped[j] = swapped[j], swapped[i]
            out.append((i, j, swapped))
    return out


def solve(params: dict) -> Solved:
    x, w, b = params["x"], params["w"], params["b"]
    f = params["activation"]
    name = NAMES[f]
    dot = _dot(w, x)
    s = dot + b
    y = activate(f, s)

    sum_mistakes = [
        slip("bias_forgotten", "the bias b is part of the sum: s = w·x + b.", dot),
        slip("bias_subtracted", "the bias is added, not subtracted: s = w·x + b.", dot - b),
    ]
    out_mistakes = [
        slip(
            "bias_forgotten",
            f"the bias was left out: the output is {name}(w·x + b), not {name}(w·x).",
            activate(f, dot),
        ),
        slip(
            "bias_subtracted",
            f"the bias is added at the sum node: {name}(w·x + b), not {name}(w·x - b).",
            activate(f, dot - b),
        ),
        slip(
            "bias_after_activation",
            f"the bias is added at the sum node, before the activation: {name}(w·x + b), "
            f"not {name}(w·x) + b.",
            activate(f, dot) + b,
        ),
        slip(
            "activation_not_applied",
            f"that is the weighted sum s itself; the output is {name}(s).",
            s,
        ),
    ]
    for other in ACTIVATIONS:
        if other not in (f, "identity"):
            out_mistakes.append(
                slip(
                    "wrong_activation",
                    f"that is {NAMES[other]}(s); this node uses {name}.",
                    activate(other, s),
                )
            )
    for i, j, swapped in _swaps(w):
        label = f"w{i + 1} and w{j + 1} were exchanged: each weight multiplies its own input"
        sum_mistakes.append(slip("weights_swapped", label + ".", _dot(swapped, x) + b))
        out_mistakes.append(slip("weights_swapped", label + ".", activate(f, _dot(swapped, x) + b)))

    parts = [
        real(
            "weighted_sum",
            "Weighted sum s at the sum node (including the bias)",
            s,
            *tuple(sum_mistakes),
        ),
        real("output", f"Output of the node after the {name} activation", y, *tuple(out_mistakes)),
    ]
    facts: dict = {
        "products": [wi * xi for wi, xi in zip(w, x, strict=True)],
        "dot": dot,
        "s": s,
        "y": y,
        "name": name,
    }
    if params["truth_table"]:
        parts.append(_table_part(w, b, f, name))
        facts["table"] = [
            (pair, _dot(w, pair) + b, activate(f, _dot(w, pair) + b)) for pair in BINARY_INPUTS
        ]
    return Solved(parts, facts)


def _table_part(w: list, b: sympy.Rational, f: str, name: str) -> Part:
    def outputs(weights, bias, g=lambda s: activate(f, s)):
        return tuple(g(_dot(weights, pair) + bias) for pair in BINARY_INPUTS)

    mistakes = [
        slip("bias_forgotten", "the bias belongs in every weighted sum.", outputs(w, 0)),
        slip("bias_subtracted", "the bias is added, not subtracted.", outputs(w, -b)),
        slip(
            "bias_after_activation",
            f"the bias is added at the sum node, before {name}, not after it.",
            tuple(activate(f, _dot(w, pair)) + b for pair in BINARY_INPUTS),
        ),
        slip(
            "activation_not_applied",
            f"those are the weighted sums; apply {name} to each.",
            outputs(w, b, g=lambda s: s),
        ),
    ]
    for other in ACTIVATIONS:
        if other not in (f, "identity"):
            mistakes.append(
                slip(
                    "wrong_activation",
                    f"that applies {NAMES[other]}; this node uses {name}.",
                    outputs(w, b, g=lambda s, other=other: activate(other, s)),
                )
            )
    if w[0] != w[1]:
        mistakes.append(
            slip(
                "weights_swapped",
                "w1 multiplies x1 and w2 multiplies x2; the two weights were exchanged.",
                outputs([w[1], w[0]], b),
            )
        )
    return part(
        AnswerKind.VECTOR,
        "binary_table",
        "Outputs for the inputs (x1, x2) = (0, 0), (0, 1), (1, 0), (1, 1), as a vector "
        "in that order",
        outputs(w, b),
        *tuple(mistakes),
        hint="four outputs, for (0, 0), (0, 1), (1, 0), (1, 1) in that order: [y1, y2, y3, y4]",
    )


FAMILY = Family(
    id="perceptron_forward",
    chapter="deep_learning",
    title="Perceptron forward pass",
    book_refs=("DL-Q34", "DL-Q35", "DL-Q42", "DL-Q43"),
    params=(
        Param("x", "inputs x1..xn", "numbers", low=-100, high=100, length=(1, 8)),
        Param("w", "weights w1..wn, one per input", "numbers", low=-100, high=100, length=(1, 8)),
        Param("b", "bias, added at the sum node", low=-100, high=100),
        Param("activation", "activation function of the node", "choice", options=ACTIVATIONS),
        Param(
            "truth_table",
            "also ask for the outputs on the four binary input pairs (2 inputs only)",
            "choice",
            options=(False, True),
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "x": [0.9, 0.7],
        "w": [-0.3, 0.15],
        "b": 0.001,
        "activation": "relu",
        "truth_table": False,
    },
)
