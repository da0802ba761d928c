"""conv_output_size: DL-Q16's instance, a numpy proof of every shape, slips and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.conv_output_size import FAMILY, padding_of
from tests.kit_helpers import assert_graded, assert_refused


def test_book_instance_same_padding_keeps_three_by_three():
    # DL-Q16: a 3×3 filter on a 3×3 input, stride 1, SAME: the output is 3×3, padding 1 per side
    variant = FAMILY.from_params(FAMILY.book_params)
    assert_graded(
        variant,
        [
            ("out_shape", "(1, 1, 3, 3)", "correct"),
            ("out_shape", "(1, 3, 3)", "batch_dropped"),
            ("same_padding", "1", "correct"),
            ("same_padding", "2", "padding_once"),
        ],
    )


def test_hand_checked_instance():
    # by hand: H: (64 + 2·1 − 5)/2 = 30.5 -> 30 + 1 = 31; W: (45 + 2·1 − 5)/2 = 21 -> 22
    variant = FAMILY.from_params(
        {
            "input_shape": [8, 3, 64, 45],
            "in_channels": 3,
            "out_channels": 16,
            "kernel": [5, 5],
            "stride": [2, 2],
            "padding": [1, 1],
            "dilation": [1, 1],
            "mode": "explicit",
        }
    )
    assert "nn.Conv2d(3, 16, kernel_size=5, stride=2, padding=1)" in variant.statement
    assert_graded(
        variant,
        [
            ("out_shape", "(8, 16, 31, 22)", "correct"),
            ("out_shape", "8x16x32x22", "no_floor"),
            ("out_shape", "(8, 16, 31, 21)", "padding_once"),  # ⌊60/2⌋ + 1, ⌊41/2⌋ + 1
            ("out_shape", "(8, 16, 62, 43)", "stride_ignored"),
            ("out_shape", "(8, 3, 31, 22)", "channels_not_updated"),
            ("out_shape", "(8, 16, 22, 31)", "hw_swapped"),
            ("fits_exactly", "false", "correct"),
        ],
    )
    assert "the last padded row is never reached" in variant.solution


def _numpy_output_shape(params: dict) -> tuple[int, ...]:
    """The shape of the equivalent numpy computation: zero-pad the input, take every window the
    dilated kernel covers with the stride, and apply the out_channels filters to each window."""
    n, c, h, w = params["input_shape"]
    (fh, fw), (sh, sw), (dh, dw) = params["kernel"], params["stride"], params["dilation"]
    ph, pw = padding_of(params)
    x = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=np.int8)
    windows = np.lib.stride_tricks.sliding_window_view(
        x, (dh * (fh - 1) + 1, dw * (fw - 1) + 1), axis=(2, 3)
    )
    windows = windows[:, :, ::sh, ::sw, ::dh, ::dw]  # stride over positions, dilation over taps
    assert windows.shape[-2:] == (fh, fw)
    weights = np.zeros((params["out_channels"], c, fh, fw), dtype=np.int8)
    # windows is a view; contract one window position to check the filters apply, then read the
    # positions off the view (materialising every window of a large batch would be slow)
    one = np.einsum("nchwij,ocij->nohw", windows[:, :, :1, :1], weights)
    return (one.shape[0], one.shape[1], windows.shape[2], windows.shape[3])


@pytest.mark.parametrize("seed", range(30))
def test_shape_matches_the_numpy_computation(seed):
    variant = FAMILY.variant(seed)
    assert variant.part("out_shape").answer == _numpy_output_shape(variant.params)


def test_bad_parameters_are_refused_by_name():
    good = {**FAMILY.book_params, "mode": "explicit", "padding": [1, 1]}
    assert_refused(
        FAMILY,
        good,
        [("in_channels", 3), ("kernel", [5, 9]), ("mode", "reflect")],
    )
    same = FAMILY.book_params
    assert_refused(FAMILY, same, [("stride", [2, 2]), ("kernel", [2, 2]), ("padding", [1, 1])])


def test_edge_sentences_follow_the_numbers():
    """Every remainder the solution states is n + 2p − f′ mod s for that side, and the verdict on
    the edge question agrees with the part's answer (100 seeds)."""
    import re

    for seed in range(100):
        variant = FAMILY.variant(seed)
        p = variant.params
        pads = padding_of(p)
        for line in variant.solution.splitlines():
            found = re.match(r"- (H = W|H|W): n = (\d+).*?= ⌊(\d+)/(\d+)⌋", line)
            if not found:
                continue
            axis = 1 if found.group(1) == "W" else 0
            n, f, s, d = (
                p["input_shape"][2 + axis],
                p["kernel"][axis],
                p["stride"][axis],
                p["dilation"][axis],
            )
            inner = n + 2 * pads[axis] - (d * (f - 1) + 1)
            assert (int(found.group(3)), int(found.group(4))) == (inner, s), (seed, line)
            if s > 1:
                exact = inner % s == 0
                assert ("ends exactly on the edge" in line) is exact, (seed, line)
        if "fits_exactly" in [part.id for part in variant.parts]:
            answer = variant.part("fits_exactly").answer
            assert (f"answered **{'true' if answer else 'false'}**") in variant.solution, seed


def test_valid_mode_asks_the_books_general_formula():
    # DL-Q15: a VALID convolution of an n×n input with an f×f filter gives n − f + 1
    params = {**FAMILY.book_params, "input_shape": [1, 1, 6, 6], "mode": "valid"}
    assert_graded(
        FAMILY.from_params(params),
        [
            ("out_shape", "(1, 1, 4, 4)", "correct"),
            ("valid_formula", "n - f + 1", "correct"),
            ("valid_formula", "1 + n - f", "correct"),
            ("valid_formula", "n - f", "off_by_one"),
            ("valid_formula", "n + f - 1", "full_size"),
        ],
    )
