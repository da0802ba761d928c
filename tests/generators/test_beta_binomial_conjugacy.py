"""beta_binomial_conjugacy: the book's Beta(2, 7) with 3 of 50, a hand-checked update, an oracle."""

import math
from fractions import Fraction

from generators.bayesian.beta_binomial_conjugacy import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance():  # 1/B(2, 7) = 56; 19600 = C(50, 3) fixes n = 50
    variant = FAMILY.from_params(BOOK)
    assert_graded(
        variant,
        [
            ("posterior_params", "[5, 54]", "correct"),
            ("posterior_params", "[49, 10]", "successes_failures_swapped"),
            ("posterior_params", "[5, 57]", "failures_not_counted"),
            ("posterior_density", "22910580*theta^4*(1-theta)^53", "correct"),
            ("posterior_density", "theta^4*(1-theta)^53", "unnormalised"),
            ("posterior_mean", "5/59", "correct"),
            ("posterior_mean", "5/56", "book_table_mean"),
            ("posterior_mean", "2/9", "prior_mean"),
            ("posterior_mean", "0.06", "mle_not_mean"),
            ("prior_normaliser", "56", "correct"),
            ("prior_normaliser", "1/56", "inverted"),
            ("prior_normaliser", "36", "factorials_not_shifted"),
        ],
    )
    assert "19600" in variant.solution and "wrong" in variant.solution


def test_hand_checked_uniform_prior():
    # by hand: Beta(1,1) + 3 of 4 -> Beta(4, 2); 1/B(4,2) = 5!/(3!·1!) = 20; mean 4/6;
    # density at 1/2: 20·(1/8)·(1/2) = 1.25
    variant = FAMILY.from_params({"context": "coin", "a": 1, "b": 1, "n": 4, "x": 3, "theta0": 0.5})
    assert_graded(
        variant,
        [
            ("posterior_params", "[4, 2]", "correct"),
            ("posterior_density", "20 theta^3 (1 - theta)", "correct"),
            ("posterior_mean", "2/3", "correct"),
            ("prior_normaliser", "1", "correct"),
            ("posterior_at", "1.25", "correct"),
            ("posterior_at", "0.0625", "unnormalised"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        a, b, n, x = params["a"], params["b"], params["n"], params["x"]
        t = float(Fraction(str(params["theta0"])))
        alpha, beta = a + x, b + n - x
        log_b = math.lgamma(alpha) + math.lgamma(beta) - math.lgamma(alpha + beta)
        density = math.exp((alpha - 1) * math.log(t) + (beta - 1) * math.log1p(-t) - log_b)
        return {
            "posterior_mean": alpha / (alpha + beta),
            "prior_normaliser": math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)),
            "posterior_at": density,
        }

    assert_oracle(FAMILY, oracle, rel=1e-9)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("x", 51), ("a", 0), ("theta0", 1)])
