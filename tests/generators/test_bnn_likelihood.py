"""bnn_likelihood: the book's 20 of 100 neurons, a hand-checked uniform layer, an oracle."""

import math
from fractions import Fraction

import pytest

from generators.bayesian.bnn_likelihood import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_twenty_of_a_hundred():  # PRB-63: argmax 20/100
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("log_likelihood", "log(C) + 20 log(gamma) + 80 log(1 - gamma)", "correct"),
            ("log_likelihood", "20 log(gamma) + 80 log(1 - gamma)", "dropped_binomial_coefficient"),
            ("mle", "0.2", "correct"),
            ("mle", "0.8", "failure_fraction"),
            ("value", "0.0993", "correct"),
        ],
    )


def test_hand_checked_uniform_layer():
    # by hand: samples 1.2, 0.5, 2.5 -> argmax 2.5 (moment estimate 2·1.4 = 2.8, mean 1.4);
    # L(3) = 3^-3 = 1/27; L(2) = 0 since 2 < 2.5 (ignoring that: 2^-3 = 1/8)
    above = {"model": "uniform", "n": 3, "k": 0, "gamma0": 3, "samples": [0.5, 1.2, 2.5]}
    assert_graded(
        FAMILY.from_params(above),
        [
            ("mle", "2.5", "correct"),
            ("mle", "2.8", "moment_estimator"),
            ("mle", "1.4", "sample_mean"),
            ("value", "1/27", "correct"),
            ("differentiable", "false", "correct"),
        ],
    )
    below = FAMILY.from_params({**above, "gamma0": 2})
    assert_graded(below, [("value", "0", "correct"), ("value", "0.125", "indicator_ignored")])


@pytest.mark.parametrize("seed", range(40))
def test_matches_a_float_oracle(seed):
    variant = FAMILY.variant(seed)
    p = variant.params
    g = float(Fraction(str(p["gamma0"])))
    if p["model"] == "binomial":
        n, k = p["n"], p["k"]
        value = math.comb(n, k) * g**k * (1 - g) ** (n - k)
        mle = k / n
    else:
        xs = [float(Fraction(str(x))) for x in p["samples"]]
        value = g ** -len(xs) if g >= max(xs) else 0.0
        mle = max(xs)
    assert to_float(variant.part("mle").answer) == pytest.approx(mle, rel=1e-12)
    assert to_float(variant.part("value").answer) == pytest.approx(value, rel=1e-9, abs=1e-300)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("k", 101), ("gamma0", 1), ("samples", [1])])
    uniform = {"model": "uniform", "n": 2, "k": 0, "gamma0": 3, "samples": [1, 2]}
    assert_refused(FAMILY, uniform, [("n", 3), ("samples", [-1, 2])])
