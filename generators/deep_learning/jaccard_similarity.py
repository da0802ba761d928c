"""Jaccard similarity |A ∩ B| / |A ∪ B| from a Venn diagram's counts and from three small sets.

Varies DL-Q25 (a Venn diagram with 2 | 2 | 3 items → 2/7; the sets {12, 14, 16, 18}, {11, …, 15}
and {11, 16, 17} → 2/7, 1/6 and 1/7). Drawn variants use three sets of two-digit integers with
every pair overlapping and the three similarities distinct, and a separate Venn diagram. The
slips: dividing by |A| + |B| (the shared items counted twice), the Dice coefficient, the overlap
coefficient (dividing by the smaller set) and the Jaccard distance 1 − J.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import real, slip

PAIRS = (("A", "B"), ("A", "C"), ("B", "C"))


def _mistakes(only_a: int, both: int, only_b: int) -> tuple:
    size_a, size_b = only_a + both, only_b + both
    return (
        slip(
            "sum_not_union",
            "that divides by |A| + |B|, which counts the shared items twice; divide by |A ∪ B|.",
            sympy.Rational(both, size_a + size_b),
        ),
        slip(
            "dice_not_jaccard",
            "that is the Dice coefficient 2|A ∩ B|/(|A| + |B|), not Jaccard.",
            sympy.Rational(2 * both, size_a + size_b),
        ),
        slip(
            "overlap_coefficient",
            "that divides by the smaller set; Jaccard divides by the union.",
            sympy.Rational(both, min(size_a, size_b)),
        )
        if both
        else None,
        slip(
            "complement",
            "that is the Jaccard distance 1 − J.",
            1 - sympy.Rational(both, only_a + both + only_b),
        ),
    )


def draw(rng: Random) -> dict:
    while True:
        universe = rng.sample(range(10, 40), rng.randint(7, 10))
        sets = [sorted(rng.sample(universe, rng.randint(3, 5))) for _ in range(3)]
        venn = [rng.randint(1, 6), rng.randint(1, 5), rng.randint(1, 6)]
        params = {"a": sets[0], "b": sets[1], "c": sets[2], "venn": venn}
        values = [part.answer for part in solve(params).parts]
        overlapping = all(set(params[x.lower()]) & set(params[y.lower()]) for x, y in PAIRS)
        distinct_sets = len({tuple(s) for s in sets}) == 3
        if overlapping and distinct_sets and len(set(values)) == len(values):
            return params


def check(params: dict) -> None:
    for name in ("a", "b", "c"):
        if len(set(params[name])) != len(params[name]):
            raise ParamError(name, "a set lists each element once; remove the repeated element")
    if sum(params["venn"]) == 0:
        raise ParamError("venn", "the diagram needs at least one item")


def solve(params: dict) -> Solved:
    only_a, both, only_b = params["venn"]
    parts = [
        real(
            "venn",
            "Jaccard similarity of the two sets in the Venn diagram",
            sympy.Rational(both, only_a + both + only_b),
            *_mistakes(only_a, both, only_b),
        )
    ]
    rows = []
    for x, y in PAIRS:
        first, second = set(params[x.lower()]), set(params[y.lower()])
        shared, union = first & second, first | second
        parts.append(
            real(
                f"j_{x}{y}".lower(),
                f"Jaccard similarity J({x}, {y})",
                sympy.Rational(len(shared), len(union)),
                *_mistakes(len(first - second), len(shared), len(second - first)),
            )
        )
        rows.append(
            {
                "x": x,
                "y": y,
                "shared": sorted(shared),
                "union": sorted(union),
                "value": sympy.Rational(len(shared), len(union)),
            }
        )
    facts = {"venn_value": parts[0].answer, "venn_union": sum(params["venn"]), "rows": rows}
    return Solved(parts, facts)


FAMILY = Family(
    id="jaccard_similarity",
    chapter="deep_learning",
    title="Jaccard similarity of sets",
    book_refs=("DL-Q25",),
    params=(
        Param("a", "set A", "integers", -1000, 1000, length=(1, 12)),
        Param("b", "set B", "integers", -1000, 1000, length=(1, 12)),
        Param("c", "set C", "integers", -1000, 1000, length=(1, 12)),
        Param(
            "venn",
            "Venn counts: only in the first, in both, only in the second",
            "integers",
            0,
            1000,
            length=(3, 3),
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "a": [12, 14, 16, 18],
        "b": [11, 12, 13, 14, 15],
        "c": [11, 16, 17],
        "venn": [2, 2, 3],
    },
)
