"""conv1d_relu_maxpool: the book's filter on our completion of its input, a hand-checked padded
instance with bias, a numpy pipeline over seeds, and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.conv1d_relu_maxpool import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused


def test_book_filter_on_our_completed_input():
    # [3, 1] over 7, 3, −6, 2, −4, 5: 24, 3, −16, 2, −7; ReLU; pools (24, 3), (0, 2)
    assert_graded(
        FAMILY.from_params(FAMILY.book_params),
        [
            ("conv", "[24, 3, -16, 2, -7]", "correct"),
            ("conv", "[16, -15, 0, -10, 11]", "kernel_flipped"),  # [1, 3]: 7 + 9, 3 − 18, ...
            ("relu", "[24, 3, 0, 2, 0]", "correct"),
            ("relu", "[24, 3, 16, 2, 7]", "absolute_value"),
            ("maxpool", "[24, 2]", "correct"),
            ("maxpool", "[24, 3, 2, 2]", "stride_ignored"),
            ("maxpool", "[24, 2, 0]", "no_floor"),
            ("maxpool", "[13.5, 1]", "average_not_max"),
        ],
    )


def test_hand_checked_padding_and_bias():
    # x = [1, -2, 3, 0], w = [1, 0, -1], padding 1, bias 1: padded 0, 1, −2, 3, 0, 0
    # 0 − (−2) + 1 = 3; 1 − 3 + 1 = −1; −2 − 0 + 1 = −1; 3 − 0 + 1 = 4
    params = {"x": [1, -2, 3, 0], "w": [1, 0, -1], "bias": 1, "padding": 1, "pool": 2}
    assert_graded(
        FAMILY.from_params(params),
        [
            ("conv", "[3, -1, -1, 4]", "correct"),
            ("conv", "[2, -2, -2, 3]", "bias_forgotten"),
            ("conv", "[-1, -1]", "padding_forgotten"),
            ("relu", "[3, 0, 0, 4]", "correct"),
            ("maxpool", "[3, 4]", "correct"),
        ],
    )


def _numpy_pipeline(p: dict) -> list[np.ndarray]:
    x = np.pad(np.array(p["x"], dtype=float), p["padding"])
    conv = np.correlate(x, np.array(p["w"], dtype=float), mode="valid") + p["bias"]
    rect = np.maximum(conv, 0)
    k = p["pool"]
    usable = len(rect) // k * k
    return [conv, rect, rect[:usable].reshape(-1, k).max(axis=1)]


@pytest.mark.parametrize("seed", range(40))
def test_matches_numpy(seed):
    variant = FAMILY.variant(seed)
    for part_id, expected in zip(
        ("conv", "relu", "maxpool"), _numpy_pipeline(variant.params), strict=True
    ):
        got = [to_float(v) for v in variant.part(part_id).answer]
        assert np.array_equal(got, expected), part_id


def test_bad_parameters_are_refused_by_name():
    short = {**FAMILY.book_params, "x": [1, -2, 3]}  # two convolution outputs
    assert_refused(FAMILY, short, [("w", [1, 1, 1, 1]), ("pool", 3), ("padding", 3)])


def test_relu_and_pool_remarks_follow_the_numbers():
    """The positions said to be clipped are the negative convolution outputs, and the dropped
    tail of the pool is the count that does not fill a window (100 seeds)."""
    import re

    for seed in range(100):
        variant = FAMILY.variant(seed)
        conv = [to_float(v) for v in variant.part("conv").answer]
        negatives = [i + 1 for i, v in enumerate(conv) if v < 0]
        said = re.search(r"position(?:s)? ([\d, and]+) become", variant.solution).group(1)
        assert [int(t) for t in re.findall(r"\d+", said)] == negatives, seed
        k = variant.params["pool"]
        dropped = len(conv) % k
        assert ("does not fill a window" in variant.solution) is (dropped == 1), seed
        assert (f"last {dropped} values do not fill" in variant.solution) is (dropped > 1), seed
