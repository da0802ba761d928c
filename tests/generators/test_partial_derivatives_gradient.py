"""partial_derivatives_gradient: the book's functions, a hand-worked instance, numerical check."""

import mpmath
import pytest

from generators.calculus.partial_derivatives_gradient import FAMILY
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params
ANYWHERE = {"point": [1, 2], "direction": [3, 4]}


def test_book_directional_derivative_is_minus_one_over_root_two():
    # CAL-Q13: xy² − y − 1 at (−1, 0) along (1, 1): ∇f = (0, −1), D = −1/√2; −1 unnormalised
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("dx", "y^2", "correct"),
            ("dy", "2xy - 1", "correct"),
            ("dy", "y^2", "other_partial"),
            ("dy", "2x y - 2", "constant_not_dropped"),
            ("gradient", "[0, -1]", "correct"),
            ("gradient", "[-1, 0]", "swapped_components"),
            ("directional", "-1/sqrt(2)", "correct"),
            ("directional", "-0.707", "correct"),
            ("directional", "-1", "unnormalised_direction"),
            ("directional", "1", "gradient_norm"),
        ],
    )


@pytest.mark.parametrize(
    ("terms", "trig", "k", "cases"),
    [
        # CAL-Q12: ∂/∂x (x²y + xy + 8y) = 2xy + y
        ([[1, 2, 1], [1, 1, 1], [8, 0, 1]], "none", 0, [("dx", "2xy + y", "correct")]),
        # CAL-Q13: ∇(xy² − y² + x³) = (y² + 3x², 2xy − 2y)
        (
            [[1, 1, 2], [-1, 0, 2], [1, 3, 0]],
            "none",
            0,
            [("dx", "y^2 + 3x^2", "correct"), ("dy", "2xy - 2y", "correct")],
        ),
        # CAL-Q14: 3 sin²(x − y)
        (
            [],
            "sin_sq_diff",
            3,
            [
                ("dx", "6 sin(x - y) cos(x - y)", "correct"),
                ("dx", "3 sin(2x - 2y)", "correct"),
                ("dy", "-6 sin(x - y) cos(x - y)", "correct"),
                ("dx", "6 sin(x - y)", "chain_rule_missed"),
                ("dy", "6 sin(x - y) cos(x - y)", "chain_rule_missed"),
            ],
        ),
        # CAL-Q15: 2 sin x sin y
        (
            [],
            "sin_sin",
            2,
            [
                ("dx", "2 cos(x) sin(y)", "correct"),
                ("dy", "2 sin(x) cos(y)", "correct"),
                ("dx", "2 cos(x) cos(y)", "chain_rule_missed"),
            ],
        ),
    ],
)
def test_the_books_other_functions(terms, trig, k, cases):
    params = {"terms": terms, "trig": trig, "trig_coef": k, **ANYWHERE}
    assert_graded(FAMILY.from_params(params), cases)


def test_hand_worked_instance():
    # f = 3x²y − 2y³ + 5x at (2, −1) along (3, 4), by hand: ∂x = 6xy + 5 = −7,
    # ∂y = 3x² − 6y² = 6, D = (−21 + 24)/5 = 0.6 (unnormalised 3, |∇f| = √85)
    params = {"terms": [[3, 2, 1], [-2, 0, 3], [5, 1, 0]], "trig": "none", "trig_coef": 0}
    variant = FAMILY.from_params({**params, "point": [2, -1], "direction": [3, 4]})
    assert_graded(
        variant,
        [
            ("dx", "6xy + 5", "correct"),
            ("dx", "6xy", "incorrect"),
            ("dx", "6x^2y + 5x", "power_not_lowered"),
            ("dy", "3x^2 - 6y^2", "correct"),
            ("gradient", "[-7, 6]", "correct"),
            ("gradient", "[7, -6]", "sign"),
            ("directional", "0.6", "correct"),
            ("directional", "3", "unnormalised_direction"),
            ("directional", "9.22", "gradient_norm"),
        ],
    )


def _numeric_f(params):
    k, kind = params["trig_coef"], params["trig"]

    def f(x, y):
        total = sum(c * x**a * y**b for c, a, b in params["terms"])
        if kind == "sin_sq_diff":
            total += k * mpmath.sin(x - y) ** 2
        elif kind == "sin_sin":
            total += k * mpmath.sin(x) * mpmath.sin(y)
        elif kind == "cos_prod":
            total += k * mpmath.cos(x * y)
        return total

    return f


def test_gradient_and_directional_match_numerical_differentiation():
    from interview_sim.answers.check import to_float

    for seed in range(30):
        variant = FAMILY.variant(seed)
        f = _numeric_f(variant.params)
        x0, y0 = variant.params["point"]
        v1, v2 = variant.params["direction"]
        with mpmath.workdps(30):
            gx = mpmath.diff(f, (x0, y0), (1, 0))
            gy = mpmath.diff(f, (x0, y0), (0, 1))
        got = [to_float(g) for g in variant.part("gradient").answer]
        assert got == pytest.approx([float(gx), float(gy)], rel=1e-9, abs=1e-12), seed
        expected = float((gx * v1 + gy * v2) / mpmath.sqrt(v1**2 + v2**2))
        assert to_float(variant.part("directional").answer) == pytest.approx(expected, abs=1e-9)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("terms", [[0, 1, 1], [1, 1, 0]]),
            ("terms", [[1, 4, 1]]),
            ("terms", [[1, 1, 2], [2, 1, 2]]),
            ("terms", [[1, 2, 0]]),
            ("trig_coef", 2),
            ("direction", [0, 0]),
        ],
    )
