"""batchnorm_numeric: our batch with the book's layer sizes (DL-Q73) worked by hand, a numpy
oracle, the slips, and bad parameters."""

import numpy as np

from generators.deep_learning.batchnorm_numeric import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_own_batch_with_the_books_layers():
    # [2, 4, 6, 8]: μ 5, σ² (9 + 1 + 1 + 9)/4 = 5 (unbiased 20/3); x̂ of 8 = 3/√5.00001 ≈ 1.3416;
    # y = 2·1.3416 + 0.5 ≈ 3.183; BatchNorm2d after Conv2d(3, 64): 64 features, 128 parameters
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("mean", "5", "correct"),
            ("variance", "5", "correct"),
            ("variance", "6.667", "unbiased_variance"),
            ("variance", "2.236", "std_not_variance"),
            ("x_hat", "1.342", "correct"),
            ("x_hat", "0.6", "variance_not_std"),
            ("x_hat", "1.162", "unbiased_variance"),
            ("y", "3.183", "correct"),
            ("y", "2.683", "beta_forgotten"),
            ("num_features", "64", "correct"),
            ("num_features", "3", "input_channels"),
            ("bn_params", "128", "correct"),
            ("bn_params", "256", "running_stats_counted"),
        ],
    )


def test_matches_a_numpy_oracle():
    def oracle(params):
        x = np.array([float(v) for v in params["batch"]])
        eps, gamma, beta = (float(params[k]) for k in ("eps", "gamma", "beta"))
        x_hat = (x - x.mean()) / np.sqrt(x.var() + eps)  # np.var divides by m, like BN
        i = params["index"] - 1
        return {
            "mean": x.mean(),
            "variance": x.var(),
            "x_hat": x_hat[i],
            "y": gamma * x_hat[i] + beta,
        }

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("batch", [3, 3, 3]), ("index", 5), ("c_out", 0)])
