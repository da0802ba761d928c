"""Trace a logistic classifier written as code: the printed inner product, probability and class,
and the output shape of a linear layer.

Varies PRB-25 (a C++ classifier with θ = (−6, 0.05, 1.0) and x = (1, 40, 3.5), threshold 0.5: the
book's instance in ``book_params``) and PRB-26 (``nn.Linear(5, 7)`` applied to a 3×5 batch). Each
variant writes its program fresh, in C++ (with LibTorch for the layer) or in PyTorch, with 2–4
weights, a leading 1 in x that carries the bias, a threshold and a comparison (``>`` or ``>=``).
Slips modelled: the bias left out (the leading 1 skipped), the odds or σ(−z) printed for the
probability, the wrong side of a tie at exactly the threshold, the inner product compared with the
threshold, and the layer's output shape transposed or confused with its weight's shape.
"""

from __future__ import annotations

from random import Random

import sympy

from generators.logistic_regression._context import grid
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, real, shape, slip
from interview_sim.render import num

LANGUAGES = ("cpp", "python")
COMPARISONS = (">", ">=")


def sigma(z):
    return 1 / (1 + sympy.exp(-z))


def draw(rng: Random) -> dict:
    k = rng.randint(1, 3)
    while True:
        tie = rng.random() < 0.2
        # at a tie every number is a multiple of 1/8, so the program's doubles hit z = 0 exactly
        coefficients = [grid(rng, "-2", "2", "0.25" if tie else "0.05") for _ in range(k)]
        x = [sympy.Integer(1)] + [grid(rng, "0", "50", "0.5") for _ in range(k)]
        partial = sum(c * v for c, v in zip(coefficients, x[1:], strict=True))
        threshold = (
            sympy.Rational(1, 2) if tie or rng.random() < 0.6 else grid(rng, "0.2", "0.8", "0.1")
        )
        bias = -partial if tie else grid(rng, "-8", "8", "0.5")
        z = bias + partial
        clear = sympy.Rational(1, 10) <= abs(z) <= 4 and abs(float(sigma(z) - threshold)) > 0.001
        if all(coefficients) and abs(bias) <= 10 and (tie or clear):
            break
    n_in, n_out = rng.sample(range(2, 17), 2)
    return {
        "language": rng.choice(LANGUAGES),
        "theta": [bias, *coefficients],
        "x": x,
        "threshold": threshold,
        "comparison": ">=" if tie else rng.choice(COMPARISONS),
        "batch": rng.choice([b for b in range(1, 65) if b not in (n_in, n_out)]),
        "n_in": n_in,
        "n_out": n_out,
    }


def check(params: dict) -> None:
    if len(params["theta"]) != len(params["x"]):
        raise ParamError("x", f"needs one entry per weight ({len(params['theta'])})")
    if params["x"][0] != 1:
        raise ParamError("x", "the first entry is the constant 1 that multiplies the bias θ0")
    if len({params["batch"], params["n_in"], params["n_out"]}) < 3:
        raise ParamError(
            "batch", "batch, in and out sizes must differ, or a transposed shape reads as right"
        )


def literal(value, language: str) -> str:
    text = num(value)
    return text + ".0" if language == "python" and "." not in text else text


def program(params: dict) -> str:
    """The variant's program, valid C++17 with LibTorch or valid Python with PyTorch."""
    language, op, t = params["language"], params["comparison"], params["threshold"]
    theta = ", ".join(literal(v, language) for v in params["theta"])
    x = ", ".join(literal(v, language) for v in params["x"])
    b, i, o = params["batch"], params["n_in"], params["n_out"]
    if language == "cpp":
        return f"""#include <torch/torch.h>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>

double inner(const std::vector<double>& a, const std::vector<double>& b) {{
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
    return s;
}}

int main() {{
    std::vector<double> theta = {{{theta}}};
    std::vector<double> x = {{{x}}};  // x[0] = 1 multiplies the bias theta[0]
    double z = inner(theta, x);
    double p = 1.0 / (1.0 + std::exp(-z));
    int label = p {op} {literal(t, language)} ? 1 : 0;
    std::printf("%f %f %d\\n", z, p, label);

    torch::nn::Linear layer({i}, {o});
    torch::Tensor out = layer->forward(torch::randn({{{b}, {i}}}));
    std::cout << out.sizes() << std::endl;
}}"""
    return f"""import torch

theta = torch.tensor([{theta}], dtype=torch.float64)
x = torch.tensor([{x}], dtype=torch.float64)  # x[0] = 1 multiplies the bias theta[0]
z = torch.dot(theta, x)
p = torch.sigmoid(z)
label = int(p.item() {op} {literal(t, language)})
print(z.item(), p.item(), label)

layer = torch.nn.Linear({i}, {o})
out = layer(torch.randn({b}, {i}))
print(out.shape)"""


def solve(params: dict) -> Solved:
    theta, x = params["theta"], params["x"]
    t, op = params["threshold"], params["comparison"]
    z = sum(a * b for a, b in zip(theta, x, strict=True))
    p = sigma(z)
    label = int(bool(p >= t) if op == ">=" else bool(p > t))
    tie = bool(sympy.simplify(p - t) == 0)
    b, i, o = params["batch"], params["n_in"], params["n_out"]
    no_bias = z - theta[0]
    label_slip = None
    if tie:
        label_slip = slip(
            "strict_vs_inclusive",
            f"p equals the threshold exactly, and the code tests p {op} {num(t)}, which is "
            f"{'true' if label else 'false'} at a tie.",
            1 - label,
        )
    elif int(bool(z >= t)) != label:
        label_slip = slip(
            "logit_vs_threshold",
            "that compares the inner product z with the threshold; the code compares the "
            "probability p.",
            1 - label,
        )
    parts = [
        real(
            "inner",
            "The inner product z that the program prints first",
            z,
            slip(
                "no_bias", "the leading 1 in x multiplies the bias θ0; that leaves it out.", no_bias
            ),
            slip("probability_not_logit", "that is p = σ(z), printed second.", p),
        ),
        real(
            "probability",
            "The probability p that the program prints second",
            p,
            slip("sigma_minus_z", "that is σ(−z) = 1 − p, the probability of class 0.", 1 - p),
            slip("odds_not_probability", "that is the odds e^z; p = e^z/(1 + e^z).", sympy.exp(z)),
            slip("no_bias", "the bias θ0 belongs in z before the sigmoid.", sigma(no_bias)),
        ),
        integer("label", "The class label (0 or 1) that the program prints", label, label_slip),
        shape(
            "shape",
            "The shape of the linear layer's output",
            (b, o),
            slip(
                "transposed", f"PyTorch keeps the batch first: ({b}, {o}), not ({o}, {b}).", (o, b)
            ),
            slip(
                "weight_shape",
                f"({o}, {i}) is the shape of the layer's weight matrix, not of its output.",
                (o, i),
            ),
            slip(
                "input_shape",
                f"the layer maps {i} features to {o}; ({b}, {i}) is its input.",
                (b, i),
            ),
        ),
    ]
    facts = {
        "code": program(params),
        "terms": [a * v for a, v in zip(theta, x, strict=True)],
        "z": z,
        "p": p,
        "tie": tie,
        "label": label,
        "comparison_holds": bool(label == 1),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="lr_code_trace",
    chapter="logistic_regression",
    title="Trace a logistic classifier in code",
    book_refs=("PRB-25", "PRB-26"),
    params=(
        Param("language", "the program's language", "choice", options=LANGUAGES),
        Param("theta", "weights θ0 (the bias) … θk", "numbers", low=-100, high=100, length=(2, 5)),
        Param(
            "x",
            "the input, starting with the constant 1",
            "numbers",
            low=-1000,
            high=1000,
            length=(2, 5),
        ),
        Param("threshold", "decision threshold on p", low=0, high=1, open=True),
        Param("comparison", "how p is compared with the threshold", "choice", options=COMPARISONS),
        Param("batch", "rows of the batch fed to the linear layer", "integer", low=1, high=4096),
        Param("n_in", "the linear layer's input features", "integer", low=1, high=4096),
        Param("n_out", "the linear layer's output features", "integer", low=1, high=4096),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "language": "cpp",
        "theta": [-6, 0.05, 1.0],
        "x": [1, 40, 3.5],
        "threshold": 0.5,
        "comparison": ">",
        "batch": 3,
        "n_in": 5,
        "n_out": 7,
    },
)
