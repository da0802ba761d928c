"""limits_lhopital: our instances worked by hand, the determinate trap, numerical limits."""

import pytest
import sympy

from generators.calculus.limits_lhopital import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


@pytest.mark.parametrize(
    ("params", "cases"),
    [
        # ln(x)/(x − 1) at 1: 0/0, f'/g' = (1/x)/1 -> 1
        (BOOK, [("form", "a", "correct"), ("limit", "1", "correct")]),
        # (1 − cos 3x)/(2x²) at 0: twice 0/0, 9cos(3x)/4 -> 9/4; a k forgotten: 3/4
        (
            {"kind": "cos", "a": 0, "k": 3, "m": 2},
            [("limit", "2.25", "correct"), ("limit", "0.75", "missing_chain_factor")],
        ),
        # (x² + 1)/(x − 2) at 1 is determinate: 2/(−1) = −2; L'Hôpital would give 2x/1 = 2
        (
            {"kind": "determinate", "a": 1, "k": 1, "m": -2},
            [
                ("form", "b", "correct"),
                ("form", "a", "incorrect"),
                ("limit", "-2", "correct"),
                ("limit", "2", "lhopital_misapplied"),
            ],
        ),
        # (e^(2x) − e²)/(3(x − 1)) at 1: 2e²/3 ≈ 4.926; upside down 3/(2e²) ≈ 0.2030; e²/3 ≈ 2.463
        (
            {"kind": "exp", "a": 1, "k": 2, "m": 3},
            [
                ("limit", "4.926", "correct"),
                ("limit", "0.2030", "inverted"),
                ("limit", "2.463", "missing_chain_factor"),
            ],
        ),
        # (x − 2)(x + 1)/((x − 2)(x + 3)) at 2: 3/5
        (
            {"kind": "poly_ratio", "a": 2, "k": 1, "m": 3},
            [("limit", "0.6", "correct"), ("limit", "5/3", "inverted")],
        ),
    ],
)
def test_hand_worked_limits(params, cases):
    assert_graded(FAMILY.from_params(params), cases)


@pytest.mark.parametrize("seed", range(0, 100, 5))
def test_limit_matches_mpmath(seed):
    from generators.calculus.limits_lhopital import quotient

    variant = FAMILY.variant(seed)
    top, bottom = quotient(variant.params)
    a = variant.params["a"]
    ratio = top / bottom
    # the quotient just beside a, at 80 digits: the 0/0 cancellation costs about 40 of them
    value = ratio.subs("x", a + sympy.Rational(1, 10**20)).evalf(80)
    assert to_float(variant.part("limit").answer) == pytest.approx(float(value), rel=1e-8)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("a", 0), ("k", 2), ("m", 0)])
    assert_refused(FAMILY, {"kind": "sin", "a": 0, "k": 2, "m": 1}, [("a", 1)])
