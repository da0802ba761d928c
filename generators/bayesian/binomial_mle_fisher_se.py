"""Binomial maximum likelihood: log-likelihood, score, Fisher information, MLE and its SE.

Varies PRB-56 (the Ebola screening problem, also the Bayesian section of the mock exam: n = 10,000
people, y = 300 positives, so the MLE is 0.03 and its standard error about 0.001706) and the
likelihood/score/Fisher-information definitions of PRB-50 … PRB-55. With Y ~ Binomial(n, γ):
l(γ) = ln C(n, y) + y ln γ + (n − y) ln(1 − γ), l'(γ) = y/γ − (n − y)/(1 − γ),
I(γ) = n/(γ(1 − γ)), γ̂ = y/n and SE(γ̂) = 1/√I(γ̂) = √(γ̂(1 − γ̂)/n).

The log-likelihood answer keeps the binomial-coefficient term; dropping it is harmless for the MLE
but not for l itself, so it is a recognised mistake with partial credit. The term is written with a
symbol C standing for the coefficient C(n, y) (the prompt says so), because the answer checker's
expression parser refuses any arithmetic on a constant ``binomial(n, y)``: see ``_CONSTANT``.
Other slips: SE = 1/I (the variance) instead of 1/√I, the MLE inverted to n/y, a sign error in the
score, and the Fisher information of a single trial (no factor n).
"""

from __future__ import annotations

import math
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import expression, real, slip
from interview_sim.model import Domain

R = sympy.Rational
GAMMA = sympy.Symbol("gamma", positive=True)
EXPRESSION_HINT = "an expression: log for ln, ^ for powers, 2*gamma or 2gamma; in gamma"
# The binomial coefficient C(n, y) as a symbol. Written as the number log(binomial(n, y)) the
# exact answer would be refused by interview_sim.answers.expressions: binomial/factorial
# arguments are capped at MAX_FACTORIAL_ARGUMENT = 300, and any operation on a constant
# binomial (even log(binomial(20, 3))) exceeds MAX_CONSTANT_BITS in the static cost pass.
_CONSTANT = sympy.Symbol("C", positive=True)

CONTEXTS = ("ebola", "clicks", "defects", "germination")
# Plausible success rates per scenario, in steps of 0.1% (as multiples of 1/1000).
_RATE_STEPS = {
    "ebola": (5, 200),
    "clicks": (5, 300),
    "defects": (1, 100),
    "germination": (500, 950),
}
_TRIALS = (
    *(100, 200, 250, 400, 500, 800, 1000, 1200, 1500, 2000, 2500, 4000, 5000, 8000),
    *(10_000, 20_000, 25_000, 40_000, 50_000, 100_000, 200_000, 250_000, 500_000, 1_000_000),
)


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
    n, y = params["n"], params["y"]
    g, c = GAMMA, _CONSTANT
    kernel = y * sympy.log(g) + (n - y) * sympy.log(1 - g)
    log_likelihood = sympy.log(c) + kernel
    score = y / g - (n - y) / (1 - g)
    information = n / (g * (1 - g))
    hessian = -y / g**2 - (n - y) / (1 - g) ** 2
    mle = R(y, n)
    variance = mle * (1 - mle) / n
    se = sympy.sqrt(variance)
    gamma_only = (("gamma", Domain.UNIT),)
    parts = [
        expression(
            "log_likelihood",
            f"The log-likelihood l(γ) for y = {y} successes in n = {n} trials "
            f"(type gamma for γ and C for the binomial coefficient C({n}, {y}))",
            log_likelihood,
            slip(
                "dropped_binomial_coefficient",
                "the constant ln C(n, y) is missing. It does not move the maximiser, but "
                "l(γ) itself is ln C(n, y) + y ln γ + (n − y) ln(1 − γ).",
                kernel,
                R(1, 2),
            ),
            symbols=(("gamma", Domain.UNIT), ("C", Domain.POSITIVE)),
            hint=EXPRESSION_HINT + " and C",
        ),
        expression(
            "score",
            "The score l'(γ) = dl/dγ (type gamma for γ)",
            score,
            slip(
                "score_sign",
                "sign error: d/dγ ln(1 − γ) = −1/(1 − γ), so the second term is subtracted.",
                y / g + (n - y) / (1 - g),
            ),
            symbols=gamma_only,
            hint=EXPRESSION_HINT,
        ),
        expression(
            "fisher_information",
            "The Fisher information I(γ) of the n trials (type gamma for γ)",
            information,
            slip(
                "single_trial_information",
                "that is the information of one Bernoulli trial; n independent trials carry "
                "n times as much: I(γ) = n/(γ(1 − γ)).",
                1 / (g * (1 - g)),
            ),
            slip(
                "observed_information",
                "that is the observed information −l''(γ) for this sample. The Fisher "
                "information is its expectation over Y: with E[Y] = nγ it becomes "
                "n/(γ(1 − γ)).",
                -hessian,
                R(1, 2),
            ),
            slip(
                "information_sign",
                "the sign is wrong: I(γ) = −E[l''(γ)] is positive.",
                -information,
            ),
            symbols=gamma_only,
            hint=EXPRESSION_HINT,
        ),
        real(
            "mle",
            "The maximum-likelihood estimate γ̂",
            mle,
            slip("inverted_mle", "that is n/y; setting the score to zero gives γ̂ = y/n.", R(n, y)),
            slip(
                "failure_fraction",
                "that is the fraction of failures (n − y)/n; γ̂ = y/n.",
                R(n - y, n),
            ),
        ),
        real(
            "standard_error",
            "The standard error SE(γ̂), from the Fisher information at γ̂",
            se,
            slip(
                "variance_not_se",
                "that is 1/I(γ̂) = γ̂(1 − γ̂)/n, the variance; the standard error is its "
                "square root, 1/√I(γ̂).",
                variance,
            ),
            slip(
                "sqrt_numerator_only",
                "the square root covers the whole fraction: √(γ̂(1 − γ̂)/n), not √(γ̂(1 − γ̂))/n.",
                sympy.sqrt(mle * (1 - mle)) / n,
            ),
            slip(
                "single_trial_se",
                "that uses the information of a single trial (no factor n): divide "
                "γ̂(1 − γ̂) by n before taking the root.",
                sympy.sqrt(mle * (1 - mle)),
            ),
            slip(
                "sqrt_information",
                "that is √I(γ̂); the standard error is its reciprocal, 1/√I(γ̂).",
                1 / se,
            ),
        ),
    ]
    facts = {
        "log_likelihood": log_likelihood,
        "score": score,
        "hessian": hessian,
        "information": information,
        "mle": mle,
        "variance": variance,
        "se": se,
        "information_at_mle": information.subs(g, mle),
        "ln_binomial": math.lgamma(n + 1) - math.lgamma(y + 1) - math.lgamma(n - y + 1),
        "n_text": f"{n:,}",
        "y_text": f"{y:,}",
    }
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
