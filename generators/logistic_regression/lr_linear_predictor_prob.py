"""A fitted logistic model: the logit, the odds and the probability for one subject.

Varies PRB-18, PRB-20(1), PRB-21(2), PRB-22(1) and the mock exam's logistic-regression section (the
gum-bacteria / Alzheimer model, β0 = -4.8792, β1 = 0.0258): one to three covariates (counts,
measurements, 0/1 indicators) in a medical story; asked are z = β0 + Σ βi·xi, the odds e^z,
P(y = 1) = σ(z) and optionally the odds as a formula in the first covariate X. Slips: the intercept
dropped, a minus sign lost, odds and probability swapped, σ(−z) = 1 − p, rounded coefficients.
"""

from __future__ import annotations

from random import Random

import sympy

from generators.logistic_regression import _context as lr
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import expression, real, sigmoid, slips_stats, tabled
from interview_sim.model import Domain
from interview_sim.render import num

MAX_LOGIT = 20  # beyond this P(y=1) prints as 0 or 1 and the question is pointless
MIN_LOGIT = sympy.Rational(3, 10)  # draws keep z away from 0, where p is a dull 1/2
X = sympy.Symbol("X", real=True)
PARAMS = (  # besides the fitted model's
    Param("values", "the subject's covariate values x1..xk", "numbers", low=0, length=(1, 3)),
    Param(
        "odds_formula", "also ask for the odds as a formula in X", "choice", options=(True, False)
    ),
)
# This family's own slips ({b0}: β0; {short}, {b}, {minus_b}: the first negative coefficient).
WHY = {
    "no_intercept": "the intercept β0 = {b0} belongs in the linear predictor; that value leaves "
    "it out.",
    "coefficient_sign": "the coefficient of {short} is negative ({b}); that value uses +{minus_b}.",
}
WHY_FORMULA = {
    "logit_not_odds": "that is the log-odds; the odds are its exponential.",
    "probability_not_odds": "that is P(y = 1) as a function of X, not the odds.",
    "no_intercept": "the intercept must stay inside the exponent.",
}


def draw(rng: Random) -> dict:
    scenario = lr.SCENARIOS[rng.choice(sorted(lr.SCENARIOS))]
    continuous = [k for k in scenario.covariates if not lr.COVARIATES[k].indicator]
    while True:
        first = rng.choice(continuous)
        rest = [k for k in scenario.covariates if k != first]
        keys = [first, *rng.sample(rest, rng.choice((0, 1, 1, 2, 2)))]
        covariates = [lr.COVARIATES[k] for k in keys]
        coefficients = [c.draw_coef(rng) for c in covariates]
        values = [c.draw_value(rng) for c in covariates]
        partial = sum(b * x for b, x in zip(coefficients, values, strict=True))
        target = lr.grid(rng, "0.3", "3.5", "0.01") * rng.choice((-1, 1))
        intercept = lr.round_to(target - partial, 2)
        z = intercept + partial
        if abs(intercept) <= 10 and abs(z) >= MIN_LOGIT and scenario.plausible(sigmoid(z)):
            break
    model = {"scenario": scenario.key, "covariates": keys, "intercept": intercept}
    return dict(model, coefficients=coefficients, values=values, odds_formula=rng.random() < 0.4)


def check(params: dict) -> None:
    lr.check_values(lr.check_model(params, "values"), params["values"])
    pairs = zip(params["coefficients"], params["values"], strict=True)
    z = params["intercept"] + sum(b * x for b, x in pairs)
    if abs(z) > MAX_LOGIT:
        raise ParamError("intercept", f"the logit would be {z}; keep |z| <= {MAX_LOGIT}")


def solve(params: dict) -> Solved:
    b0, betas, xs = params["intercept"], list(params["coefficients"]), list(params["values"])
    covariates = [lr.COVARIATES[k] for k in params["covariates"]]
    pairs = list(zip(betas, xs, strict=True))
    terms = [b * x for b, x in pairs]
    z = b0 + sum(terms)
    odds, p = sympy.exp(z), sigmoid(z)
    rounded_z = lr.round_to(b0, 2) + sum(lr.round_to(b, 2) * x for b, x in pairs)
    words, flipped = {"b0": num(b0)}, None
    negatives = [i for i, b in enumerate(betas) if b < 0]
    if negatives:  # the first negative coefficient read as positive
        i = negatives[0]
        words |= {"short": covariates[i].short, "b": num(betas[i]), "minus_b": num(-betas[i])}
        flipped = z - 2 * terms[i]
    slips_in_z = tabled(WHY, words, no_intercept=z - b0, coefficient_sign=flipped)
    parts = [
        real(
            "logit",
            "The log-odds (logit) z = β0 + Σ βi·xi for this subject",
            z,
            *slips_in_z,
            slips_stats.scale_mixup("probability", "logit", p),
        ),
        real(
            "odds",
            "The odds P(y = 1) / P(y = 0) for this subject",
            odds,
            slips_stats.scale_mixup("probability", "odds", p),
            slips_stats.scale_mixup("logit", "odds", z),
            slips_stats.inverted(1 / odds, "e^(−z), the odds against the outcome, not for it"),
            *slips_stats.carried(sympy.exp, slips_in_z),
        ),
        real(
            "probability",
            "The probability P(y = 1) for this subject",
            p,
            slips_stats.scale_mixup("odds", "probability", odds),
            slips_stats.sigma_minus_z(1 - p),
            *slips_stats.carried(sigmoid, slips_in_z),
            slips_stats.rounded_coefficients(sigmoid(rounded_z)),
        ),
    ]
    facts = lr.model_facts(params) | dict(terms=terms, z=z, odds=odds, p=p, rounded_z=rounded_z)
    facts |= dict(rounding_matters=bool(abs(rounded_z - z) >= sympy.Rational(1, 100)))
    if params["odds_formula"]:
        linear = z - terms[0] + betas[0] * X  # the first covariate's term becomes a variable
        facts["per_unit"] = sympy.exp(betas[0])
        parts.append(
            expression(
                "odds_formula",
                f"The odds as a formula in X = {covariates[0].short}, the other covariates "
                "held at this subject's values",
                sympy.exp(linear),
                *tabled(
                    WHY_FORMULA,
                    logit_not_odds=linear,
                    probability_not_odds=sigmoid(linear),
                    no_intercept=sympy.exp(linear - b0),
                ),
                slips_stats.inverted(sympy.exp(-linear), "e^(−z), the odds against the outcome"),
                symbols=(("X", Domain.REAL),),
                hint="an expression in X: exp(...) or e^(...), ^ for powers, 0.5X for 0.5*X",
            )
        )
    return Solved(parts, facts)


FAMILY = Family(
    id="lr_linear_predictor_prob",
    chapter="logistic_regression",
    title="Logit, odds and probability from a fitted logistic model",
    book_refs=("PRB-18", "PRB-20", "PRB-21", "PRB-22"),
    params=(*lr.MODEL_PARAMS, *PARAMS),
    draw=draw,
    solve=solve,
    check=check,
    version=2,
    book_params={**lr.BOOK_MODEL, "values": [100], "odds_formula": True},
)
