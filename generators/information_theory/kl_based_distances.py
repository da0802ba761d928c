"""Symmetric relatives of KL divergence: Jeffreys, Jensen–Shannon and the max-symmetrised KL.

Varies DL-Q26, the book's similarity question that names four KL-based variants (the book names
them without numbers, so ``book_params`` is our own instance; the "(P − Q)·log P" variant of the
reference is Jeffreys' Σ (p − q)·log(p/q) here). Two strictly positive pmfs P and Q on 2–5
outcomes. Asked, in bits: Jeffreys' divergence J = Σ (p − q)·log2(p/q) = D(P‖Q) + D(Q‖P), the
Jensen–Shannon divergence ½[D(P‖M) + D(Q‖M)] with the mixture M = (P + Q)/2, the larger of the
two KL directions, and which of the three never exceeds 1 bit (only JS).

Slips caught: JS computed against P or Q instead of the mixture (half of Jeffreys), JS without
the ½, one KL direction for a symmetric quantity, the smaller direction for the max, and natural
logs.
"""

from math import lcm
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import (
    combine,
    from_rounded,
    half_unit,
    in_base,
    kl_terms,
    part,
    real,
    slip,
    wrong_bases,
)
from interview_sim.model import AnswerKind

STORIES = {
    "topics": (
        "A topic model describes two news articles as mixtures of topics",
        ("sport", "politics", "science", "arts", "travel"),
    ),
    "browsers": (
        "A website compares the share of visits per browser in two months",
        ("Firefox", "Chrome", "Safari", "Edge", "other"),
    ),
}
GRIDS = (10, 20)


def _pmf(rng: Random, n: int, grid: int) -> list[sympy.Rational]:
    cuts = sorted(rng.sample(range(1, grid), n - 1))
    return [sympy.Rational(b - a, grid) for a, b in zip([0, *cuts], [*cuts, grid], strict=True)]


def draw(rng: Random) -> dict:
    story = rng.choice(sorted(STORIES))
    while True:
        n = rng.choice((2, 3, 3, 4, 4, 5))
        grid = rng.choice(GRIDS)
        params = {"story": story, "p": _pmf(rng, n, grid), "q": _pmf(rng, n, grid)}
        if params["p"] == params["q"]:
            continue
        v = _values(params)
        if abs(float(v["pq"] - v["qp"])) >= 0.005:  # a clear "larger direction"
            return params


def check(params: dict) -> None:
    p, q = params["p"], params["q"]
    if len(q) != len(p):
        raise ParamError("q", f"needs one probability per outcome of P ({len(p)}), got {len(q)}")
    for name, pmf in (("p", p), ("q", q)):
        if sum(pmf) != 1:
            raise ParamError(name, f"must sum to exactly 1, it sums to {sum(pmf)}")
    if p == q:
        raise ParamError("q", "must differ from P (every divergence would be 0)")


def _values(params: dict) -> dict:
    grid = lcm(*(int(x.q) for x in [*params["p"], *params["q"]]))
    a = [int(x * grid) for x in params["p"]]
    b = [int(x * grid) for x in params["q"]]
    m = [x + y for x, y in zip(a, b, strict=True)]
    terms = {
        "pq": kl_terms(a, b),
        "qp": kl_terms(b, a),
        "pm": kl_terms(a, m),
        "qm": kl_terms(b, m),
    }
    terms["jeffreys"] = combine((1, terms["pq"]), (1, terms["qp"]))
    terms["js"] = combine((sympy.Rational(1, 2), terms["pm"]), (sympy.Rational(1, 2), terms["qm"]))
    return {name: in_base(t, 2) for name, t in terms.items()} | {"terms": terms}


def solve(params: dict) -> Solved:
    p, q = params["p"], params["q"]
    n = len(p)
    v = _values(params)
    t = v["terms"]
    larger, smaller = ("pq", "qp") if v["pq"] > v["qp"] else ("qp", "pq")
    one = half_unit(4)
    parts = [
        real(
            "jeffreys",
            "Jeffreys divergence J = D(P‖Q) + D(Q‖P), in bits",
            v["jeffreys"],
            slip(
                "one_direction",
                "that is a single KL direction; Jeffreys adds both, which makes it symmetric.",
                v["pq"],
            ),
            slip(
                "one_direction",
                "that is a single KL direction; Jeffreys adds both, which makes it symmetric.",
                v["qp"],
            ),
            slip(
                "halved",
                "that is half of J (the average of the two directions); Jeffreys' "
                "divergence is their sum.",
                v["jeffreys"] / 2,
            ),
            *wrong_bases(lambda base: in_base(t["jeffreys"], base), 2, "J in bits"),
            tolerance=from_rounded(n * one),
            unit="bits",
        ),
        real(
            "js",
            "Jensen–Shannon divergence, in bits",
            v["js"],
            slip(
                "mixture_ignored",
                "that compares P and Q with each other (half of Jeffreys); "
                "JS compares each with the mixture M = (P + Q)/2.",
                v["jeffreys"] / 2,
            ),
            slip(
                "no_half", "that is D(P‖M) + D(Q‖M); JS is their average, half of it.", 2 * v["js"]
            ),
            *wrong_bases(lambda base: in_base(t["js"], base), 2, "JS in bits"),
            tolerance=from_rounded(2 * n * one),
            unit="bits",
        ),
        real(
            "max_kl",
            "The larger of D(P‖Q) and D(Q‖P), in bits",
            v[larger],
            slip(
                "smaller",
                "that is the smaller direction; the max-symmetrised KL keeps the larger one.",
                v[smaller],
            ),
            slip(
                "sum",
                "that is the sum of both directions (Jeffreys); keep only the larger.",
                v["jeffreys"],
            ),
            *wrong_bases(lambda base: in_base(t[larger], base), 2, "the divergence in bits"),
            tolerance=from_rounded(n * one),
            unit="bits",
        ),
        part(
            AnswerKind.CHOICE,
            "bounded",
            "Which of the three never exceeds 1 bit, whatever P and Q are?",
            "b",
            slip(
                "unbounded",
                "Jeffreys and KL grow without bound as some q → 0 where p > 0; "
                "only JS, which compares with the mixture, stays at most 1 bit.",
                "a",
            ),
            slip(
                "unbounded",
                "Jeffreys and KL grow without bound as some q → 0 where p > 0; "
                "only JS, which compares with the mixture, stays at most 1 bit.",
                "c",
            ),
            options=(("a", "Jeffreys"), ("b", "Jensen–Shannon"), ("c", "max-symmetrised KL")),
        ),
    ]
    sentence, names = STORIES[params["story"]]
    mixture = [(x + y) / 2 for x, y in zip(p, q, strict=True)]
    facts = {
        "sentence": sentence,
        "names": list(names[:n]),
        "mixture": mixture,
        **{k: v[k] for k in ("pq", "qp", "pm", "qm", "jeffreys", "js")},
        "larger": "D(P‖Q)" if larger == "pq" else "D(Q‖P)",
        "max_value": v[larger],
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="kl_based_distances",
    chapter="information_theory",
    title="Jeffreys, Jensen–Shannon and max-symmetrised KL",
    book_refs=("DL-Q26",),
    params=(
        Param(
            "story",
            "where the two distributions come from",
            "choice",
            options=tuple(sorted(STORIES)),
        ),
        Param(
            "p",
            "the first distribution P (strictly positive, sums to 1)",
            "numbers",
            low=0,
            high=1,
            open=True,
            length=(2, 5),
        ),
        Param(
            "q",
            "the second distribution Q (strictly positive, sums to 1)",
            "numbers",
            low=0,
            high=1,
            open=True,
            length=(2, 5),
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    # our own instance (the book names the variants without numbers)
    book_params={"story": "topics", "p": [0.5, 0.5], "q": [0.9, 0.1]},
)
