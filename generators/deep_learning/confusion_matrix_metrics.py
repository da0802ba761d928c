"""Metrics from a binary confusion matrix: reading the cells, accuracy, precision, recall, F1,
specificity.

Varies DL-Q57 (a faulty-sensor classifier with TP 12, FN 7, FP 24, TN 1009) and, for the
interpretation, DL-Q58. Interviews test whether a candidate reads the matrix's orientation before
computing, so the drawn tables put the actual class on the rows (as the book does) or on the
columns, over several stories in which the positive class is the rare one. The slips: precision
and recall swapped (the classic), a transposed reading of the table, the complements (false
discovery rate, miss rate, false-positive rate), F1 as the arithmetic mean, and the negative
predictive value taken for specificity.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, real, slip

#: story -> (what is classified, the positive class, the negative class)
STORIES = {
    "sensor": ("sensors", "faulty", "sound"),
    "email": ("emails", "spam", "legitimate"),
    "payment": ("card payments", "fraudulent", "genuine"),
    "part": ("machined parts", "defective", "good"),
}
ORIENTATIONS = ("actual", "predicted")


def draw(rng: Random) -> dict:
    while True:
        positives = rng.randint(8, 60)
        negatives = rng.randint(3 * positives, 20 * positives)
        tp = rng.randint(-(-positives * 2 // 5), positives - 1)
        fp = rng.randint(max(1, tp // 8), min(3 * tp, negatives - 1))
        params = {
            "tp": tp,
            "fn": positives - tp,
            "fp": fp,
            "tn": negatives - fp,
            "rows": rng.choice(ORIENTATIONS),
            "story": rng.choice(sorted(STORIES)),
        }
        values = [part.answer for part in solve(params).parts[1:]]
        if params["fn"] != params["fp"] and len(set(values)) == len(values):
            return params


def check(params: dict) -> None:
    if params["tp"] + params["fn"] == 0:
        raise ParamError("fn", "the data needs at least one actual positive (TP + FN > 0)")
    if params["tp"] + params["fp"] == 0:
        raise ParamError("fp", "the classifier must predict at least one positive (TP + FP > 0)")
    if params["tn"] + params["fp"] == 0:
        raise ParamError("tn", "the data needs at least one actual negative (TN + FP > 0)")
    if params["tp"] == 0:
        raise ParamError("tp", "needs at least one true positive, or F1 is undefined")


def solve(params: dict) -> Solved:
    tp, fn, fp, tn = (sympy.Integer(params[k]) for k in ("tp", "fn", "fp", "tn"))
    total = tp + fn + fp + tn
    accuracy = (tp + tn) / total
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * tp / (2 * tp + fp + fn)
    specificity = tn / (tn + fp)
    _, positive, negative = STORIES[params["story"]]
    parts = [
        integer(
            "false_negatives",
            f"Number of false negatives ({positive} ones the classifier missed)",
            params["fn"],
            slip(
                "rows_columns_swapped",
                "that cell holds the false positives: the table's "
                f"{'rows' if params['rows'] == 'actual' else 'columns'} are the actual classes.",
                params["fp"],
            ),
        ),
        real(
            "accuracy",
            "Accuracy",
            accuracy,
            slip(
                "complement", "that is the error rate (FP + FN)/N, not the accuracy.", 1 - accuracy
            ),
            allow_percent=True,
        ),
        real(
            "precision",
            f"Precision for the {positive} class",
            precision,
            slip(
                "precision_recall_swapped",
                "that is the recall TP/(TP + FN); precision divides by all predicted positives, "
                "TP/(TP + FP).",
                recall,
            ),
            slip("complement", "that is FP/(TP + FP), the false discovery rate.", 1 - precision),
            allow_percent=True,
        ),
        real(
            "recall",
            f"Recall (sensitivity) for the {positive} class",
            recall,
            slip(
                "precision_recall_swapped",
                "that is the precision TP/(TP + FP); recall divides by all actual positives, "
                "TP/(TP + FN).",
                precision,
            ),
            slip("complement", "that is FN/(TP + FN), the miss rate.", 1 - recall),
            slip(
                "specificity_not_recall",
                f"that is the specificity, the recall of the {negative} class.",
                specificity,
            ),
            allow_percent=True,
        ),
        real(
            "f1",
            "F1 score",
            f1,
            slip(
                "f1_arithmetic_mean",
                "that is the arithmetic mean of precision and recall; F1 is their harmonic mean "
                "2PR/(P + R).",
                (precision + recall) / 2,
            ),
            slip("f1_no_factor_2", "the harmonic mean has a factor 2: 2PR/(P + R).", f1 / 2),
            allow_percent=True,
        ),
        real(
            "specificity",
            f"Specificity (true-negative rate of the {negative} class)",
            specificity,
            slip(
                "npv_not_specificity",
                "that is TN/(TN + FN), the negative predictive value; specificity divides by all "
                "actual negatives, TN/(TN + FP).",
                tn / (tn + fn),
            ),
            slip("complement", "that is FP/(FP + TN), the false-positive rate.", 1 - specificity),
            allow_percent=True,
        ),
    ]
    facts = {
        "total": total,
        "accuracy": accuracy,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "specificity": specificity,
        "things": STORIES[params["story"]][0],
        "positive": positive,
        "negative": negative,
        "precision_higher": precision > recall,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="confusion_matrix_metrics",
    chapter="deep_learning",
    title="Confusion-matrix metrics: accuracy, precision, recall, F1",
    book_refs=("DL-Q57", "DL-Q58"),
    params=(
        Param("tp", "true positives", "integer", low=0, high=10**6),
        Param("fn", "false negatives (actual positive, predicted negative)", "integer", 0, 10**6),
        Param("fp", "false positives (actual negative, predicted positive)", "integer", 0, 10**6),
        Param("tn", "true negatives", "integer", low=0, high=10**6),
        Param("rows", "what the table's rows show", "choice", options=ORIENTATIONS),
        Param("story", "what is being classified", "choice", options=tuple(sorted(STORIES))),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"tp": 12, "fn": 7, "fp": 24, "tn": 1009, "rows": "actual", "story": "sensor"},
)
