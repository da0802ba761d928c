"""Odds and log-odds of a probability, and a probability back from odds.

Varies PRB-5 (odds and log-odds of p = 0.1), PRB-11 and PRB-12 (odds of 4 to 1 as a probability).
The book works in natural logs; the classic slips are a base-10 log (-0.954 instead of -2.197 for
p = 0.1), inverting the odds, and reading "a to b" as the probability a/b.
"""

from math import gcd
from random import Random

import sympy

from interview_sim.family import Family, Param, Solved
from interview_sim.kit import prompt, real, slip, wrong_bases


def draw(rng: Random) -> dict:
    while True:
        odds_for, odds_against = rng.randint(1, 12), rng.randint(1, 12)
        if gcd(odds_for, odds_against) == 1 and odds_for != odds_against:
            break
    p = sympy.Rational(rng.randint(1, 99), 100)
    return {"p": p, "odds_for": odds_for, "odds_against": odds_against}


def solve(params: dict) -> Solved:
    p, a, b = params["p"], params["odds_for"], params["odds_against"]
    odds = p / (1 - p)
    log_odds = sympy.log(odds)
    probability = sympy.Rational(a, a + b)
    parts = [
        real(
            "odds",
            "Odds of the event",
            odds,
            slip("inverted", "that is (1 - p)/p: the odds against, not for.", 1 / odds),
            slip("probability_not_odds", "that is the probability p itself, not p/(1 - p).", p),
        ),
        real(
            "log_odds",
            "Log-odds (natural logarithm)",
            log_odds,
            *wrong_bases(lambda base: sympy.log(odds, base or sympy.E), None, "the log-odds"),
            slip("sign", "the sign is flipped: that is ln((1 - p)/p).", -log_odds),
        ),
        real(
            "probability",
            prompt("Probability of an event whose odds are {{ a }} to {{ b }}", a=a, b=b),
            probability,
            slip(
                "odds_as_probability",
                f'"{a} to {b}" means {a} chances for every {b} against: p = {a}/({a}+{b}), '
                f"not {a}/{b}.",
                sympy.Rational(a, b),
            ),
            slip("complement", "that is the chance it does not happen.", sympy.Rational(b, a + b)),
        ),
    ]
    return Solved(parts, {"odds": odds, "log_odds": log_odds, "probability": probability})


FAMILY = Family(
    id="lr_odds_logodds",
    chapter="logistic_regression",
    title="Odds and log-odds",
    book_refs=("PRB-5", "PRB-11", "PRB-12"),
    params=(
        Param("p", "probability of the first event", low=0, high=1, open=True),
        Param("odds_for", "second event: chances for", "integer", low=1, high=1000),
        Param("odds_against", "second event: chances against", "integer", low=1, high=1000),
    ),
    draw=draw,
    solve=solve,
    book_params={"p": 0.1, "odds_for": 4, "odds_against": 1},
)
