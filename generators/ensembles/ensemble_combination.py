"""Combining an ensemble's class probabilities: soft averaging, hard majority vote, weights.

Varies ENS-Q7 (a snippet that averages the members' class probabilities: the algebraic average)
and ENS-Q21 (several architectures; one way to combine their outputs). A derived numeric family:
the book shows code, not numbers, so ``book_params`` is our own instance. Each variant draws 3–5
members, 3–4 classes, probabilities on a 0.05 grid and member weights, often so that the soft and
the hard vote disagree. Asked: the averaged probabilities, the class they pick, the majority-vote
class and the weighted average. Slips modelled: summing instead of averaging, taking each class's
maximum, the hard vote given for the soft one and back, and the weights left out.
"""

from __future__ import annotations

from collections import Counter
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, slip
from interview_sim.model import AnswerKind

CLASS_SETS = {
    "animals": ("cat", "dog", "fox", "owl"),
    "lesions": ("normal", "benign", "malignant", "unclear"),
    "vehicles": ("car", "bus", "truck", "bike"),
}
KEYS = "abcd"
STEP = sympy.Rational(1, 20)


def _row(rng: Random, n: int) -> list[sympy.Rational]:
    cuts = sorted(rng.sample(range(1, 20), n - 1))
    units = [b - a for a, b in zip([0, *cuts], [*cuts, 20], strict=True)]
    return [u * STEP for u in units]


def draw(rng: Random) -> dict:
    labels = rng.choice(sorted(CLASS_SETS))
    m, n = rng.randint(3, 5), rng.randint(3, 4)
    want_disagreement = rng.random() < 0.5
    while True:
        probs = [_row(rng, n) for _ in range(m)]
        cuts = sorted(rng.sample(range(1, 10), m - 1))  # weights on a 0.1 grid, all positive
        weights = [sympy.Rational(b - a, 10) for a, b in zip([0, *cuts], [*cuts, 10], strict=True)]
        params = {"labels": labels, "probs": probs, "weights": weights}
        if _problem(params) is not None or len(set(weights)) == 1:
            continue
        soft, hard = _soft(probs), _hard(probs)
        if (soft != hard) == want_disagreement:
            return params


def _argmax(values) -> int | None:
    best = max(values)
    return values.index(best) if list(values).count(best) == 1 else None


def _mean(probs):
    return [sum(col) / len(probs) for col in zip(*probs, strict=True)]


def _weighted(probs, weights):
    return [
        sum(w * p for w, p in zip(weights, col, strict=True)) for col in zip(*probs, strict=True)
    ]


def _soft(probs) -> int | None:
    return _argmax(_mean(probs))


def _hard(probs) -> int | None:
    votes = Counter(_argmax(row) for row in probs)
    counts = [votes.get(i, 0) for i in range(len(probs[0]))]
    return _argmax(counts)


def _problem(params: dict) -> tuple[str, str] | None:
    probs, weights = params["probs"], params["weights"]
    if any(sum(row) != 1 or min(row) < 0 for row in probs):
        return "probs", "each member's probabilities must be non-negative and sum to 1"
    if any(_argmax(row) is None for row in probs):
        return "probs", "each member needs a single most likely class for the majority vote"
    if _hard(probs) is None:
        return "probs", "the majority vote is tied"
    if _soft(probs) is None:
        return "probs", "the averaged probabilities are tied"
    if len(weights) != len(probs):
        return "weights", f"needs one weight per member ({len(probs)})"
    if sum(weights) != 1 or min(weights) <= 0:
        return "weights", "the weights must be positive and sum to 1"
    return None


def check(params: dict) -> None:
    problem = _problem(params)
    if problem:
        raise ParamError(*problem)


def solve(params: dict) -> Solved:
    probs, weights = params["probs"], params["weights"]
    labels = CLASS_SETS[params["labels"]][: len(probs[0])]
    m = len(probs)
    mean = _mean(probs)
    weighted = _weighted(probs, weights)
    soft, hard = _soft(probs), _hard(probs)
    options = tuple(zip(KEYS[: len(labels)], labels, strict=True))
    votes = [_argmax(row) for row in probs]
    parts = [
        part(
            AnswerKind.VECTOR,
            "average",
            "The averaged class probabilities, in the table's class order",
            tuple(mean),
            slip(
                "sum_not_average",
                f"that sums the {m} members; the average divides by {m}.",
                tuple(m * p for p in mean),
            ),
            slip(
                "max_not_mean",
                "that takes each class's largest probability, not the mean.",
                tuple(max(col) for col in zip(*probs, strict=True)),
            ),
            slip(
                "weighted_not_plain",
                "that uses the weights; this part asks for the plain average.",
                tuple(weighted),
            ),
            hint=f"{len(labels)} numbers in the table's order: [{', '.join(labels)}]",
        ),
        part(
            AnswerKind.CHOICE,
            "soft",
            "The class the averaged probabilities (soft voting) predict",
            KEYS[soft],
            slip(
                "hard_not_soft",
                "that is the majority vote of the members' top classes; soft voting averages "
                "the probabilities first.",
                KEYS[hard],
            )
            if hard != soft
            else None,
            options=options,
        ),
        part(
            AnswerKind.CHOICE,
            "hard",
            "The class a hard majority vote of the members predicts",
            KEYS[hard],
            slip(
                "soft_not_hard",
                "that is the soft vote; a hard vote counts each member's top class once.",
                KEYS[soft],
            )
            if hard != soft
            else None,
            options=options,
        ),
        part(
            AnswerKind.VECTOR,
            "weighted",
            "The weighted average of the class probabilities, with the given member weights",
            tuple(weighted),
            slip(
                "weights_ignored",
                "that is the plain average; multiply each member by its weight.",
                tuple(mean),
            ),
            hint=f"{len(labels)} numbers in the table's order: [{', '.join(labels)}]",
        ),
    ]
    facts = {
        "labels": labels,
        "headers": ["member", *labels, "weight"],
        "rows": [
            [f"model {i + 1}", *(num_text(p) for p in row), num_text(w)]
            for i, (row, w) in enumerate(zip(probs, weights, strict=True))
        ],
        "mean": mean,
        "weighted": weighted,
        "soft": labels[soft],
        "hard": labels[hard],
        "disagree": soft != hard,
        "votes": [labels[v] for v in votes],
        "vote_counts": [(labels[i], votes.count(i)) for i in range(len(labels))],
        "m": m,
    }
    return Solved(parts, facts)


def num_text(value) -> str:
    from interview_sim.render import num

    return num(value)


FAMILY = Family(
    id="ensemble_combination",
    chapter="ensembles",
    title="Combining ensemble members: soft vote, hard vote, weighted average",
    book_refs=("ENS-Q7", "ENS-Q21"),
    params=(
        Param("labels", "the class names", "choice", options=tuple(CLASS_SETS)),
        Param(
            "probs",
            "one row of class probabilities per member",
            "matrix",
            low=0,
            high=1,
            length=(2, 8),
            cols=(2, 4),
        ),
        Param(
            "weights",
            "one weight per member, summing to 1",
            "numbers",
            low=0,
            high=1,
            length=(2, 8),
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={
        "labels": "animals",
        "probs": [[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.35, 0.4, 0.25]],
        "weights": [0.5, 0.25, 0.25],
    },
)
