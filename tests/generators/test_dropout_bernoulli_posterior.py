"""dropout_bernoulli_posterior: the book's 3θ² and 5θ⁴, a hand-checked update, an oracle."""

import math
from fractions import Fraction

from generators.bayesian.dropout_bernoulli_posterior import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_both_neurons_dropped():  # PRB-65: uniform prior, 2 of 2 dropped -> 3θ²
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("density", "3*theta^2", "correct"),
            ("density", "theta^2", "unnormalised"),
            ("mean", "0.75", "correct"),
            ("mean", "1", "mode_not_mean"),  # mode 2/2 = k/n here; the mode is listed first
            ("above", "7/8", "correct"),
            ("above", "1/8", "complement"),
        ],
    )


def test_deep_learning_copy_four_of_four():  # DL-Q64: all 4 dropped -> 5θ⁴
    variant = FAMILY.from_params({**BOOK, "n": 4, "k": 4})
    assert_graded(variant, [("density", "5 theta^4", "correct"), ("mean", "5/6", "correct")])


def test_hand_checked_beta_2_2_prior():
    # by hand: Beta(2, 2), 1 of 3 dropped -> Beta(3, 4): 60 θ²(1-θ)³, mean 3/7, mode 2/5;
    # P(θ > 1/2) = 1 - I_{1/2}(3, 4) = 11/32 (integrate 60(θ² − 3θ³ + 3θ⁴ − θ⁵) from 1/2 to 1)
    variant = FAMILY.from_params({"a": 2, "b": 2, "n": 3, "k": 1, "threshold": 0.5})
    assert_graded(
        variant,
        [
            ("density", "60 theta^2 (1 - theta)^3", "correct"),
            ("mean", "3/7", "correct"),
            ("mean", "0.4", "mode_not_mean"),
            ("above", "11/32", "correct"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        alpha = params["a"] + params["k"]
        beta = params["b"] + params["n"] - params["k"]
        t = float(Fraction(str(params["threshold"])))
        # P(θ > t) for Beta(α, β) with whole α, β: P(Binomial(α + β − 1, t) < α)
        m = alpha + beta - 1
        tail = sum(math.comb(m, j) * t**j * (1 - t) ** (m - j) for j in range(alpha))
        return {"mean": alpha / (alpha + beta), "above": tail}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("k", 3), ("a", 0), ("threshold", 1)])


def test_no_two_parts_ask_for_the_same_number():
    for seed in range(0, 400, 2):
        variant = FAMILY.variant(seed)
        assert variant.part("mean").answer != variant.part("above").answer, seed
