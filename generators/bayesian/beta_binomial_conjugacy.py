"""Beta prior, binomial data, Beta posterior: the conjugate update and what it gives.

Varies PRB-62 (the Beta family is conjugate to a binomial likelihood) and the Calculus chapter's
SymPy "Beta-Binomial" assignment: prior Beta(a, b), x successes in n trials, posterior
Beta(a + x, b + n − x) with mean (a + x)/(a + b + n), the prior's normalising constant
1/B(a, b) = (a + b − 1)!/((a − 1)!(b − 1)!), and the posterior density at a point θ₀.

Book instance: prior Beta(2, 7) (1/B(2, 7) = 56) and 3 successes in n = 50 trials. A transcription
of the assignment writes the likelihood as "Bin(r = 3 | n = 6)", but its own coefficient 19600 is
C(50, 3), so n = 50; the evaluation point θ₀ = 0.1 is our choice. The book's summary table prints
the posterior mean as (a + x)/(a + b + n − x); that is wrong, it is catalogued as a slip, and the
worked solution says so.

Densities are kept as unexpanded exact products (1/B)·θ₀^(α−1)·(1 − θ₀)^(β−1), which stay short
enough to show and to type back.
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
THETA = sympy.Symbol("theta", positive=True)
CONTEXTS = ("coin", "conversion", "germination")
_TRIALS = (5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50)
_POINTS = [R(k, 20) for k in range(1, 20)]


def draw(rng: Random) -> dict:
    while True:
        a, b = rng.randint(1, 10), rng.randint(1, 10)
        n = rng.choice(_TRIALS)
        x = rng.randint(0, n)
        theta0 = rng.choice(_POINTS)
        alpha, beta = a + x, b + n - x
        # a point where the posterior (and the prior, for the slip) is not vanishingly small
        if min(_density_float(alpha, beta, theta0), _density_float(a, b, theta0)) > 1e-4:
            break
    return {"context": rng.choice(CONTEXTS), "a": a, "b": b, "n": n, "x": x, "theta0": theta0}


def _density_float(alpha: int, beta: int, at: sympy.Rational) -> float:
    t = float(at)
    log_b = math.lgamma(alpha) + math.lgamma(beta) - math.lgamma(alpha + beta)
    return math.exp((alpha - 1) * math.log(t) + (beta - 1) * math.log1p(-t) - log_b)


def check(params: dict) -> None:
    if params["x"] > params["n"]:
        raise ParamError("x", f"x = {params['x']} successes cannot exceed n = {params['n']} trials")


def _normaliser(alpha: int, beta: int) -> int:
    """1/B(α, β) for whole α, β: (α + β − 1)!/((α − 1)!(β − 1)!)."""
    return math.factorial(alpha + beta - 1) // (
        math.factorial(alpha - 1) * math.factorial(beta - 1)
    )


def _density(alpha: int, beta: int, at: sympy.Expr, constant: int | None = None) -> sympy.Expr:
    """The Beta(α, β) density at ``at``, unexpanded; ``constant`` overrides 1/B(α, β)."""
    c = _normaliser(alpha, beta) if constant is None else constant
    factors = [sympy.Integer(c)] if c != 1 else []
    if alpha != 1:
        factors.append(sympy.Pow(at, alpha - 1, evaluate=False))
    if beta != 1:
        factors.append(sympy.Pow(1 - at, beta - 1, evaluate=False))
    if not factors:
        return sympy.Integer(1)
    return sympy.Mul(*factors, evaluate=False) if len(factors) > 1 else factors[0]


def solve(params: dict) -> Solved:
    a, b, n, x, t0 = params["a"], params["b"], params["n"], params["x"], params["theta0"]
    alpha, beta = a + x, b + n - x
    mean = R(alpha, alpha + beta)
    prior_c = _normaliser(a, b)
    density = (
        sympy.Integer(_normaliser(alpha, beta)) * THETA ** (alpha - 1) * (1 - THETA) ** (beta - 1)
    )
    kernel = THETA ** (alpha - 1) * (1 - THETA) ** (beta - 1)
    parts = [
        part(
            AnswerKind.VECTOR,
            "posterior_params",
            "The posterior's parameters [α, β]",
            (sympy.Integer(alpha), sympy.Integer(beta)),
            slip(
                "successes_failures_swapped",
                "the successes update α and the failures n − x update β, not the other way.",
                (sympy.Integer(a + n - x), sympy.Integer(b + x)),
            ),
            slip(
                "failures_not_counted",
                "β grows by the number of failures n − x, not by the number of trials n.",
                (sympy.Integer(alpha), sympy.Integer(b + n)),
            ),
            hint="two whole numbers [α, β], e.g. [5, 54]",
        ),
        part(
            AnswerKind.EXPRESSION,
            "posterior_density",
            "The posterior density p(θ | x) as a function of θ (type theta), normalised",
            density,
            slip(
                "unnormalised",
                f"that is only the kernel; a density needs the constant 1/B({alpha}, {beta}) = "
                f"{_normaliser(alpha, beta)} so that it integrates to 1.",
                kernel,
            ),
            symbols=(("theta", Domain.UNIT),),
            hint="an expression in theta, e.g. 56*theta*(1 - theta)^6",
        ),
        real(
            "posterior_mean",
            "The posterior mean E[θ | x]",
            mean,
            slip(
                "book_table_mean",
                "that is (a + x)/(a + b + n − x), as a printed summary table has it; the "
                "posterior mean is α/(α + β) = (a + x)/(a + b + n).",
                R(a + x, a + b + n - x),
            ),
            slip(
                "prior_mean", "that is the prior mean a/(a + b): the data are unused.", R(a, a + b)
            ),
            slip("mle_not_mean", "that is the MLE x/n: the prior is unused.", R(x, n))
            if x
            else None,
        ),
        real(
            "prior_normaliser",
            prompt("The prior's normalising constant 1/B({{ a }}, {{ b }})", a=a, b=b),
            prior_c,
            slip(
                "inverted",
                f"that is B({a}, {b}) itself; the constant is its reciprocal.",
                R(1, prior_c),
            ),
            slip(
                "factorials_not_shifted",
                "1/B(a, b) = Γ(a + b)/(Γ(a)Γ(b)) = (a + b − 1)!/((a − 1)!(b − 1)!): each Γ is "
                "the factorial of one less.",
                sympy.binomial(a + b, a),
            ),
        ),
        real(
            "posterior_at",
            prompt("The posterior density at θ₀ = {{ t | num }}", t=t0),
            short_exact(_density(alpha, beta, t0)),
            slip(
                "unnormalised",
                "the constant 1/B(α, β) is missing.",
                typable_slip_value(_density(alpha, beta, t0, 1)),
            ),
            slip(
                "prior_density",
                "that is the prior density at θ₀; the data have not been used.",
                typable_slip_value(_density(a, b, t0)),
            ),
        ),
    ]
    facts = {
        "alpha": alpha,
        "beta": beta,
        "failures": n - x,
        "mean": mean,
        "prior_c": prior_c,
        "post_c": _normaliser(alpha, beta),
        "density": density,
        "at": _density(alpha, beta, t0),
        "book_table": R(a + x, a + b + n - x),
        "is_book": (a, b, n, x) == (2, 7, 50, 3),
        "prior_mean": R(a, a + b),
        "mle": R(x, n),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="beta_binomial_conjugacy",
    chapter="bayesian",
    title="Beta–binomial conjugate update",
    book_refs=("PRB-62", "CAL-Q34"),
    params=(
        Param("context", "scenario wording", "choice", options=CONTEXTS),
        Param("a", "prior Beta(a, b): a", "integer", low=1, high=20),
        Param("b", "prior Beta(a, b): b", "integer", low=1, high=20),
        Param("n", "number of trials", "integer", low=1, high=60),
        Param("x", "number of successes", "integer", low=0, high=60),
        Param(
            "theta0", "point at which to evaluate the posterior density", low=0, high=1, open=True
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"context": "coin", "a": 2, "b": 7, "n": 50, "x": 3, "theta0": 0.1},
)
