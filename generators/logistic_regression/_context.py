"""Shared story material for the fitted-logistic-model families (PRB-18, PRB-20, PRB-21, PRB-22).

The book's fitted-model problems put a logistic regression in a medical story: a count of gum
bacteria and Alzheimer's disease, minutes of radiation and cancer, amalgam fillings, cups of
coffee and migraines. A *scenario* names the outcome y = 1; a *covariate* says what x measures,
which values are plausible and on which grid its coefficient lives (a bacteria count needs a
coefficient like 0.0258, a 0/1 indicator one like -1.25). Not a family: it defines no ``FAMILY``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from random import Random

import sympy

from interview_sim.family import Param, ParamError

# The book's mock-exam model (gum bacteria and Alzheimer's), shared by the LR families' book
# instances: logit = -4.8792 + 0.0258 * bacteria, SE(beta1) = 0.0194.
BOOK_MODEL = {
    "scenario": "alzheimer",
    "covariates": ["bacteria"],
    "intercept": -4.8792,
    "coefficients": [0.0258],
}


def dec(text: str) -> sympy.Rational:
    return sympy.Rational(text)


@dataclass(frozen=True)
class Covariate:
    key: str
    label: str  # what x measures, as a phrase: "the number of gum-bacteria colonies in a swab"
    short: str  # a table heading: "bacteria count"
    indicator: bool = False
    limit: sympy.Rational = dec("10000")  # explicit values must lie in [0, limit]
    value_range: tuple[str, str, str] = ("0", "1", "1")  # draws: (low, high, step)
    coef_range: tuple[str, str, str] = ("0.1", "2", "0.01")  # draws: |beta| (low, high, step)
    # the sign common knowledge expects of the coefficient: +1 raises the risk (age, smoking),
    # -1 lowers it (exercise, sleep), 0 for a covariate whose direction a reader would accept
    # either way (coffee); drawn coefficients always follow it, so no story reads as implausible
    sign: int = 1
    deltas: tuple[str, ...] = ("1",)  # natural increments for an odds ratio

    def draw_value(self, rng: Random) -> sympy.Rational:
        if self.indicator:
            return sympy.Integer(rng.randint(0, 1))
        return grid(rng, *self.value_range)

    def draw_coef(self, rng: Random) -> sympy.Rational:
        magnitude = grid(rng, *self.coef_range)
        sign = self.sign or rng.choice((-1, 1))
        return sign * magnitude


COVARIATES: dict[str, Covariate] = {
    c.key: c
    for c in (
        Covariate(
            "bacteria",
            "the number of gum-bacteria colonies counted in a mouth swab",
            "bacteria count",
            limit=dec("10000"),
            value_range=("20", "300", "1"),
            coef_range=("0.005", "0.05", "0.0001"),
            deltas=("1", "10", "50", "100"),
        ),
        Covariate(
            "age",
            "age in years",
            "age (years)",
            limit=dec("130"),
            value_range=("25", "85", "1"),
            coef_range=("0.01", "0.12", "0.001"),
            deltas=("1", "5", "10"),
        ),
        Covariate(
            "radiation",
            "minutes of radiation exposure",
            "radiation (min)",
            limit=dec("10000"),
            value_range=("5", "100", "1"),
            coef_range=("0.005", "0.1", "0.001"),
            deltas=("1", "10", "30"),
        ),
        Covariate(
            "tumour",
            "the tumour's diameter in cm",
            "tumour size (cm)",
            limit=dec("100"),
            value_range=("0.5", "10", "0.1"),
            coef_range=("0.1", "1.5", "0.01"),
            deltas=("1", "0.5", "2"),
        ),
        Covariate(
            "coffee",
            "cups of coffee drunk per week",
            "coffee (cups/week)",
            limit=dec("1000"),
            value_range=("2", "100", "1"),
            coef_range=("0.005", "0.08", "0.001"),
            sign=0,
            deltas=("1", "7", "10"),
        ),
        Covariate(
            "sleep",
            "hours of sleep per night",
            "sleep (h/night)",
            limit=dec("24"),
            value_range=("4", "10", "0.5"),
            coef_range=("0.05", "0.8", "0.01"),
            sign=-1,
            deltas=("1", "0.5", "2"),
        ),
        Covariate(
            "amalgam",
            "the number of amalgam dental fillings",
            "amalgam fillings",
            limit=dec("40"),
            value_range=("0", "12", "1"),
            coef_range=("0.02", "0.4", "0.01"),
            sign=0,  # a contested link: either direction reads as a plausible finding
            deltas=("1", "2", "5"),
        ),
        Covariate("smoker", "1 for a smoker, 0 for a non-smoker", "smoker (0/1)", True),
        Covariate(
            "apoe4",
            "1 for a carrier of the APOE-ε4 gene variant, 0 otherwise",
            "APOE-ε4 (0/1)",
            True,
        ),
        Covariate(
            "exercise",
            "1 if the person exercises regularly, 0 otherwise",
            "exercises (0/1)",
            True,
            sign=-1,
        ),
        Covariate(
            "treated",
            "1 if the patient received the new treatment, 0 for the standard one",
            "treated (0/1)",
            True,
            sign=-1,
        ),
    )
}


@dataclass(frozen=True)
class Scenario:
    key: str
    outcome: str  # what y = 1 means
    subject: str  # who the model is about
    covariates: tuple[str, ...]
    # the plausible probabilities of y = 1 for one subject: a 10-year heart-attack risk of 95%
    # or an Alzheimer's diagnosis that is near certain reads as a broken model
    risk: tuple[str, str] = ("0.02", "0.9")

    def plausible(self, p: sympy.Basic) -> bool:
        """Whether a subject's probability of y = 1 fits the setting."""
        low, high = (sympy.Rational(r) for r in self.risk)
        return bool(low <= p <= high)


SCENARIOS: dict[str, Scenario] = {
    s.key: s
    for s in (
        Scenario(
            "alzheimer",
            "the patient is diagnosed with Alzheimer's disease",
            "patient",
            ("bacteria", "age", "apoe4", "smoker"),
            risk=("0.02", "0.8"),
        ),
        Scenario(
            "cancer",
            "the tumour turns out to be malignant",
            "patient",
            ("radiation", "tumour", "age", "smoker", "treated"),
            risk=("0.03", "0.95"),
        ),
        Scenario(
            "heart",
            "the person has a heart attack within ten years",
            "person",
            ("coffee", "age", "sleep", "smoker", "exercise"),
            risk=("0.01", "0.6"),
        ),
        Scenario(
            "migraine",
            "the person suffers from migraines",
            "person",
            ("amalgam", "coffee", "sleep"),
            risk=("0.03", "0.6"),
        ),
    )
}

# The parameters of a fitted model, declared once for the families that show one.
MODEL_PARAMS = (
    Param("scenario", "the story: what y = 1 means", "choice", options=tuple(SCENARIOS)),
    Param("covariates", "covariate names of the scenario, in model order (1–3)", "data"),
    Param("intercept", "intercept β0", low=-20, high=20),
    Param("coefficients", "coefficients β1..βk", "numbers", low=-10, high=10, length=(1, 3)),
)


def grid(rng: Random, low: str, high: str, step: str) -> sympy.Rational:
    """A value on the grid low, low + step, …, high (inclusive), as an exact rational."""
    lo, hi, st = Fraction(low), Fraction(high), Fraction(step)
    count = int((hi - lo) / st)
    value = lo + st * rng.randint(0, count)
    return sympy.Rational(value.numerator, value.denominator)


def round_to(value: sympy.Basic, places: int) -> sympy.Rational:
    """Round a real to a number of decimal places (half away from zero), exactly."""
    text = str(sympy.N(value, 40))
    rounded = Decimal(text).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return sympy.Rational(str(rounded))


def check_scenario(scenario: str, keys: object, name: str = "covariates") -> list[Covariate]:
    """Validate a list of covariate keys for a scenario and return the covariates."""
    pool = SCENARIOS[scenario].covariates
    if isinstance(keys, str):
        keys = [keys]
    if not isinstance(keys, (list, tuple)) or not 1 <= len(keys) <= 3:
        raise ParamError(name, f"must be a list of 1–3 covariate names from {', '.join(pool)}")
    for key in keys:
        if key not in pool:
            raise ParamError(
                name, f"{key!r} is not a covariate of the {scenario!r} scenario ({', '.join(pool)})"
            )
    if len(set(keys)) != len(keys):
        raise ParamError(name, "each covariate may appear only once")
    return [COVARIATES[key] for key in keys]


def check_values(covariates: list[Covariate], values: list, name: str = "values") -> None:
    for cov, value in zip(covariates, values, strict=True):
        if cov.indicator and value not in (0, 1):
            raise ParamError(name, f"{cov.key} is an indicator: its value must be 0 or 1")
        if not 0 <= value <= cov.limit:
            raise ParamError(name, f"{cov.key} must lie in [0, {cov.limit}], got {value}")


def symbol_name(index: int) -> str:
    return f"x{index}"


def signed(value: sympy.Rational) -> str:
    """' + 0.0258' or ' − 1.25' for writing a linear predictor term by term."""
    from interview_sim.render import num

    return f" − {num(-value)}" if value < 0 else f" + {num(value)}"


def linear_text(intercept, coefficients, names) -> str:
    """'−4.8792 + 0.0258·x1 − 1.2·x2' with the minus signs written properly."""
    from interview_sim.render import num

    head = f"−{num(-intercept)}" if intercept < 0 else num(intercept)
    return head + "".join(f"{signed(b)}·{n}" for b, n in zip(coefficients, names, strict=True))


def check_model(params: dict, *per_covariate: str) -> list[Covariate]:
    """Validate a fitted model (``MODEL_PARAMS``): covariates of its scenario, each with one
    non-zero coefficient, and one entry per covariate in each list named in ``per_covariate``.
    Returns the covariates."""
    covariates = check_scenario(params["scenario"], params["covariates"])
    for name in ("coefficients", *per_covariate):
        k, count = len(covariates), len(params[name])
        if count != k:
            raise ParamError(name, f"must have one entry per covariate ({k}), got {count}")
    if any(b == 0 for b in params["coefficients"]):
        raise ParamError(
            "coefficients", "a zero coefficient removes its covariate: drop it instead"
        )
    return covariates


def model_facts(params: dict) -> dict:
    """What a statement shows of a fitted model: the scenario, the covariates, their names x1..xk
    and the model as text."""
    covariates = [COVARIATES[key] for key in params["covariates"]]
    names = [symbol_name(i + 1) for i in range(len(covariates))]
    model = linear_text(params["intercept"], params["coefficients"], names)
    return dict(
        scenario=SCENARIOS[params["scenario"]], covariates=covariates, names=names, model=model
    )
