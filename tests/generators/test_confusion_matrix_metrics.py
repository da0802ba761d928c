"""confusion_matrix_metrics: the book's DL-Q57 numbers, a hand-checked instance with the table
transposed, a float oracle, the story's base rates, and bad parameters."""

from fractions import Fraction

import pytest

from generators.deep_learning.confusion_matrix_metrics import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():
    # DL-Q57: TP 12, FN 7, FP 24, TN 1009 -> accuracy 1021/1052, precision 1/3, recall 12/19
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("false_negatives", "7", "correct"),
            ("false_negatives", "24", "rows_columns_swapped"),
            ("accuracy", "0.9705", "correct"),
            ("accuracy", "97.05%", "correct"),
            ("accuracy", "0.0295", "complement"),
            ("precision", "1/3", "correct"),
            ("precision", "0.6316", "precision_recall_swapped"),
            ("recall", "0.6316", "correct"),
            ("recall", "0.3333", "precision_recall_swapped"),
            ("f1", "0.4364", "correct"),  # 24/55
            ("f1", "0.4825", "f1_arithmetic_mean"),
            ("specificity", "0.9768", "correct"),  # 1009/1033
            ("specificity", "0.9931", "npv_not_specificity"),  # 1009/1016
        ],
    )


def test_hand_checked_transposed_table():
    # rows = predicted: TP 30, FN 10, FP 15, TN 145 (N 200), worked with fractions by hand
    variant = FAMILY.from_params(
        {"tp": 30, "fn": 10, "fp": 15, "tn": 145, "rows": "predicted", "story": "email"}
    )
    assert "columns give the actual class" in variant.statement
    assert "| predicted spam | 30 | 15 |" in variant.statement
    assert_graded(
        variant,
        [
            ("false_negatives", "10", "correct"),
            ("false_negatives", "15", "rows_columns_swapped"),
            ("accuracy", "0.875", "correct"),
            ("precision", "2/3", "correct"),
            ("recall", "0.75", "correct"),
            ("recall", "0.6667", "precision_recall_swapped"),
            ("f1", str(Fraction(60, 85)), "correct"),
            ("specificity", str(Fraction(145, 160)), "correct"),
            ("specificity", "0.5", "incorrect"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        tp, fn, fp, tn = (params[k] for k in ("tp", "fn", "fp", "tn"))
        p, r = tp / (tp + fp), tp / (tp + fn)
        return {
            "accuracy": (tp + tn) / (tp + fn + fp + tn),
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r),
            "specificity": tn / (tn + fp),
        }

    assert_oracle(FAMILY, oracle)


@pytest.mark.parametrize("seed", range(200))
def test_positives_are_the_rare_class_and_the_comparison_is_right(seed):
    variant = FAMILY.variant(seed)
    p = variant.params
    positives, total = p["tp"] + p["fn"], p["tp"] + p["fn"] + p["fp"] + p["tn"]
    assert positives / total <= 0.25 and p["tp"] > 0 and p["fp"] > 0
    comparison = "higher" if p["fp"] < p["fn"] else "lower"
    assert f"precision is {comparison} than recall" in variant.solution


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [("tp", -1), ("tp", 0), ("rows", "diagonal"), ("story", "weather"), ("fn", 1.5)],
    )
