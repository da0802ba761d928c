"""ROC by hand: the true- and false-positive rates at a threshold and the AUC by pair counting.

Derived numeric family for DL-Q58 and DL-Q59 (the book asks for the ROC's axes, the random
classifier's diagonal with AUC 0.5, and the meaning of an AUC of 0.984; it gives no scores), so
``book_params`` is our own instance. Drawn variants have 3 to 6 positives and negatives with
scores on a 0.05 grid, sometimes tied across the classes, and a threshold equal to one of the
scores so that "≥" matters. The AUC is the share of (positive, negative) pairs the scores rank
correctly, ties counting ½. The slips: TPR and FPR swapped, FPR computed over the predicted
positives, the threshold applied as ">", ties counted as wins or losses, and the labels read
the wrong way round (1 − AUC).
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import real, slip

HALF = sympy.Rational(1, 2)


def _pairs(pos: list, neg: list) -> tuple[int, int]:
    wins = sum(1 for a in pos for b in neg if a > b)
    ties = sum(1 for a in pos for b in neg if a == b)
    return wins, ties


def draw(rng: Random) -> dict:
    while True:
        n_pos, n_neg = rng.randint(3, 6), rng.randint(3, 6)
        pos = [sympy.Rational(rng.randint(6, 19), 20) for _ in range(n_pos)]
        neg = [sympy.Rational(rng.randint(1, 14), 20) for _ in range(n_neg)]
        threshold = rng.choice(pos + neg)
        params = {"pos_scores": pos, "neg_scores": neg, "threshold": threshold}
        wins, _ = _pairs(pos, neg)
        values = [part.answer for part in solve(params).parts]
        if wins < n_pos * n_neg and len(set(values)) == len(values) and 0 not in values:
            return params


def check(params: dict) -> None:
    for name in ("pos_scores", "neg_scores"):
        if not params[name]:
            raise ParamError(name, "needs at least one score")


def solve(params: dict) -> Solved:
    pos, neg, t = params["pos_scores"], params["neg_scores"], params["threshold"]
    n_pos, n_neg = len(pos), len(neg)
    tp = sum(1 for s in pos if s >= t)
    fp = sum(1 for s in neg if s >= t)
    tp_strict = sum(1 for s in pos if s > t)
    fp_strict = sum(1 for s in neg if s > t)
    tpr, fpr = sympy.Rational(tp, n_pos), sympy.Rational(fp, n_neg)
    wins, ties = _pairs(pos, neg)
    auc = (wins + HALF * ties) / sympy.Integer(n_pos * n_neg)
    parts = [
        real(
            "tpr",
            "True-positive rate at the threshold",
            tpr,
            slip("tpr_fpr_swapped", "that is the false-positive rate FP/(FP + TN).", fpr),
            slip(
                "strict_threshold",
                "a score equal to the threshold is classified positive (score ≥ threshold).",
                sympy.Rational(tp_strict, n_pos),
            ),
            allow_percent=True,
        ),
        real(
            "fpr",
            "False-positive rate at the threshold",
            fpr,
            slip("tpr_fpr_swapped", "that is the true-positive rate TP/(TP + FN).", tpr),
            slip(
                "fdr_not_fpr",
                "that divides by the predicted positives; FPR divides by all actual negatives.",
                sympy.Rational(fp, tp + fp),
            )
            if tp + fp
            else None,
            slip(
                "strict_threshold",
                "a score equal to the threshold is classified positive (score ≥ threshold).",
                sympy.Rational(fp_strict, n_neg),
            ),
            allow_percent=True,
        ),
        real(
            "auc",
            "Area under the ROC curve",
            auc,
            slip(
                "ties_as_losses",
                "a tied pair counts ½: the classifier ranks it correctly half the time.",
                sympy.Rational(wins, n_pos * n_neg),
            )
            if ties
            else None,
            slip(
                "ties_as_wins",
                "a tied pair counts ½, not 1.",
                sympy.Rational(wins + ties, n_pos * n_neg),
            )
            if ties
            else None,
            slip(
                "complement", "that counts the pairs ranked the wrong way: labels swapped.", 1 - auc
            ),
            allow_percent=True,
        ),
    ]
    facts = {
        "tp": tp,
        "fp": fp,
        "tpr": tpr,
        "fpr": fpr,
        "wins": wins,
        "ties": ties,
        "pairs": n_pos * n_neg,
        "auc": auc,
        "pos_sorted": sorted(pos, reverse=True),
        "neg_sorted": sorted(neg, reverse=True),
        "wins_per_pos": [sum(1 for b in neg if a > b) for a in sorted(pos, reverse=True)],
        "ties_per_pos": [sum(1 for b in neg if a == b) for a in sorted(pos, reverse=True)],
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="roc_auc_from_scores",
    chapter="deep_learning",
    title="ROC rates and AUC from scores",
    book_refs=("DL-Q58", "DL-Q59"),
    params=(
        Param("pos_scores", "scores of the positive examples", "numbers", 0, 1, length=(1, 12)),
        Param("neg_scores", "scores of the negative examples", "numbers", 0, 1, length=(1, 12)),
        Param("threshold", "classify positive when score ≥ threshold", low=0, high=1),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={
        "pos_scores": [0.9, 0.8, 0.55, 0.4],
        "neg_scores": [0.7, 0.4, 0.3, 0.2, 0.1],
        "threshold": 0.4,
    },
)
