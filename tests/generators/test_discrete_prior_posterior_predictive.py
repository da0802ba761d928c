"""discrete_prior_posterior_predictive: the book's prior with y = 2, a hand-checked case, oracle."""

from fractions import Fraction
from math import comb

import pytest

from generators.bayesian.discrete_prior_posterior_predictive import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_prior_with_two_successes():
    # θ ∈ {1/2, 1/6, 1/4}, prior (1/4, 1/2, 1/4), n = 5, y = 2: kernels 1/32, 125/7776, 27/1024
    variant = FAMILY.from_params(BOOK)
    assert_graded(
        variant,
        [
            ("posterior", "[7776/22337, 8000/22337, 6561/22337]", "correct"),
            ("posterior", "[0.3481, 0.3582, 0.2937]", "correct"),
            ("predictive", "0.2244", "correct"),
            ("predictive", "0.02244", "missing_binomial_coefficient"),
        ],
    )


def test_hand_checked_two_point_prior():
    # by hand: θ ∈ {1/2, 1/4}, prior (1/2, 1/2), n = 2, y = 1:
    # p(y|θ) = 2·θ(1-θ) = 1/2 and 3/8; p(y) = (1/2 + 3/8)/2 = 7/16; posterior (4/7, 3/7)
    variant = FAMILY.from_params({"thetas": [0.5, 0.25], "prior": [0.5, 0.5], "n": 2, "y": 1})
    assert_graded(
        variant,
        [
            ("posterior", "[4/7, 3/7]", "correct"),
            ("posterior", "[1/4, 3/16]", "not_normalised"),
            ("predictive", "7/16", "correct"),
            ("predictive", "7/32", "missing_binomial_coefficient"),
        ],
    )


@pytest.mark.parametrize("seed", range(30))
def test_matches_a_float_oracle(seed):
    variant = FAMILY.variant(seed)
    p = variant.params
    thetas = [float(Fraction(str(t))) for t in p["thetas"]]
    prior = [float(Fraction(str(w))) for w in p["prior"]]
    n, y = p["n"], p["y"]
    joint = [w * comb(n, y) * t**y * (1 - t) ** (n - y) for t, w in zip(thetas, prior, strict=True)]
    assert to_float(variant.part("predictive").answer) == pytest.approx(sum(joint), rel=1e-9)
    got = [to_float(v) for v in variant.part("posterior").answer]
    assert got == pytest.approx([j / sum(joint) for j in joint], rel=1e-9, abs=1e-15)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [("prior", [0.5, 0.25, 0.5]), ("prior", [0.5, 0.5]), ("thetas", ["1/2", "1/2", "1/4"])],
    )
    assert_refused(FAMILY, BOOK, [("y", 6)])
