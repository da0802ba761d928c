"""ensemble_error_reduction: hand-checked committees, a simulation, the slips, bad covariances."""

import numpy as np

from generators.ensembles.ensemble_error_reduction import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = dict(FAMILY.book_params)


def test_our_instance_by_hand():
    # K = 5, v = 1, c = 0.3: 1/5 + 4·0.3/5 = 0.44; factor 1/0.44 = 2.2727; floor 0.3
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("variance", "0.44", "correct"),
            ("variance", "0.2", "uncorrelated_assumed"),
            ("variance", "0.5", "covariance_unscaled"),
            ("variance", "11", "sum_not_average"),
            ("factor", "2.273", "correct"),
            ("factor", "5", "uncorrelated_assumed"),
            ("floor", "0.3", "correct"),
            ("floor", "0", "uncorrelated_assumed"),
            ("k_fold", "false", "correct"),
            ("k_fold", "true", "uncorrelated_assumed"),
        ],
    )


def test_uncorrelated_committee_is_k_fold():
    # K = 8, v = 2, c = 0: 2/8 = 0.25, factor 8, floor 0, and the claim is true
    assert_graded(
        FAMILY.from_params({"k": 8, "v": 2, "c": 0}),
        [
            ("variance", "0.25", "correct"),
            ("factor", "8", "correct"),
            ("k_fold", "true", "correct"),
        ],
    )


def test_simulated_committee_agrees():
    # independent check: sample correlated errors and measure the variance of their average
    rng = np.random.default_rng(1)
    k, v, c = 4, 1.5, 0.45
    cov = np.full((k, k), c) + np.eye(k) * (v - c)
    errors = rng.multivariate_normal(np.zeros(k), cov, size=200_000)
    measured = errors.mean(axis=1).var()
    variant = FAMILY.from_params({"k": k, "v": v, "c": c})
    assert_graded(variant, [("variance", f"{measured:.3f}", "correct")])


def test_matches_a_float_oracle():
    def oracle(params):
        k, v, c = params["k"], float(params["v"]), float(params["c"])
        var = v / k + (k - 1) * c / k
        return {"variance": var, "factor": v / var, "floor": c, "k_fold": float(c == 0)}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("c", 1.5), ("c", -0.3), ("k", 1)])
