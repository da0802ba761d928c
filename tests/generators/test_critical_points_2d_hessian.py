"""critical_points_2d_hessian: the book's quadratic, a hand-worked saddle, numpy recomputation."""

import numpy as np
import pytest

from generators.calculus.critical_points_2d_hessian import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_quadratic_has_a_minimum_at_the_origin():
    # CAL-Q18: 2x² − xy + y²: (0, 0), det H = 7 > 0, a minimum
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("point", "[0, 0]", "correct"),
            ("det", "7", "correct"),
            ("det", "1", "diagonal_not_doubled"),
            ("det", "4", "offdiagonal_doubled"),
            ("type", "a", "correct"),
            ("type", "c", "incorrect"),
            ("value", "0", "correct"),
        ],
    )


def test_hand_worked_saddle():
    # f = x² + 4xy + y² − 6x, by hand: ∇f = (2x + 4y − 6, 4x + 2y) = 0 gives y = −2x,
    # 2x − 8x = 6, x = −1, y = 2; H = [[2, 4], [4, 2]], det = 4 − 16 = −12 < 0: a saddle;
    # f(−1, 2) = 1 − 8 + 4 + 6 = 3. Slips: a·c − b² = 1 − 16 = −15; 4ac − 4b² = 4 − 64 = −60.
    params = {"a": 1, "b": 4, "c": 1, "d": -6, "e": 0, "g": 0}
    assert_graded(
        FAMILY.from_params(params),
        [
            ("point", "[-1, 2]", "correct"),
            ("point", "[1, -2]", "sign"),
            ("point", "[2, -1]", "swapped"),
            ("det", "-12", "correct"),
            ("det", "-15", "diagonal_not_doubled"),
            ("det", "-60", "offdiagonal_doubled"),
            ("type", "c", "correct"),
            ("value", "3", "correct"),
        ],
    )


@pytest.mark.parametrize("seed", range(0, 120, 6))
def test_point_and_type_match_numpy(seed):
    variant = FAMILY.variant(seed)
    a, b, c, d, e, g = (variant.params[name] for name in "abcdeg")
    hessian = np.array([[2 * a, b], [b, 2 * c]], dtype=float)
    point = np.linalg.solve(hessian, [-d, -e])
    eigenvalues = np.linalg.eigvalsh(hessian)
    expected = "a" if eigenvalues.min() > 0 else "b" if eigenvalues.max() < 0 else "c"
    assert [to_float(v) for v in variant.part("point").answer] == pytest.approx(point)
    assert to_float(variant.part("det").answer) == pytest.approx(np.linalg.det(hessian))
    assert variant.part("type").answer == expected
    x, y = point
    value = a * x * x + b * x * y + c * y * y + d * x + e * y + g
    assert to_float(variant.part("value").answer) == pytest.approx(value, abs=1e-9)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, {**BOOK, "a": 1}, [("b", 2), ("a", 51), ("g", "x")])
