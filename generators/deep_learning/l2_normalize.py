"""L2 normalisation of a feature vector: its norm and the unit vector v / ‖v‖₂.

Varies DL-Q23 (the routine applied to ResNet34 features before comparing them is L2
normalisation; the book's input is [1, 2, 3], whose unit vector is [1, 2, 3]/√14). Drawn vectors
have three to five small integer entries, some negative. The slips: dividing by the L1 norm (sum of
absolute values), dividing by the squared norm, and the norm given without its square root.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind


def draw(rng: Random) -> dict:
    size = rng.randint(3, 5)
    while True:
        v = [rng.randint(-6, 9) for _ in range(size)]
        norm_sq = sum(x * x for x in v)
        if all(v) and len(set(map(abs, v))) > 1 and norm_sq != 1:
            return {"v": v}


def check(params: dict) -> None:
    if not any(params["v"]):
        raise ParamError("v", "the zero vector has no direction and cannot be normalised")


def solve(params: dict) -> Solved:
    v = [sympy.Integer(x) for x in params["v"]]
    norm_sq = sum(x * x for x in v)
    norm = sympy.sqrt(norm_sq)
    l1 = sum(abs(x) for x in v)
    unit = tuple(x / norm for x in v)
    parts = [
        real(
            "norm",
            "L2 norm ‖v‖₂",
            norm,
            slip("squared_not_root", "that is ‖v‖², the sum of squares; take its root.", norm_sq),
            slip("l1_for_l2", "that is the L1 norm, the sum of absolute values.", l1),
        ),
        part(
            AnswerKind.VECTOR,
            "unit",
            "The L2-normalised vector v / ‖v‖₂",
            unit,
            slip(
                "l1_normalised",
                "that divides by the L1 norm Σ|vᵢ|; L2 normalisation divides by √(Σ vᵢ²).",
                tuple(x / l1 for x in v),
            ),
            slip(
                "squared_norm",
                "that divides by ‖v‖², not by ‖v‖: the result does not have length 1.",
                tuple(x / norm_sq for x in v),
            ),
            hint=f"{len(v)} numbers in order: [u1, …, u{len(v)}]",
        ),
    ]
    facts = {"norm_sq": norm_sq, "norm": norm, "unit": unit}
    return Solved(parts, facts)


FAMILY = Family(
    id="l2_normalize",
    chapter="deep_learning",
    title="L2 normalisation of a feature vector",
    book_refs=("DL-Q23",),
    params=(Param("v", "the feature vector", "integers", -1000, 1000, length=(1, 10)),),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"v": [1, 2, 3]},
)
