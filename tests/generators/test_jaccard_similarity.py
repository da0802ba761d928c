"""jaccard_similarity: the book's DL-Q25 numbers, a hand-checked instance, a Python-set oracle,
the slips, and repeated elements refused."""

import pytest

from generators.deep_learning.jaccard_similarity import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():
    # DL-Q25: Venn 2 | 2 | 3 -> 2/7; J(A,B) = 2/7, J(A,C) = 1/6, J(B,C) = 1/7
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("venn", "2/7", "correct"),
            ("venn", "2/9", "sum_not_union"),
            ("venn", "4/9", "dice_not_jaccard"),
            ("venn", "5/7", "complement"),
            ("j_ab", "2/7", "correct"),
            ("j_ab", "0.2857", "correct"),
            ("j_ac", "1/6", "correct"),
            ("j_ac", "1/3", "overlap_coefficient"),
            ("j_bc", "1/7", "correct"),
            ("j_bc", "1/8", "sum_not_union"),
        ],
    )


def test_hand_checked_instance():
    # A ∩ B = {3}, A ∪ B = {1,...,5}: 1/5; A ∩ C = {1, 2}, union {1, 2, 3, 9}: 1/2;
    # B ∩ C = {}, so 0; Venn 1 | 3 | 0 -> 3/4
    variant = FAMILY.from_params(
        {"a": [1, 2, 3], "b": [3, 4, 5], "c": [1, 2, 9], "venn": [1, 3, 0]}
    )
    assert_graded(
        variant,
        [
            ("j_ab", "0.2", "correct"),
            ("j_ac", "0.5", "correct"),
            ("j_bc", "0", "correct"),
            ("venn", "0.75", "correct"),
            ("venn", "1", "overlap_coefficient"),
        ],
    )


def test_matches_a_set_oracle():
    def oracle(params):
        a, b, c = (set(params[k]) for k in "abc")
        only_x, both, only_y = params["venn"]
        return {
            "venn": both / (only_x + both + only_y),
            "j_ab": len(a & b) / len(a | b),
            "j_ac": len(a & c) / len(a | c),
            "j_bc": len(b & c) / len(b | c),
        }

    assert_oracle(FAMILY, oracle)


@pytest.mark.parametrize("seed", range(100))
def test_drawn_sets_overlap_and_no_two_parts_agree(seed):
    variant = FAMILY.variant(seed)
    answers = [part.answer for part in variant.parts]
    assert len(set(answers)) == len(answers) and all(0 < v < 1 for v in answers)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("a", [12, 12, 14]), ("venn", [0, 0, 0]), ("venn", [1, 2])])
