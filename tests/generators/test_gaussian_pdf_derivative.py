"""gaussian_pdf_derivative: our standard-normal instance, a finite-difference oracle with math,
the slope sentence, the slips, and bad parameters."""

import math

import pytest

from generators.deep_learning.gaussian_pdf_derivative import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_own_instance_worked_by_hand():
    # standard normal at 0.5: pdf e^(-1/8)/√(2π) ≈ 0.35207; slope -0.5·0.35207 ≈ -0.17603
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("pdf", "0.3521", "correct"),
            ("pdf", "0.1405", "missing_sqrt"),  # e^(-1/8)/(2π)
            ("pdf", "0.3107", "missing_half"),  # e^(-1/4)/√(2π)
            ("derivative", "-0.1760", "correct"),
            ("derivative", "0.1760", "sign"),
            ("score", "-0.5", "correct"),
            ("score", "0.5", "sign"),
            ("derivative_formula", "-x*exp(-x^2/2)/sqrt(2*pi)", "correct"),
        ],
    )


def test_hand_checked_nonstandard_instance():
    # μ 1, σ 2, x 3: z = 1, pdf = e^(-1/2)/(2√(2π)) ≈ 0.120985; slope -(2/4)·pdf ≈ -0.060493
    variant = FAMILY.from_params({"mu": 1, "sigma": 2, "x": 3})
    assert_graded(
        variant,
        [
            ("pdf", "0.1210", "correct"),
            ("pdf", "0.06049", "variance_for_sd"),
            ("derivative", "-0.06049", "correct"),
            ("derivative", "-0.2420", "chain_rule_dropped"),
            ("derivative", "-0.1210", "sigma_not_variance"),
            ("score", "-0.5", "correct"),
        ],
    )


def test_matches_a_finite_difference_oracle():
    def oracle(params):
        mu, sigma, x = (float(params[k]) for k in ("mu", "sigma", "x"))

        def pdf(t):
            return math.exp(-((t - mu) ** 2) / (2 * sigma**2)) / (sigma * math.sqrt(2 * math.pi))

        h = 1e-6
        return {
            "pdf": pdf(x),
            "derivative": (pdf(x + h) - pdf(x - h)) / (2 * h),
            "score": (math.log(pdf(x + h)) - math.log(pdf(x - h))) / (2 * h),
        }

    assert_oracle(FAMILY, oracle, rel=1e-6)


@pytest.mark.parametrize("seed", range(60))
def test_slope_sentence_matches_the_side_of_the_mean(seed):
    variant = FAMILY.variant(seed)
    below = variant.params["x"] < variant.params["mu"]
    assert ("x lies below the mean" in variant.solution) == below


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("sigma", 0), ("sigma", -1), ("x", "one")])
