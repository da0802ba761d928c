"""sgd_update_step: our instance worked by hand, a numpy re-implementation of each optimiser
(PyTorch's update rules written out), the slips, and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.sgd_update_step import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_own_instance_worked_by_hand():
    # decay: 1 - 0.1(0.4 + 0.1) = 0.95, -0.5 - 0.1(-0.2 - 0.05) = -0.475
    # momentum: v = (0.18 - 0.04, 0.09 + 0.02) = (0.14, 0.11) -> (1.14, -0.39)
    # Adam: w - 0.01·sign(g) -> (0.99, -0.49); bias: mean 0.2 -> 0.5 - 0.02 = 0.48
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("sgd_decay", "[0.95, -0.475]", "correct"),
            ("sgd_decay", "[0.96, -0.48]", "decay_forgotten"),
            ("momentum", "[1.14, -0.39]", "correct"),
            ("momentum", "[0.96, -0.48]", "momentum_ignored"),
            ("momentum", "[1.2, -0.4]", "old_velocity"),
            ("adam", "[0.99, -0.49]", "correct"),
            ("adam", "[0.96838, -0.46838]", "no_bias_correction"),
            ("bias", "0.48", "correct"),
            ("bias", "0.42", "sum_not_mean"),
        ],
    )


@pytest.mark.parametrize("seed", range(30))
def test_matches_numpy_optimisers(seed):
    variant = FAMILY.variant(seed)
    p = {
        k: np.array(v, float) if isinstance(v, list) else float(v)
        for k, v in variant.params.items()
    }
    w, g = p["w"], p["g"]
    decayed = w - p["lr"] * (g + p["decay"] * w)
    momentum = w + p["momentum"] * p["velocity"] - p["lr"] * g
    m, s = 0.1 * g, 0.001 * g**2
    adam = w - p["adam_lr"] * (m / 0.1) / (np.sqrt(s / 0.001) + 1e-8)
    bias = p["b"] - p["lr"] * p["b_grads"].mean()
    for part_id, expected in [("sgd_decay", decayed), ("momentum", momentum), ("adam", adam)]:
        got = [to_float(v) for v in variant.part(part_id).answer]
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-12), part_id
    assert to_float(variant.part("bias").answer) == pytest.approx(bias, rel=1e-9, abs=1e-12)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("g", [1]), ("velocity", [1, 2, 3]), ("lr", 0), ("momentum", 1)])
