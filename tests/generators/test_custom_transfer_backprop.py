"""custom_transfer_backprop: the book's x³ / sin(2x) path worked by hand, a float oracle."""

import math

import pytest

from generators.calculus.custom_transfer_backprop import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_transfer_functions_by_hand():
    # x = 1, w_ij = 0.5, w_jk = 2, t = 0, η = 0.1, g = u³, f = sin(2u):
    # a_j = 0.5, h_j = 0.125, a_k = 0.25, y = sin(0.5) = 0.479426; δ_k = sin(0.5)·2cos(0.5)
    # = sin 1 = 0.841471; Δw_jk = −0.1·0.841471·0.125 = −0.0105184;
    # Δw_ij = −0.1·0.841471·2·(3·0.25)·1 = −0.126221
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("output", "0.4794", "correct"),
            ("update_jk", "-0.01052", "correct"),
            ("update_jk", "0.01052", "sign"),
            ("update_jk", "-0.005993", "output_derivative_missing"),
            ("update_ij", "-0.1262", "correct"),
            ("update_ij", "-0.1683", "hidden_derivative_missing"),
            ("update_ij", "-0.06311", "weight_missing"),
        ],
    )


@pytest.mark.parametrize("seed", range(0, 80, 4))
def test_matches_a_float_oracle(seed):
    functions = {
        "cube": (lambda u: u**3, lambda u: 3 * u * u),
        "sin2": (lambda u: math.sin(2 * u), lambda u: 2 * math.cos(2 * u)),
        "tanh": (math.tanh, lambda u: 1 - math.tanh(u) ** 2),
        "sigmoid": (
            lambda u: 1 / (1 + math.exp(-u)),
            lambda u: math.exp(-u) / (1 + math.exp(-u)) ** 2,
        ),
        "square": (lambda u: u * u, lambda u: 2 * u),
        "identity": (lambda u: u, lambda u: 1.0),
    }
    variant = FAMILY.variant(seed)
    p = {
        k: v
        if isinstance(v, str)
        else float(str(v).split("/")[0]) / float(str(v).split("/")[1] if "/" in str(v) else 1)
        for k, v in variant.params.items()
    }
    g, dg = functions[p["hidden"]]
    f, df = functions[p["output"]]
    a_j = p["w_ij"] * p["x"]
    h = g(a_j)
    a_k = p["w_jk"] * h
    y = f(a_k)
    delta = (y - p["target"]) * df(a_k)
    assert to_float(variant.part("output").answer) == pytest.approx(y)
    assert to_float(variant.part("update_jk").answer) == pytest.approx(-p["eta"] * delta * h)
    expected = -p["eta"] * delta * p["w_jk"] * dg(a_j) * p["x"]
    assert to_float(variant.part("update_ij").answer) == pytest.approx(expected)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("eta", 0), ("hidden", "relu")])
