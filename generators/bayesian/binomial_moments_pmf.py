"""Binomial moments and a point probability: is an observed count plausible under the model?

Varies PRB-35 (a miscalibrated proton beam: 200 shots that each hit with probability 0.1, and 60
hits observed) with the moments of PRB-34: X ~ Binomial(n, p) has E[X] = np and
Var(X) = np(1 − p); P(X = k) = C(n, k) p^k (1 − p)^(n − k) exactly; the z-score
(k − np)/√(np(1 − p)) says how many standard deviations k lies from the mean. The book's count is
9.4 standard deviations out, with P(X = 60) ≈ 2.76 × 10⁻¹⁵: computed exactly, kept as a 15-digit
decimal when the exact fraction is too long to read (``short_exact``), and shown in the solution
through base-10 logs, so nothing underflows.

Slips caught: σ for σ² (and σ² for σ in the z-score), the Poisson variance np, p and 1 − p
swapped, the binomial coefficient left out, a normal-density approximation of a point
probability, and "2.76 × e−15" (e for 10) in scientific notation.
"""

from __future__ import annotations

import math
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.kit.parts import short_exact, typable_slip_value
from interview_sim.model import AnswerKind

R = sympy.Rational
CONTEXTS = ("proton_beam", "free_throws", "click_through", "germination")
_TRIALS = (20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 160, 180, 200)
_P_GRID = [R(k, 100) for k in (1, 2, 3, 4, 5, 8)] + [R(k, 20) for k in range(2, 19)]
# a point probability shown in full must stay a representable float (and on a whiteboard)
_SMALLEST_LOG10 = -17


def _log10_pmf(n: int, p: sympy.Rational, k: int) -> float:
    """log10 P(X = k), from lgamma: no underflow even for 10^-300."""
    log_c = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
    q = 1 - float(p)
    tail = (n - k) * math.log(q) if n > k else 0.0
    head = k * math.log(float(p)) if k else 0.0
    return (log_c + head + tail) / math.log(10)


def draw(rng: Random) -> dict:
    context = rng.choice(CONTEXTS)
    while True:
        n = rng.choice(_TRIALS)
        p = rng.choice(_P_GRID)
        variance = n * p * (1 - p)
        if variance < 2:  # too few expected successes for a z-score to mean anything
            continue
        sd = math.sqrt(float(variance))
        mean = float(n * p)
        # half the variants: a count near the mean; half: far out in the upper or lower tail
        if rng.random() < 0.5:
            k = round(mean + rng.uniform(-2, 2) * sd)
        else:
            k = round(mean + rng.choice((-1, 1, 1)) * rng.uniform(3.5, 10) * sd)
        if 0 <= k <= n and k != mean and _log10_pmf(n, p, k) > _SMALLEST_LOG10:
            return {"context": context, "n": n, "p": p, "k": k}


def check(params: dict) -> None:
    n, p, k = params["n"], params["p"], params["k"]
    if k > n:
        raise ParamError("k", f"the count k = {k} cannot exceed the number of trials n = {n}")
    if _log10_pmf(n, p, k) <= _SMALLEST_LOG10:
        raise ParamError(
            "k", f"P(X = {k}) is below 10^{_SMALLEST_LOG10}; choose a count closer to np"
        )


def _mantissa_exponent(value: sympy.Rational) -> tuple[sympy.Rational, int]:
    """value = m × 10^e with 1 ≤ m < 10, m rounded to 3 significant figures."""
    exponent = math.floor(sympy.log(value, 10).evalf(30))
    mantissa = sympy.Rational(
        round(float(value / sympy.Integer(10) ** exponent), 2)
    ).limit_denominator(1000)
    return mantissa, exponent


def solve(params: dict) -> Solved:
    n, p, k = params["n"], params["p"], params["k"]
    q = 1 - p
    mean = n * p
    variance = n * p * q
    sd = sympy.sqrt(variance)
    coefficient = sympy.binomial(n, k)
    pmf = short_exact(coefficient * p**k * q ** (n - k))
    z = (k - mean) / sd
    far = bool(abs(z) > 3)
    mantissa, exponent = _mantissa_exponent(pmf)
    normal_density = sympy.exp(-(z**2) / 2) / (sd * sympy.sqrt(2 * sympy.pi))
    parts = [
        real(
            "mean",
            "The expected number of successes E[X]",
            mean,
            slip("p_swapped", "that is n(1 − p), the expected number of failures.", n * q),
        ),
        real(
            "variance",
            "The variance Var(X)",
            variance,
            slip(
                "sd_not_variance",
                "that is the standard deviation √(np(1 − p)); the variance is its square.",
                sd,
            ),
            slip(
                "poisson_variance",
                "np is the variance of a Poisson count; a binomial count has np(1 − p).",
                mean,
            ),
        ),
        real(
            "pmf",
            prompt("P(X = {{ k }}), exactly or in scientific notation", k=k),
            pmf,
            slip(
                "missing_binomial_coefficient",
                f"that is the probability of one particular order of the {k} successes; "
                f"there are C({n}, {k}) orders, so multiply by the binomial coefficient.",
                typable_slip_value(p**k * q ** (n - k)),
            ),
            slip(
                "p_swapped",
                "p and 1 − p are swapped: p goes with the k successes, 1 − p with the failures.",
                typable_slip_value(coefficient * q**k * p ** (n - k)),
            ),
            slip(
                "normal_approximation",
                "that is the normal density at k, an approximation that fails for a point "
                "probability far in the tail; use the binomial pmf itself.",
                normal_density,
            ),
            slip(
                "e_for_ten",
                f"that reads {mantissa} × e^({exponent}); scientific notation means × 10^"
                f"({exponent}), typed {mantissa}e{exponent}.",
                mantissa * sympy.exp(exponent),
            )
            if exponent <= -3
            else None,
            hint="a number; scientific notation such as 2.76e-15 means 2.76 × 10⁻¹⁵",
        ),
        real(
            "z_score",
            prompt("The z-score of the observed count {{ k }}, (k − E[X])/σ", k=k),
            z,
            slip(
                "variance_not_sd",
                "that divides by the variance; the z-score divides by σ = √Var(X).",
                (k - mean) / variance,
            ),
            slip("sign", "the sign is flipped: the z-score is (k − E[X])/σ.", -z),
        ),
        part(
            AnswerKind.BOOLEAN,
            "far_out",
            prompt(
                "Is the observed count {{ k }} more than 3 standard deviations from the mean?",
                k=k,
            ),
            far,
        ),
    ]
    log10_parts = {
        "log10_c": float(sympy.log(coefficient, 10).evalf(15)),
        "log10_p": k * float(sympy.log(p, 10).evalf(15)),
        "log10_q": (n - k) * float(sympy.log(q, 10).evalf(15)),
    }
    facts = {
        "q": q,
        "mean": mean,
        "variance": variance,
        "sd": sd,
        "pmf": pmf,
        "z": z,
        "far": far,
        "log10_pmf": sum(log10_parts.values()),
        **log10_parts,
        "above": k > mean,
        "failures": n - k,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="binomial_moments_pmf",
    chapter="bayesian",
    title="Binomial moments, a point probability and a z-score",
    book_refs=("PRB-35", "PRB-34"),
    params=(
        Param("context", "scenario wording", "choice", options=CONTEXTS),
        Param("n", "number of independent trials", "integer", low=1, high=200),
        Param("p", "success probability of one trial", low=0, high=1, open=True),
        Param("k", "observed number of successes", "integer", low=0, high=200),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"context": "proton_beam", "n": 200, "p": 0.1, "k": 60},
)
