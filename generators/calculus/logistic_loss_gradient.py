"""Logistic loss with labels ±1: the probability of the label, the loss and its gradient in w.

The gradient of the logistic loss is the one backpropagation formula every candidate should
derive on a whiteboard. A derived family: the reference lists a logistic-discriminant item of
uncertain book origin, so book_refs names CAL-Q24 (the logistic-regression hypothesis it drills)
and book_params is our own instance: w = (1, −2), x = (3, 1), y = −1. With y ∈ {−1, +1},
p(y | x) = σ(y·wᵀx), L = −ln p(y | x) and ∇_w L = −y·(1 − p(y | x))·x. The weights, the input
(length 2–4) and the label are drawn.

Slips caught: the label left out (σ(wᵀx) for p(y | x)), the complement, a loss in another log
base, the gradient's sign (ascent), p(y | x) in place of 1 − p(y | x), and the label dropped from
the gradient.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip, wrong_bases
from interview_sim.model import AnswerKind

R = sympy.Rational


def sigmoid(z: sympy.Expr) -> sympy.Expr:
    return 1 / (1 + sympy.exp(-z))


def check(params: dict) -> None:
    if len(params["w"]) != len(params["x"]):
        raise ParamError("x", "needs one entry per weight in w")


def draw(rng: Random) -> dict:
    size = rng.randint(2, 4)
    while True:
        w = [R(rng.randint(-6, 6), 2) for _ in range(size)]
        x = [rng.randint(-3, 3) for _ in range(size)]
        score = sum(a * b for a, b in zip(w, x, strict=True))
        if score != 0 and abs(score) <= 4 and sum(1 for v in x if v) >= 2:
            return {"w": w, "x": x, "y": rng.choice((-1, 1))}


def solve(params: dict) -> Solved:
    w, x, y = params["w"], params["x"], params["y"]
    score = sum((a * b for a, b in zip(w, x, strict=True)), sympy.Integer(0))
    p = sigmoid(y * score)
    loss = sympy.log(1 + sympy.exp(-y * score))
    gradient = tuple(-y * (1 - p) * xi for xi in x)
    n = len(x)
    parts = [
        real(
            "prob",
            "The probability p(y | x) the model gives to the observed label",
            p,
            slip(
                "label_ignored",
                "that is σ(wᵀx), the probability of y = +1; the observed label is −1, so "
                "p(y | x) = σ(−wᵀx).",
                sigmoid(score),
            )
            if y == -1
            else None,
            slip("complement", "that is 1 − p(y | x), the probability of the other label.", 1 - p),
        ),
        real(
            "loss",
            "The loss L = −ln p(y | x)",
            loss,
            *wrong_bases(
                lambda base: sympy.log(1 + sympy.exp(-y * score), base or sympy.E), None, "the loss"
            ),
            slip("sign", "the loss is −ln p, which is positive; that is ln p.", -loss),
        ),
        part(
            AnswerKind.VECTOR,
            "gradient",
            "The gradient ∇_w L",
            gradient,
            slip(
                "sign",
                "that is −∇_w L, the descent direction, not the gradient.",
                tuple(-g for g in gradient),
            ),
            slip(
                "p_not_complement",
                "the factor is 1 − p(y | x) (how wrong the model is), not p(y | x).",
                tuple(-y * p * xi for xi in x),
            ),
            slip(
                "label_ignored",
                "that is the gradient for the label +1; with y = −1 it is "
                "−y·(1 − σ(y·wᵀx))·x = σ(wᵀx)·x.",
                tuple(-(1 - sigmoid(score)) * xi for xi in x),
            )
            if y == -1
            else None,
            hint=f"{n} numbers, one per weight: [{', '.join(['…'] * n)}]",
        ),
    ]
    facts = {
        "score": score,
        "margin": y * score,
        "p": p,
        "loss": loss,
        "gradient": gradient,
        "factor": -y * (1 - p),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="logistic_loss_gradient",
    chapter="calculus",
    title="Logistic loss and its gradient",
    book_refs=("CAL-Q24",),
    params=(
        Param("w", "the weight vector w", "numbers", low=-20, high=20, length=(1, 8)),
        Param("x", "the input vector x", "numbers", low=-20, high=20, length=(1, 8)),
        Param("y", "the label, −1 or +1", "choice", options=(-1, 1)),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"w": [1, -2], "x": [3, 1], "y": -1},
)
