"""sigmoid_overflow_bound: the bounds against numpy's own limits, the book's 709, the slips."""

import math
import warnings

import numpy as np

from generators.logistic_regression.sigmoid_overflow_bound import FAMILY, FORMATS
from tests.kit_helpers import assert_graded, assert_oracle

BOOK = dict(FAMILY.book_params)


def test_book_instance_gives_the_books_numbers():
    # ln(max double) = ln(1.7976931348623157e308) = 709.782712893384 (math.log); log10 = 308.2547
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("ln_max", "709.78", "correct"),
            ("ln_max", "308.25", "log10"),
            ("ln_max", "1024", "log2"),
            ("most_negative", "-709", "correct"),
            ("most_negative", "709", "sign"),
            ("most_negative", "-710", "rounded_up"),
            ("safe", "b, c", "correct"),
            ("safe", "b", "branching_missed"),
            ("safe", "a, b, c", "naive_is_safe"),
        ],
    )


def test_a_clip_from_another_type_does_not_protect():
    assert_graded(
        FAMILY.from_params({"dtype": "float32", "clip": 709}),
        [
            ("ln_max", "88.72", "correct"),
            ("safe", "c", "correct"),
            ("safe", "b, c", "clip_too_large"),
        ],
    )


def test_bounds_agree_with_numpy():
    # independent: numpy's own largest values, and exp at the bound and one past it
    for dtype in FORMATS:
        kind = np.dtype(dtype).type
        ln_max = math.log(float(np.finfo(kind).max))
        variant = FAMILY.from_params({"dtype": dtype, "clip": 1})
        assert_graded(variant, [("ln_max", f"{ln_max:.6g}", "correct")])
        edge = -int(variant.part("most_negative").answer)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert np.isfinite(np.exp(kind(edge)))
            assert not np.isfinite(np.exp(kind(edge + 1)))


def test_matches_a_float_oracle():
    assert_oracle(
        FAMILY,
        lambda params: {"ln_max": math.log(float(np.finfo(np.dtype(params["dtype"]).type).max))},
        rel=1e-6,
    )
