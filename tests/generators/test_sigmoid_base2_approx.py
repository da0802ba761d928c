"""sigmoid_base2_approx: the book's c = 1.44 with the book's end points, a hand-checked c = 1
instance, a finite-difference check of the derivative, the slips, and bad parameters."""

import math

import pytest

from generators.deep_learning.sigmoid_base2_approx import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():
    # c = 1.44: f(0) = 0.5, f(0.5) = 1/(1 + 2^-0.72) ≈ 0.6222, f(0.99) = 1/(1 + 2^-1.4256) ≈ 0.7287
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("derivative", "1.44*log(2)*2^(-1.44*x)/(1 + 2^(-1.44*x))^2", "correct"),
            ("derivative", "1.44*2^(-1.44*x)/(1 + 2^(-1.44*x))^2", "missing_ln2"),
            ("derivative", "log(2)*2^(-1.44*x)/(1 + 2^(-1.44*x))^2", "chain_rule_dropped"),
            ("values", "[0.5, 0.6222, 0.7287]", "correct"),
            ("slope", "0.2495", "correct"),
            ("slope", "0.36", "missing_ln2"),
            ("exact_c", "1.443", "correct"),
            ("exact_c", "0.6931", "inverted"),
        ],
    )


def test_hand_checked_instance_with_c_one():
    # c = 1: f(1) = 1/(1 + 1/2) = 2/3, f(-1) = 1/3, f(2) = 4/5; slope ln 2/4 ≈ 0.1733
    variant = FAMILY.from_params({"c": 1, "v": [-1, 1, 2]})
    assert_graded(
        variant,
        [
            ("values", "[1/3, 2/3, 4/5]", "correct"),
            ("slope", "0.1733", "correct"),
            ("slope", "0.25", "exact_sigmoid_slope"),
        ],
    )


@pytest.mark.parametrize("seed", range(20))
def test_derivative_matches_finite_differences(seed):
    variant = FAMILY.variant(seed)
    c = float(variant.params["c"])
    expr = variant.part("derivative").answer
    (x,) = expr.free_symbols

    def f(t):
        return 1 / (1 + 2 ** (-c * t))

    for t in [float(v) for v in variant.params["v"]]:
        numeric = (f(t + 1e-6) - f(t - 1e-6)) / 2e-6
        assert float(expr.subs(x, t)) == pytest.approx(numeric, rel=1e-6)
    values = [to_float(a) for a in variant.part("values").answer]
    assert values == pytest.approx([f(float(t)) for t in variant.params["v"]], rel=1e-12)
    assert to_float(variant.part("slope").answer) == pytest.approx(c * math.log(2) / 4)


@pytest.mark.parametrize("seed", range(40))
def test_steeper_or_flatter_follows_c(seed):
    variant = FAMILY.variant(seed)
    steeper = float(variant.params["c"]) * math.log(2) > 1
    assert ("steeper than the sigmoid" in variant.solution) == steeper


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("c", 0), ("v", [])])
