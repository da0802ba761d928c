"""perceptron_forward: the mock exam's perceptron, an independent float recomputation, the
catalogued slips (above all the bias added after the activation), and clear parameter errors."""

import math

import pytest

from generators.deep_learning.perceptron_forward import FAMILY
from interview_sim.answers.check import check, to_float
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_weighted_sum_then_relu_and_slips():
    variant = FAMILY.from_params(BOOK)
    # by hand: 0.9·(-0.3) + 0.7·0.15 + 0.001 = -0.27 + 0.105 + 0.001 = -0.164; ReLU(-0.164) = 0
    assert to_float(variant.part("weighted_sum").answer) == pytest.approx(-0.164, abs=1e-12)
    assert to_float(variant.part("output").answer) == 0
    assert_graded(
        variant,
        [
            ("weighted_sum", "-0.165", "bias_forgotten"),
            ("weighted_sum", "-0.166", "bias_subtracted"),
            # 0.9·0.15 + 0.7·(-0.3) + 0.001: each weight paired with the other input
            ("weighted_sum", "-0.074", "weights_swapped"),
            ("output", "-0.164", "activation_not_applied"),
            ("output", "0.4591", "wrong_activation"),  # sigmoid(-0.164) = 0.45909
            ("output", "0.001", "bias_after_activation"),  # ReLU(-0.165) + 0.001: book's pitfall
        ],
    )


def _float_activation(name: str, s: float) -> float:
    if name == "sigmoid":
        return 1.0 / (1.0 + math.exp(-s))
    return {"identity": s, "step": float(s >= 0), "relu": max(0.0, s)}[name]


def test_seeded_variants_match_a_float_recomputation():
    def oracle(params):
        x, w = [float(v) for v in params["x"]], [float(v) for v in params["w"]]
        b, f = float(params["b"]), params["activation"]
        s = math.fsum(wi * xi for wi, xi in zip(w, x, strict=True)) + b
        values = {"weighted_sum": s, "output": _float_activation(f, s)}
        if params["truth_table"]:
            sums = [w[0] * a + w[1] * c + b for a in (0, 1) for c in (0, 1)]
            values["binary_table"] = [_float_activation(f, t) for t in sums]
        return values

    assert_oracle(FAMILY, oracle, rel=1e-6)
    for variant in map(FAMILY.variant, range(40)):  # a table exactly when the params ask one
        assert ("binary_table" in [p.id for p in variant.parts]) == variant.params["truth_table"]


def test_binary_table_its_slips_and_exact_sigmoids():
    params = {"x": [1, 0], "w": [0.6, 0.3], "b": -0.5, "activation": "step", "truth_table": True}
    # sums -0.5, -0.2, 0.1, 0.4 for (0,0), (0,1), (1,0), (1,1)
    cases = [("[0, 0, 1, 1]", "correct"), ("[1, 1, 1, 1]", "bias_forgotten")]
    cases += [("[0, 1, 0, 1]", "weights_swapped")]
    cases += [("[-0.5, -0.2, 0.1, 0.4]", "activation_not_applied")]
    assert_graded(FAMILY.from_params(params), [("binary_table", *case) for case in cases])
    params |= {"x": [0.5, -1], "w": [0.4, 0.2], "b": 0.1, "activation": "sigmoid"}
    variant = FAMILY.from_params(params)
    # s = 0.2 - 0.2 + 0.1 = 0.1; sigmoid(0.1) = 0.524979
    assert check(variant.part("output"), "0.52498").status == "correct"
    assert check(variant.part("output"), "0.1").tag == "activation_not_applied"
    assert check(variant.part("output"), "0.5").tag == "bias_forgotten"
    sig = [1 / (1 + math.exp(-s)) for s in (0.1, 0.3, 0.5, 0.7)]
    typed = "[" + ", ".join(f"{v:.5f}" for v in sig) + "]"
    assert check(variant.part("binary_table"), typed).status == "correct"


def test_related_bad_parameters_name_the_parameter():
    assert_refused(FAMILY, BOOK, [("w", [0.1, 0.2, 0.3])])
    assert_refused(FAMILY, {**BOOK, "x": [1, 2, 3], "w": [1, 2, 3]}, [("truth_table", True)])
