"""One optimiser step by hand: SGD with weight decay, momentum, Adam's first step, and the
gradient of a mean loss over a batch.

Varies the book's update-rule items (DL-Q32: the gradient of an averaged cost is the average of
the per-example gradients; DL-Q92: momentum keeps an exponentially decaying sum of past steps).
book_families.md lists this family as derived numeric, with no book numbers: ``book_params`` is
our own instance. Drawn variants vary the weights, gradients, rates, decay, momentum and the
mini-batch. The slips: weight decay left out, the step taken up the gradient, the old velocity
ignored or not updated, Adam without its bias correction (a first step 3.16 times too long) or
without the square root, and the summed per-example gradients used for a mean loss.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind

BETA1, BETA2, EPS = sympy.Rational(9, 10), sympy.Rational(999, 1000), sympy.Rational(1, 10**8)


def _tenths(rng: Random, count: int, nonzero: bool = False) -> list[sympy.Rational]:
    values = []
    while len(values) < count:
        v = rng.randint(-20, 20)
        if v or not nonzero:
            values.append(sympy.Rational(v, 10))
    return values


def draw(rng: Random) -> dict:
    size = rng.randint(2, 3)
    while True:
        params = {
            "w": _tenths(rng, size, nonzero=True),
            "g": _tenths(rng, size, nonzero=True),
            "lr": rng.choice((sympy.Rational(1, 10), sympy.Rational(1, 5), sympy.Rational(1, 2))),
            "decay": rng.choice(
                (sympy.Rational(1, 20), sympy.Rational(1, 10), sympy.Rational(1, 5))
            ),
            "momentum": rng.choice((sympy.Rational(1, 2), sympy.Rational(9, 10))),
            "velocity": _tenths(rng, size, nonzero=True),
            "adam_lr": rng.choice(
                (sympy.Rational(1, 1000), sympy.Rational(1, 100), sympy.Rational(1, 10))
            ),
            "b": sympy.Rational(rng.randint(-20, 20), 10),
            "b_grads": _tenths(rng, rng.randint(3, 5)),
        }
        if sum(params["b_grads"]) != 0:
            return params


def check(params: dict) -> None:
    size = len(params["w"])
    for name in ("g", "velocity"):
        if len(params[name]) != size:
            raise ParamError(name, f"needs {size} entries, one per weight")


def solve(params: dict) -> Solved:
    w, g, v = params["w"], params["g"], params["velocity"]
    lr, decay, mu = params["lr"], params["decay"], params["momentum"]
    adam_lr = params["adam_lr"]
    grads = params["b_grads"]
    batch = len(grads)

    def vec(values) -> tuple:
        return tuple(values)

    decayed = vec(wi - lr * (gi + decay * wi) for wi, gi in zip(w, g, strict=True))
    new_v = [mu * vi - lr * gi for vi, gi in zip(v, g, strict=True)]
    momentum = vec(wi + vi for wi, vi in zip(w, new_v, strict=True))
    adam = vec(wi - adam_lr * gi / (abs(gi) + EPS) for wi, gi in zip(w, g, strict=True))
    m_raw = [(1 - BETA1) * gi for gi in g]
    v_raw = [(1 - BETA2) * gi**2 for gi in g]
    adam_uncorrected = vec(
        wi - adam_lr * mi / (sympy.sqrt(vi) + EPS)
        for wi, mi, vi in zip(w, m_raw, v_raw, strict=True)
    )
    adam_no_sqrt = vec(wi - adam_lr * gi / (gi**2 + EPS) for wi, gi in zip(w, g, strict=True))
    mean_grad = sum(grads) / batch
    hint = f"{len(w)} numbers in order: [w1, …, w{len(w)}]"
    parts = [
        part(
            AnswerKind.VECTOR,
            "sgd_decay",
            "Weights after one SGD step with weight decay",
            decayed,
            slip(
                "decay_forgotten",
                "weight decay adds λ·w to the gradient: w − η(g + λw).",
                vec(wi - lr * gi for wi, gi in zip(w, g, strict=True)),
            ),
            slip(
                "sign",
                "that steps up the gradient; descent subtracts η(g + λw).",
                vec(wi + lr * (gi + decay * wi) for wi, gi in zip(w, g, strict=True)),
            ),
            hint=hint,
        ),
        part(
            AnswerKind.VECTOR,
            "momentum",
            "Weights after one momentum step (no weight decay)",
            momentum,
            slip(
                "momentum_ignored",
                "the stored velocity carries over: v ← μv − ηg, then w ← w + v.",
                vec(wi - lr * gi for wi, gi in zip(w, g, strict=True)),
            ),
            slip(
                "old_velocity",
                "update the velocity first, then add the new velocity to w.",
                vec(wi + vi for wi, vi in zip(w, v, strict=True)),
            ),
            hint=hint,
        ),
        part(
            AnswerKind.VECTOR,
            "adam",
            "Weights after Adam's first step (no weight decay)",
            adam,
            slip(
                "no_bias_correction",
                "at t = 1 the moments must be divided by 1 − β1 and 1 − β2; without that the "
                "step is (1 − β1)/√(1 − β2) ≈ 3.16 times too long.",
                adam_uncorrected,
            ),
            slip(
                "no_sqrt",
                "Adam divides by the square root of the second moment.",
                adam_no_sqrt,
            ),
            hint=hint,
        ),
        real(
            "bias",
            "New bias after one plain SGD step on the mean loss of the batch",
            params["b"] - lr * mean_grad,
            slip(
                "sum_not_mean",
                f"the loss is the batch mean, so its gradient is the mean of the {batch} "
                "per-example gradients, not their sum.",
                params["b"] - lr * sum(grads),
            ),
            slip("sign", "descent subtracts η times the gradient.", params["b"] + lr * mean_grad),
        ),
    ]
    facts = {
        "decayed": decayed,
        "new_v": new_v,
        "momentum": momentum,
        "adam": adam,
        "mean_grad": mean_grad,
        "grad_sum": sum(grads),
        "new_b": params["b"] - lr * mean_grad,
    }
    return Solved(parts, facts)


def _rate(name: str, meaning: str) -> Param:
    return Param(name, meaning, low=0, high=1, open=True)


FAMILY = Family(
    id="sgd_update_step",
    chapter="deep_learning",
    title="Optimiser steps by hand: SGD, momentum, Adam",
    book_refs=("DL-Q32", "DL-Q92"),
    params=(
        Param("w", "current weights", "numbers", -1000, 1000, length=(1, 6)),
        Param("g", "gradient of the loss at w", "numbers", -1000, 1000, length=(1, 6)),
        _rate("lr", "learning rate η (SGD and momentum)"),
        _rate("decay", "weight-decay coefficient λ"),
        _rate("momentum", "momentum μ"),
        Param("velocity", "stored velocity v", "numbers", -1000, 1000, length=(1, 6)),
        _rate("adam_lr", "Adam's learning rate"),
        Param("b", "current bias", low=-1000, high=1000),
        Param(
            "b_grads", "per-example gradients of the bias", "numbers", -1000, 1000, length=(1, 64)
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={
        "w": [1, -0.5],
        "g": [0.4, -0.2],
        "lr": 0.1,
        "decay": 0.1,
        "momentum": 0.9,
        "velocity": [0.2, 0.1],
        "adam_lr": 0.01,
        "b": 0.5,
        "b_grads": [0.3, -0.1, 0.4, 0.2],
    },
)
