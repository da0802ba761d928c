"""exponential_lifetime_layer: the book's 10^-394.85, a hand-checked small layer, an oracle."""

import math
from fractions import Fraction

from generators.bayesian.exponential_lifetime_layer import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_is_practically_zero():  # PRB-64: P ≈ 10^(−394.85)
    variant = FAMILY.from_params(BOOK)
    assert_graded(
        variant,
        [
            ("survival", "exp(-20)", "correct"),
            ("survival", "1 - exp(-20)", "cdf_not_survival"),
            ("expected_on", "4.122e-7", "correct"),
            ("log10_active", "-394.85", "correct"),
            ("log10_active", "-395", "correct"),
        ],
    )
    assert "smallest positive double" in variant.solution
    # off by one: at least 50 on instead of 51
    assert_graded(variant, [("log10_active", "-386.64", "off_by_one")])


def test_hand_checked_two_neurons():
    # by hand: N = 2, off at M = 2 (active while at least 1 on), λ = 1, t = ln-free t = 1:
    # s = e^-1; P(active) = 1 − (1 − s)² = 0.6004; log10 = −0.2216
    variant = FAMILY.from_params({"n": 2, "m": 2, "rate": 1, "t": 1})
    s = math.exp(-1)
    assert_graded(
        variant,
        [
            ("survival", "0.3679", "correct"),
            ("log10_active", f"{math.log10(1 - (1 - s) ** 2):.5f}", "correct"),
            ("log10_active", "-0.2216", "correct"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        n, m = params["n"], params["m"]
        lt = float(Fraction(str(params["rate"])) * Fraction(str(params["t"])))
        log_s, log_f = -lt, math.log(-math.expm1(-lt))
        logs = [
            math.lgamma(n + 1)
            - math.lgamma(j + 1)
            - math.lgamma(n - j + 1)
            + j * log_s
            + (n - j) * log_f
            for j in range(n - m + 1, n + 1)
        ]
        top = max(logs)
        log_total = top + math.log(sum(math.exp(v - top) for v in logs))
        return {"log10_active": log_total / math.log(10), "expected_on": n * math.exp(-lt)}

    assert_oracle(FAMILY, oracle, rel=1e-9)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("m", 201), ("m", 0), ("t", 0), ("rate", 0)])
