"""The slips of statistics and fitted logistic models, each written once with its tag.

A family calls ``variance_for_se(variance, ...)`` instead of spelling out a ``slip(...)``, so the
same slip has the same tag, the same credit (the one policy in ``slips``) and the same wording
wherever it appears; the family passes only the words that are its own (how it writes the
variance, what the upside-down ratio means in its story). A slip that only one family makes stays
in that family as data: a table of explanations by tag, turned into mistakes by ``slips.tabled``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from interview_sim.kit.slips import HALF, slip
from interview_sim.model import Mistake

#: mixing up the three scales of a logistic model: (what was given, what was asked) -> why
_SCALES = {
    ("probability", "logit"): "that is P(y = 1) = σ(z), not z itself.",
    ("probability", "odds"): "that is the probability σ(z); the odds are e^z = p/(1 − p).",
    ("logit", "odds"): "that is the log-odds z; the odds are e^z.",
    ("odds", "probability"): "that is the odds e^z; the probability is e^z/(1 + e^z) = σ(z).",
}


def carried(transform: Callable[[Any], Any], mistakes: Iterable[Mistake | None]) -> tuple:
    """The same slips carried through a later step of the working: each value transformed, the
    tag, explanation and credit kept (a slip in the logit z is, under e^z, the same slip in the
    odds)."""
    return tuple(m and replace(m, value=transform(m.value)) for m in mistakes)


def variance_for_se(variance: Any, variance_is: str, se_is: str) -> Mistake:
    """The variance given as the standard error: the square root forgotten."""
    why = f"that is {variance_is}, the variance; the standard error is its square root, {se_is}."
    return slip("variance_not_se", why, variance)


def inverted(value: Any, what: str) -> Mistake:
    """A ratio upside down (odds against for odds for, a decrease for an increase); ``what``
    says what the upside-down value is."""
    return slip("inverted", f"that is {what}.", value)


def sign(value: Any, why: str = "a sign slipped when moving the terms across.") -> Mistake:
    """The right magnitude with the wrong sign."""
    return slip("sign", why, value)


def scale_mixup(given: str, asked: str, value: Any) -> Mistake:
    """A logistic model's probability, odds or logit given where another of the three was asked
    (tag ``<given>_not_<asked>``)."""
    return slip(f"{given}_not_{asked}", _SCALES[given, asked], value)


def dropped_binomial_coefficient(value: Any, likelihood: str = "l(γ)") -> Mistake:
    """A binomial log-likelihood without its constant ln C(n, y): the maximiser is right, the
    value is not, so half credit (the policy's "right method, one wrong detail")."""
    why = (
        "the constant ln C(n, y) is missing. It does not move the maximiser, but "
        f"{likelihood} itself is ln C(n, y) + y ln γ + (n − y) ln(1 − γ)."
    )
    return slip("dropped_binomial_coefficient", why, value, HALF)


def observed_information(value: Any, expectation: str) -> Mistake:
    """The observed information −l''(θ) given for the Fisher information, its expectation over
    the data: the right curvature one step short, so half credit."""
    why = (
        "that is the observed information −l''(γ) for this sample. The Fisher information is "
        f"its expectation over Y: {expectation}."
    )
    return slip("observed_information", why, value, HALF)


def sigma_minus_z(value: Any) -> Mistake:
    """σ(−z) = 1 − p, the probability of the other class, given for P(y = 1)."""
    return slip("sigma_minus_z", "that is σ(−z) = 1 − p, the probability of y = 0.", value)


def rounded_coefficients(value: Any) -> Mistake:
    """A fitted model evaluated with its coefficients rounded to two decimals: the method is
    right, so the policy's half credit, but a small coefficient times a large covariate value
    moves the result."""
    why = (
        "the method is right, but the coefficients were rounded to two decimals first; small "
        "coefficients multiply large covariate values, so keep every printed digit."
    )
    return slip("rounded_coefficients", why, value)


def one_sided_z(interval: Any, z_one_sided: Any, z: Any, level: Any) -> Mistake:
    """A two-sided interval built with the one-sided critical value (too narrow); the values are
    shown as the statement shows them."""
    from interview_sim.render import num  # render loads the kit: imported when first used

    z_one_sided, z = num(z_one_sided), num(z)
    why = f"that uses the one-sided z = {z_one_sided}; a two-sided {level}% interval needs z = {z}."
    return slip("one_sided_z", why, interval)


def no_z(interval: Any, z: Any) -> Mistake:
    """An interval of ± one standard error: the critical value left out."""
    from interview_sim.render import num  # render loads the kit: imported when first used

    return slip("no_z", f"that is β̂ ± SE; the margin is z·SE with z = {num(z)}.", interval)


def exponentiated_se(center: Any, margin: Any, of: str = "β") -> Mistake:
    """An odds-ratio interval built as e^estimate ± z·e^SE: the SE exponentiated and added on the
    odds-ratio scale instead of exponentiating the endpoints."""
    why = (
        "that exponentiates the SE and adds it to the odds ratio; exponentiate the endpoints of "
        f"the interval for {of} instead."
    )
    return slip("exponentiated_se", why, (center - margin, center + margin))


def margin_not_exponentiated(center: Any, margin: Any, center_is: str) -> Mistake:
    """The log-scale margin z·SE put around the odds ratio, as if the interval were symmetric on
    the odds-ratio scale."""
    why = (
        f"that puts the log-scale margin z·SE around {center_is}; the interval is not symmetric "
        "on the odds-ratio scale: exponentiate both endpoints."
    )
    return slip("margin_not_exponentiated", why, (center - margin, center + margin))


def exponentiated(interval: Any, of: str = "β") -> Mistake:
    """The odds-ratio interval given where the interval on the log scale was asked."""
    why = f"that is the interval for the odds ratio per unit; the question asks for {of} itself."
    return slip("exponentiated", why, interval)


def not_exponentiated(interval: Any, of: str = "the log odds ratio") -> Mistake:
    """The interval on the log scale given for the odds ratio's."""
    return slip(
        "not_exponentiated",
        f"that is the interval for {of}; exponentiate both endpoints.",
        interval,
    )
