"""dual_number_evaluation: the book's expansions, a hand-worked instance, a numerical oracle."""

import mpmath
import pytest

from generators.calculus.dual_number_evaluation import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params
NO_FUNCTION = {"function": "none", "k": 0, "a": 0}


def test_book_quadratic_gives_146_plus_54_epsilon():
    # CAL-Q28: 5x² + 4x + 1 at 5 + ε -> 146 + 54ε; keeping 5ε² gives 59
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("tangent", "(10x + 4) xdot", "correct"),
            ("tangent", "(10x + 4) xdot + 5 xdot^2", "kept_eps_squared"),
            ("tangent", "10x + 4", "seed_ignored"),
            ("value", "146", "correct"),
            ("value", "205", "epsilon_as_one"),
            ("dual", "54", "correct"),
            ("dual", "59", "kept_eps_squared"),
            ("dual", "146", "real_part"),
        ],
    )


def test_book_linear_and_sine():
    # CAL-Q27: 3x + 2 at 2 -> 8 + 3ε; sin(x + ẋε) = sin x + ẋ cos x ε
    linear = FAMILY.from_params({**BOOK, "coefficients": [2, 3], "x0": 2})
    assert_graded(linear, [("value", "8", "correct"), ("dual", "3", "correct")])
    sine = {"coefficients": [0], "function": "sin", "k": 1, "a": 1, "x0": 1, "seed": 1}
    assert_graded(FAMILY.from_params(sine), [("tangent", "xdot cos(x)", "correct")])


def test_hand_worked_instance():
    # f = x³ − 2x at −1 + 2ε, by hand: (x + ẋε)³ = x³ + 3x²ẋε (+ ε² terms), so the ε coefficient
    # is (3x² − 2)ẋ; f(−1) = 1, ε part (3 − 2)·2 = 2. Seed forgotten: 1. ε² and ε³ kept:
    # f''/2·ẋ² = 3x·4 = −12 and f'''/6·ẋ³ = 8, so 2 − 12 + 8 = −2, which for a cubic is also
    # f(1) − f(−1) (ε set to 1): the first-listed slip names it. ε = 1 in the value: f(1) = −1.
    params = {**NO_FUNCTION, "coefficients": [0, -2, 0, 1], "x0": -1, "seed": 2}
    assert_graded(
        FAMILY.from_params(params),
        [
            ("tangent", "(3x^2 - 2) xdot", "correct"),
            ("value", "1", "correct"),
            ("dual", "2", "correct"),
            ("dual", "1", "seed_ignored"),
            ("dual", "-2", "kept_eps_squared"),
            ("value", "-1", "epsilon_as_one"),
        ],
    )


def _numeric_f(params):
    fn = {"sin": mpmath.sin, "cos": mpmath.cos, "exp": mpmath.exp, "ln": mpmath.log}

    def f(x):
        total = sum(c * x**n for n, c in enumerate(params["coefficients"]))
        if params["function"] != "none":
            total += params["k"] * fn[params["function"]](params["a"] * x)
        return total

    return f


def test_value_and_epsilon_part_match_numerical_differentiation():
    for seed in range(40):
        variant = FAMILY.variant(seed)
        params = variant.params
        f = _numeric_f(params)
        with mpmath.workdps(30):
            value = f(mpmath.mpf(params["x0"]))
            slope = mpmath.diff(f, params["x0"]) * params["seed"]
        assert to_float(variant.part("value").answer) == pytest.approx(float(value), rel=1e-12)
        assert to_float(variant.part("dual").answer) == pytest.approx(float(slope), rel=1e-9)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [("coefficients", [7]), ("k", 2), ("a", 1), ("seed", 0)],
    )
    ln = {"coefficients": [0], "function": "ln", "k": 1, "a": 1, "x0": 2, "seed": 1}
    assert_refused(FAMILY, ln, [("x0", -1), ("x0", 0)])
