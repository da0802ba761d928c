"""sigmoid_backward_pass: our instance worked by hand, slips, a NumPy backward method."""

import numpy as np
import pytest

from generators.calculus.sigmoid_backward_pass import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_own_instance_worked_by_hand():
    # Z = (0, 2, −1), dA = (1, 0.5, −2): σ = (0.5, 0.880797, 0.268941),
    # σ(1 − σ) = (0.25, 0.104994, 0.196612), dZ = (0.25, 0.052497, −0.393224)
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("activation", "[0.5, 0.8808, 0.2689]", "correct"),
            ("dz", "[0.25, 0.052497, -0.393224]", "correct"),
            ("dz", "[0.25, 0.104994, 0.196612]", "upstream_ignored"),
            ("dz", "[0.5, 0.440399, -0.537883]", "missing_complement"),
            ("dz", "[0, -1, 4]", "input_not_activation"),
            ("dz", "[0.25, 0.0525, 0.393]", "incorrect"),
        ],
    )


@pytest.mark.parametrize("seed", range(0, 60, 3))
def test_matches_a_numpy_backward_method(seed):
    variant = FAMILY.variant(seed)
    z = np.array([float(v) for v in variant.params["z"]])
    upstream = np.array([float(v) for v in variant.params["upstream"]])
    a = 1 / (1 + np.exp(-z))
    dz = upstream * a * (1 - a)
    assert [to_float(v) for v in variant.part("activation").answer] == pytest.approx(a)
    assert [to_float(v) for v in variant.part("dz").answer] == pytest.approx(dz, rel=1e-9)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("upstream", [1, 2]), ("z", [0, 1, 200])])
