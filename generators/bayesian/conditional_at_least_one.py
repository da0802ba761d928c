"""Conditioning on "at least one": the classic trap where the answer is not 1/2.

Varies PRB-43 (two particles, each a fermion or a boson with equal chance; given that at least one
is a fermion, both are with probability (1/4)/(3/4) = 1/3) over the number of items m, the chance q
that one item is in state A, the setting, and the question: all m in state A, or exactly one, given
that at least one is. Both are P(event)/P(at least one), since each event lies inside "at least
one", and P(at least one) = 1 − (1 − q)^m.

Slips caught: conditioning on "the first one is A" instead of "at least one" (the book's 1/2),
forgetting to condition at all, adding the items' chances (m·q) for the union, and reporting
P(none) for P(at least one).
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import real, slip

R = sympy.Rational
# setting -> the fixed chance of state A it implies (None: drawn from _Q_GRID)
CONTEXTS: dict[str, sympy.Rational | None] = {
    "particles": None,
    "children": R(1, 2),
    "coins": None,
    "dice": R(1, 6),
}
TARGETS = ("all", "exactly_one")
_Q_GRID = [R(1, 2), R(1, 3), R(2, 3), R(1, 4), R(3, 4), R(1, 5), R(2, 5), R(3, 5), R(1, 10)]


def draw(rng: Random) -> dict:
    context = rng.choice(sorted(CONTEXTS))
    q = CONTEXTS[context] or rng.choice(_Q_GRID)
    return {"context": context, "m": rng.randint(2, 5), "q": q, "target": rng.choice(TARGETS)}


def check(params: dict) -> None:
    fixed = CONTEXTS[params["context"]]
    if fixed is not None and params["q"] != fixed:
        raise ParamError("q", f"the {params['context']} setting fixes q = {fixed}")
    if params["target"] == "exactly_one" and params["m"] == 1:
        raise ParamError("m", "with one item 'exactly one' and 'at least one' are the same event")


def solve(params: dict) -> Solved:
    m, q, target = params["m"], params["q"], params["target"]
    none = (1 - q) ** m
    at_least_one = 1 - none
    event = q**m if target == "all" else m * q * (1 - q) ** (m - 1)
    answer = event / at_least_one
    first_given = q ** (m - 1) if target == "all" else (1 - q) ** (m - 1)
    parts = [
        real(
            "at_least_one",
            "P(at least one in state A)",
            at_least_one,
            slip(
                "complement",
                "that is P(none in state A) = (1 − q)^m; at least one is its complement.",
                none,
            ),
            slip(
                "added_chances",
                "adding the chances m·q counts the outcomes with two or more A several times; "
                "use 1 − P(none).",
                m * q,
            )
            if m * q < 1
            else None,
        ),
        real(
            "conditional",
            "P(all in state A | at least one)"
            if target == "all"
            else "P(exactly one in state A | at least one)",
            answer,
            slip(
                "first_one_given",
                'that conditions on one named item being in state A ("the first one is"); '
                '"at least one" does not say which, so divide by P(at least one).',
                first_given,
            ),
            slip(
                "not_conditioned",
                "that is the unconditional probability of the event; divide it by "
                "P(at least one) to condition.",
                event,
            ),
        ),
    ]
    facts = {
        "none": none,
        "at_least_one": at_least_one,
        "event": event,
        "answer": answer,
        "not_q": 1 - q,
        "one_minus_m1": m - 1,
        "words": _words(params["context"]),
    }
    return Solved(parts, facts)


def _words(context: str) -> dict[str, str]:
    return {
        "particles": {"things": "particles", "a": "a fermion", "a_plural": "fermions"},
        "children": {"things": "children", "a": "a girl", "a_plural": "girls"},
        "coins": {"things": "tosses", "a": "heads", "a_plural": "heads"},
        "dice": {"things": "rolls", "a": "a six", "a_plural": "sixes"},
    }[context]


FAMILY = Family(
    id="conditional_at_least_one",
    chapter="bayesian",
    title='Conditioning on "at least one"',
    book_refs=("PRB-43",),
    params=(
        Param("context", "scenario wording", "choice", options=tuple(sorted(CONTEXTS))),
        Param("m", "number of independent items", "integer", low=1, high=8),
        Param("q", "probability that one item is in state A", low=0, high=1, open=True),
        Param(
            "target", "asked event: all items in state A, or exactly one", "choice", options=TARGETS
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    space=len(TARGETS) * 4 * (2 * len(_Q_GRID) + 2),  # m in 2..5; two settings fix q
    book_params={"context": "particles", "m": 2, "q": "1/2", "target": "all"},
)
