"""forward_mode_ad_table: the book's trace, a hand-worked trace, a numerical oracle."""

import math

import mpmath
import pytest

from generators.calculus.forward_mode_ad_table import FAMILY, POINTS
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_trace_at_e_squared_and_pi():
    # CAL-Q31: x1·x2 + ln x1 at (e², π), seed x1: f ≈ 25.2134, ∂f/∂x1 ≈ 3.27693
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("values", "[2, pi e^2, 2 + pi e^2]", "correct"),
            ("values", "[2, 23.2134, 25.2134]", "correct"),
            ("tangents", "[e^-2, pi, pi + e^-2]", "correct"),
            ("tangents", "[0.135335, 3.14159, 3.27693]", "correct"),
            ("tangents", "[0, e^2, e^2]", "wrong_seed"),
            ("other_partial", "e^2", "correct"),
            ("other_partial", "3.27693", "wrong_seed"),
            ("forward_passes", "1000", "correct"),
            ("forward_passes", "1", "forward_reverse_swapped"),
            ("reverse_passes", "1", "correct"),
        ],
    )


def test_hand_worked_trace():
    # f = 3·x1² − sin x2 at (2, π/6), seed x2, by hand:
    # v1 = x1² = 4, v2 = 3·v1 = 12, v3 = sin x2 = 1/2, v4 = −v3 = −1/2, v5 = v2 + v4 = 23/2;
    # tangents (ẋ2 = 1): 0, 0, cos(π/6) = √3/2, −√3/2, −√3/2; ∂f/∂x1 = 6·x1 = 12.
    params = {**BOOK, "terms": [[3, "x1^2"], [-1, "sin(x2)"]], "x1": "2", "x2": "pi/6"}
    variant = FAMILY.from_params({**params, "seed": "x2", "inputs": 3, "outputs": 1000})
    assert_graded(
        variant,
        [
            ("values", "[4, 12, 0.5, -0.5, 11.5]", "correct"),
            ("tangents", "[0, 0, 0.866, -0.866, -0.866]", "correct"),
            ("tangents", "[4, 12, 0, 0, 12]", "wrong_seed"),
            ("other_partial", "12", "correct"),
            ("other_partial", "-0.866", "wrong_seed"),
            ("forward_passes", "3", "correct"),
            ("reverse_passes", "3", "forward_reverse_swapped"),
        ],
    )


def test_output_and_partials_match_numerical_differentiation():
    functions = {"ln": mpmath.log, "sin": mpmath.sin, "cos": mpmath.cos, "exp": mpmath.exp}

    def f(params, x1, x2):
        total = 0
        for c, kind in params["terms"]:
            if kind == "x1*x2":
                total += c * x1 * x2
            elif kind == "x1/x2":
                total += c * x1 / x2
            elif kind.endswith("^2"):
                total += c * (x1 if kind.startswith("x1") else x2) ** 2
            else:
                name, argument = kind[:-4], x1 if kind.endswith("x1)") else x2
                total += c * functions[name](argument)
        return total

    for seed in range(30):
        variant = FAMILY.variant(seed)
        params = variant.params
        with mpmath.workdps(30):
            point = [mpmath.mpmathify(POINTS[params[n]].evalf(40)) for n in ("x1", "x2")]
            value = f(params, *point)
            d1 = mpmath.diff(lambda a, b, p=params: f(p, a, b), point, (1, 0))
            d2 = mpmath.diff(lambda a, b, p=params: f(p, a, b), point, (0, 1))
        seeded, other = (d1, d2) if params["seed"] == "x1" else (d2, d1)
        assert to_float(variant.part("values").answer[-1]) == pytest.approx(float(value), rel=1e-9)
        assert to_float(variant.part("tangents").answer[-1]) == pytest.approx(
            float(seeded), rel=1e-9, abs=1e-12
        )
        assert to_float(variant.part("other_partial").answer) == pytest.approx(
            float(other), rel=1e-9
        )
        assert math.isfinite(float(value))


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("terms", []),
            ("terms", [[1, "tan(x1)"]]),
            ("terms", [[0, "ln(x1)"]]),
            ("terms", [[1, "ln(x1)"], [2, "ln(x1)"]]),
            ("terms", "x1*x2"),
            ("outputs", 1000),
        ],
    )
