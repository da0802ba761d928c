"""roc_auc_from_scores: our instance worked by hand, an oracle that integrates the ROC curve with
the trapezoid rule (independent of pair counting), the slips, and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.roc_auc_from_scores import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_own_instance_worked_by_hand():
    # positives 0.9, 0.8, 0.55, 0.4; negatives 0.7, 0.4, 0.3, 0.2, 0.1; threshold 0.4
    # TPR 4/4 = 1 (0.4 counts), strict 3/4; FPR 2/5, strict 1/5
    # pairs: 0.9 beats 5, 0.8 beats 5, 0.55 beats 4, 0.4 beats 3 ties 1 -> (17 + 0.5)/20 = 0.875
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("tpr", "1", "correct"),
            ("tpr", "0.75", "strict_threshold"),
            ("tpr", "0.4", "tpr_fpr_swapped"),
            ("fpr", "0.4", "correct"),
            ("fpr", "0.2", "strict_threshold"),
            ("fpr", "1/3", "fdr_not_fpr"),
            ("auc", "0.875", "correct"),
            ("auc", "87.5%", "correct"),
            ("auc", "0.85", "ties_as_losses"),
            ("auc", "0.9", "ties_as_wins"),
            ("auc", "0.125", "complement"),
        ],
    )


def _trapezoid_auc(pos, neg):
    scores = np.array(pos + neg, float)
    labels = np.array([1] * len(pos) + [0] * len(neg))
    points = [(0.0, 0.0)]
    for t in sorted(set(scores), reverse=True):
        chosen = scores >= t
        points.append(
            ((chosen & (labels == 0)).sum() / len(neg), (chosen & (labels == 1)).sum() / len(pos))
        )
    xs, ys = zip(*points, strict=True)
    return np.trapezoid(ys, xs) if hasattr(np, "trapezoid") else np.trapz(ys, xs)


@pytest.mark.parametrize("seed", range(40))
def test_auc_matches_the_trapezoid_area_under_the_roc(seed):
    variant = FAMILY.variant(seed)
    pos, neg = variant.params["pos_scores"], variant.params["neg_scores"]
    assert to_float(variant.part("auc").answer) == pytest.approx(_trapezoid_auc(pos, neg))
    t = variant.params["threshold"]
    assert to_float(variant.part("tpr").answer) == pytest.approx(np.mean(np.array(pos) >= t))
    assert to_float(variant.part("fpr").answer) == pytest.approx(np.mean(np.array(neg) >= t))


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("pos_scores", []), ("threshold", 1.5), ("neg_scores", [2])])
