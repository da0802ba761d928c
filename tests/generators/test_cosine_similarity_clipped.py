"""cosine_similarity_clipped: our DL-Q24 instance and another worked by hand, a numpy oracle, the
claim about the clip checked against the values, and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.cosine_similarity_clipped import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_own_instance_worked_by_hand():
    # u·v = 2 + 2 + 4 = 8, ‖u‖ = ‖v‖ = 3: cos 8/9; v·w = -4 + 1 - 4 = -7 -> clipped 0;
    # u - v = (-1, 1, 0): -√2
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("dot", "8", "correct"),
            ("cos_uv", "8/9", "correct"),
            ("cos_uv", "0.889", "correct"),
            ("cos_uv", "8", "not_normalised"),
            ("clipped_vw", "0", "correct"),
            ("clipped_vw", "-7/9", "not_clipped"),
            ("clipped_vw", "7/9", "absolute_value"),
            ("neg_distance", "-1.414", "correct"),
            ("neg_distance", "1.414", "sign"),
            ("neg_distance", "-2", "squared_not_root"),
            ("range", "b", "correct"),
            ("range", "a", "not_clipped"),
        ],
    )


def test_positive_cosine_is_not_clipped():
    # v = (1, 0), w = (3, 4): cos = 3/5, kept
    variant = FAMILY.from_params({"u": [1, 1], "v": [1, 0], "w": [3, 4]})
    assert_graded(variant, [("clipped_vw", "0.6", "correct"), ("clipped_vw", "0", "incorrect")])
    assert "clip leaves it unchanged" in variant.solution


def test_matches_a_numpy_oracle():
    def oracle(params):
        u, v, w = (np.array(params[k], float) for k in "uvw")
        cos = lambda x, y: x @ y / (np.linalg.norm(x) * np.linalg.norm(y))  # noqa: E731
        return {
            "dot": u @ v,
            "cos_uv": cos(u, v),
            "clipped_vw": max(0.0, cos(v, w)),
            "neg_distance": -np.linalg.norm(u - v),
        }

    assert_oracle(FAMILY, oracle)


@pytest.mark.parametrize("seed", range(100))
def test_the_clip_sentence_matches_the_sign(seed):
    variant = FAMILY.variant(seed)
    v, w = (np.array(variant.params[k], float) for k in "vw")
    negative = v @ w < 0
    assert ("sets it to" in variant.solution) == negative
    assert ("leaves it unchanged" in variant.solution) == (not negative)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("w", [1, 2]), ("u", [0, 0, 0]), ("v", [0, 0, 0])])
