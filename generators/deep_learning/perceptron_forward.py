"""Forward pass of a single perceptron: weighted sum with bias, then an activation.

Varies DL-Q34/DL-Q35 (the mock exam's "Perceptrons" problem: one node with inputs x = (0.9, 0.7),
weights w = (-0.3, 0.15) and bias 0.001, asked for the weighted sum and then its ReLU) and
DL-Q42/DL-Q43 (a two-input unit evaluated on the four binary input pairs). The number of inputs
(2-4), the grid of the numbers (0.05 or 0.1) and the activation (identity, step, ReLU, sigmoid) are
drawn.

The book's figure adds the bias at the *sum node*, before the activation: s = w·x + b, y = f(s);
adding it after the activation, f(w·x) + b, is the classic slip. WHY lists every slip caught.
"""

from __future__ import annotations

from itertools import combinations
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import real, sigmoid, slip
from interview_sim.kit.parts import vector
from interview_sim.model import Mistake

ACTIVATIONS = ("identity", "step", "relu", "sigmoid")
NAMES = {"identity": "identity", "step": "step", "relu": "ReLU", "sigmoid": "sigmoid"}
BINARY_INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
PROMPTS = {
    "weighted_sum": "Weighted sum s at the sum node (including the bias)",
    "output": "Output of the node after the {name} activation",
    "binary_table": "Outputs for the inputs (x1, x2) = (0, 0), (0, 1), (1, 0), (1, 1), as a vector "
    "in that order",
}
TABLE_HINT = "four outputs, for (0, 0), (0, 1), (1, 0), (1, 1) in that order: [y1, y2, y3, y4]"


def activate(name: str, s: sympy.Expr) -> sympy.Expr:
    """f(s) for an exact rational s; step(s) = 1 for s >= 0, else 0."""
    if name == "identity":
        return s
    if name == "step":
        return sympy.Integer(1 if s >= 0 else 0)
    if name == "relu":
        return s if s > 0 else sympy.Integer(0)
    return sigmoid(s)


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
    inputs, weights = len(params["x"]), len(params["w"])
    if weights != inputs:
        raise ParamError("w", f"needs one weight per input: {inputs} inputs, {weights} weights")
    if params["truth_table"] and len(params["x"]) != 2:
        raise ParamError("truth_table", "the binary-input table needs exactly 2 inputs")


def _dot(w, x) -> sympy.Rational:
    return sum((sympy.Rational(wi) * xi for wi, xi in zip(w, x, strict=True)), sympy.Integer(0))


def _swaps(w: list) -> list[tuple[int, int, list]]:
    """Every way of exchanging two different weights (a weight multiplied with the wrong input)."""
    pairs = [(i, j) for i, j in combinations(range(len(w)), 2) if w[i] != w[j]]
    return [(i, j, [*w[:i], w[j], *w[i + 1 : j], w[i], *w[j + 1 :]]) for i, j in pairs]


# How each wrong way of running the node is explained, per part ({name}: this node's activation,
# {other}: the one applied instead, {i}/{j}: the exchanged weights).
WHY = {
    "weighted_sum": {
        "bias_forgotten": "the bias b is part of the sum: s = w·x + b.",
        "bias_subtracted": "the bias is added, not subtracted: s = w·x + b.",
        "weights_swapped": "w{i} and w{j} were exchanged: each weight multiplies its own input.",
    },
    "output": {
        "bias_forgotten": "the bias was left out: the output is {name}(w·x + b), not {name}(w·x).",
        "bias_subtracted": "the bias is added at the sum node: {name}(w·x + b), "
        "not {name}(w·x - b).",
        "bias_after_activation": "the bias is added at the sum node, before the activation: "
        "{name}(w·x + b), not {name}(w·x) + b.",
        "activation_not_applied": "that is the weighted sum s itself; the output is {name}(s).",
        "wrong_activation": "that is {other}(s); this node uses {name}.",
        "weights_swapped": "w{i} and w{j} were exchanged: each weight multiplies its own input.",
    },
    "binary_table": {
        "bias_forgotten": "the bias belongs in every weighted sum.",
        "bias_subtracted": "the bias is added, not subtracted.",
        "bias_after_activation": "the bias is added at the sum node, before {name}, not after it.",
        "activation_not_applied": "those are the weighted sums; apply {name} to each.",
        "wrong_activation": "that applies {other}; this node uses {name}.",
        "weights_swapped": "w1 multiplies x1 and w2 multiplies x2; the two weights were exchanged.",
    },
}


def _slips(part_id: str, run, params: dict) -> list[Mistake]:
    """The node run wrongly, in matching order: ``run(weights, bias, activation, after)`` gives
    the part's quantity; a slip the part does not explain (in WHY) does not apply to it."""
    w, b, f = params["w"], params["b"], params["activation"]
    others = [g for g in ACTIVATIONS if g not in (f, "identity")]
    wrong = [
        ("bias_forgotten", run(w, 0, f), {}),
        ("bias_subtracted", run(w, -b, f), {}),
        ("bias_after_activation", run(w, 0, f, b), {}),
        ("activation_not_applied", run(w, b, "identity"), {}),
        *(("wrong_activation", run(w, b, g), {"other": NAMES[g]}) for g in others),
        *(("weights_swapped", run(ws, b, f), {"i": i + 1, "j": j + 1}) for i, j, ws in _swaps(w)),
    ]
    why = WHY[part_id]
    return [
        slip(tag, why[tag].format(name=NAMES[f], **words), value)
        for tag, value, words in wrong
        if tag in why
    ]


def solve(params: dict) -> Solved:
    x, w, b, f = params["x"], params["w"], params["b"], params["activation"]
    dot = _dot(w, x)
    s, y, name = dot + b, activate(f, dot + b), NAMES[f]

    def node(inputs):
        """The node on ``inputs``, run as _slips varies it."""
        return lambda weights, bias, g, after=0: activate(g, _dot(weights, inputs) + bias) + after

    def weighted_sum(weights, bias, g, after=0):
        return _dot(weights, x) + bias

    def table(weights, bias, g, after=0):
        return tuple(node(pair)(weights, bias, g, after) for pair in BINARY_INPUTS)

    sum_slips, output_slips = (
        _slips("weighted_sum", weighted_sum, params),
        _slips("output", node(x), params),
    )
    parts = [
        real("weighted_sum", PROMPTS["weighted_sum"], s, *sum_slips),
        real("output", PROMPTS["output"].format(name=name), y, *output_slips),
    ]
    products = [wi * xi for wi, xi in zip(w, x, strict=True)]
    facts: dict = {"products": products, "dot": dot, "s": s, "y": y, "name": name}
    if params["truth_table"]:
        slips, outputs = _slips("binary_table", table, params), table(w, b, f)
        prompt = PROMPTS["binary_table"]
        parts.append(vector("binary_table", prompt, outputs, *slips, hint=TABLE_HINT))
        sums = [_dot(w, pair) + b for pair in BINARY_INPUTS]
        facts["table"] = list(zip(BINARY_INPUTS, sums, outputs, strict=True))
    return Solved(parts, facts)


TABLE_MEANS = "also ask for the outputs on the four binary input pairs (2 inputs only)"
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
        Param("truth_table", TABLE_MEANS, "choice", options=(False, True)),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params=dict(x=[0.9, 0.7], w=[-0.3, 0.15], b=0.001, activation="relu", truth_table=False),
)
