"""Bayesian dropout: a Beta prior on the drop probability, updated by the neurons seen dropped.

Varies PRB-65 (and its duplicate DL-Q64): each of n neurons is dropped independently with an
unknown probability θ; with a uniform prior (Beta(1, 1)) and both of n = 2 neurons dropped the
posterior density is 3θ² (the deep-learning chapter's copy has all 4 of 4 dropped: 5θ⁴). In
general Beta(a, b) and k dropped of n give Beta(a + k, b + n − k). Beyond the density the family
asks for the posterior mean and the posterior probability that θ exceeds a threshold, an exact
polynomial integral.

Slips caught: the unnormalised kernel (the book's pitfall), the mode or the proportion k/n for
the mean, and P(θ < t) for P(θ > t).
"""

from __future__ import annotations

import math
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind, Domain

R = sympy.Rational
THETA = sympy.Symbol("theta", positive=True)
_THRESHOLDS = [R(k, 10) for k in range(1, 10)] + [R(1, 4), R(3, 4)]


def draw(rng: Random) -> dict:
    while True:
        a, b = (1, 1) if rng.random() < 0.25 else (rng.randint(1, 5), rng.randint(1, 5))
        n = rng.randint(2, 12)
        k = n if rng.random() < 0.25 else rng.randint(0, n)
        params = {"a": a, "b": b, "n": n, "k": k, "threshold": rng.choice(_THRESHOLDS)}
        facts = solve(params).facts
        if facts["mean"] != facts["above"]:  # else parts 2 and 3 would ask for the same number
            return params


def check(params: dict) -> None:
    if params["k"] > params["n"]:
        raise ParamError("k", f"k = {params['k']} dropped neurons cannot exceed n = {params['n']}")


def solve(params: dict) -> Solved:
    a, b, n, k, t = params["a"], params["b"], params["n"], params["k"], params["threshold"]
    alpha, beta = a + k, b + n - k
    constant = math.factorial(alpha + beta - 1) // (
        math.factorial(alpha - 1) * math.factorial(beta - 1)
    )
    kernel = THETA ** (alpha - 1) * (1 - THETA) ** (beta - 1)
    density = constant * kernel
    mean = R(alpha, alpha + beta)
    above = sympy.integrate(sympy.expand(density), (THETA, t, 1))
    mode = R(alpha - 1, alpha + beta - 2) if alpha + beta > 2 else None
    parts = [
        part(
            AnswerKind.EXPRESSION,
            "density",
            "The posterior density p(θ | data) as a function of θ (type theta), normalised",
            density,
            slip(
                "unnormalised",
                f"that is only the kernel; the density needs the constant {constant} so that "
                "it integrates to 1 over [0, 1].",
                kernel,
            )
            if constant != 1
            else None,
            symbols=(("theta", Domain.UNIT),),
            hint="an expression in theta, e.g. 3*theta^2",
        ),
        real(
            "mean",
            "The posterior mean of θ",
            mean,
            slip(
                "mode_not_mean",
                "that is the mode (α − 1)/(α + β − 2), the most likely θ; the mean is α/(α + β).",
                mode,
            )
            if mode is not None
            else None,
            slip("proportion_not_mean", "that is k/n: the prior is unused.", R(k, n)),
        ),
        real(
            "above",
            prompt("P(θ > {{ t | num }} | data)", t=t),
            above,
            slip("complement", f"that is P(θ < {t}); the question asks for θ above it.", 1 - above),
        ),
    ]
    facts = {
        "alpha": alpha,
        "beta": beta,
        "constant": constant,
        "kernel": kernel,
        "density": density,
        "mean": mean,
        "above": above,
        "antiderivative": sympy.integrate(sympy.expand(density), THETA),
        "uniform": (a, b) == (1, 1),
        "kept": n - k,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="dropout_bernoulli_posterior",
    chapter="bayesian",
    title="Bayesian dropout: posterior of the drop probability",
    book_refs=("PRB-65", "DL-Q64"),
    params=(
        Param("a", "prior Beta(a, b) on the drop probability: a", "integer", low=1, high=20),
        Param("b", "prior Beta(a, b) on the drop probability: b", "integer", low=1, high=20),
        Param("n", "number of neurons observed", "integer", low=1, high=20),
        Param("k", "number of them that were dropped", "integer", low=0, high=20),
        Param("threshold", "the threshold t in P(θ > t | data)", low=0, high=1, open=True),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"a": 1, "b": 1, "n": 2, "k": 2, "threshold": 0.5},
)
