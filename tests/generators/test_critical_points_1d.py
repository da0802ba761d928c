"""critical_points_1d: the book's 2x³ − x, a hand-worked cubic, numpy roots."""

import numpy as np
import pytest

from generators.calculus.critical_points_1d import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_cubic():
    # CAL-Q17: 2x³ − x: maximum √6/9 at −1/√6, minimum −√6/9 at 1/√6, inflection at 0
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("critical", "[-1/sqrt(6), 1/sqrt(6)]", "correct"),
            ("max_value", "sqrt(6)/9", "correct"),
            ("max_value", "0.272", "correct"),
            ("max_value", "-0.272", "max_min_swapped"),
            ("min_value", "-sqrt(6)/9", "correct"),
            ("inflection", "0", "correct"),
        ],
    )


def test_hand_worked_cubic():
    # f = −x³ + 3x² + 9x + 1, by hand: f' = −3x² + 6x + 9 = −3(x − 3)(x + 1): x = −1, 3;
    # f'' = −6x + 6 is 12 > 0 at −1 (minimum f(−1) = 1 + 3 − 9 + 1 = −4) and −12 < 0 at 3
    # (maximum f(3) = −27 + 27 + 27 + 1 = 28); inflection where f'' = 0: x = 1.
    assert_graded(
        FAMILY.from_params({"a": -1, "b": 3, "c": 9, "d": 1}),
        [
            ("critical", "[-1, 3]", "correct"),
            ("critical", "[-3, 1]", "sign"),
            ("max_value", "28", "correct"),
            ("max_value", "-4", "max_min_swapped"),
            ("min_value", "-4", "correct"),
            ("min_value", "28", "max_min_swapped"),
            ("inflection", "1", "correct"),
            ("inflection", "-1", "sign"),
        ],
    )


@pytest.mark.parametrize("seed", range(0, 100, 5))
def test_matches_numpy_roots(seed):
    variant = FAMILY.variant(seed)
    a, b, c, d = (variant.params[name] for name in "abcd")
    roots = np.sort(np.roots([3 * a, 2 * b, c]).real)
    values = [a * r**3 + b * r**2 + c * r + d for r in roots]
    curvature = [6 * a * r + 2 * b for r in roots]
    maximum = values[int(np.argmin(curvature))]
    minimum = values[int(np.argmax(curvature))]
    assert [to_float(v) for v in variant.part("critical").answer] == pytest.approx(roots)
    assert to_float(variant.part("max_value").answer) == pytest.approx(maximum)
    assert to_float(variant.part("min_value").answer) == pytest.approx(minimum)
    assert maximum > minimum


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("a", 0), ("c", 1)])
