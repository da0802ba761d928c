"""perceptron_forward: the mock exam's perceptron, an independent float recomputation, the
catalogued slips (above all the bias added after the activation), and clear parameter errors."""

from __future__ import annotations

import math

import pytest

from generators.deep_learning.perceptron_forward import FAMILY
from interview_sim.answers.check import check, to_float
from interview_sim.family import ParamError


def book():
    return FAMILY.from_params(FAMILY.book_params)


def test_book_instance_weighted_sum_then_relu():
    variant = book()
    # by hand: 0.9·(-0.3) + 0.7·0.15 + 0.001 = -0.27 + 0.105 + 0.001 = -0.164; ReLU(-0.164) = 0
    assert to_float(variant.part("weighted_sum").answer) == pytest.approx(-0.164, abs=1e-12)
    assert to_float(variant.part("output").answer) == 0
    assert check(variant.part("weighted_sum"), "-0.164").status == "correct"
    assert check(variant.part("output"), "0").status == "correct"


@pytest.mark.parametrize(
    ("part", "typed", "tag"),
    [
        ("weighted_sum", "-0.165", "bias_forgotten"),
        ("weighted_sum", "-0.166", "bias_subtracted"),
        # 0.9·0.15 + 0.7·(-0.3) + 0.001: each weight paired with the other input
        ("weighted_sum", "-0.074", "weights_swapped"),
        ("output", "-0.164", "activation_not_applied"),
        ("output", "0.4591", "wrong_activation"),  # sigmoid(-0.164) = 0.45909
        ("output", "0.001", "bias_after_activation"),  # ReLU(-0.165) + 0.001: the book's pitfall
    ],
)
def test_book_instance_mistakes(part, typed, tag):
    verdict = check(book().part(part), typed)
    assert (verdict.status, verdict.tag) == ("mistake", tag)


def _float_activation(name: str, s: float) -> float:
    if name == "identity":
        return s
    if name == "step":
        return 1.0 if s >= 0 else 0.0
    if name == "relu":
        return max(0.0, s)
    return 1.0 / (1.0 + math.exp(-s))


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144])
def test_seeded_variants_match_a_float_recomputation(seed):
    variant = FAMILY.variant(seed)
    x = [float(v) for v in variant.params["x"]]
    w = [float(v) for v in variant.params["w"]]
    b, f = float(variant.params["b"]), variant.params["activation"]
    s = math.fsum(wi * xi for wi, xi in zip(w, x, strict=True)) + b
    assert to_float(variant.part("weighted_sum").answer) == pytest.approx(s, abs=1e-12)
    assert to_float(variant.part("output").answer) == pytest.approx(_float_activation(f, s))
    if variant.params["truth_table"]:
        table = [
            _float_activation(f, w[0] * a + w[1] * c + b)
            for a, c in [(0, 0), (0, 1), (1, 0), (1, 1)]
        ]
        got = [to_float(v) for v in variant.part("binary_table").answer]
        assert got == pytest.approx(table)
    else:
        assert "binary_table" not in [part.id for part in variant.parts]


def test_binary_table_and_its_slips():
    variant = FAMILY.from_params(
        {"x": [1, 0], "w": [0.6, 0.3], "b": -0.5, "activation": "step", "truth_table": True}
    )
    table = variant.part("binary_table")
    # sums -0.5, -0.2, 0.1, 0.4 for (0,0), (0,1), (1,0), (1,1)
    assert check(table, "[0, 0, 1, 1]").status == "correct"
    for typed, tag in [
        ("[1, 1, 1, 1]", "bias_forgotten"),
        ("[0, 1, 0, 1]", "weights_swapped"),
        ("[-0.5, -0.2, 0.1, 0.4]", "activation_not_applied"),
    ]:
        verdict = check(table, typed)
        assert (verdict.status, verdict.tag) == ("mistake", tag), typed


def test_sigmoid_outputs_are_exact_and_accept_decimals():
    variant = FAMILY.from_params(
        {"x": [0.5, -1], "w": [0.4, 0.2], "b": 0.1, "activation": "sigmoid", "truth_table": True}
    )
    # s = 0.2 - 0.2 + 0.1 = 0.1; sigmoid(0.1) = 0.524979
    assert check(variant.part("output"), "0.52498").status == "correct"
    assert check(variant.part("output"), "0.1").tag == "activation_not_applied"
    assert check(variant.part("output"), "0.5").tag == "bias_forgotten"
    sig = [1 / (1 + math.exp(-s)) for s in (0.1, 0.3, 0.5, 0.7)]
    typed = "[" + ", ".join(f"{v:.5f}" for v in sig) + "]"
    assert check(variant.part("binary_table"), typed).status == "correct"


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"w": [0.1, 0.2, 0.3]}, "w"),
        ({"x": [1, 2, 3], "w": [1, 2, 3], "truth_table": True}, "truth_table"),
    ],
)
def test_related_bad_parameters_name_the_parameter(change, name):
    with pytest.raises(ParamError) as error:
        FAMILY.from_params({**FAMILY.book_params, **change})
    assert error.value.name == name
