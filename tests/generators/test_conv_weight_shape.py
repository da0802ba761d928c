"""conv_weight_shape: DL-Q54's numbers, a hand-checked grouped stack, a numpy forward pass with the
answered weight shapes, and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.conv_weight_shape import FAMILY, parse_layers
from tests.kit_helpers import assert_graded, assert_refused


def test_book_instance_gives_the_books_numbers():
    # DL-Q54: 16 filters of 3×3 over 3 channels: (16, 3, 3, 3), 432 weights + 16 biases
    assert_graded(
        FAMILY.from_params(FAMILY.book_params),
        [
            ("weight_shape", "(16, 3, 3, 3)", "correct"),
            ("weight_shape", "(3, 16, 3, 3)", "transposed_weights"),
            ("weight_shape", "(3, 3, 3, 16)", "tf_layout"),
            ("weight_shape", "(16, 3, 3)", "in_channels_forgotten"),
            ("param_count", "448", "correct"),
            ("param_count", "432", "no_bias"),
        ],
    )


def test_hand_checked_grouped_stack():
    # by hand: conv 1 (8 -> 16, 3×3, groups 4, no bias): 16·2·3·3 = 288;
    # conv 2 (16 -> 4, 1×1): 4·16 + 4 = 68; total 356
    params = {
        "input_shape": [2, 8, 32, 32],
        "layers": [
            {"out_channels": 16, "kernel": [3, 3], "padding": 1, "groups": 4, "bias": False},
            {"out_channels": 4, "kernel": [1, 1], "padding": 0, "groups": 1, "bias": True},
        ],
        "asked_layer": 1,
    }
    variant = FAMILY.from_params(params)
    assert "nn.Conv2d(8, 16, kernel_size=3, padding=1, groups=4, bias=False)" in variant.statement
    assert_graded(
        variant,
        [
            ("weight_shape", "(16, 2, 3, 3)", "correct"),
            ("weight_shape", "(16, 8, 3, 3)", "groups_ignored"),
            ("param_count", "356", "correct"),
            ("param_count", "352", "no_bias"),
            ("param_count", "372", "bias_counted"),
            ("param_count", "288", "asked_layer_only"),
            ("param_count", "1220", "groups_ignored"),  # 16·8·9 + 68,
        ],
    )


def _numpy_forward(params: dict, shapes: list[tuple]) -> tuple:
    """Run the stack in numpy with weights of the given shapes (grouped channels as PyTorch
    splits them); a wrong shape makes the einsum fail. Returns the final activation's shape."""
    x = np.ones([1, params["input_shape"][1], 20, 20])
    for layer, shape in zip(parse_layers(params), shapes, strict=True):
        weight, groups = np.ones(shape), layer["groups"]
        kh, kw = layer["kernel"]
        p = layer["padding"]
        padded = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        windows = np.lib.stride_tricks.sliding_window_view(padded, (kh, kw), axis=(2, 3))
        per_in, per_out = x.shape[1] // groups, shape[0] // groups
        outs = [
            np.einsum(
                "nchwij,ocij->nohw",
                windows[:, g * per_in : (g + 1) * per_in],
                weight[g * per_out : (g + 1) * per_out],
            )
            for g in range(groups)
        ]
        x = np.maximum(np.concatenate(outs, axis=1), 0)
    return x.shape


@pytest.mark.parametrize("seed", range(25))
def test_weight_shapes_run_in_numpy_and_count_matches(seed):
    variant = FAMILY.variant(seed)
    layers = parse_layers(variant.params)
    shapes = [(x["out_channels"], x["in_channels"] // x["groups"], *x["kernel"]) for x in layers]
    assert variant.part("weight_shape").answer == shapes[variant.params["asked_layer"] - 1]
    assert _numpy_forward(variant.params, shapes)[1] == layers[-1]["out_channels"]
    total = sum(
        int(np.prod(s)) + (s[0] if x["bias"] else 0) for s, x in zip(shapes, layers, strict=True)
    )
    assert variant.part("param_count").answer == total


def test_bad_parameters_are_refused_by_name():
    book = FAMILY.book_params
    layer = book["layers"][0]
    assert_refused(
        FAMILY,
        book,
        [
            ("asked_layer", 2),
            ("layers", [{**layer, "groups": 2}]),  # 3 input channels do not split in 2
            ("layers", [{**layer, "kernel": 3}]),
            ("layers", [{**layer, "kernel": [15, 15], "padding": 0}] * 40),
            ("layers", "Conv2d"),
        ],
    )
