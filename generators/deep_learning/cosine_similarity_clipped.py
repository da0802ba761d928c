"""Cosine similarity, its clipped form max(0, cos) and the negative Euclidean distance.

Varies DL-Q24 (the similarity of L2-normalised vectors is their dot product; clipping it at 0
gives a score in [0, 1]; −‖v1 − v2‖ is the negative Euclidean distance, another similarity). The
book gives no vectors, so ``book_params`` is our own instance (u = [1, 2, 2], v = [2, 1, 2],
w = [−2, 1, −2]). Drawn variants use three small integer vectors, one pair pointing apart so that
the clip matters in about half of them. The slips: the dot product without dividing by the norms,
the unclipped cosine, the distance given without its minus sign or without the root.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, part, real, slip
from interview_sim.model import AnswerKind

RANGES = (("a", "[−1, 1]"), ("b", "[0, 1]"), ("c", "[0, ∞)"), ("d", "(−∞, 0]"))


def _dot(x: list, y: list) -> int:
    return sum(a * b for a, b in zip(x, y, strict=True))


def _cos(x: list, y: list) -> sympy.Expr:
    return sympy.Integer(_dot(x, y)) / sympy.sqrt(_dot(x, x) * _dot(y, y))


def draw(rng: Random) -> dict:
    size = rng.randint(2, 4)
    while True:
        u, v, w = ([rng.randint(-5, 6) for _ in range(size)] for _ in range(3))
        if not (any(u) and any(v) and any(w)) or len({tuple(u), tuple(v), tuple(w)}) < 3:
            continue
        clip_wanted = rng.random() < 0.5
        # integer tests of the cosines' signs and equalities (cos² = dot²/(|x|²|y|²))
        dot_uv, dot_vw = _dot(u, v), _dot(v, w)
        nu, nv, nw = _dot(u, u), _dot(v, v), _dot(w, w)
        parallel = dot_uv**2 == nu * nv
        same = dot_vw > 0 and dot_vw**2 * nu * nv == dot_uv**2 * nv * nw
        well_posed = dot_uv > 0 and not parallel and dot_vw != 0 and not same
        if well_posed and (dot_vw < 0) == clip_wanted:
            return {"u": u, "v": v, "w": w}


def check(params: dict) -> None:
    for name in ("v", "w"):
        if len(params[name]) != len(params["u"]):
            raise ParamError(name, f"needs {len(params['u'])} entries, as many as u")
    for name in ("u", "v", "w"):
        if not any(params[name]):
            raise ParamError(name, "a zero vector has no direction: its cosine is undefined")


def solve(params: dict) -> Solved:
    u, v, w = (params[k] for k in ("u", "v", "w"))
    dot = sum(a * b for a, b in zip(u, v, strict=True))
    norm_u, norm_v = (sympy.sqrt(sum(a * a for a in x)) for x in (u, v))
    cos_uv, cos_vw = _cos(u, v), _cos(v, w)
    clipped = max(cos_vw, sympy.Integer(0))
    squared = sum((a - b) ** 2 for a, b in zip(u, v, strict=True))
    distance = sympy.sqrt(squared)
    parts = [
        integer("dot", "Dot product u·v", dot),
        real(
            "cos_uv",
            "Cosine similarity of u and v",
            cos_uv,
            slip("not_normalised", "that is the dot product; divide by ‖u‖·‖v‖.", dot),
            slip(
                "one_norm_only",
                "divide by both lengths, ‖u‖·‖v‖, not by one of them.",
                dot / norm_u,
            ),
        ),
        real(
            "clipped_vw",
            "Clipped cosine similarity max(0, cos) of v and w",
            clipped,
            slip("not_clipped", "that is the raw cosine; the clip sets negatives to 0.", cos_vw),
            slip(
                "absolute_value",
                "the clip sets negative cosines to 0; it does not flip their sign.",
                -cos_vw,
            )
            if cos_vw < 0
            else None,
        ),
        real(
            "neg_distance",
            "Negative Euclidean distance −‖u − v‖ (as a similarity)",
            -distance,
            slip("sign", "as a similarity the distance carries a minus sign.", distance),
            slip(
                "squared_not_root", "that is minus the squared distance; take the root.", -squared
            ),
        ),
        part(
            AnswerKind.CHOICE,
            "range",
            "Range of the clipped cosine similarity",
            "b",
            slip(
                "not_clipped", "that is the range of the raw cosine; the clip removes [−1, 0).", "a"
            ),
            options=RANGES,
        ),
    ]
    facts = {
        "norm_u": norm_u,
        "norm_v": norm_v,
        "norm_w": sympy.sqrt(sum(a * a for a in w)),
        "dot_vw": sum(a * b for a, b in zip(v, w, strict=True)),
        "cos_uv": cos_uv,
        "cos_vw": cos_vw,
        "clipped": clipped,
        "diff": [a - b for a, b in zip(u, v, strict=True)],
        "squared": squared,
        "distance": distance,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="cosine_similarity_clipped",
    chapter="deep_learning",
    title="Cosine similarity, clipped, and negative Euclidean distance",
    book_refs=("DL-Q24",),
    params=tuple(
        Param(name, f"vector {name}", "integers", -1000, 1000, length=(1, 10)) for name in "uvw"
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"u": [1, 2, 2], "v": [2, 1, 2], "w": [-2, 1, -2]},
)
