"""gradient_descent_iterations: the book's bouncing x², a hand-worked run, a float re-run."""

from fractions import Fraction

import pytest

from generators.calculus.gradient_descent_iterations import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_x_squared_from_minus_one_bounces():
    # CAL-Q19: x² from −1 with η = 1: 1, −1, 1, … for ever; converges iff 0 < η < 1
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("iterates", "[1, -1, 1]", "correct"),
            ("iterates", "[-3, -9, -27]", "sign"),
            ("behaviour", "c", "correct"),
            ("behaviour", "d", "incorrect"),
            ("eta_limit", "1", "correct"),
            ("eta_limit", "2", "curvature_halved"),
            ("eta_limit", "0.5", "one_step_rate"),
        ],
    )


def test_hand_worked_run():
    # 2(x − 1)² + 3 from 3 with η = 0.1: the error 2 shrinks by 1 − 2·2·0.1 = 0.6 per step:
    # 2.2, 1.72, 1.432. Ascent multiplies it by 1.4 (3.8, 4.92, 6.488); η left out, by −3
    # (−5, 19, −53). Limit 1/a = 0.5.
    params = {"a": 2, "c": 1, "d": 3, "x0": 3, "eta": 0.1}
    assert_graded(
        FAMILY.from_params(params),
        [
            ("iterates", "[2.2, 1.72, 1.432]", "correct"),
            ("iterates", "[3.8, 4.92, 6.488]", "sign"),
            ("iterates", "[-5, 19, -53]", "step_not_scaled"),
            ("behaviour", "a", "correct"),
            ("eta_limit", "0.5", "correct"),
        ],
    )


@pytest.mark.parametrize("seed", range(0, 200, 7))
def test_iterates_and_behaviour_match_a_float_rerun(seed):
    variant = FAMILY.variant(seed)
    p = {k: float(Fraction(str(v))) for k, v in variant.params.items()}
    x, xs = p["x0"], []
    for _ in range(60):
        x = x - p["eta"] * 2 * p["a"] * (x - p["c"])
        xs.append(x)
    got = [to_float(v) for v in variant.part("iterates").answer]
    assert got == pytest.approx(xs[:3], rel=1e-12, abs=1e-12)
    assert variant.part("behaviour").answer == observed_behaviour(xs, p["c"])


def observed_behaviour(xs, c):
    """The option a long float run shows: a monotone, b damped zigzag, c bouncing, d diverging."""
    error = [abs(v - c) for v in xs]
    if error[-1] > error[0] * 10:
        return "d"
    if abs(error[-1] - error[0]) < 1e-9 and error[0] > 1e-12:
        return "c"
    sides = {v > c for v in xs if abs(v - c) > 1e-12}
    return "b" if len(sides) == 2 else "a"


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("x0", 0), ("eta", 0), ("a", 0)])
