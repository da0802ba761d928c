"""Two dropout layers in a row, and the 1/(1 − p) scale of inverted dropout.

Varies DL-Q65 (two consecutive dropouts with drop probabilities P and Q act like one dropout with
p = 1 − (1 − P)(1 − Q): a unit survives only if both keep it) and DL-Q78 (inverted dropout
divides the kept outputs by 1 − p so that the expected activation is unchanged). The book gives
no numbers, so ``book_params`` is our own instance (p = 0.5, q = 0.2, activation 2). The slips:
the drop probabilities added or multiplied, the scale written as 1/p or as 1 − p, a kept
activation not rescaled (or scaled down), and classic dropout's expectation taken to be unchanged.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind, Domain

P, Q = sympy.symbols("p q")


def draw(rng: Random) -> dict:
    while True:
        p = sympy.Rational(rng.randint(1, 12), 20)
        q = sympy.Rational(rng.randint(1, 12), 20)
        a = sympy.Rational(rng.randint(1, 99), 10)
        values = [part.answer for part in solve({"p": p, "q": q, "a": a}).parts[1:]]
        if len(set(values)) == len(values):
            return {"p": p, "q": q, "a": a}


def solve(params: dict) -> Solved:
    p, q, a = params["p"], params["q"], params["a"]
    keep = (1 - p) * (1 - q)
    combined = 1 - keep
    parts = [
        part(
            AnswerKind.EXPRESSION,
            "formula",
            "Drop probability of the single equivalent dropout, as a formula in p and q",
            P + Q - P * Q,
            slip("probabilities_added", "p + q counts the units both layers drop twice.", P + Q),
            slip(
                "probabilities_multiplied",
                "p·q is the chance that both layers drop a unit; it is dropped if either does.",
                P * Q,
            ),
            symbols=(("p", Domain.UNIT), ("q", Domain.UNIT)),
        ),
        real(
            "combined",
            "Drop probability of the equivalent single dropout, for these p and q",
            combined,
            slip("probabilities_added", "p + q counts the units both layers drop twice.", p + q),
            slip(
                "probabilities_multiplied",
                "p·q is the chance both drop a unit; it is dropped if either does.",
                p * q,
            ),
            slip("complement", "that is the chance a unit survives both layers.", keep),
        ),
        real(
            "scale",
            "Factor inverted dropout multiplies a kept output by, in the first layer",
            1 / (1 - p),
            slip(
                "scale_by_p", "the scale is 1/(1 − p), the inverse of the keep probability.", 1 / p
            ),
            slip(
                "scale_not_inverted",
                "1 − p is the keep probability; dividing by it means multiplying by 1/(1 − p).",
                1 - p,
            ),
        ),
        real(
            "kept_value",
            "Output of a unit with activation a that both inverted-dropout layers keep",
            a / keep,
            slip(
                "not_rescaled", "each inverted-dropout layer divides kept values by its 1 − p.", a
            ),
            slip("one_layer_only", "both layers rescale: divide by (1 − p)(1 − q).", a / (1 - p)),
            slip(
                "scaled_down",
                "inverted dropout divides by the keep probability, it does not multiply.",
                a * keep,
            ),
        ),
        real(
            "classic_expectation",
            "Expected training-time output of that unit with classic (unscaled) dropout in both "
            "layers",
            a * keep,
            slip(
                "expectation_unchanged",
                "without the rescaling, dropped units pull the mean down to a·(1 − p)(1 − q).",
                a,
            ),
            slip("scaled_up", "that is the inverted-dropout value of a kept unit.", a / keep),
        ),
    ]
    facts = {
        "keep": keep,
        "combined": combined,
        "scale": 1 / (1 - p),
        "kept": a / keep,
        "mean": a * keep,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="dropout_stacking",
    chapter="deep_learning",
    title="Stacked dropout and the inverted-dropout scale",
    book_refs=("DL-Q65", "DL-Q78"),
    params=(
        Param("p", "drop probability of the first dropout layer", low=0, high=1, open=True),
        Param("q", "drop probability of the second dropout layer", low=0, high=1, open=True),
        Param("a", "the unit's activation before dropout", low=0, high=1000, open=True),
    ),
    draw=draw,
    solve=solve,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"p": 0.5, "q": 0.2, "a": 2},
)
