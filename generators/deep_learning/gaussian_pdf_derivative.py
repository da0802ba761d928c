"""The normal density at a point and its derivative, as a from-scratch backward pass needs them.

Varies DL-Q72 (write the normal pdf and its derivative d/dx N(x; μ, σ) = −(x − μ)/σ² · N(x; μ, σ)
for backpropagation; the book's setting is the standard normal of DL-Q71). The book gives no
point, so ``book_params`` is our own: the standard normal at x = 0.5. Drawn variants vary μ, σ
and x within three standard deviations of the mean. The slips: σ² in the normalising constant,
the root of 2π or the ½ in the exponent left out, the derivative's sign flipped, the inner
derivative 1/σ² dropped or taken as 1/σ.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind, Domain

X = sympy.Symbol("x")


def draw(rng: Random) -> dict:
    mu = sympy.Rational(rng.randint(-20, 20), 2)
    sigma = sympy.Rational(rng.randint(1, 10), 2)
    while True:
        x = mu + sympy.Rational(rng.randint(-12, 12), 4) * sigma
        if x != mu and abs(x - mu) != sigma and (2 * x).is_integer:
            return {"mu": mu, "sigma": sigma, "x": x}


def density(x: sympy.Expr, mu: sympy.Expr, sigma: sympy.Expr) -> sympy.Expr:
    return sympy.exp(-((x - mu) ** 2) / (2 * sigma**2)) / (sigma * sympy.sqrt(2 * sympy.pi))


def solve(params: dict) -> Solved:
    mu, sigma, x = params["mu"], params["sigma"], params["x"]
    pdf = density(x, mu, sigma)
    score = -(x - mu) / sigma**2
    derivative = score * pdf
    kernel = sympy.exp(-((x - mu) ** 2) / (2 * sigma**2))
    parts = [
        real(
            "pdf",
            "Density N(x; μ, σ) at the point",
            pdf,
            slip(
                "variance_for_sd",
                "the normalising constant is 1/(σ·√(2π)), with σ, not σ².",
                kernel / (sigma**2 * sympy.sqrt(2 * sympy.pi)),
            ),
            slip(
                "missing_sqrt", "the constant has √(2π), not 2π.", kernel / (sigma * 2 * sympy.pi)
            ),
            slip(
                "missing_half",
                "the exponent is −(x − μ)²/(2σ²): the 2 was left out.",
                sympy.exp(-((x - mu) ** 2) / sigma**2) / (sigma * sympy.sqrt(2 * sympy.pi)),
            ),
        ),
        real(
            "derivative",
            "Derivative dN/dx at the point",
            derivative,
            slip(
                "sign", "the slope is −(x − μ)/σ² times the density: mind the minus.", -derivative
            ),
            slip(
                "chain_rule_dropped",
                "the derivative of the exponent −(x − μ)²/(2σ²) is −(x − μ)/σ²: divide by σ².",
                -(x - mu) * pdf,
            )
            if sigma != 1
            else None,
            slip(
                "sigma_not_variance",
                "the inner derivative divides by σ², not σ.",
                -(x - mu) / sigma * pdf,
            )
            if sigma != 1
            else None,
        ),
        real(
            "score",
            "Derivative of the log-density, d ln N/dx, at the point",
            score,
            slip("sign", "d ln N/dx = −(x − μ)/σ²: it points back towards the mean.", -score),
            slip("sigma_not_variance", "divide by σ², not σ.", -(x - mu) / sigma)
            if sigma != 1
            else None,
        ),
        part(
            AnswerKind.EXPRESSION,
            "derivative_formula",
            "dN/dx as a formula in x (with this μ and σ)",
            sympy.diff(density(X, mu, sigma), X),
            slip(
                "sign",
                "the minus sign of −(x − μ)/σ² is missing.",
                -sympy.diff(density(X, mu, sigma), X),
            ),
            symbols=(("x", Domain.REAL),),
        ),
    ]
    facts = {"pdf": pdf, "score": score, "derivative": derivative, "z": (x - mu) / sigma}
    return Solved(parts, facts)


FAMILY = Family(
    id="gaussian_pdf_derivative",
    chapter="deep_learning",
    title="Normal density and its derivative",
    book_refs=("DL-Q72", "DL-Q71"),
    params=(
        Param("mu", "mean μ", low=-1000, high=1000),
        Param("sigma", "standard deviation σ", low=0, high=1000, open=True),
        Param("x", "the point x", low=-1000, high=1000),
    ),
    draw=draw,
    solve=solve,
    space=3854,  # μ on a 0.5 grid to ±10, σ 0.5 to 5, x on a 0.5 grid within 3σ (not μ, not μ ± σ)
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"mu": 0, "sigma": 1, "x": 0.5},
)
