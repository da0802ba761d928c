"""mlp_forward_softmax_ce: our stand-in for DL-Q37 worked by hand, an independent float
recomputation over seeds, the catalogued slips (entropy of the prediction instead of the
cross-entropy with the label, log10, wrong class, ReLU skipped, softmax not normalised), the
shared-output-bias invariance of softmax, and clear parameter errors."""

from __future__ import annotations

import math

import pytest

from generators.deep_learning.mlp_forward_softmax_ce import FAMILY
from interview_sim.answers.check import check, to_float
from interview_sim.family import ParamError


def book():
    return FAMILY.from_params(FAMILY.book_params)


def test_stand_in_instance_worked_by_hand():
    variant = book()
    # pre-activations (-1, 1, 1.5) -> h = (0, 1, 1.5); z = (-0.5 + 0.75, 1 + 0.75) = (0.25, 1.75)
    assert check(variant.part("hidden"), "[0, 1, 1.5]").status == "correct"
    assert check(variant.part("logits"), "[0.25, 1.75]").status == "correct"
    # p_1 = 1 / (1 + e^1.5) = 0.1824255, p_2 = 0.8175745; L = ln(1 + e^1.5) = 1.7014132
    assert check(variant.part("softmax"), "[0.18243, 0.81757]").status == "correct"
    assert to_float(variant.part("cross_entropy").answer) == pytest.approx(1.7014132, rel=1e-7)


@pytest.mark.parametrize(
    ("part", "typed", "tag"),
    [
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
def test_stand_in_instance_mistakes(part, typed, tag):
    verdict = check(book().part(part), typed)
    assert (verdict.status, verdict.tag) == ("mistake", tag)


def _float_forward(params):
    def num(v):
        return float(v) if not isinstance(v, str) else float(eval_fraction(v))

    x = [num(v) for v in params["x"]]
    pre = [
        math.fsum(num(w) * xi for w, xi in zip(row, x, strict=True)) + num(b)
        for row, b in zip(params["W1"], params["b1"], strict=True)
    ]
    h = [max(0.0, v) for v in pre]
    z = [
        math.fsum(num(w) * hi for w, hi in zip(row, h, strict=True)) + num(b)
        for row, b in zip(params["W2"], params["b2"], strict=True)
    ]
    top = max(z)
    exps = [math.exp(v - top) for v in z]
    p = [e / math.fsum(exps) for e in exps]
    return h, z, p, -math.log(p[params["label"] - 1])


def eval_fraction(text: str) -> float:
    numerator, denominator = text.split("/")
    return int(numerator) / int(denominator)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144])
def test_seeded_variants_match_a_float_recomputation(seed):
    variant = FAMILY.variant(seed)
    h, z, p, loss = _float_forward(variant.params)
    assert [to_float(v) for v in variant.part("hidden").answer] == pytest.approx(h, abs=1e-12)
    assert [to_float(v) for v in variant.part("logits").answer] == pytest.approx(z, abs=1e-12)
    assert [to_float(v) for v in variant.part("softmax").answer] == pytest.approx(p, rel=1e-12)
    assert to_float(variant.part("cross_entropy").answer) == pytest.approx(loss, rel=1e-12)
    assert math.fsum(p) == pytest.approx(1.0)


@pytest.mark.parametrize("seed", range(40))
def test_drawn_networks_are_well_posed(seed):
    params = FAMILY.variant(seed).params
    assert 2 <= len(params["x"]) <= 3
    assert 2 <= len(params["W1"]) <= 4
    assert 2 <= len(params["W2"]) <= 3
    h, z, p, loss = _float_forward(params)
    assert 0 in h and any(v > 0 for v in h), "some unit clipped by ReLU and some passed"
    assert 0 < max(z) - min(z) <= 4 and len(set(z)) == len(z)
    assert loss > 0


def test_a_shared_output_bias_leaves_softmax_and_loss_unchanged():
    shifted = {**FAMILY.book_params, "b2": [0.5, 0.5]}
    before, after = book(), FAMILY.from_params(shifted)
    assert [to_float(v) for v in after.part("softmax").answer] == pytest.approx(
        [to_float(v) for v in before.part("softmax").answer]
    )
    assert to_float(after.part("cross_entropy").answer) == pytest.approx(
        to_float(before.part("cross_entropy").answer)
    )
    assert check(after.part("logits"), "[0.75, 2.25]").status == "correct"


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"W1": [[0.5, -1], [1, 0.5], [-0.5]]}, "W1"),
        ({"b1": [0.5, -1]}, "b1"),
        ({"W2": [[1, -0.5], [-1, 1]]}, "W2"),
        ({"b2": [0, 0, 0]}, "b2"),
        ({"label": 3}, "label"),
        ({"label": 0}, "label"),
    ],
)
def test_bad_parameters_name_the_parameter(change, name):
    with pytest.raises(ParamError) as error:
        FAMILY.from_params({**FAMILY.book_params, **change})
    assert error.value.name == name
