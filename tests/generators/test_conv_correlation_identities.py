"""conv_correlation_identities: DL-Q19's ½·[[−1, 1], [−1, 1]], the identities checked on random
images with numpy, and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.conv_correlation_identities import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused


def test_book_instance():
    # the y-direction kernel is the transpose ½·[[−1, −1], [1, 1]]; Sobel's x kernel is named
    assert_graded(
        FAMILY.from_params(FAMILY.book_params),
        [
            ("y_kernel", "[[-0.5, -0.5], [0.5, 0.5]]", "correct"),
            ("y_kernel", "[[0.5, -0.5], [0.5, -0.5]]", "turned_not_transposed"),
            ("y_kernel", "[[0.5, 0.5], [-0.5, -0.5]]", "sign"),
            ("y_kernel", "[[-1, -1], [1, 1]]", "scale_dropped"),
            ("conv_kernel", "[[0.5, -0.5], [0.5, -0.5]]", "correct"),
            ("conv_kernel", "[[-0.5, 0.5], [-0.5, 0.5]]", "kernel_not_flipped"),
            ("conv_kernel", "[[-0.5, -0.5], [0.5, 0.5]]", "transposed_not_turned"),
            ("name", "a", "correct"),
            ("name", "b", "incorrect"),
        ],
    )


def test_hand_checked_sobel_instance():
    # K = (1/8)·Sobel x; transpose (1/8)·[[−1, −2, −1], [0, 0, 0], [1, 2, 1]]; turned = −K
    params = {
        "kernel": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
        "scale": "1/8",
        "named": "gaussian",
        "distractors": ["box", "laplacian", "sharpen"],
        "order": 2,
    }
    assert_graded(
        FAMILY.from_params(params),
        [
            ("y_kernel", "[[-0.125, -0.25, -0.125], [0, 0, 0], [0.125, 0.25, 0.125]]", "correct"),
            (
                "conv_kernel",
                "[[0.125, 0, -0.125], [0.25, 0, -0.25], [0.125, 0, -0.125]]",
                "correct",
            ),
            ("name", "c", "correct"),
        ],
    )


def _correlate(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    view = np.lib.stride_tricks.sliding_window_view(image, kernel.shape)
    return np.einsum("ijab,ab->ij", view, kernel)


def _convolve(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """A true convolution from its definition (valid part): the kernel read backwards,
    out(i, j) = Σ I(i + a, j + b)·G(ka − 1 − a, kb − 1 − b)."""
    ka, kb = kernel.shape
    out = np.zeros((image.shape[0] - ka + 1, image.shape[1] - kb + 1))
    for a in range(ka):
        for b in range(kb):
            out += (
                image[a : a + out.shape[0], b : b + out.shape[1]] * kernel[ka - 1 - a, kb - 1 - b]
            )
    return out


@pytest.mark.parametrize("seed", range(30))
def test_identities_hold_on_random_images(seed):
    variant = FAMILY.variant(seed)
    p = variant.params
    k = np.array(p["kernel"], dtype=float) * to_float(p["scale"])

    def as_array(part_id: str) -> np.ndarray:
        return np.array([[to_float(v) for v in row] for row in variant.part(part_id).answer])

    image = np.random.default_rng(seed).normal(size=(7, 8))
    # convolve2d with the answer equals the correlation with K
    assert np.allclose(_convolve(image, as_array("conv_kernel")), _correlate(image, k))
    # the y-kernel on the image is the x-kernel on the transposed image, transposed back
    assert np.allclose(_correlate(image, as_array("y_kernel")), _correlate(image.T, k).T)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        FAMILY.book_params,
        [
            ("kernel", [[1, 1], [1, 1]]),
            ("distractors", ["sobel_x", "box", "roberts"]),
            ("distractors", ["box"]),
            ("scale", 0),
        ],
    )


def test_the_named_kernel_never_repeats_k():
    # M = Sobel x next to K = Sobel x (or its transpose) would give the name away
    sobel = {
        "kernel": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
        "scale": "1/8",
        "named": "gaussian",
        "distractors": ["box", "laplacian", "sharpen"],
        "order": 0,
    }
    assert_refused(FAMILY, sobel, [("named", "sobel_x"), ("named", "sobel_y")])
    for seed in range(300):
        params = FAMILY.variant(seed).params
        from generators.deep_learning.conv_correlation_identities import NAMED, transpose

        assert NAMED[params["named"]][1] not in (params["kernel"], transpose(params["kernel"]))
