"""mlp_layer_count_params: the book's DL-Q49 count, the shown code checked against numpy arrays of
the same shapes, the slips (no biases, transposed weights), and bad parameters."""

import re

import numpy as np
import pytest

from generators.deep_learning.mlp_layer_count_params import FAMILY
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():
    # DL-Q49: 200·512 + 512 + 512·512 + 512 + 512·10 + 10 = 370,698; two hidden layers
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("hidden_layers", "2", "correct"),
            ("hidden_layers", "3", "output_layer_counted"),
            ("param_count", "370698", "correct"),
            ("param_count", "370,698", "correct"),
            ("param_count", "369664", "no_bias"),
            ("weight_shape", "(512, 200)", "correct"),
            ("weight_shape", "(200, 512)", "transposed_weights"),
        ],
    )


def test_hand_checked_stack_with_dropout():
    # 784 -> 128 -> 64 -> 3: 100,480 + 8,256 + 195 = 108,931 parameters; Dropout adds none
    variant = FAMILY.from_params(
        {
            "sizes": [784, 128, 64, 3],
            "activation": "ReLU",
            "dropout": 0.5,
            "head": "none",
            "asked_layer": 3,
        }
    )
    assert "nn.Dropout(p=0.5)," in variant.statement
    assert_graded(
        variant,
        [
            ("param_count", "108931", "correct"),
            ("param_count", "108736", "no_bias"),
            ("weight_shape", "3x64", "correct"),
            ("weight_shape", "64x3", "transposed_weights"),
            ("hidden_layers", "2", "correct"),
        ],
    )


def _numpy_model(statement: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """Rebuild the shown nn.Sequential as numpy (weight, bias) pairs, read from the code text."""
    return [
        (np.zeros((int(n_out), int(n_in))), np.zeros(int(n_out)))
        for n_in, n_out in re.findall(r"nn\.Linear\((\d+), (\d+)\)", statement)
    ]


@pytest.mark.parametrize("seed", range(60))
def test_shown_code_agrees_with_a_numpy_forward_pass(seed):
    variant = FAMILY.variant(seed)
    layers = _numpy_model(variant.statement)
    x = np.ones((2, layers[0][0].shape[1]))
    for weight, bias in layers:  # y = x·Wᵀ + b: the shapes must chain
        x = x @ weight.T + bias
    assert x.shape == (2, variant.params["sizes"][-1])
    count = sum(weight.size + bias.size for weight, bias in layers)
    assert variant.part("param_count").answer == count
    asked = layers[variant.params["asked_layer"] - 1][0].shape
    assert variant.part("weight_shape").answer == asked
    assert variant.part("hidden_layers").answer == len(layers) - 1


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [("asked_layer", 4), ("asked_layer", 0), ("activation", "Softplus"), ("sizes", [10])],
    )
