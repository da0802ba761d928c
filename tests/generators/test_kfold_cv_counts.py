"""kfold_cv_counts: our instance checked against an explicit fold assignment, the slips, and
parameters that cannot split evenly refused."""

from fractions import Fraction
from statistics import mean

import pytest

from generators.deep_learning.kfold_cv_counts import FAMILY
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_own_instance_worked_by_hand():
    # 150 slides, 5 folds of 30: 5 models, 120 training slides, 30/5 = 6 tumour slides per fold,
    # CV error (0.1 + 0.13 + 0.07 + 0.1 + 0.15)/5 = 0.55/5 = 0.11, LOOCV 150 models
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("models", "5", "correct"),
            ("models", "6", "final_refit_counted"),
            ("train_size", "120", "correct"),
            ("train_size", "30", "validation_for_training"),
            ("fold_positives", "6", "correct"),
            ("fold_positives", "24", "classes_swapped"),
            ("cv_error", "0.11", "correct"),
            ("cv_error", "0.55", "sum_not_mean"),
            ("loocv_models", "150", "correct"),
            ("loocv_models", "5", "k_not_n"),
        ],
    )


@pytest.mark.parametrize("seed", range(40))
def test_matches_an_explicit_stratified_split(seed):
    variant = FAMILY.variant(seed)
    p = variant.params
    labels = [1] * p["positives"] + [0] * (p["n"] - p["positives"])
    folds = [[] for _ in range(p["k"])]
    for i, positive in enumerate(sorted(range(len(labels)), key=lambda j: -labels[j])):
        folds[i % p["k"]].append(labels[positive])  # deal the slides round-robin by class
    assert {len(f) for f in folds} == {p["n"] // p["k"]}
    assert variant.part("train_size").answer == p["n"] - len(folds[0])
    assert variant.part("fold_positives").answer == sum(folds[0])
    assert variant.part("cv_error").answer == mean(Fraction(str(e)) for e in p["fold_errors"])


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("n", 151),
            ("positives", 31),
            ("positives", 150),
            ("fold_errors", [0.1, 0.2]),
            ("k", 200),
        ],
    )
