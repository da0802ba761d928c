"""finite_difference: our x³ instance worked by hand, slips, a float recomputation."""

import math

import pytest

from generators.calculus.finite_difference import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_own_instance_worked_by_hand():
    # x³ at 2 with h = 0.1: f(2.1) = 9.261, f(1.9) = 6.859; forward 12.61, backward 11.41,
    # central 24.02/2 = 12.01; f'(2) = 12, so the central error is 0.01 (= f'''h²/6 = 6·0.01/6)
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("forward", "12.61", "correct"),
            ("forward", "1.261", "no_division"),
            ("backward", "11.41", "correct"),
            ("backward", "-11.41", "backward_order"),
            ("central", "12.01", "correct"),
            ("central", "24.02", "central_not_halved"),
            ("central_error", "0.01", "correct"),
            ("central_error", "-0.01", "sign"),
        ],
    )


@pytest.mark.parametrize("seed", range(0, 80, 4))
def test_matches_a_float_recomputation(seed):
    variant = FAMILY.variant(seed)
    p = variant.params
    x, h = float(p["x"]), float(p["h"])
    functions = {
        "exp": (math.exp, math.exp),
        "sin": (math.sin, math.cos),
        "ln": (math.log, lambda t: 1 / t),
        "poly": (
            lambda t: sum(c * t**n for n, c in enumerate(p["coefficients"])),
            lambda t: sum(n * c * t ** (n - 1) for n, c in enumerate(p["coefficients"]) if n),
        ),
    }
    f, df = functions[p["function"]]
    central = (f(x + h) - f(x - h)) / (2 * h)
    assert to_float(variant.part("forward").answer) == pytest.approx((f(x + h) - f(x)) / h)
    assert to_float(variant.part("central").answer) == pytest.approx(central)
    error = to_float(variant.part("central_error").answer)
    assert error == pytest.approx(central - df(x), rel=1e-6, abs=1e-12)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("h", 0), ("coefficients", [1, 2]), ("x", 11)])
    ln = {"function": "ln", "coefficients": [], "x": 0.5, "h": 0.1}
    assert_refused(FAMILY, ln, [("x", 0.1)])
