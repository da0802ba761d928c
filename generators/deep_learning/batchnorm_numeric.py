"""Batch normalisation by hand for one channel, and the channel count a BatchNorm2d must have.

Varies DL-Q71 (normalise a batch to mean 0 and variance 1, then scale by γ and shift by β), DL-Q73
(BatchNorm2d normalises per channel; the book's bug is nn.BatchNorm2d(32) after
nn.Conv2d(3, 64, …), whose output has 64 channels) and DL-Q72's standard normal. The book gives
no batch, so the batch in ``book_params`` is ours; the layer sizes are the book's. The slips: the
unbiased variance (BN divides by m), the variance used where its root belongs, ε or the shift
left out, γ and β swapped, the conv's input channels taken for its output channels, and the
running mean and variance (buffers, not trained) counted as parameters.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import from_rounded, half_unit, integer, real, slip

EPSILONS = (sympy.Rational(1, 10**5), sympy.Rational(1, 100), sympy.Rational(1, 10))


def draw(rng: Random) -> dict:
    m = rng.randint(4, 6)
    while True:
        batch = [sympy.Integer(rng.randint(-4, 12)) for _ in range(m)]
        params = {
            "batch": batch,
            "eps": rng.choice(EPSILONS),
            "gamma": sympy.Rational(rng.randint(2, 30), 10),
            "beta": sympy.Rational(rng.randint(-20, 20), 10),
            "index": rng.randint(1, m),
            "c_in": rng.choice((1, 3, 16, 32, 64)),
            "c_out": rng.choice((8, 16, 32, 64, 128, 256)),
        }
        x = batch[params["index"] - 1]
        mean = sum(batch) / m
        cheap = len(set(batch)) > 2 and (2 * mean).is_integer and x != mean
        if not cheap or params["beta"] == 0 or params["c_in"] == params["c_out"]:
            continue
        values = [part.answer for part in solve(params).parts]
        if len(set(values)) == len(values):
            return params


def check(params: dict) -> None:
    if len(set(params["batch"])) < 2:
        raise ParamError("batch", "needs at least two different values, or the variance is 0")
    if not 1 <= params["index"] <= len(params["batch"]):
        raise ParamError(
            "index", f"must number an element of the batch, 1 to {len(params['batch'])}"
        )


def solve(params: dict) -> Solved:
    batch, eps = params["batch"], params["eps"]
    gamma, beta = params["gamma"], params["beta"]
    m = len(batch)
    x = batch[params["index"] - 1]
    mean = sum(batch) / m
    squares = sum((v - mean) ** 2 for v in batch)
    var = squares / m
    std = sympy.sqrt(var + eps)
    x_hat = (x - mean) / std
    y = gamma * x_hat + beta
    c_in, c_out = params["c_in"], params["c_out"]
    parts = [
        real("mean", "Batch mean μ", mean),
        real(
            "variance",
            "Batch variance σ² (as batch norm computes it during training)",
            var,
            slip(
                "unbiased_variance",
                "batch norm divides the squared deviations by m, not by m − 1.",
                squares / (m - 1),
            ),
            slip(
                "std_not_variance",
                "that is the standard deviation σ; the variance is σ².",
                sympy.sqrt(var),
            ),
        ),
        real(
            "x_hat",
            f"Normalised value x̂ of element {params['index']}",
            x_hat,
            slip(
                "variance_not_std",
                "divide by the standard deviation √(σ² + ε), not by the variance.",
                (x - mean) / (var + eps),
            ),
            slip(
                "unbiased_variance",
                "that uses the m − 1 variance; batch norm divides by m.",
                (x - mean) / sympy.sqrt(squares / (m - 1) + eps),
            ),
        ),
        real(
            "y",
            f"Output y = γ·x̂ + β of element {params['index']}",
            y,
            slip("gamma_beta_swapped", "γ scales and β shifts: y = γ·x̂ + β.", beta * x_hat + gamma),
            slip("beta_forgotten", "the shift β is added after scaling.", gamma * x_hat),
            # worked from x̂ as the solution shows it, to 4 decimals
            tolerance=from_rounded(abs(gamma) * half_unit(4)),
        ),
        integer(
            "num_features",
            f"num_features of a BatchNorm2d placed right after nn.Conv2d({c_in}, {c_out}, 3)",
            c_out,
            slip(
                "input_channels",
                f"{c_in} is the conv's input; BatchNorm2d normalises the {c_out} channels it "
                "outputs.",
                c_in,
            ),
        ),
        integer(
            "bn_params",
            "Trainable parameters of that BatchNorm2d",
            2 * c_out,
            slip("one_param_per_channel", "each channel has both a γ and a β.", c_out),
            slip(
                "running_stats_counted",
                "the running mean and variance are buffers updated without gradients, not "
                "trainable parameters.",
                4 * c_out,
            ),
        ),
    ]
    facts = {
        "m": m,
        "x": x,
        "mean": mean,
        "squares": squares,
        "var": var,
        "std": std,
        "x_hat": x_hat,
        "y": y,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="batchnorm_numeric",
    chapter="deep_learning",
    title="Batch normalisation by hand",
    book_refs=("DL-Q71", "DL-Q72", "DL-Q73"),
    params=(
        Param(
            "batch",
            "one channel's values over the batch",
            "numbers",
            -(10**4),
            10**4,
            length=(2, 16),
        ),
        Param("eps", "ε added to the variance", low=0, high=1),
        Param("gamma", "scale γ", low=-100, high=100),
        Param("beta", "shift β", low=-100, high=100),
        Param("index", "the element whose output is asked (from 1)", "integer", 1, 16),
        Param("c_in", "input channels of the convolution", "integer", 1, 4096),
        Param("c_out", "output channels of the convolution", "integer", 1, 4096),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no batch: the one in book_params is ours
    book_params={
        "batch": [2, 4, 6, 8],
        "eps": 0.00001,
        "gamma": 2,
        "beta": 0.5,
        "index": 4,
        "c_in": 3,
        "c_out": 64,
    },
)
