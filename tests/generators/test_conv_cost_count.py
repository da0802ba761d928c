"""conv_cost_count: our 640×480 / 5×5 instance, a hand-checked strided layer, counts recomputed
from numpy's sliding windows, and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.conv_cost_count import FAMILY
from tests.kit_helpers import assert_graded, assert_refused


def test_own_instance_640_by_480_with_a_5x5_gaussian():
    # 307,200 pixels · 25 = 7,680,000; · 24 = 7,372,800; separable · 10 = 3,072,000
    assert_graded(
        FAMILY.from_params(FAMILY.book_params),
        [
            ("formula", "w*h*K^2", "correct"),
            ("formula", "K^2 w h", "correct"),
            ("formula", "K^2", "one_pixel_only"),
            ("formula", "w*h*K", "kernel_side_only"),
            ("formula", "w*h*(K^2 - 1)", "additions_not_multiplications"),
            ("multiplications", "7680000", "correct"),
            ("multiplications", "25", "one_pixel_only"),
            ("multiplications", "1536000", "kernel_side_only"),
            ("multiplications", str(636 * 476 * 25), "valid_size"),
            ("additions", "7,372,800", "correct"),
            ("additions", "7680000", "additions_equal_multiplications"),
            ("separable_multiplications", "3072000", "correct"),
            ("separable_multiplications", "1536000", "one_pass_only"),
        ],
    )


def test_hand_checked_strided_layer():
    # Conv2d(3, 16, 3, stride 2, padding 1) on 32×32: 16×16 outputs · 16 channels · 3·9 products
    params = {
        "setting": "layer",
        "width": 32,
        "height": 32,
        "kernel": 3,
        "in_channels": 3,
        "out_channels": 16,
        "stride": 2,
        "padding": 1,
    }
    assert_graded(
        FAMILY.from_params(params),
        [
            ("multiplications", "110592", "correct"),
            ("multiplications", "442368", "stride_ignored"),  # 32·32·16·27
            ("multiplications", "36864", "in_channels_forgotten"),
        ],
    )


@pytest.mark.parametrize("seed", range(30))
def test_counts_match_numpy_windows(seed):
    params = FAMILY.variant(seed).params
    k, s, p = params["kernel"], params["stride"], params["padding"]
    # a small stand-in with the same geometry per side: count windows with numpy, then scale
    rows = np.lib.stride_tricks.sliding_window_view(np.zeros(params["height"] + 2 * p), k)[::s]
    cols = np.lib.stride_tricks.sliding_window_view(np.zeros(params["width"] + 2 * p), k)[::s]
    products = len(rows) * len(cols) * k * k * params["in_channels"] * params["out_channels"]
    variant = FAMILY.variant(seed)
    assert variant.part("multiplications").answer == products
    if params["setting"] == "image":
        assert variant.part("additions").answer == products - len(rows) * len(cols)
        assert variant.part("separable_multiplications").answer == len(rows) * len(cols) * 2 * k


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        FAMILY.book_params,
        [("kernel", 4), ("padding", 0), ("in_channels", 3), ("stride", 2)],
    )
