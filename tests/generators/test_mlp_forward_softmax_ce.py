"""mlp_forward_softmax_ce: our stand-in for DL-Q37 worked by hand, a float recomputation over
seeds, the catalogued slips, softmax's shift invariance, and clear parameter errors."""

import math
from fractions import Fraction

import pytest

from generators.deep_learning.mlp_forward_softmax_ce import FAMILY
from interview_sim.answers.check import check, to_float
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_stand_in_instance_worked_by_hand_and_its_slips():
    variant = FAMILY.from_params(BOOK)
    # p_1 = 1 / (1 + e^1.5) = 0.1824255, p_2 = 0.8175745; L = ln(1 + e^1.5) = 1.7014132
    assert to_float(variant.part("cross_entropy").answer) == pytest.approx(1.7014132, rel=1e-7)
    assert_graded(
        variant,
        [
            # pre-activations (-1, 1, 1.5) -> h = (0, 1, 1.5); z = (-0.5 + 0.75, 1 + 0.75)
            ("hidden", "[0, 1, 1.5]", "correct"),
            ("logits", "[0.25, 1.75]", "correct"),
            ("softmax", "[0.18243, 0.81757]", "correct"),
            ("hidden", "[-1, 1, 1.5]", "relu_skipped"),
            ("hidden", "[0, 2, 1.5]", "bias_forgotten"),
            ("logits", "[-0.75, 2.75]", "relu_skipped"),
            ("softmax", "[1.28403, 5.75460]", "not_normalised"),
            ("softmax", "[0.125, 0.875]", "exp_skipped"),
            ("cross_entropy", "0.73891", "log10"),
            ("cross_entropy", "0.47505", "entropy_of_prediction"),  # the book's printed loss
            ("cross_entropy", "0.20141", "wrong_class"),
            ("cross_entropy", "-0.25", "logit_not_probability"),
        ],
    )


def _floats(values) -> list[float]:
    """Parameters as given: numbers or "a/b" fractions."""
    return [float(Fraction(str(v))) for v in values]


def _layer(weights, biases, inputs) -> list[float]:
    return [
        math.fsum(w * v for w, v in zip(_floats(row), inputs, strict=True)) + b
        for row, b in zip(weights, _floats(biases), strict=True)
    ]


def test_seeded_variants_match_a_float_recomputation_and_are_well_posed():
    def oracle(params):
        assert 2 <= len(params["x"]) <= 3 and 2 <= len(params["W1"]) <= 4
        assert 2 <= len(params["W2"]) <= 3
        h = [max(0.0, v) for v in _layer(params["W1"], params["b1"], _floats(params["x"]))]
        z = _layer(params["W2"], params["b2"], h)
        exps = [math.exp(v - max(z)) for v in z]
        p = [e / math.fsum(exps) for e in exps]
        assert 0 in h and any(v > 0 for v in h), "some unit clipped by ReLU and some passed"
        assert 0 < max(z) - min(z) <= 4 and len(set(z)) == len(z)
        loss = -math.log(p[params["label"] - 1])
        assert loss > 0
        return {"hidden": h, "logits": z, "softmax": p, "cross_entropy": loss}

    assert_oracle(FAMILY, oracle, rel=1e-12)


def test_a_shared_output_bias_leaves_softmax_and_loss_unchanged():
    before, after = FAMILY.from_params(BOOK), FAMILY.from_params({**BOOK, "b2": [0.5, 0.5]})
    softmax = [[to_float(p) for p in v.part("softmax").answer] for v in (before, after)]
    assert softmax[0] == pytest.approx(softmax[1])
    loss = [to_float(v.part("cross_entropy").answer) for v in (before, after)]
    assert loss[0] == pytest.approx(loss[1])
    assert check(after.part("logits"), "[0.75, 2.25]").status == "correct"


def test_bad_parameters_name_the_parameter():
    bad = [("W1", [[0.5, -1], [1, 0.5], [-0.5]]), ("b1", [0.5, -1]), ("W2", [[1, -0.5], [-1, 1]])]
    assert_refused(FAMILY, BOOK, bad + [("b2", [0, 0, 0]), ("label", 3), ("label", 0)])
