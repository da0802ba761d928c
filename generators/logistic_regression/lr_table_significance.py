"""Read a logistic-regression coefficient table: z statistic, two-sided p-value, and the verdicts.

Varies PRB-21(3, 4) (a migraine model with amalgam fillings and coffee: is a predictor associated
with an increased probability, and is there evidence of an effect at α = 0.05). The reference does
not list the book's table, so ``book_params`` is our own table in the PRB-21 setting. Each variant
draws a scenario, 2–3 covariates whose signs follow common knowledge (see ``_context``), the
estimates and standard errors; one row's z and p are left blank. Asked: that row's z = β̂/SE, its
two-sided p-value, whether there is evidence of an effect, and whether the covariate significantly
raises the probability. Slips modelled: the one-sided p-value, Φ(|z|) or 1 − p given as p, SE/β̂,
the sign ignored, and the intercept's row read instead of the covariate's.
"""

from __future__ import annotations

from random import Random

import mpmath
import sympy

from generators.logistic_regression._context import (
    COVARIATES,
    SCENARIOS,
    check_scenario,
    grid,
    round_to,
)
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind
from interview_sim.render import num

ALPHAS = ("0.05", "0.01")


def two_sided_p(z) -> sympy.Rational:
    """P(|Z| ≥ |z|) for a standard normal Z: erfc(|z|/√2), as a 30-significant-digit decimal.

    Evaluated rather than kept as ``erfc(...)``: a candidate can neither type nor read erfc, and
    30 digits are exact for every comparison the grader makes."""
    value = sympy.erfc(abs(z) / sympy.sqrt(2)).evalf(30)
    return sympy.Rational(mpmath.nstr(value._to_mpmath(100), 30, min_fixed=-40, max_fixed=40))


def draw(rng: Random) -> dict:
    scenario = SCENARIOS[rng.choice(sorted(SCENARIOS))]
    while True:
        keys = rng.sample(scenario.covariates, rng.randint(2, min(3, len(scenario.covariates))))
        # the baseline risk at the intercept stays inside the setting's plausible range
        low, high = (sympy.Rational(r) for r in scenario.risk)
        top = str(round_to(sympy.log(high / (1 - high)), 2))
        estimates = [grid(rng, str(round_to(sympy.log(low / (1 - low)), 2)), top, "0.01")]
        ses = [grid(rng, "0.2", "1.5", "0.01")]
        for key in keys:
            beta = COVARIATES[key].draw_coef(rng)
            # |z| from about 0.4 to 4.5: roughly half the rows significant
            ratio = grid(rng, "0.22", "2.5", "0.01")
            step = sympy.Rational(COVARIATES[key].coef_range[2])
            se = max(sympy.Rational(round(abs(beta) * ratio / step)) * step, step)
            estimates.append(beta)
            ses.append(se)
        asked = rng.randint(1, len(keys))
        alpha = rng.choice(ALPHAS)
        params = {
            "scenario": scenario.key,
            "covariates": keys,
            "estimates": estimates,
            "ses": ses,
            "asked": asked,
            "alpha": alpha,
        }
        if _problem(params) is None:
            return params


def _problem(params: dict) -> tuple[str, str] | None:
    k = len(params["covariates"])
    for name in ("estimates", "ses"):
        if len(params[name]) != k + 1:
            return name, f"needs the intercept's entry and one per covariate ({k + 1})"
    if not 1 <= params["asked"] <= k:
        return "asked", f"must number a covariate row, 1–{k}"
    if any(b == 0 for b in params["estimates"][1:]):
        return "estimates", "a zero estimate has no direction to ask about"
    beta, se = params["estimates"][params["asked"]], params["ses"][params["asked"]]
    p = float(two_sided_p(beta / se))
    alpha = float(params["alpha"])
    if abs(p - alpha) < alpha / 5:
        return "ses", f"the asked row's p-value {p:.4f} is too close to α = {alpha} to judge"
    return None


def check(params: dict) -> None:
    check_scenario(params["scenario"], params["covariates"])
    problem = _problem(params)
    if problem:
        raise ParamError(*problem)


def row(name: str, beta, se, blank: bool) -> list[str]:
    if blank:
        return [name, num(beta), num(se), "?", "?"]
    z = beta / se
    p = round_to(two_sided_p(z), 4)
    return [name, num(beta), num(se), num(round_to(z, 2)), "< 0.0001" if p == 0 else num(p)]


def solve(params: dict) -> Solved:
    scenario = SCENARIOS[params["scenario"]]
    covariates = [COVARIATES[k] for k in params["covariates"]]
    betas, ses, j = params["estimates"], params["ses"], params["asked"]
    alpha = sympy.Rational(params["alpha"])
    beta, se = betas[j], ses[j]
    z = beta / se
    p = two_sided_p(z)
    evidence = bool(p < alpha)
    increased = evidence and bool(beta > 0)
    p0 = two_sided_p(betas[0] / ses[0])
    one_sided = p / 2
    name = covariates[j - 1].short
    higher = (
        f"{name} = 1 (rather than 0)"
        if covariates[j - 1].indicator
        else f"a higher value of {name}"
    )
    rows = [row("(intercept)", betas[0], ses[0], False)]
    rows += [
        row(c.short, b, s, i == j)
        for i, (c, b, s) in enumerate(zip(covariates, betas[1:], ses[1:], strict=True), 1)
    ]

    evidence_slips = [
        slip(
            "one_sided_p",
            f"the one-sided p = {float(one_sided):.4f} is below α, but the test of 'an effect' in "
            f"either direction uses the two-sided p = {float(p):.4f}.",
            not evidence,
        )
        if (one_sided < alpha) != evidence
        else None,
        slip(
            "intercept_row",
            "that reads the intercept's row; the question is about the covariate's.",
            not evidence,
        )
        if bool(p0 < alpha) != evidence
        else None,
    ]
    increased_slips = [
        slip(
            "sign_ignored",
            f"the effect is significant but its estimate is negative ({num(beta)}): a higher value "
            "lowers the probability.",
            True,
        )
        if evidence and beta < 0
        else None,
        slip(
            "one_sided_p",
            f"the two-sided p = {float(p):.4f} is not below α; halving it does not make the "
            "evidence stronger.",
            True,
        )
        if not evidence and beta > 0 and one_sided < alpha
        else None,
    ]
    parts = [
        real(
            "z",
            prompt("The z statistic of the {{ n }} row", n=name),
            z,
            slip("inverted", "that is SE/β̂; z divides the estimate by its standard error.", 1 / z),
            slip("sign", "the sign of z is the sign of the estimate.", -z),
        ),
        real(
            "p_value",
            prompt("The two-sided p-value of the {{ n }} row", n=name),
            p,
            slip(
                "one_sided_p",
                "that is the one-sided tail P(Z > |z|); a two-sided test doubles it.",
                one_sided,
            ),
            slip("complement", "that is 1 − p, the probability of a |Z| smaller than |z|.", 1 - p),
            slip(
                "cdf_not_tail",
                "that is Φ(|z|), the area below |z|, not the tails beyond it.",
                1 - one_sided,
            ),
        ),
        part(
            AnswerKind.BOOLEAN,
            "evidence",
            f"At α = {params['alpha']}, is there evidence that {name} is associated with the "
            "outcome?",
            evidence,
            *evidence_slips,
        ),
        part(
            AnswerKind.BOOLEAN,
            "increased",
            f"At α = {params['alpha']}, is {higher} associated with a significantly increased "
            f"probability that {scenario.outcome}?",
            increased,
            *increased_slips,
        ),
    ]
    facts = {
        "scenario": scenario,
        "rows": rows,
        "name": name,
        "higher": higher,
        "z": z,
        "p": p,
        "one_sided": one_sided,
        "evidence": evidence,
        "increased": increased,
        "positive": bool(beta > 0),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="lr_table_significance",
    chapter="logistic_regression",
    title="Significance from a logistic-regression coefficient table",
    book_refs=("PRB-21",),
    params=(
        Param("scenario", "the story: what y = 1 means", "choice", options=tuple(SCENARIOS)),
        Param("covariates", "covariate names of the scenario, in table order (2–3)", "data"),
        Param(
            "estimates",
            "β̂ for the intercept, then each covariate",
            "numbers",
            low=-20,
            high=20,
            length=(2, 4),
        ),
        Param(
            "ses",
            "standard errors, same order",
            "numbers",
            low=0,
            high=20,
            open=True,
            length=(2, 4),
        ),
        Param(
            "asked",
            "which covariate row (1 = first) has its z and p left blank",
            "integer",
            low=1,
            high=3,
        ),
        Param("alpha", "significance level α", "choice", options=ALPHAS),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={
        "scenario": "migraine",
        "covariates": ["amalgam", "coffee"],
        "estimates": [-2.14, 0.17, 0.012],
        "ses": [0.41, 0.06, 0.009],
        "asked": 2,
        "alpha": "0.05",
    },
)
