"""taylor_series: the book's expansions, a hand-worked instance, an independent recomputation."""

import math

import mpmath
import pytest

from generators.calculus.taylor_series import CENTRES, FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params
LN3X_SEVEN_TERMS = "ln(3) + (x-1) - (x-1)^2/2 + (x-1)^3/3 - (x-1)^4/4 + (x-1)^5/5 - (x-1)^6/6"
EMPTY = {"coefficients": [], "scale": 1, "phrasing": "degree", "step": 0.1}


def test_book_first_seven_terms_of_ln_3x():
    # CAL-Q10: seven terms = the constant and the powers 1..6; the 7th power is one too many
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("polynomial", LN3X_SEVEN_TERMS, "correct"),
            ("polynomial", LN3X_SEVEN_TERMS + " + (x-1)^7/7", "terms_miscounted"),
            ("polynomial", "ln(3) + x - x^2/2 + x^3/3 - x^4/4 + x^5/5 - x^6/6", "powers_of_x"),
            ("coefficient", "-1/6", "correct"),
            ("coefficient", "-120", "missing_factorial"),
            ("coefficient", "1/6", "sign"),
        ],
    )


@pytest.mark.parametrize(
    ("params", "cases"),
    [
        # CAL-Q8: 5x² − 11x + 1 about −3 = 79 − 41(x + 3) + 5(x + 3)²
        (
            {**EMPTY, "function": "poly", "coefficients": [1, -11, 5], "centre": "-3"}
            | {"degree": 2, "index": 1},
            [
                ("polynomial", "79 - 41(x + 3) + 5(x + 3)^2", "correct"),
                ("coefficient", "-41", "correct"),
            ],
        ),
        # CAL-Q9: the degree-101 cosine polynomial about 0; its x^100 coefficient is 1/100!
        (
            {**EMPTY, "function": "cos", "centre": "0", "degree": 101, "index": 100},
            [("coefficient", "1/100!", "correct"), ("estimate", "cos(0.1)", "correct")],
        ),
        # CAL-Q6: 1/(1 − x) and e^x about 0
        (
            {**EMPTY, "function": "geometric", "centre": "0", "degree": 4, "index": 4},
            [("polynomial", "1 + x + x^2 + x^3 + x^4", "correct")],
        ),
        (
            {**EMPTY, "function": "exp", "centre": "0", "degree": 3, "index": 3},
            [("polynomial", "1 + x + x^2/2 + x^3/6", "correct"), ("coefficient", "1/6", "correct")],
        ),
        # CAL-Q7: ln x about 1
        (
            {**EMPTY, "function": "ln", "centre": "1", "degree": 3, "index": 3},
            [("polynomial", "(x-1) - (x-1)^2/2 + (x-1)^3/3", "correct")],
        ),
    ],
)
def test_the_books_other_expansions(params, cases):
    assert_graded(FAMILY.from_params(params), cases)


def test_hand_worked_instance():
    # 1/(1 − x) about 2, degree 3, by hand: f(2) = −1, f' = 1/(1−x)² = 1, f''/2 = 1/(1−x)³ = −1,
    # f'''/6 = 1/(1−x)⁴ = 1: T = −1 + (x−2) − (x−2)² + (x−2)³; at 2.3: −1 + 0.3 − 0.09 + 0.027
    # = −0.763, while f(2.3) = −1/1.3 = −0.769; f''' itself is 6.
    params = {**EMPTY, "function": "geometric", "centre": "2", "degree": 3, "index": 3}
    assert_graded(
        FAMILY.from_params({**params, "step": 0.3}),
        [
            ("polynomial", "-1 + (x-2) - (x-2)^2 + (x-2)^3", "correct"),
            ("polynomial", "-1 + (x-2) - (x-2)^2", "terms_miscounted"),
            ("polynomial", "-1 + x - x^2 + x^3", "powers_of_x"),
            ("polynomial", "1 + x + x^2 + x^3", "expanded_about_zero"),
            ("polynomial", "-1 + (x-2) - 2(x-2)^2 + 6(x-2)^3", "missing_factorial"),
            ("coefficient", "1", "correct"),
            ("coefficient", "6", "missing_factorial"),
            ("estimate", "-0.763", "correct"),
            ("estimate", "-0.769", "exact_value_not_polynomial"),
        ],
    )


def test_coefficients_and_estimates_match_mpmath_taylor():
    functions = {
        "exp": lambda k: lambda x: mpmath.exp(k * x),
        "sin": lambda k: mpmath.sin,
        "cos": lambda k: mpmath.cos,
        "geometric": lambda k: lambda x: 1 / (1 - x),
        "ln": lambda k: lambda x: mpmath.log(k * x),
    }
    for seed in range(30):
        variant = FAMILY.variant(seed)
        p = variant.params
        if p["function"] == "poly":
            coefficients = p["coefficients"]

            def f(x, coefficients=coefficients):
                return sum(c * x**n for n, c in enumerate(coefficients))
        else:
            f = functions[p["function"]](p["scale"])
        with mpmath.workdps(40):
            a = mpmath.mpmathify(CENTRES[p["centre"]].evalf(50))
            series = mpmath.taylor(f, a, p["degree"])
            step = mpmath.mpf(str(float(p["step"])))
            estimate = sum(c * step**n for n, c in enumerate(series))
        expected = float(series[p["index"]])
        assert to_float(variant.part("coefficient").answer) == pytest.approx(expected, rel=1e-8)
        assert to_float(variant.part("estimate").answer) == pytest.approx(float(estimate), rel=1e-8)
        assert math.isfinite(expected)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("centre", "0"),
            ("centre", "-1"),
            ("index", 7),
            ("step", 1),
            ("coefficients", [1, 2]),
            ("scale", 0),
        ],
    )
    cosine = {**EMPTY, "function": "cos", "centre": "0", "degree": 4, "index": 2}
    assert_refused(FAMILY, cosine, [("index", 3), ("phrasing", "terms"), ("scale", 2)])
