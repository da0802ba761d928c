"""lr_code_trace: the book's program, a hand-traced one, the tie, and the layer shape by numpy."""

import math

import numpy as np

from generators.logistic_regression.lr_code_trace import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = dict(FAMILY.book_params)


def test_book_instance_gives_the_books_numbers():
    # z = -6 + 0.05·40 + 1.0·3.5 = -0.5, p = σ(-0.5) = 0.377541, label 0; Linear(5, 7) on 3×5
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("inner", "-0.5", "correct"),
            ("inner", "5.5", "no_bias"),
            ("probability", "0.3775", "correct"),
            ("probability", "0.6225", "sigma_minus_z"),
            ("probability", "0.6065", "odds_not_probability"),
            ("label", "0", "correct"),
            ("shape", "(3, 7)", "correct"),
            ("shape", "torch.Size([3, 7])", "correct"),
            ("shape", "(7, 3)", "transposed"),
            ("shape", "(7, 5)", "weight_shape"),
            ("shape", "(3, 5)", "input_shape"),
        ],
    )


def test_hand_traced_python_program_at_a_tie():
    # z = -3 + 0.5·4 + 0.25·4 = 0 exactly, so p = 0.5 and `>=` prints 1 (by hand)
    params = {
        "language": "python",
        "theta": [-3, 0.5, 0.25],
        "x": [1, 4, 4],
        "threshold": 0.5,
        "comparison": ">=",
        "batch": 8,
        "n_in": 4,
        "n_out": 2,
    }
    variant = FAMILY.from_params(params)
    assert "int(p.item() >= 0.5)" in variant.statement
    assert_graded(
        variant,
        [
            ("inner", "0", "correct"),
            ("probability", "0.5", "correct"),
            ("label", "1", "correct"),
            ("label", "0", "strict_vs_inclusive"),
            ("shape", "8x2", "correct"),
        ],
    )


def test_logit_compared_with_threshold_is_recognised():
    # z = 0.3: p = 0.574443 > 0.5 gives 1, but z = 0.3 < 0.5 would give 0
    params = {**BOOK, "theta": [-1.7, 0.05, 0], "x": [1, 40, 3.5]}
    assert_refused(FAMILY, BOOK, [])
    params["theta"] = [-1.7, 0.05, 0.0]
    variant = FAMILY.from_params(params)
    assert_graded(variant, [("label", "1", "correct"), ("label", "0", "logit_vs_threshold")])


def test_matches_numpy():
    rng = np.random.default_rng(0)

    def oracle(params):
        theta = np.array([float(v) for v in params["theta"]])
        x = np.array([float(v) for v in params["x"]])
        z = float(theta @ x)
        p = 1 / (1 + math.exp(-z))
        t = float(params["threshold"])
        label = p >= t if params["comparison"] == ">=" else p > t
        out = (
            rng.standard_normal((params["batch"], params["n_in"]))
            @ rng.standard_normal((params["n_out"], params["n_in"])).T
        )
        assert out.shape == (params["batch"], params["n_out"])
        return {"inner": z, "probability": p, "label": float(label)}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("x", [2, 40, 3.5]), ("x", [1, 40]), ("batch", 5)])
