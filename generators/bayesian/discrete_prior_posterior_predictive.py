"""A discrete prior over a success probability: posterior after binomial data, prior predictive.

Varies PRB-60 (θ takes one of a few values with given prior weights; y successes in n trials:
the posterior p(θ | y) ∝ p(θ)·θ^y(1 − θ)^(n − y), and the prior predictive
p(y) = Σ p(θ)·C(n, y)·θ^y(1 − θ)^(n − y)). The book's prior: θ ∈ {1/2, 1/6, 1/4} with weights
0.25, 0.5, 0.25 and n = 5 trials; it asks for the posterior "as a function of y", so
``book_params`` fixes y = 2 (our choice) to make a concrete instance. Draws vary the number of
support points (2–4), their values and weights, n and y.

Slips caught: the unnormalised posterior (prior × likelihood, not divided by p(y)), the
likelihoods normalised without the prior, and the binomial coefficient left out of p(y) (it
cancels in the posterior, not in the predictive).
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind

R = sympy.Rational
_THETAS = [R(1, 2), R(1, 3), R(2, 3), R(1, 4), R(3, 4), R(1, 5), R(1, 6), R(1, 10), R(9, 10)]
_WEIGHT_SPLITS = {
    2: [(1, 1), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1)],
    3: [(1, 2, 1), (1, 1, 2), (2, 1, 1), (1, 1, 1), (2, 2, 1), (1, 3, 1), (3, 1, 1)],
    4: [(1, 1, 1, 1), (1, 2, 2, 1), (2, 1, 1, 1), (1, 1, 1, 2), (3, 1, 3, 1)],
}


def draw(rng: Random) -> dict:
    size = rng.choice((2, 3, 3, 4))
    thetas = rng.sample(_THETAS, size)
    split = rng.choice(_WEIGHT_SPLITS[size])
    prior = [R(w, sum(split)) for w in split]
    n = rng.randint(2, 8)
    return {"thetas": thetas, "prior": prior, "n": n, "y": rng.randint(0, n)}


def check(params: dict) -> None:
    thetas, prior = params["thetas"], params["prior"]
    if len(thetas) != len(prior):
        raise ParamError("prior", f"needs one weight per θ value ({len(thetas)}), got {len(prior)}")
    if len(set(thetas)) != len(thetas):
        raise ParamError("thetas", "the θ values must be distinct")
    if any(not 0 < t < 1 for t in thetas):
        raise ParamError("thetas", "every θ must lie strictly between 0 and 1")
    if any(w <= 0 for w in prior) or sum(prior) != 1:
        raise ParamError("prior", f"the weights must be positive and sum to 1, not {sum(prior)}")
    if params["y"] > params["n"]:
        raise ParamError("y", f"y = {params['y']} successes cannot exceed n = {params['n']}")


def solve(params: dict) -> Solved:
    thetas, prior, n, y = params["thetas"], params["prior"], params["n"], params["y"]
    kernels = [t**y * (1 - t) ** (n - y) for t in thetas]
    joints = [w * k for w, k in zip(prior, kernels, strict=True)]
    coefficient = sympy.binomial(n, y)
    marginal_kernel = sum(joints)
    posterior = tuple(j / marginal_kernel for j in joints)
    predictive = coefficient * marginal_kernel
    parts = [
        part(
            AnswerKind.VECTOR,
            "posterior",
            prompt("The posterior p(θ | y = {{ y }}) for each θ value, in the listed order", y=y),
            posterior,
            slip(
                "not_normalised",
                "those are prior × likelihood; divide each by their sum so they add up to 1.",
                tuple(coefficient * j for j in joints),
            ),
            slip(
                "not_normalised",
                "those are prior × likelihood without C(n, y) and not yet normalised; divide "
                "each by their sum.",
                tuple(joints),
            ),
            slip(
                "prior_ignored",
                "those are the likelihoods normalised on their own; weight each by its prior "
                "first.",
                tuple(k / sum(kernels) for k in kernels),
            ),
            hint=f"{len(thetas)} numbers in the order of the θ values, in brackets",
        ),
        real(
            "predictive",
            prompt("The prior predictive probability p(y = {{ y }})", y=y),
            predictive,
            slip(
                "missing_binomial_coefficient",
                f"the binomial coefficient C({n}, {y}) is missing: it cancels in the posterior "
                "but not in p(y).",
                marginal_kernel,
            )
            if coefficient != 1
            else None,
            slip(
                "prior_ignored",
                "that averages the likelihoods with equal weights; weight them by the prior.",
                coefficient * sum(kernels) / len(kernels),
            ),
        ),
    ]
    rows = [
        [t, w, coefficient * k, coefficient * j, p]
        for t, w, k, j, p in zip(thetas, prior, kernels, joints, posterior, strict=True)
    ]
    facts = {
        "coefficient": coefficient,
        "failures": n - y,
        "rows": rows,
        "predictive": predictive,
        "posterior": posterior,
        "size": len(thetas),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="discrete_prior_posterior_predictive",
    chapter="bayesian",
    title="Discrete prior: posterior and prior predictive",
    book_refs=("PRB-60",),
    params=(
        Param(
            "thetas", "the possible values of θ", "numbers", low=0, high=1, open=True, length=(2, 6)
        ),
        Param("prior", "the prior weight of each θ value", "numbers", low=0, high=1, length=(2, 6)),
        Param("n", "number of trials", "integer", low=1, high=20),
        Param("y", "observed number of successes", "integer", low=0, high=20),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"thetas": ["1/2", "1/6", "1/4"], "prior": [0.25, 0.5, 0.25], "n": 5, "y": 2},
)
