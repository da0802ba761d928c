"""K-fold cross-validation by the numbers: models fitted, fold and training sizes, a stratified
fold's composition, the CV estimate from the fold errors, and leave-one-out.

Varies DL-Q1 to DL-Q8 (how many model instances 5-fold CV fits; the CV error is the mean of the K
fold errors; stratified folds keep the class ratio; leave-one-out is K = N). The book gives no
data set, so ``book_params`` is our own instance: 150 slides, 30 with a tumour, 5 folds. Drawn
variants vary K (3, 4, 5 or 10), the fold size, the share of the rare class and the fold errors.
The slips: a final refit counted as a CV model, the training and validation sizes confused, the
classes swapped in a stratified fold, the fold errors summed instead of averaged, and the K of
the K-fold run taken for leave-one-out's.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, real, slip


def draw(rng: Random) -> dict:
    k = rng.choice((3, 4, 5, 5, 10))
    fold = rng.randint(10, 60)
    positives = k * rng.randint(1, max(1, fold * 2 // 5))
    while True:
        errors = [sympy.Rational(rng.randint(3, 30), 100) for _ in range(k)]
        mean = sum(errors) / k
        if len(set(errors)) > 1 and mean not in errors:
            return {"n": k * fold, "k": k, "positives": positives, "fold_errors": errors}


def check(params: dict) -> None:
    n, k, positives = params["n"], params["k"], params["positives"]
    if k > n:
        raise ParamError("k", f"cannot exceed the number of examples n = {n}")
    if n % k:
        raise ParamError("n", f"must split into {k} equal folds (a multiple of k = {k})")
    if positives % k or positives >= n:
        raise ParamError(
            "positives", f"must be a multiple of k = {k} below n = {n}, so every fold is equal"
        )
    if len(params["fold_errors"]) != k:
        raise ParamError("fold_errors", f"needs one error per fold: {k} numbers")


def solve(params: dict) -> Solved:
    n, k, positives = params["n"], params["k"], params["positives"]
    errors = params["fold_errors"]
    fold = n // k
    train = n - fold
    mean = sum(errors) / k
    parts = [
        integer(
            "models",
            f"Number of models trained during the {k}-fold cross-validation",
            k,
            slip(
                "final_refit_counted",
                "the final refit on all data comes after cross-validation; CV itself trains one "
                "model per fold.",
                k + 1,
            ),
            slip("k_minus_one", "every one of the K folds serves once as validation set.", k - 1),
        ),
        integer(
            "train_size",
            "Training examples in each split",
            train,
            slip(
                "validation_for_training",
                "that is the validation fold; the model trains on the other K − 1 folds.",
                fold,
            ),
        ),
        integer(
            "fold_positives",
            "Tumour slides in each validation fold of a stratified split",
            positives // k,
            slip(
                "classes_swapped",
                "that is the number of tumour-free slides per fold.",
                (n - positives) // k,
            ),
            slip(
                "training_side",
                "that counts the tumour slides in the training part of a split.",
                positives - positives // k,
            ),
        ),
        real(
            "cv_error",
            "Cross-validation estimate of the error",
            mean,
            slip(
                "sum_not_mean",
                "the CV estimate is the mean of the fold errors, not their sum.",
                sum(errors),
            ),
            slip(
                "last_fold_only",
                "that is the last fold's error; average all K of them.",
                errors[-1],
            ),
            allow_percent=True,
        ),
        integer(
            "loocv_models",
            "Models trained by leave-one-out cross-validation on the same slides",
            n,
            slip("k_not_n", f"leave-one-out uses K = N = {n} folds, one per example.", k),
        ),
    ]
    facts = {
        "fold": fold,
        "train": train,
        "mean": mean,
        "per_fold": positives // k,
        "total_error": sum(errors),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="kfold_cv_counts",
    chapter="deep_learning",
    title="K-fold cross-validation counts",
    book_refs=("DL-Q1", "DL-Q2", "DL-Q3", "DL-Q4", "DL-Q5", "DL-Q6", "DL-Q7", "DL-Q8"),
    params=(
        Param("n", "number of slides", "integer", 2, 10**6),
        Param("k", "number of folds", "integer", 2, 1000),
        Param("positives", "slides with a tumour", "integer", 1, 10**6),
        Param("fold_errors", "validation error of each fold", "numbers", 0, 1, length=(2, 1000)),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"n": 150, "k": 5, "positives": 30, "fold_errors": [0.1, 0.13, 0.07, 0.1, 0.15]},
)
