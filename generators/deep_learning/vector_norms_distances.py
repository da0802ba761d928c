"""L1, L2 and L∞ distances between two vectors, and the L2 norm an L2 penalty uses.

Varies DL-Q95 and DL-Q96 (x1 = [6, 1, 4, 5], x2 = [2, 8, 3, −1]: Manhattan distance 18, Euclidean
distance √102). The drawn vectors have three to six small integer entries, with at least one
negative difference so that signs matter. The slips: differences summed without absolute values,
the squared distance given for the distance (root forgotten), the difference of the norms taken
for the norm of the difference, and one norm given for another.
"""

from __future__ import annotations

import math
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, real, slip


def draw(rng: Random) -> dict:
    size = rng.randint(3, 6)
    while True:
        x1 = [rng.randint(-9, 9) for _ in range(size)]
        x2 = [rng.randint(-9, 9) for _ in range(size)]
        d = [a - b for a, b in zip(x1, x2, strict=True)]
        if min(d) < 0 < max(d):
            l1, linf = sum(map(abs, d)), max(map(abs, d))
            l2, norm = math.dist(x1, x2), math.hypot(*x1)
            values = [l1, l2, linf, norm]
            if all(abs(a - b) > 1e-9 for i, a in enumerate(values) for b in values[:i]):
                return {"x1": x1, "x2": x2}


def check(params: dict) -> None:
    if len(params["x1"]) != len(params["x2"]):
        raise ParamError("x2", f"needs {len(params['x1'])} entries, as many as x1")


def solve(params: dict) -> Solved:
    x1 = [sympy.Integer(v) for v in params["x1"]]
    x2 = [sympy.Integer(v) for v in params["x2"]]
    d = [a - b for a, b in zip(x1, x2, strict=True)]
    l1 = sum(abs(v) for v in d)
    squared = sum(v * v for v in d)
    l2 = sympy.sqrt(squared)
    linf = max(abs(v) for v in d)
    norm_sq = sum(v * v for v in x1)
    norm = sympy.sqrt(norm_sq)
    parts = [
        integer(
            "l1",
            "L1 (Manhattan) distance between x1 and x2",
            int(l1),
            slip(
                "signs_cancelled",
                "the differences were added with their signs; L1 adds their absolute values.",
                int(sum(d)),
            ),
            slip(
                "l2_for_l1",
                "that is the squared Euclidean distance; L1 adds |differences|.",
                int(squared),
            ),
        ),
        real(
            "l2",
            "L2 (Euclidean) distance between x1 and x2",
            l2,
            slip(
                "squared_not_root", "that is the squared distance; take its square root.", squared
            ),
            slip(
                "difference_of_norms",
                "that is ‖x1‖ − ‖x2‖; the distance is the norm of the difference ‖x1 − x2‖.",
                abs(norm - sympy.sqrt(sum(v * v for v in x2))),
            ),
            slip("l1_for_l2", "that is the L1 distance; L2 squares, adds and takes the root.", l1),
        ),
        integer(
            "linf",
            "L∞ (Chebyshev) distance between x1 and x2",
            int(linf),
            slip(
                "signed_maximum",
                "the largest signed difference; L∞ takes the largest absolute difference.",
                int(max(d)),
            ),
        ),
        real(
            "l2_norm",
            "L2 norm of x1 (the length an L2 penalty on x1 squares)",
            norm,
            slip(
                "squared_not_root",
                "that is ‖x1‖², the penalty term; the norm is its root.",
                norm_sq,
            ),
            slip("l1_for_l2", "that is the L1 norm of x1.", sum(abs(v) for v in x1)),
        ),
    ]
    facts = {
        "d": d,
        "l1": l1,
        "squared": squared,
        "l2": l2,
        "linf": linf,
        "norm_sq": norm_sq,
        "norm": norm,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="vector_norms_distances",
    chapter="deep_learning",
    title="L1, L2 and L∞ distances and norms",
    book_refs=("DL-Q95", "DL-Q96"),
    params=(
        Param("x1", "first vector", "integers", -1000, 1000, length=(1, 10)),
        Param("x2", "second vector", "integers", -1000, 1000, length=(1, 10)),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"x1": [6, 1, 4, 5], "x2": [2, 8, 3, -1]},
)
