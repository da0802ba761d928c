"""How much averaging K models reduces the error: v/K only when their errors are uncorrelated.

Varies ENS-Q17 (true or false: averaging K uncorrelated models cuts the error K-fold), a derived
numeric family: the book asks only the true/false question, so ``book_params`` is our own instance
(five networks, error variance 1, covariance 0.3). With per-model error variance v and pairwise
covariance c, the averaged error has variance v/K + (K − 1)c/K, which falls towards c, not 0, as K
grows. Slips modelled: assuming uncorrelated errors (v/K, a K-fold reduction, a floor of 0), the
errors summed instead of averaged, (K − 1)/K dropped from the covariance term, and the K-fold claim
believed when the errors are correlated.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind


def draw(rng: Random) -> dict:
    while True:
        k = rng.randint(2, 20)
        v = sympy.Rational(rng.randint(2, 40), 10)
        rho = sympy.Rational(0 if rng.random() < 0.2 else rng.randint(1, 16), 20)
        c = rho * v
        params = {"k": k, "v": v, "c": c}
        if _problem(params) is None:
            return params


def _problem(params: dict) -> tuple[str, str] | None:
    k, v, c = params["k"], params["v"], params["c"]
    if c > v:
        return "c", f"a covariance {c} above the variance {v} is impossible (|correlation| ≤ 1)"
    if c < -v / (k - 1):
        return "c", f"with {k} models the covariance cannot be below −v/(K − 1) = {-v / (k - 1)}"
    if c != 0 and (v / k + (k - 1) * c / k == c or v / (v / k + (k - 1) * c / k) == c):
        return "c", "two of the asked numbers would coincide"
    return None


def check(params: dict) -> None:
    problem = _problem(params)
    if problem:
        raise ParamError(*problem)


def solve(params: dict) -> Solved:
    k, v, c = params["k"], params["v"], params["c"]
    ensemble = v / k + (k - 1) * c / k
    factor = v / ensemble
    uncorrelated = c == 0
    parts = [
        real(
            "variance",
            "The variance of the averaged ensemble's error",
            ensemble,
            slip(
                "uncorrelated_assumed",
                f"v/K holds only for uncorrelated errors; the covariance {c} adds (K − 1)c/K.",
                v / k,
            )
            if not uncorrelated
            else None,
            slip("covariance_unscaled", "the covariance term is (K − 1)c/K, not c.", v / k + c),
            slip(
                "sum_not_average",
                "that is the variance of the summed errors; the average divides by K², not K.",
                k * v + k * (k - 1) * c,
            ),
        ),
        real(
            "factor",
            "By what factor is the error variance reduced (single model ÷ ensemble)?",
            factor,
            slip("uncorrelated_assumed", "a K-fold reduction needs uncorrelated errors.", k)
            if not uncorrelated
            else None,
        ),
        real(
            "floor",
            "The ensemble's error variance as K → ∞ (same v and c)",
            c,
            slip("uncorrelated_assumed", "only uncorrelated errors average away to 0.", 0)
            if not uncorrelated
            else None,
        ),
        part(
            AnswerKind.BOOLEAN,
            "k_fold",
            prompt(
                "True or false: for these {{ k }} models, averaging cuts the error variance by a "
                "factor of {{ k }}.",
                k=k,
            ),
            uncorrelated,
            slip(
                "uncorrelated_assumed",
                "the errors are correlated here, so the reduction is smaller than K-fold.",
                True,
            )
            if not uncorrelated
            else None,
        ),
    ]
    facts = {
        "ensemble": ensemble,
        "factor": factor,
        "uncorrelated": uncorrelated,
        "rho": c / v,
        "diag": v / k,
        "off": (k - 1) * c / k,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="ensemble_error_reduction",
    chapter="ensembles",
    title="Error of an averaged ensemble with correlated members",
    book_refs=("ENS-Q17",),
    params=(
        Param("k", "number of models K", "integer", low=2, high=1000),
        Param("v", "each model's error variance v", low=0, high=1000, open=True),
        Param("c", "covariance c between two models' errors", low=-1000, high=1000),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"k": 5, "v": 1, "c": 0.3},
)
