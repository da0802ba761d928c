"""The backward pass of a sigmoid layer: dZ = dA ⊙ σ(Z)(1 − σ(Z)), element by element.

Completing a layer's backward method is a standard coding-interview step, and the chain rule
through σ is where candidates slip. Varies CAL-Q21 (a sigmoid layer's backward pass by the chain
rule, completing a NumPy backward method) and DL-Q47 (the same in C++). The book gives no numbers,
so book_params is our own instance: Z = (0, 2, −1), dA = (1, 0.5, −2). The pre-activations and
the upstream gradient (length 2–4, both signs) are drawn.

Slips caught: the upstream gradient left out (only the local gradient), the factor (1 − σ)
left out, σ'(x) evaluated on Z instead of σ(Z), and σ(Z) itself multiplied by dA.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, slip
from interview_sim.model import AnswerKind

R = sympy.Rational


def sigmoid(z: sympy.Expr) -> sympy.Expr:
    return 1 / (1 + sympy.exp(-z))


def check(params: dict) -> None:
    if len(params["z"]) != len(params["upstream"]):
        raise ParamError("upstream", "needs one entry per entry of z (the same shape as A)")


def draw(rng: Random) -> dict:
    size = rng.randint(2, 4)
    while True:
        z = [R(rng.randint(-6, 6), 2) for _ in range(size)]
        upstream = [R(rng.choice([n for n in range(-20, 21) if n]), 10) for _ in range(size)]
        if len(set(z)) == size and min(z) < 0 < max(z) and len(set(upstream)) > 1:
            return {"z": z, "upstream": upstream}


def solve(params: dict) -> Solved:
    z, upstream = params["z"], params["upstream"]
    a = tuple(sigmoid(v) for v in z)
    local = tuple(sympy.exp(-v) / (1 + sympy.exp(-v)) ** 2 for v in z)  # σ(1 − σ), shorter
    dz = tuple(d * g for d, g in zip(upstream, local, strict=True))
    n = len(z)
    hint = f"{n} numbers in order: [{', '.join(['…'] * n)}]"
    parts = [
        part(AnswerKind.VECTOR, "activation", "The forward output A = σ(Z)", a, hint=hint),
        part(
            AnswerKind.VECTOR,
            "dz",
            "The gradient dZ = ∂L/∂Z passed back to the layer below",
            dz,
            slip(
                "upstream_ignored",
                "that is only the local gradient σ(1 − σ); the chain rule multiplies it by dA.",
                local,
            ),
            slip(
                "missing_complement",
                "σ'(Z) = σ(Z)·(1 − σ(Z)): the factor (1 − σ) is missing.",
                tuple(d * s for d, s in zip(upstream, a, strict=True)),
            ),
            slip(
                "input_not_activation",
                "σ'(Z) uses the activation: σ(Z)(1 − σ(Z)), not Z(1 − Z).",
                tuple(d * v * (1 - v) for d, v in zip(upstream, z, strict=True)),
            ),
            hint=hint,
        ),
    ]
    facts = {"rows": list(zip(z, a, local, upstream, dz, strict=True))}
    return Solved(parts, facts)


FAMILY = Family(
    id="sigmoid_backward_pass",
    chapter="calculus",
    title="Backward pass through a sigmoid layer",
    book_refs=("CAL-Q21", "DL-Q47"),
    params=(
        Param("z", "the pre-activations Z", "numbers", low=-20, high=20, length=(1, 8)),
        Param(
            "upstream",
            "the upstream gradient dA = ∂L/∂A",
            "numbers",
            low=-100,
            high=100,
            length=(1, 8),
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"z": [0, 2, -1], "upstream": [1, 0.5, -2]},
)
