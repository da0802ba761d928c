"""input_batch_memory: the book's DL-Q82 figure (12 GiB), a hand-checked instance, a numpy
oracle (numpy's item sizes), the fit sentence, and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.input_batch_memory import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():
    # DL-Q82: 1024·3·1024·1024·4 bytes = 12 GiB; 11 GiB hold ⌊11·1024/12⌋ = 938 images
    variant = FAMILY.from_params(BOOK)
    assert_graded(
        variant,
        [
            ("shape", "(1024, 3, 1024, 1024)", "correct"),
            ("shape", "(1024, 1024, 1024, 3)", "channels_last"),
            ("gib", "12", "correct"),
            ("gib", "12.88", "gb_not_gib"),
            ("gib", "4", "channels_forgotten"),
            ("gib", "96", "bits_not_bytes"),
            ("max_batch", "938", "correct"),
            ("max_batch", "939", "no_floor"),
        ],
    )
    assert "does not fit" in variant.solution


def test_hand_checked_instance():
    # 224x224 grey uint8, batch 64: 64·224·224 = 3,211,264 bytes = 0.0029907 GiB; 1 GiB holds
    # ⌊1073741824 / 50176⌋ = 21399 images (50176·21399 = 1,073,716,224 ≤ 2³⁰)
    variant = FAMILY.from_params(
        {"height": 224, "width": 224, "channels": 1, "batch": 64, "dtype": "uint8", "budget_gib": 1}
    )
    assert_graded(
        variant,
        [
            ("gib", "0.002991", "correct"),
            ("gib", "0.01196", "float32_assumed"),
            ("max_batch", "21399", "correct"),
            ("max_batch", "21400", "no_floor"),
            ("max_batch", "19929", "gb_not_gib"),
        ],
    )
    assert "fits, but only the input" in variant.solution


def test_matches_a_numpy_oracle():
    def oracle(params):
        dims = (params["batch"], params["channels"], params["height"], params["width"])
        item = np.dtype(params["dtype"]).itemsize
        one = int(np.prod(dims[1:])) * item
        return {
            "gib": int(np.prod(dims)) * item / 2**30,
            "max_batch": params["budget_gib"] * 2**30 // one,
        }

    assert_oracle(FAMILY, oracle)


@pytest.mark.parametrize("seed", range(100))
def test_fit_sentence_matches_the_numbers(seed):
    variant = FAMILY.variant(seed)
    fits = variant.part("max_batch").answer >= variant.params["batch"]
    assert ("does not fit" in variant.solution) == (not fits)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("budget_gib", 0), ("dtype", "int4"), ("height", 0)])
    too_big = {**BOOK, "height": 100000, "width": 100000}
    with pytest.raises(Exception, match="smaller than one image"):
        FAMILY.from_params(too_big)
