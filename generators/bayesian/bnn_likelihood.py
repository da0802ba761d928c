"""Likelihoods of a Bayesian layer: a binomial count of firing neurons, or uniform activations.

Varies PRB-63: (a) n neurons (book 100), each fires independently with probability γ, and k of
them fire (book 20): L(γ) = C(n, k)·γ^k·(1 − γ)^(n − k), maximised at γ̂ = k/n; (b) activations
x₁…x_m drawn i.i.d. from Uniform(0, γ): L(γ) = γ^(−m) when γ ≥ max xᵢ and 0 otherwise, maximised
at γ̂ = max xᵢ, where L jumps, so setting a derivative to zero finds nothing (the book's point).

The first part asks for ln L(γ) (the checker refuses powers of a sum as high as (1 − γ)^80),
with the binomial coefficient written as a symbol C (the prompt says so), as in
binomial_mle_fisher_se, because C(100, 50) is a 30-digit constant. Slips caught: the coefficient
left out (half credit, as there: the shape in γ is right), the failure fraction for γ̂, the
sample mean or twice it (the moment estimator) for the uniform maximiser, and ignoring the
indicator when γ is below the largest observation.
"""

from __future__ import annotations

import math
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.kit.parts import short_exact, typable_slip_value
from interview_sim.model import AnswerKind, Domain

R = sympy.Rational
GAMMA = sympy.Symbol("gamma", positive=True)
COEFFICIENT = sympy.Symbol("C", positive=True)
MODELS = ("binomial", "uniform")
_NEURONS = (10, 12, 16, 20, 25, 32, 40, 50, 64, 80, 100)


def draw(rng: Random) -> dict:
    if rng.random() < 0.5:
        n = rng.choice(_NEURONS)
        k = rng.randint(1, n - 1)
        while True:  # a γ where L is not vanishingly small (it is read to 3 figures)
            gamma0 = R(rng.randint(1, 19), 20)
            g = float(gamma0)
            log_c = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
            if log_c + k * math.log(g) + (n - k) * math.log1p(-g) > -12 * math.log(10):
                return {"model": "binomial", "n": n, "k": k, "gamma0": gamma0, "samples": []}
    m = rng.randint(3, 6)
    samples = sorted(R(rng.randint(1, 50), 10) for _ in range(m))
    top = samples[-1]
    # half the time evaluate above the maximum (L > 0), half below it (L = 0)
    if rng.random() < 0.5 or top <= R(1, 2):
        gamma0 = top + R(rng.randint(1, 10), 10)
    else:
        gamma0 = top - R(rng.randint(1, int(top * 10) - 1), 10)
    return {"model": "uniform", "n": m, "k": 0, "gamma0": gamma0, "samples": samples}


def check(params: dict) -> None:
    if params["model"] == "binomial":
        if params["samples"]:
            raise ParamError("samples", "the binomial model takes no samples; use []")
        if not 0 <= params["k"] <= params["n"]:
            raise ParamError("k", f"k = {params['k']} must be between 0 and n = {params['n']}")
        if not 0 < params["gamma0"] < 1:
            raise ParamError("gamma0", "a firing probability must lie strictly between 0 and 1")
    else:
        if len(params["samples"]) != params["n"] or params["k"] != 0:
            raise ParamError("n", "for the uniform model n is the number of samples and k is 0")
        if any(x <= 0 for x in params["samples"]):
            raise ParamError("samples", "Uniform(0, γ) samples must be positive")
        if params["gamma0"] <= 0:
            raise ParamError("gamma0", "γ must be positive")


def solve(params: dict) -> Solved:
    if params["model"] == "binomial":
        return _binomial(params)
    return _uniform(params)


def _binomial(params: dict) -> Solved:
    n, k, g0 = params["n"], params["k"], params["gamma0"]
    # ln L, not L: the checker refuses (1 − γ)^80 (powers of a sum above 64), and ln L carries
    # the same information as the likelihood itself
    kernel = k * sympy.log(GAMMA) + (n - k) * sympy.log(1 - GAMMA)
    coefficient = sympy.binomial(n, k)
    at = short_exact(coefficient * g0**k * (1 - g0) ** (n - k))
    parts = [
        part(
            AnswerKind.EXPRESSION,
            "log_likelihood",
            f"The log-likelihood ln L(γ) (type gamma for γ and C for the coefficient C({n}, {k}))",
            sympy.log(COEFFICIENT) + kernel,
            slip(
                "dropped_binomial_coefficient",
                "the term ln C is missing: it does not move the maximiser, but it is part of "
                "ln L(γ).",
                kernel,
                R(1, 2),
            ),
            symbols=(("gamma", Domain.UNIT), ("C", Domain.POSITIVE)),
            hint="an expression in gamma and C",
        ),
        real(
            "mle",
            "The value γ̂ that maximises L(γ)",
            R(k, n),
            slip("failure_fraction", "that is the share of silent neurons (n − k)/n.", R(n - k, n)),
        ),
        real(
            "value",
            prompt("L({{ g | num }}), the likelihood at γ = {{ g | num }}", g=g0),
            at,
            slip(
                "dropped_binomial_coefficient",
                f"C({n}, {k}) = {coefficient} is missing from the value.",
                typable_slip_value(g0**k * (1 - g0) ** (n - k)),
            ),
        ),
    ]
    facts = {"coefficient": coefficient, "silent": n - k, "at": at, "mle": R(k, n)}
    return Solved(parts, facts)


def _uniform(params: dict) -> Solved:
    samples, g0 = params["samples"], params["gamma0"]
    m, top = len(samples), max(samples)
    inside = g0 >= top
    value = g0 ** (-m) if inside else sympy.Integer(0)
    mean = sum(samples) / m
    parts = [
        real(
            "mle",
            "The value γ̂ that maximises L(γ)",
            top,
            slip(
                "moment_estimator",
                "that is twice the sample mean (the method-of-moments estimate); L(γ) = γ^(−m) "
                "decreases in γ, so it is largest at the smallest allowed γ, max xᵢ.",
                2 * mean,
            ),
            slip("sample_mean", "that is the sample mean; γ is the upper end of the range.", mean),
        ),
        real(
            "value",
            prompt("L({{ g | num }}), the likelihood at γ = {{ g | num }}", g=g0),
            value,
            slip(
                "indicator_ignored",
                f"γ = {sympy.nsimplify(g0)} is below the largest observation {top}: such a γ "
                "could not have produced it, so L is 0.",
                g0 ** (-m),
            )
            if not inside
            else None,
        ),
        part(
            AnswerKind.BOOLEAN,
            "differentiable",
            "Is L(γ) differentiable at its maximiser?",
            False,
        ),
    ]
    facts = {"m": m, "top": top, "inside": inside, "value": value, "mean": mean}
    return Solved(parts, facts)


FAMILY = Family(
    id="bnn_likelihood",
    chapter="bayesian",
    title="Likelihood of a Bayesian layer: binomial firing or uniform activations",
    book_refs=("PRB-63",),
    params=(
        Param("model", "binomial firing count, or uniform activations", "choice", options=MODELS),
        Param("n", "neurons (binomial) or number of samples (uniform)", "integer", low=1, high=200),
        Param("k", "neurons that fire (binomial; 0 for uniform)", "integer", low=0, high=200),
        Param("gamma0", "the γ at which to evaluate L", low=0, high=100, open=True),
        Param(
            "samples", "uniform activations x₁…x_m (empty for binomial)", "numbers", length=(0, 12)
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"model": "binomial", "n": 100, "k": 20, "gamma0": 0.2, "samples": []},
)
