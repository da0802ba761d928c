"""A fitted logistic model: the logit, the odds and the probability for one subject.

Varies PRB-18, PRB-20(1), PRB-21(2), PRB-22(1) and the mock exam's logistic-regression section (the
gum-bacteria / Alzheimer model, β0 = -4.8792, β1 = 0.0258). One to three covariates (counts,
measurements, 0/1 indicators) in a medical story; asked are z = β0 + Σ βi·xi, the odds e^z and
P(y = 1) = σ(z), and optionally the odds as a formula in the first covariate X. The slips modelled:
dropping the intercept, losing a coefficient's minus sign, giving the odds as the probability (and
vice versa), σ(−z) = 1 − p, and working with coefficients rounded to two decimals.
"""

from __future__ import annotations

from random import Random

import sympy

from generators.logistic_regression._context import (
    BOOK_MODEL,
    COVARIATES,
    SCENARIOS,
    check_scenario,
    check_values,
    grid,
    linear_text,
    round_to,
)
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind, Domain, Mistake
from interview_sim.render import num

MAX_LOGIT = 20  # beyond this P(y=1) prints as 0 or 1 and the question is pointless
X = sympy.Symbol("X", real=True)


def draw(rng: Random) -> dict:
    scenario = SCENARIOS[rng.choice(sorted(SCENARIOS))]
    continuous = [k for k in scenario.covariates if not COVARIATES[k].indicator]
    while True:
        first = rng.choice(continuous)
        rest = [k for k in scenario.covariates if k != first]
        keys = [first, *rng.sample(rest, rng.choice((0, 1, 1, 2, 2)))]
        covariates = [COVARIATES[k] for k in keys]
        coefficients = [c.draw_coef(rng) for c in covariates]
        values = [c.draw_value(rng) for c in covariates]
        partial = sum(b * x for b, x in zip(coefficients, values, strict=True))
        target = grid(rng, "0.3", "3.5", "0.01") * rng.choice((-1, 1))
        intercept = round_to(target - partial, 2)
        z = intercept + partial
        if (
            abs(intercept) <= 10
            and abs(z) >= sympy.Rational(3, 10)
            and scenario.plausible(sigma(z))
        ):
            break
    return {
        "scenario": scenario.key,
        "covariates": keys,
        "intercept": intercept,
        "coefficients": coefficients,
        "values": values,
        "odds_formula": rng.random() < 0.4,
    }


def check(params: dict) -> None:
    covariates = check_scenario(params["scenario"], params["covariates"])
    k = len(covariates)
    for name in ("coefficients", "values"):
        if len(params[name]) != k:
            raise ParamError(
                name, f"must have one entry per covariate ({k}), got {len(params[name])}"
            )
    if any(b == 0 for b in params["coefficients"]):
        raise ParamError(
            "coefficients", "a zero coefficient removes its covariate: drop it instead"
        )
    check_values(covariates, params["values"])
    z = params["intercept"] + sum(
        b * x for b, x in zip(params["coefficients"], params["values"], strict=True)
    )
    if abs(z) > MAX_LOGIT:
        raise ParamError("intercept", f"the logit would be {z}; keep |z| <= {MAX_LOGIT}")


def sigma(z):
    return 1 / (1 + sympy.exp(-z))


def solve(params: dict) -> Solved:
    b0 = params["intercept"]
    betas = list(params["coefficients"])
    xs = list(params["values"])
    covariates = [COVARIATES[k] for k in params["covariates"]]
    terms = [b * x for b, x in zip(betas, xs, strict=True)]
    z = b0 + sum(terms)
    odds = sympy.exp(z)
    p = sigma(z)

    no_intercept = z - b0
    negatives = [i for i, b in enumerate(betas) if b < 0]
    flipped = z - 2 * terms[negatives[0]] if negatives else None
    rounded_z = round_to(b0, 2) + sum(round_to(b, 2) * x for b, x in zip(betas, xs, strict=True))

    def slips(transform, what: str) -> list[Mistake]:
        found = [
            slip(
                "no_intercept",
                f"the intercept β0 = {num(b0)} belongs in the linear predictor; that {what} "
                "leaves it out.",
                transform(no_intercept),
            )
        ]
        if flipped is not None:
            i = negatives[0]
            found.append(
                slip(
                    "coefficient_sign",
                    f"the coefficient of {covariates[i].short} is negative ({num(betas[i])}); "
                    f"that {what} uses +{num(-betas[i])}.",
                    transform(flipped),
                )
            )
        return found

    parts = [
        real(
            "logit",
            "The log-odds (logit) z = β0 + Σ βi·xi for this subject",
            z,
            *slips(lambda v: v, "value"),
            slip("probability_not_logit", "that is P(y = 1) = σ(z), not z itself.", p),
        ),
        real(
            "odds",
            "The odds P(y = 1) / P(y = 0) for this subject",
            odds,
            slip(
                "probability_not_odds",
                "that is the probability σ(z); the odds are e^z = p/(1 − p).",
                p,
            ),
            slip("logit_not_odds", "that is the log-odds z; the odds are e^z.", z),
            slip("inverted", "that is e^(−z), the odds against the outcome, not for it.", 1 / odds),
            *slips(sympy.exp, "value"),
        ),
        real(
            "probability",
            "The probability P(y = 1) for this subject",
            p,
            slip(
                "odds_not_probability",
                "that is the odds e^z; the probability is e^z/(1 + e^z) = σ(z).",
                odds,
            ),
            slip("sigma_minus_z", "that is σ(−z) = 1 − p, the probability of y = 0.", 1 - p),
            *slips(sigma, "value"),
            slip(
                "rounded_coefficients",
                "the method is right, but the coefficients were rounded to two decimals "
                "first; small coefficients multiply large covariate values, so keep every "
                "printed digit.",
                sigma(rounded_z),
            ),
        ),
    ]
    formula = None
    if params["odds_formula"]:
        rest = b0 + sum(terms[1:])
        linear = rest + betas[0] * X
        formula = sympy.exp(linear)
        parts.append(
            part(
                AnswerKind.EXPRESSION,
                "odds_formula",
                f"The odds as a formula in X = {covariates[0].short}, the other covariates "
                "held at this subject's values",
                formula,
                slip(
                    "logit_not_odds", "that is the log-odds; the odds are its exponential.", linear
                ),
                slip(
                    "probability_not_odds",
                    "that is P(y = 1) as a function of X, not the odds.",
                    sigma(linear),
                ),
                slip(
                    "no_intercept",
                    "the intercept must stay inside the exponent.",
                    sympy.exp(linear - b0),
                ),
                slip(
                    "inverted", "that is e^(−z), the odds against the outcome.", sympy.exp(-linear)
                ),
                symbols=(("X", Domain.REAL),),
                hint="an expression in X: exp(...) or e^(...), ^ for powers, 0.5X for 0.5*X",
            )
        )
    names = [f"x{i + 1}" for i in range(len(betas))]
    facts = {
        "scenario": SCENARIOS[params["scenario"]],
        "covariates": covariates,
        "names": names,
        "terms": terms,
        "model": linear_text(b0, betas, names),
        "z": z,
        "odds": odds,
        "p": p,
        "formula": formula,
        "formula_rest": (b0 + sum(terms[1:])) if formula is not None else None,
        "per_unit": sympy.exp(betas[0]),
        "rounded_z": rounded_z,
        "rounding_matters": bool(abs(rounded_z - z) >= sympy.Rational(1, 100)),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="lr_linear_predictor_prob",
    chapter="logistic_regression",
    title="Logit, odds and probability from a fitted logistic model",
    book_refs=("PRB-18", "PRB-20", "PRB-21", "PRB-22"),
    params=(
        Param("scenario", "the story: what y = 1 means", "choice", options=tuple(SCENARIOS)),
        Param("covariates", "covariate names of the scenario, in model order (1–3)", "data"),
        Param("intercept", "intercept β0", low=-20, high=20),
        Param("coefficients", "coefficients β1..βk", "numbers", low=-10, high=10, length=(1, 3)),
        Param("values", "the subject's covariate values x1..xk", "numbers", low=0, length=(1, 3)),
        Param(
            "odds_formula",
            "also ask for the odds as a formula in X",
            "choice",
            options=(True, False),
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    version=2,
    book_params={
        **BOOK_MODEL,
        "values": [100],
        "odds_formula": True,
    },
)
