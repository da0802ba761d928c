"""binomial_moments_pmf: the book's proton beam, a hand-checked instance, an oracle, bad params."""

import math
from fractions import Fraction

import pytest

from generators.bayesian.binomial_moments_pmf import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_proton_beam():  # PRB-35: 200 shots, p = 0.1, 60 hits; P(X = 60) ≈ 2.76e-15
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("mean", "20", "correct"),
            ("variance", "18", "correct"),
            ("variance", "4.243", "sd_not_variance"),
            ("variance", "20", "poisson_variance"),
            ("pmf", "2.76e-15", "correct"),
            ("pmf", "2.764e-15", "correct"),
            ("pmf", "2.76*e^-15", "e_for_ten"),
            ("z_score", "9.43", "correct"),
            ("z_score", "2.222", "variance_not_sd"),
            ("far_out", "yes", "correct"),
        ],
    )


def test_hand_checked_instance():
    # n = 20, p = 1/4, k = 10, by hand: E = 5, Var = 15/4, P = C(20,10)(3/16)^10 = 184756·3^10/16^10
    variant = FAMILY.from_params({"context": "free_throws", "n": 20, "p": 0.25, "k": 10})
    pmf = Fraction(184756 * 3**10, 16**10)
    assert to_float(variant.part("pmf").answer) == pytest.approx(float(pmf), rel=1e-12)
    assert_graded(
        variant,
        [
            ("mean", "5", "correct"),
            ("variance", "3.75", "correct"),
            ("pmf", f"{float(pmf):.4g}", "correct"),
            ("z_score", "2.582", "correct"),
            ("far_out", "no", "correct"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        n, k, p = params["n"], params["k"], float(Fraction(str(params["p"])))
        log_pmf = (
            math.lgamma(n + 1)
            - math.lgamma(k + 1)
            - math.lgamma(n - k + 1)
            + k * math.log(p)
            + (n - k) * math.log1p(-p)
        )
        sd = math.sqrt(n * p * (1 - p))
        return {
            "mean": n * p,
            "variance": n * p * (1 - p),
            "pmf": math.exp(log_pmf),
            "z_score": (k - n * p) / sd,
        }

    assert_oracle(FAMILY, oracle, rel=1e-9)


@pytest.mark.parametrize("seed", range(0, 400, 4))
def test_verdict_sentence_matches_the_z_score(seed):
    variant = FAMILY.variant(seed)
    z = to_float(variant.part("z_score").answer)
    assert variant.part("far_out").answer == (abs(z) > 3)
    side = "above" if z > 0 else "below"
    assert f"standard deviations {side} the mean" in variant.solution
    assert ("more than 3" in variant.solution) == (abs(z) > 3)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("k", 201), ("n", 0), ("p", 1), ("p", 0)])


def test_count_above_n_and_hopeless_tails_are_refused():
    assert_refused(FAMILY, {"context": "proton_beam", "n": 50, "p": 0.1, "k": 5}, [("k", 51)])
    assert_refused(FAMILY, {"context": "proton_beam", "n": 200, "p": 0.01, "k": 5}, [("k", 199)])
