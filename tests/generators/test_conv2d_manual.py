"""conv2d_manual: the book's step image (−12 by convolution, +12 by correlation), a hand-checked
PyTorch instance, scipy-equivalent numpy recomputation and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.conv2d_manual import FAMILY, padding
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused


def test_book_instance_gives_the_books_numbers():
    # DL-Q18: convolve2d flips [2, 0, −2] to [−2, 0, 2]: −12 along the edge, 4×4 output
    rows = ["[0, -12, -12, 0]"] * 4
    flipped = ["[0, 12, 12, 0]"] * 4
    assert_graded(
        FAMILY.from_params(FAMILY.book_params),
        [
            ("out_shape", "(4, 4)", "correct"),
            ("out_shape", "(8, 8)", "wrong_mode"),  # 'full'
            ("values", "[" + ", ".join(rows) + "]", "correct"),
            ("values", "[" + ", ".join(flipped) + "]", "kernel_not_flipped"),
        ],
    )


def test_hand_checked_torch_correlation_with_stride():
    # by hand: x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], w = [[1, 0], [0, -1]], stride 1, valid:
    # 1 − 5 = −4, 2 − 6 = −4, 4 − 8 = −4, 5 − 9 = −4; flipped [[−1, 0], [0, 1]] gives +4
    variant = FAMILY.from_params(
        {
            "x": [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
            "kernel": [[1, 0], [0, -1]],
            "operator": "torch_conv2d",
            "mode": "valid",
            "stride": 1,
        }
    )
    assert "y = F.conv2d(x, w)" in variant.statement
    assert_graded(
        variant,
        [
            ("out_shape", "(1, 1, 2, 2)", "correct"),
            ("values", "[[-4, -4], [-4, -4]]", "correct"),
            ("values", "[[4, 4], [4, 4]]", "kernel_flipped"),
        ],
    )


def _scipy_like(params: dict) -> np.ndarray:
    """An independent numpy version of scipy.signal's convolve2d/correlate2d and F.conv2d:
    zero-pad for the mode, then a strided sliding-window sum (kernel turned for convolve2d)."""
    x = np.array(params["x"], dtype=float)
    k = np.array(params["kernel"], dtype=float)
    if params["operator"] == "scipy_convolve":
        k = k[::-1, ::-1]
    p = padding(params["mode"], len(k))
    view = np.lib.stride_tricks.sliding_window_view(np.pad(x, p), k.shape)
    s = params["stride"]
    return np.einsum("ijab,ab->ij", view[::s, ::s], k)


@pytest.mark.parametrize("seed", range(40))
def test_matches_numpy(seed):
    variant = FAMILY.variant(seed)
    expected = _scipy_like(variant.params)
    got = np.array([[to_float(v) for v in row] for row in variant.part("values").answer])
    assert np.array_equal(got, expected)
    assert variant.part("out_shape").answer[-2:] == expected.shape


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        FAMILY.book_params,
        [("stride", 2), ("kernel", [[1, 0], [0, 1], [1, 1]]), ("operator", "fft")],
    )
    assert_refused(FAMILY, {**FAMILY.book_params, "kernel": [[1, 0], [0, -1]]}, [("mode", "same")])


def test_size_remarks_follow_the_numbers():
    """'smaller'/'larger' and the reason given (stride or no padding) agree with the sizes."""
    for seed in range(100):
        variant = FAMILY.variant(seed)
        x = variant.params["x"]
        rows, cols = variant.part("out_shape").answer[-2:]
        smaller, larger = rows * cols < len(x) * len(x[0]), rows * cols > len(x) * len(x[0])
        assert ("output is smaller" in variant.solution) is smaller, seed
        assert ("output is larger" in variant.solution) is larger, seed
        if smaller:
            assert ("stride" in variant.solution.split("output is smaller")[1].split(".")[0]) is (
                variant.params["stride"] > 1
            ), seed
