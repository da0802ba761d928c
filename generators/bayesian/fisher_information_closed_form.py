"""Fisher information of a one-parameter distribution, and the Cramér–Rao bound it gives.

Varies PRB-57 (the Fisher information of the Bernoulli(γ) and Poisson(θ) distributions:
1/(γ(1 − γ)) and 1/θ) and PRB-58 (Fisher information gives the Cramér–Rao bound) over the natural
extensions listed in book_families.md: Exponential(λ) → 1/λ², Normal(μ, σ² known) → 1/σ²,
Geometric(p) → 1/(p²(1 − p)). I(θ) = −E[∂²/∂θ² ln f(X | θ)] per observation; m independent
observations carry m·I(θ), and an unbiased estimator's variance is at least 1/(m·I(θ)).

The book's instance is Bernoulli(γ); it names no point or sample size, so ``book_params`` adds
γ₀ = 0.3 and m = 10 (our choice). Slips caught: the sign (I = +E[l''] is negative), the
variance bound 1/I for I, the information of one observation for m, and the standard error
(a square root) for the variance bound.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind, Domain

R = sympy.Rational
# distribution -> (symbol name, domain, its information per observation as a function of it)
DISTRIBUTIONS = ("bernoulli", "poisson", "exponential", "normal", "geometric")
SYMBOL = {
    "bernoulli": ("gamma", Domain.UNIT),
    "poisson": ("theta", Domain.POSITIVE),
    "exponential": ("lambda", Domain.POSITIVE),
    "normal": ("mu", Domain.REAL),
    "geometric": ("p", Domain.UNIT),
}
_UNIT_POINTS = [R(k, 20) for k in range(1, 20)] + [R(1, 3), R(2, 3)]
_POSITIVE_POINTS = [R(1, 2), R(1, 4), R(3, 2), R(5, 2)] + [sympy.Integer(k) for k in range(1, 11)]
SHOWN = {"gamma": "γ", "theta": "θ", "lambda": "λ", "mu": "μ", "p": "p"}


def _symbol(dist: str) -> sympy.Symbol:
    name, domain = SYMBOL[dist]
    if domain == Domain.REAL:
        return sympy.Symbol(name, real=True)
    return sympy.Symbol(name, positive=True)


def information(dist: str, t: sympy.Expr, sigma: int = 1) -> sympy.Expr:
    """I(θ) of one observation."""
    return {
        "bernoulli": lambda: 1 / (t * (1 - t)),
        "poisson": lambda: 1 / t,
        "exponential": lambda: 1 / t**2,
        "normal": lambda: sympy.Integer(1) / sigma**2,
        "geometric": lambda: 1 / (t**2 * (1 - t)),
    }[dist]()


def draw(rng: Random) -> dict:
    while True:
        dist = rng.choice(DISTRIBUTIONS)
        if SYMBOL[dist][1] == Domain.UNIT:
            point = rng.choice(_UNIT_POINTS)
        elif dist == "normal":
            point = sympy.Integer(rng.randint(-10, 10))
        else:
            point = rng.choice(_POSITIVE_POINTS)
        sigma = rng.randint(1, 6) if dist == "normal" else 1
        m = rng.randint(2, 60)
        if m * information(dist, point, sigma) != 1:  # else parts 2 and 3 would both be 1
            return {"dist": dist, "sigma": sigma, "theta0": point, "m": m}


def check(params: dict) -> None:
    dist, point = params["dist"], params["theta0"]
    if SYMBOL[dist][1] == Domain.UNIT and not 0 < point < 1:
        raise ParamError("theta0", f"the {dist} parameter must lie strictly between 0 and 1")
    if SYMBOL[dist][1] == Domain.POSITIVE and point <= 0:
        raise ParamError("theta0", f"the {dist} parameter must be positive")
    if dist != "normal" and params["sigma"] != 1:
        raise ParamError("sigma", "only the normal distribution has a known σ; use 1 otherwise")


def solve(params: dict) -> Solved:
    dist, m, point, sigma = params["dist"], params["m"], params["theta0"], params["sigma"]
    t = _symbol(dist)
    name, domain = SYMBOL[dist]
    per_one = information(dist, t, sigma)
    at = per_one.subs(t, point)
    bound = 1 / (m * at)
    parts = [
        part(
            AnswerKind.EXPRESSION,
            "information",
            f"The Fisher information I({SHOWN[name]}) of one observation (type {name})",
            per_one,
            slip(
                "sign",
                "the sign is flipped: I = −E[ℓ''], and ℓ'' is negative on average.",
                -per_one,
            ),
            slip(
                "variance_not_information",
                "that is 1/I, the Cramér–Rao variance bound, not the information.",
                1 / per_one,
            ),
            symbols=((name, domain),),
            hint=f"an expression in {name}",
        ),
        real(
            "information_m",
            prompt(
                "The information in {{ m }} independent observations at {{ s }} = {{ v | num }}",
                m=m,
                s=SHOWN[name],
                v=point,
            ),
            m * at,
            slip(
                "single_observation",
                f"that is one observation's information; {m} carry {m} times as much.",
                at,
            )
            if m > 1
            else None,
        ),
        real(
            "crlb",
            prompt(
                "The Cramér–Rao lower bound on an unbiased estimator's variance from {{ m }} "
                "observations",
                m=m,
            ),
            bound,
            slip(
                "inverted",
                "that is the information m·I itself; the bound is its reciprocal.",
                m * at,
            ),
            slip(
                "standard_error",
                "that is the square root of the bound (a standard error), not a variance.",
                sympy.sqrt(bound),
            ),
            slip(
                "single_observation", "that is the bound for one observation; divide by m.", 1 / at
            )
            if m > 1
            else None,
        ),
    ]
    facts = {
        "name": SHOWN[name],
        "typed": name,
        "per_one": per_one,
        "at": at,
        "info_m": m * at,
        "bound": bound,
    }
    facts["se"] = sympy.sqrt(bound)
    return Solved(parts, facts)


FAMILY = Family(
    id="fisher_information_closed_form",
    chapter="bayesian",
    title="Fisher information and the Cramér–Rao bound",
    book_refs=("PRB-57", "PRB-58"),
    params=(
        Param("dist", "the distribution family", "choice", options=DISTRIBUTIONS),
        Param(
            "sigma",
            "the known standard deviation (normal only; 1 otherwise)",
            "integer",
            low=1,
            high=100,
        ),
        Param("theta0", "the parameter value at which to evaluate", low=-1000, high=1000),
        Param("m", "number of independent observations", "integer", low=1, high=10_000),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"dist": "bernoulli", "sigma": 1, "theta0": 0.3, "m": 10},
)
