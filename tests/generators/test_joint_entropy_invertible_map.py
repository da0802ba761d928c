"""joint_entropy_invertible_map: the book's Y = X + Z, a hand-checked lossy map, an oracle."""

import math
from collections import defaultdict
from fractions import Fraction

from generators.information_theory.joint_entropy_invertible_map import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params
MAPS = {
    "sum": lambda x, z: x + z,
    "difference": lambda x, z: z - x,
    "product": lambda x, z: x * z,
    "max": max,
}


def entropy(weights):
    return -sum(p * math.log2(p) for p in weights if p > 0)


def test_book_question_is_true_for_a_sum():  # IT-Q13
    # p = [[0.4, 0.1], [0.2, 0.3]]: H(X,Z) = 1.84644; Y ∈ {0, 1, 2} with (0.4, 0.3, 0.3): 1.57095
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("h_xz", "1.8464", "correct"),
            ("h_y", "1.571", "correct"),
            ("h_y", "1.8464", "joint"),
            ("same", "true", "correct"),
            ("same", "false", "incorrect"),
            ("lost", "0", "correct"),
        ],
    )


def test_hand_checked_product_with_x_zero_loses_half_a_bit():
    # uniform on {0,1}²; Y = X·Z: H(X,Z) = 2, Y = 0 w.p. 3/4 → H(Y) = 0.81128,
    # (X, Y) ∈ {(0,0): ½, (1,0): ¼, (1,1): ¼} → H(X,Y) = 1.5, lost 0.5
    params = {"map": "product", "x_values": [0, 1], "z_values": [0, 1], "joint": [[0.25] * 2] * 2}
    assert_graded(
        FAMILY.from_params(params),
        [
            ("h_xz", "2", "correct"),
            ("h_y", "0.8113", "correct"),
            ("same", "false", "correct"),
            ("lost", "0.5", "correct"),
            ("lost", "-0.5", "sign"),
            ("lost", "1.1887", "joint_minus_y"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        g = MAPS[params["map"]]
        by_y, by_xy, cells = defaultdict(float), defaultdict(float), []
        for x, row in zip(params["x_values"], params["joint"], strict=True):
            for z, c in zip(params["z_values"], row, strict=True):
                p = float(Fraction(str(c)))
                cells.append(p)
                by_y[g(x, z)] += p
                by_xy[(x, g(x, z))] += p
        h_xz = entropy(cells)
        return {"h_xz": h_xz, "h_y": entropy(by_y.values()), "lost": h_xz - entropy(by_xy.values())}

    assert_oracle(FAMILY, oracle)


def test_the_verdict_and_the_loss_agree():
    for seed in range(60):
        variant = FAMILY.variant(seed)
        assert variant.part("same").answer == (variant.facts["lost"] == 0), seed
        assert ("**True.**" in variant.solution) == variant.part("same").answer, seed


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("joint", [[0.4, 0.1], [0.2, 0.2]]),
            ("joint", [[0.4, 0.1, 0], [0.2, 0.3, 0]]),
            ("joint", [[0.5, 0.5], [0, 0]]),
            ("x_values", [1, 1]),
            ("map", "min"),
        ],
    )
