"""Binomial maximum likelihood: log-likelihood, score, Fisher information, MLE and its SE.

Varies PRB-56 (the Ebola screening problem, also the Bayesian section of the mock exam: n = 10,000
people, y = 300 positives, so the MLE is 0.03 and its standard error about 0.001706) and the
likelihood/score/Fisher-information definitions of PRB-50 … PRB-55. With Y ~ Binomial(n, γ):
l(γ) = ln C(n, y) + y ln γ + (n − y) ln(1 − γ), l'(γ) = y/γ − (n − y)/(1 − γ),
I(γ) = n/(γ(1 − γ)), γ̂ = y/n and SE(γ̂) = 1/√I(γ̂) = √(γ̂(1 − γ̂)/n).

The log-likelihood keeps ln C(n, y) (harmless to drop for the MLE, not for l: a slip with partial
credit), written with a symbol C the prompt defines, since the checker's expression parser refuses
arithmetic on a constant binomial(n, y) beyond its cost bound. Other slips: SE = 1/I (the variance)
for 1/√I, the MLE inverted to n/y, a sign error in the score, one trial's information (no n).
"""

from __future__ import annotations

import math
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import expression, real, slips_stats, tabled
from interview_sim.model import Domain

GAMMA = sympy.Symbol("gamma", positive=True)
_CONSTANT = sympy.Symbol("C", positive=True)  # the binomial coefficient C(n, y): see above
EXPRESSION_HINT = "an expression: log for ln, ^ for powers, 2*gamma or 2gamma; in gamma"

# Plausible success rates per scenario, in steps of 0.1% (as multiples of 1/1000).
_RATE_STEPS = dict(ebola=(5, 200), clicks=(5, 300), defects=(1, 100), germination=(500, 950))
CONTEXTS = tuple(_RATE_STEPS)
_TRIALS = (
    *(100, 200, 250, 400, 500, 800, 1000, 1200, 1500, 2000, 2500, 4000, 5000, 8000),
    *(10_000, 20_000, 25_000, 40_000, 50_000, 100_000, 200_000, 250_000, 500_000, 1_000_000),
)
WHY = {
    "score_sign": "sign error: d/dγ ln(1 − γ) = −1/(1 − γ), so the second term is subtracted.",
    "single_trial_information": "that is the information of one Bernoulli trial; n independent "
    "trials carry n times as much: I(γ) = n/(γ(1 − γ)).",
    "information_sign": "the sign is wrong: I(γ) = −E[l''(γ)] is positive.",
    "inverted_mle": "that is n/y; setting the score to zero gives γ̂ = y/n.",
    "failure_fraction": "that is the fraction of failures (n − y)/n; γ̂ = y/n.",
    "sqrt_numerator_only": "the square root covers the whole fraction: √(γ̂(1 − γ̂)/n), "
    "not √(γ̂(1 − γ̂))/n.",
    "single_trial_se": "that uses the information of a single trial (no factor n): divide "
    "γ̂(1 − γ̂) by n before taking the root.",
    "sqrt_information": "that is √I(γ̂); the standard error is its reciprocal, 1/√I(γ̂).",
}


def draw(rng: Random) -> dict:
    context = rng.choice(CONTEXTS)
    trials = rng.choice(_TRIALS)
    while True:
        # gamma-hat on a 0.1% grid, so y/n reads cleanly on a whiteboard
        step = rng.randint(*_RATE_STEPS[context])
        if trials * step % 1000 == 0:
            break
    return {"context": context, "n": trials, "y": trials * step // 1000}


def check(params: dict) -> None:
    if not 1 <= params["y"] <= params["n"] - 1:
        raise ParamError(
            "y", f"must be between 1 and n - 1 = {params['n'] - 1} so that the MLE is inside (0, 1)"
        )


def solve(params: dict) -> Solved:
    n, y, g = params["n"], params["y"], GAMMA
    kernel = y * sympy.log(g) + (n - y) * sympy.log(1 - g)
    log_likelihood = sympy.log(_CONSTANT) + kernel
    score = y / g - (n - y) / (1 - g)
    information = n / (g * (1 - g))
    hessian = -y / g**2 - (n - y) / (1 - g) ** 2
    mle = sympy.Rational(y, n)
    variance = mle * (1 - mle) / n
    se = sympy.sqrt(variance)
    in_gamma = {"symbols": (("gamma", Domain.UNIT),), "hint": EXPRESSION_HINT}
    parts = [
        expression(
            "log_likelihood",
            f"The log-likelihood l(γ) for y = {y} successes in n = {n} trials "
            f"(type gamma for γ and C for the binomial coefficient C({n}, {y}))",
            log_likelihood,
            slips_stats.dropped_binomial_coefficient(kernel),
            symbols=(("gamma", Domain.UNIT), ("C", Domain.POSITIVE)),
            hint=EXPRESSION_HINT + " and C",
        ),
        expression(
            "score",
            "The score l'(γ) = dl/dγ (type gamma for γ)",
            score,
            *tabled(WHY, score_sign=y / g + (n - y) / (1 - g)),
            **in_gamma,
        ),
        expression(
            "fisher_information",
            "The Fisher information I(γ) of the n trials (type gamma for γ)",
            information,
            *tabled(WHY, single_trial_information=1 / (g * (1 - g))),
            slips_stats.observed_information(-hessian, "with E[Y] = nγ it becomes n/(γ(1 − γ))"),
            *tabled(WHY, information_sign=-information),
            **in_gamma,
        ),
        real(
            "mle",
            "The maximum-likelihood estimate γ̂",
            mle,
            *tabled(
                WHY, inverted_mle=sympy.Rational(n, y), failure_fraction=sympy.Rational(n - y, n)
            ),
        ),
        real(
            "standard_error",
            "The standard error SE(γ̂), from the Fisher information at γ̂",
            se,
            slips_stats.variance_for_se(variance, "1/I(γ̂) = γ̂(1 − γ̂)/n", "1/√I(γ̂)"),
            *tabled(
                WHY,
                sqrt_numerator_only=sympy.sqrt(mle * (1 - mle)) / n,
                single_trial_se=sympy.sqrt(mle * (1 - mle)),
                sqrt_information=1 / se,
            ),
        ),
    ]
    ln_c = math.lgamma(n + 1) - math.lgamma(y + 1) - math.lgamma(n - y + 1)
    facts = dict(log_likelihood=log_likelihood, score=score, hessian=hessian, ln_binomial=ln_c)
    facts |= dict(information=information, mle=mle, variance=variance, se=se)
    return Solved(parts, facts)


FAMILY = Family(
    id="binomial_mle_fisher_se",
    chapter="bayesian",
    title="Binomial MLE, Fisher information and standard error",
    book_refs=("PRB-56", "PRB-50", "PRB-55"),
    params=(
        Param("context", "scenario wording", "choice", options=CONTEXTS),
        Param("n", "number of independent trials", "integer", low=100, high=1_000_000),
        Param("y", "number of successes", "integer", low=1, high=999_999),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"context": "ebola", "n": 10_000, "y": 300},
)
