"""logistic_loss_gradient: our instance worked by hand, slips, a float recomputation."""

import math

import pytest

from generators.calculus.logistic_loss_gradient import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_own_instance_worked_by_hand():
    # w = (1, −2), x = (3, 1), y = −1: wᵀx = 1, p = σ(−1) = 0.268941, L = ln(1 + e) = 1.313262,
    # ∇L = −y(1 − p)x = 0.731059·(3, 1) = (2.193177, 0.731059)
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("prob", "0.2689", "correct"),
            ("prob", "0.7311", "label_ignored"),
            ("loss", "1.313", "correct"),
            ("loss", "0.5703", "log10"),
            ("loss", "-1.313", "sign"),
            ("gradient", "[2.193, 0.7311]", "correct"),
            ("gradient", "[-2.193, -0.7311]", "sign"),
            ("gradient", "[0.8068, 0.2689]", "p_not_complement"),
            ("gradient", "[-0.8068, -0.2689]", "label_ignored"),
        ],
    )


@pytest.mark.parametrize("seed", range(0, 80, 4))
def test_matches_a_float_recomputation(seed):
    variant = FAMILY.variant(seed)
    w = [float(v) for v in variant.params["w"]]
    x = [float(v) for v in variant.params["x"]]
    y = variant.params["y"]
    t = y * sum(a * b for a, b in zip(w, x, strict=True))
    p = 1 / (1 + math.exp(-t))
    assert to_float(variant.part("prob").answer) == pytest.approx(p)
    assert to_float(variant.part("loss").answer) == pytest.approx(-math.log(p))
    expected = [-y * (1 - p) * xi for xi in x]
    assert [to_float(g) for g in variant.part("gradient").answer] == pytest.approx(expected)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("x", [1, 2, 3]), ("y", 0)])
