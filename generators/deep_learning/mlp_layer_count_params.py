"""Reading an nn.Sequential MLP: hidden layers, a weight tensor's shape and the parameter count.

Varies DL-Q49 (Linear(200, 512), Tanh, Linear(512, 512), Tanh, Linear(512, 10), LogSoftmax: two
hidden layers and 200·512 + 512 + 512·512 + 512 + 512·10 + 10 = 370,698 parameters). The drawn
stacks have two to four Linear layers of whiteboard widths, one activation type, optional Dropout
(which has no parameters) and an optional (log-)softmax head. The slips: biases left out of the
count, Dropout counted as a layer with weights, the output layer counted as hidden, and PyTorch's
weight shape (out_features, in_features) transposed.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, shape, slip

ACTIVATIONS = ("Tanh", "ReLU", "Sigmoid", "LeakyReLU")
HEADS = ("LogSoftmax", "Softmax", "none")
INPUTS = (784, 200, 100, 64, 300, 256, 128, 20, 50, 32)
HIDDEN = (512, 256, 128, 64, 100, 32, 50, 300, 200, 16)
OUTPUTS = (10, 2, 3, 5, 100, 4)


def draw(rng: Random) -> dict:
    while True:  # redraw the rare stack whose every layer maps a width to itself
        depth = rng.randint(2, 4)  # Linear layers
        sizes = [rng.choice(INPUTS)]
        sizes += [rng.choice(HIDDEN) for _ in range(depth - 1)]
        sizes.append(rng.choice(OUTPUTS))
        askable = [k for k in range(1, depth + 1) if sizes[k - 1] != sizes[k]]
        if askable:
            break
    asked = rng.choice(askable)
    return {
        "sizes": sizes,
        "activation": rng.choice(ACTIVATIONS),
        "dropout": sympy.Rational(rng.choice((0, 0, 10, 20, 25, 50)), 100),
        "head": rng.choice(HEADS),
        "asked_layer": asked,
    }


def check(params: dict) -> None:
    if not 1 <= params["asked_layer"] <= len(params["sizes"]) - 1:
        raise ParamError(
            "asked_layer", f"must number one of the {len(params['sizes']) - 1} Linear layers"
        )


def layer_lines(params: dict) -> list[str]:
    """The nn.Sequential body, one module per line, as valid PyTorch."""
    sizes, lines = params["sizes"], []
    for k in range(len(sizes) - 1):
        lines.append(f"nn.Linear({sizes[k]}, {sizes[k + 1]}),")
        if k < len(sizes) - 2:
            lines.append(f"nn.{params['activation']}(),")
            if params["dropout"]:
                lines.append(f"nn.Dropout(p={float(params['dropout']):g}),")
    if params["head"] != "none":
        lines.append(f"nn.{params['head']}(dim=1),")
    return lines


def solve(params: dict) -> Solved:
    sizes, asked = params["sizes"], params["asked_layer"]
    pairs = list(zip(sizes, sizes[1:], strict=False))
    per_layer = [n_in * n_out + n_out for n_in, n_out in pairs]
    total = sum(per_layer)
    weights_only = sum(n_in * n_out for n_in, n_out in pairs)
    hidden = len(pairs) - 1
    n_in, n_out = pairs[asked - 1]
    parts = [
        integer(
            "hidden_layers",
            "Number of hidden layers",
            hidden,
            slip(
                "output_layer_counted",
                "the last Linear layer is the output layer, not a hidden one.",
                hidden + 1,
            ),
            slip(
                "input_counted",
                "the input is not a layer of neurons; count the Linear layers before the output.",
                hidden + 2,
            ),
        ),
        shape(
            "weight_shape",
            f"Shape of the weight tensor of Linear layer {asked} (its .weight)",
            (n_out, n_in),
            slip(
                "transposed_weights",
                "nn.Linear stores its weight as (out_features, in_features), so that y = x·Wᵀ + b.",
                (n_in, n_out),
            ),
            hint="2 numbers: (rows, columns)",
        ),
        integer(
            "param_count",
            "Total number of trainable parameters",
            total,
            slip(
                "no_bias",
                "each Linear layer also has one bias per output unit.",
                weights_only,
            ),
            slip(
                "biases_on_inputs",
                "the biases belong to the outputs of each layer (out_features of them), not to "
                "its inputs.",
                weights_only + sum(sizes[:-1]),
            ),
        ),
    ]
    facts = {"pairs": pairs, "per_layer": per_layer, "total": total, "lines": layer_lines(params)}
    return Solved(parts, facts)


FAMILY = Family(
    id="mlp_layer_count_params",
    chapter="deep_learning",
    title="An MLP's hidden layers, weight shapes and parameter count",
    book_refs=("DL-Q49",),
    params=(
        Param(
            "sizes", "widths: input, hidden layers…, output", "integers", 1, 10**5, length=(2, 8)
        ),
        Param("activation", "activation after each hidden layer", "choice", options=ACTIVATIONS),
        Param("dropout", "dropout probability after each activation (0: none)", low=0, high=0.9),
        Param("head", "module after the last Linear layer", "choice", options=HEADS),
        Param("asked_layer", "the Linear layer whose weight shape is asked", "integer", 1, 7),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "sizes": [200, 512, 512, 10],
        "activation": "Tanh",
        "dropout": 0,
        "head": "LogSoftmax",
        "asked_layer": 1,
    },
)
