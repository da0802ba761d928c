"""activation_eval_and_grad: the book's activations, a hand-worked ReLU, a float oracle."""

import math

import pytest

from generators.calculus.activation_eval_and_grad import FAMILY
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_arctanh_values_and_gradients():
    # CAL-Q25: arctanh on [0.37, 0.192, 0.571] and arctanh' = 1/(1 − x²)
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("values", "[0.3884, 0.1944, 0.6490]", "correct"),
            ("grads", "[1.1586, 1.0383, 1.4838]", "correct"),
            ("grads", "[1/(1-0.37^2), 1/(1-0.192^2), 1/(1-0.571^2)]", "correct"),
            ("grads", "[0.8796, 0.9645, 0.7541]", "arctan_derivative"),
            ("grads", "[0.8631, 0.9631, 0.6740]", "inverted"),
            ("grads", "[1.1586, 1.0383, 1.52]", "incorrect"),
        ],
    )


@pytest.mark.parametrize(
    ("params", "cases"),
    [
        # CAL-Q24: sigmoid and ReLU at 1
        (
            {"activation": "sigmoid", "inputs": [1]},
            [("values", "[0.731059]", "correct"), ("grads", "[0.196612]", "correct")],
        ),
        ({"activation": "relu", "inputs": [1]}, [("grads", "[1]", "correct")]),
        # CAL-Q33: σ'(0) = 1/4
        ({"activation": "sigmoid", "inputs": [0]}, [("grads", "[1/4]", "correct")]),
        # DL-Q48: tanh on the arctanh array, tanh' = 1 − tanh²
        (
            {"activation": "tanh", "inputs": [0.37, 0.192, 0.571]},
            [
                ("values", "[0.3540, 0.1897, 0.5161]", "correct"),
                ("grads", "[0.8747, 0.9640, 0.7336]", "correct"),
                ("grads", "[0.8631, 0.9631, 0.6740]", "input_not_activation"),
            ],
        ),
    ],
)
def test_the_books_other_activations(params, cases):
    assert_graded(FAMILY.from_params(params), cases)


def test_hand_worked_relu_with_a_zero():
    # ReLU on [−1.5, 0, 2.25] with ReLU'(0) = 0: values [0, 0, 2.25], gradients [0, 0, 1]
    assert_graded(
        FAMILY.from_params({"activation": "relu", "inputs": [-1.5, 0, 2.25]}),
        [
            ("values", "[0, 0, 2.25]", "correct"),
            ("grads", "[0, 0, 1]", "correct"),
            ("grads", "[0, 1, 1]", "relu_zero_grad_one"),
            ("grads", "[0, 0, 2.25]", "value_not_grad"),
        ],
    )


def test_matches_a_float_recomputation():
    def grad(name, x):
        if name == "sigmoid":
            s = 1 / (1 + math.exp(-x))
            return s * (1 - s)
        if name == "tanh":
            return 1 / math.cosh(x) ** 2
        if name == "relu":
            return 1.0 if x > 0 else 0.0
        return 1 / (1 - x * x)

    functions = {
        "sigmoid": lambda x: 1 / (1 + math.exp(-x)),
        "tanh": math.tanh,
        "relu": lambda x: max(0.0, x),
        "arctanh": math.atanh,
    }
    from interview_sim.answers.check import to_float

    for seed in range(40):
        variant = FAMILY.variant(seed)
        name, xs = variant.params["activation"], [float(x) for x in variant.params["inputs"]]
        values = [to_float(v) for v in variant.part("values").answer]
        grads = [to_float(g) for g in variant.part("grads").answer]
        assert values == pytest.approx([functions[name](x) for x in xs], rel=1e-12, abs=1e-15)
        assert grads == pytest.approx([grad(name, x) for x in xs], rel=1e-12, abs=1e-15)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("inputs", [0.5, 1]), ("inputs", [-1, 0.2]), ("inputs", [])])
