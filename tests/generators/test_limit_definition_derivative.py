"""limit_definition_derivative: the book's 1/√x at 9, a hand-worked cubic, numerical limits."""

import mpmath
import pytest

from generators.calculus.limit_definition_derivative import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_one_over_root_x_at_nine():
    # CAL-Q3: g'(9) = −1/54; the tangent y = 1/3 − (x − 9)/54 has intercept 1/2
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("quotient", "(1/sqrt(9 + h) - 1/3)/h", "correct"),
            ("quotient", "-1/(3 sqrt(9+h) (3 + sqrt(9+h)))", "correct"),
            ("quotient", "1/sqrt(9 + h) - 1/3", "no_division"),
            ("slope", "-1/54", "correct"),
            ("slope", "1/3", "value_not_slope"),
            ("intercept", "0.5", "correct"),
            ("intercept", "1/6", "tangent_sign"),
        ],
    )


def test_hand_worked_cubic():
    # f = x³ − 2x + 1 at c = 2, by hand: f(2 + h) = 8 + 12h + 6h² + h³ − 4 − 2h + 1, f(2) = 5,
    # so the quotient is h² + 6h + 10, f'(2) = 10, the secant over h = 1 has slope 17, and the
    # tangent y = 5 + 10(x − 2) crosses the y-axis at −15 (+25 with the sign of c flipped).
    params = {"function": "poly", "coefficients": [1, -2, 0, 1], "k": 1, "c": 2}
    assert_graded(
        FAMILY.from_params(params),
        [
            ("quotient", "h^2 + 6h + 10", "correct"),
            ("quotient", "h^3 + 6h^2 + 10h", "no_division"),
            ("slope", "10", "correct"),
            ("slope", "17", "secant_slope"),
            ("slope", "5", "value_not_slope"),
            ("intercept", "-15", "correct"),
            ("intercept", "25", "tangent_sign"),
        ],
    )


@pytest.mark.parametrize("seed", range(0, 100, 5))
def test_slope_is_the_numerical_limit_of_the_quotient(seed):
    variant = FAMILY.variant(seed)
    p = variant.params
    k, c = p["k"], p["c"]
    functions = {
        "poly": lambda x: sum(a * x**n for n, a in enumerate(p["coefficients"])),
        "recip_sqrt": lambda x: k / mpmath.sqrt(x),
        "sqrt": lambda x: k * mpmath.sqrt(x),
        "recip": lambda x: k / x,
    }
    f = functions[p["function"]]
    with mpmath.workdps(50):
        limit = mpmath.limit(lambda h: (f(c + h) - f(c)) / h, 0)
    assert to_float(variant.part("slope").answer) == pytest.approx(float(limit), rel=1e-9)
    expected = float(f(mpmath.mpf(c))) - float(limit) * c
    assert to_float(variant.part("intercept").answer) == pytest.approx(expected, rel=1e-9, abs=1e-9)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [("c", 0), ("c", -4), ("k", 0), ("coefficients", [1, 2, 3])],
    )
    cubic = {"function": "poly", "coefficients": [1, -2, 0, 1], "k": 1, "c": 2}
    assert_refused(FAMILY, cubic, [("coefficients", [1, 2, 0]), ("k", 2)])
