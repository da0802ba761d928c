"""A layer of neurons with exponential on-times: how likely is it still active at time t?

Varies PRB-64 (the "OnOffLayer": 200 neurons whose on-times follow f(x) = e^(−x), the layer
switches off once at least 150 are off; is it still active after 20 s?). One neuron is still on at
t with probability s = e^(−λt); the count still on is Binomial(N, s); the layer is active while
fewer than M are off, i.e. while at least N − M + 1 are on. The book's instance is
P ≈ 10^(−394.85), "practically 0", far below the smallest double, so the family asks for
log₁₀ P and computes it with mpmath at 40 digits. That tail sum of up to N terms has no short
exact form, so this one answer is a 15-digit decimal rather than a sympy expression (the
checker's 3-significant-figure tolerance is far coarser).

Draws pick t around the time at which the layer is expected to switch off, λt ≈ ln(N/(N − M)),
so most answers are not degenerate; sometimes far beyond it, as in the book. Slips caught: the
CDF 1 − e^(−λt) for the survival, the off-by-one threshold (≥ N − M on), and the count off rather
than on.
"""

from __future__ import annotations

import math
from random import Random

import mpmath
import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import prompt, real, slip

R = sympy.Rational
_RATES = (R(1, 10), R(1, 5), R(1, 2), sympy.Integer(1), sympy.Integer(2))
_SIZES = (10, 12, 16, 20, 25, 30, 40, 50, 60, 80, 100, 150, 200)
_SHARE_OFF = (R(1, 2), R(3, 5), R(2, 3), R(3, 4), R(4, 5), R(9, 10))


def draw(rng: Random) -> dict:
    while True:
        n = rng.choice(_SIZES)
        m = int(n * rng.choice(_SHARE_OFF))
        rate = rng.choice(_RATES)
        switch_off = math.log(n / (n - m)) / float(rate)
        # mostly around the switch-off time; one draw in ten far beyond it, as in the book
        factor = rng.uniform(5, 15) if rng.random() < 0.1 else rng.uniform(0.5, 2)
        raw = switch_off * factor  # whole seconds, or tenths below 10 s
        t = sympy.Integer(round(raw)) if raw >= 10 else R(round(raw * 10), 10)
        if t > 0:
            return {"n": n, "m": m, "rate": rate, "t": t}


def check(params: dict) -> None:
    if not 1 <= params["m"] <= params["n"]:
        raise ParamError("m", f"the switch-off count must be between 1 and N = {params['n']}")


def log10_active(n: int, m: int, survival: mpmath.mpf, least_on: int | None = None) -> mpmath.mpf:
    """log₁₀ P(at least ``least_on`` of n on), each on with probability ``survival``."""
    least_on = n - m + 1 if least_on is None else least_on
    with mpmath.workdps(40):
        total = mpmath.fsum(
            mpmath.binomial(n, j) * survival**j * (1 - survival) ** (n - j)
            for j in range(max(least_on, 0), n + 1)
        )
        return mpmath.log10(total)


def _decimal(value: mpmath.mpf) -> sympy.Rational:
    """The 15-digit decimal as an exact rational (a sympy Float would not compare safely)."""
    return sympy.Rational(mpmath.nstr(value, 15))


def solve(params: dict) -> Solved:
    n, m, rate, t = params["n"], params["m"], params["rate"], params["t"]
    exponent = rate * t
    survival = sympy.exp(-exponent)
    with mpmath.workdps(40):
        s = mpmath.exp(-mpmath.mpf(int(exponent.p)) / int(exponent.q))
        answer = log10_active(n, m, s)
        off_by_one = log10_active(n, m, s, n - m)
        cdf = log10_active(n, m, 1 - s)
    least_on = n - m + 1
    parts = [
        real(
            "survival",
            prompt("The probability that one neuron is still on at t = {{ t }} s", t=t),
            survival,
            slip(
                "cdf_not_survival",
                "that is the CDF P(T ≤ t), the chance it is already off.",
                1 - survival,
            ),
        ),
        real(
            "expected_on",
            "The expected number of neurons still on at that time",
            n * survival,
        ),
        real(
            "log10_active",
            "log₁₀ of the probability that the layer is still active at that time",
            _decimal(answer),
            slip(
                "off_by_one",
                f"that counts {n - m} neurons on as enough; with {m} off the layer is already "
                f"off, so at least {least_on} must be on.",
                _decimal(off_by_one),
            )
            if least_on > 1  # "at least 0 on" is certain: no slip to name
            else None,
            slip(
                "cdf_not_survival",
                "that uses 1 − e^(−λt) as the chance a neuron is on; that is the chance it is off.",
                _decimal(cdf),
            ),
            hint="a number such as -3.2 (the base-10 logarithm of the probability)",
        ),
    ]
    with mpmath.workdps(40):
        probability_text = mpmath.nstr(mpmath.power(10, answer), 4)
    facts = {
        "exponent": exponent,
        "survival": survival,
        "expected_on": n * survival,
        "least_on": least_on,
        "log10": answer,
        "tiny": answer < -308,  # below the smallest positive double
        "probability": probability_text,
        "log10_s": float(-exponent / sympy.log(10)),
        "switch_off": math.log(n / (n - m)) / float(rate) if m < n else None,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="exponential_lifetime_layer",
    chapter="bayesian",
    title="Exponential on-times: is the layer still active?",
    book_refs=("PRB-64",),
    params=(
        Param("n", "number of neurons N", "integer", low=1, high=1000),
        Param(
            "m",
            "the layer switches off once at least M neurons are off",
            "integer",
            low=1,
            high=1000,
        ),
        Param(
            "rate",
            "rate λ of each neuron's exponential on-time (per second)",
            low=0,
            high=100,
            open=True,
        ),
        Param("t", "time t in seconds", low=0, high=10_000, open=True),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"n": 200, "m": 150, "rate": 1, "t": 20},
)
