"""maxpool2d_manual: the 4×4 / 2×2 / stride-2 instance, a hand-checked overlapping pool, a numpy
sliding-window recomputation, the slips and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.maxpool2d_manual import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused


def test_book_sized_instance():
    # windows [1, 3, 4, 6], [2, 1, 5, 0], [7, 2, 3, 1], [9, 8, 4, 6]
    assert_graded(
        FAMILY.from_params(FAMILY.book_params),
        [
            ("max_pool", "[[6, 5], [7, 9]]", "correct"),
            ("max_pool", "6 5; 7 9", "correct"),
            ("max_pool", "[[6, 6, 5], [7, 9, 9], [7, 9, 9]]", "stride_ignored"),
            ("max_pool", "[[3.5, 2], [3.25, 6.75]]", "average_not_max"),
            ("max_pool", "[[1, 0], [1, 4]]", "min_not_max"),
            ("max_pool", "[[6, 7], [5, 9]]", "transposed"),
        ],
    )


def test_hand_checked_overlapping_windows():
    # x[i][j] = 5i + j; 3×3 windows at rows/columns 0 and 2: the max is the bottom-right entry,
    # the mean the centre entry, and floor and ceil mode agree (⌈2/2⌉ = ⌊2/2⌋)
    params = {
        "x": [[5 * i + j for j in range(5)] for i in range(5)],
        "kernel": [3, 3],
        "stride": [2, 2],
        "average": True,
    }
    variant = FAMILY.from_params(params)
    assert "overlap" in variant.solution and "outside every window" not in variant.solution
    assert_graded(
        variant,
        [
            ("max_pool", "[[12, 14], [22, 24]]", "correct"),
            ("avg_pool", "[[6, 8], [16, 18]]", "correct"),
            ("avg_pool", "[[12, 14], [22, 24]]", "max_not_average"),
            ("avg_pool", "[[54, 72], [144, 162]]", "wrong_divisor"),
            ("avg_pool", "[[6, 7, 8], [11, 12, 13], [16, 17, 18]]", "stride_ignored"),
        ],
    )


def _numpy_pool(params: dict, reduce) -> np.ndarray:
    x = np.array(params["x"], dtype=float)
    (kr, kc), (sr, sc) = params["kernel"], params["stride"]
    view = np.lib.stride_tricks.sliding_window_view(x, (kr, kc))[::sr, ::sc]
    return reduce(view, axis=(-2, -1))


@pytest.mark.parametrize("seed", range(40))
def test_matches_numpy(seed):
    variant = FAMILY.variant(seed)
    got = np.array([[to_float(v) for v in row] for row in variant.part("max_pool").answer])
    assert np.array_equal(got, _numpy_pool(variant.params, np.max))
    if variant.params["average"]:
        avg = np.array([[to_float(v) for v in row] for row in variant.part("avg_pool").answer])
        assert np.allclose(avg, _numpy_pool(variant.params, np.mean))


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        FAMILY.book_params,
        [("kernel", [5, 2]), ("stride", [3, 3]), ("x", [[1, 2], [3]]), ("average", "yes")],
    )


def test_edge_and_overlap_remarks_follow_the_numbers():
    """The rows/columns said to fall outside every window, and the overlap remark, agree with
    the sizes (100 seeds)."""
    for seed in range(100):
        variant = FAMILY.variant(seed)
        p = variant.params
        (kr, kc), (sr, sc) = p["kernel"], p["stride"]
        out = variant.part("max_pool").answer
        rows_left = len(p["x"]) - ((len(out) - 1) * sr + kr)
        cols_left = len(p["x"][0]) - ((len(out[0]) - 1) * sc + kc)
        text = variant.solution
        assert ("outside every window" in text) is bool(rows_left or cols_left), seed
        if rows_left:
            assert (
                "the last row" if rows_left == 1 else f"the last {rows_left} rows"
            ) in text.lower()
        if cols_left:
            assert (
                "the last column" if cols_left == 1 else f"last {cols_left} columns"
            ) in text.lower()
        overlap = (sr < kr and len(out) > 1) or (sc < kc and len(out[0]) > 1)
        assert ("overlap" in text) is overlap, seed
