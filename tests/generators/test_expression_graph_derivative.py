"""expression_graph_derivative: the book's graphs, a hand-worked graph, a numerical oracle."""

import mpmath
import pytest

from generators.calculus.expression_graph_derivative import FAMILY
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_graph_of_one_over_root_x():
    # CAL-Q3: g = 1/√x, g'(9) = −1/54
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("g", "1/sqrt(x)", "correct"),
            ("g", "x^(-1/2)", "correct"),
            ("dg", "-1/2 x^(-3/2)", "correct"),
            ("g_at", "1/3", "correct"),
            ("dg_at", "-1/54", "correct"),
            ("dg_at", "-0.0185", "correct"),
            ("dg_at", "1/3", "value_not_slope"),
        ],
    )


@pytest.mark.parametrize(
    ("nodes", "x0", "cases"),
    [
        # CAL-Q4: g = 2x² − x + 1 with a negation node; g'(2) = 7
        (
            [["pow", 0, 2], ["const", 2], ["mul", 2, 1], ["neg", 0], ["add", 3, 4], ["const", 1]]
            + [["add", 5, 6]],
            2,
            [
                ("g", "2x^2 - x + 1", "correct"),
                ("g", "2x^2 + x + 1", "negation_ignored"),
                ("dg", "4x - 1", "correct"),
                ("dg", "4x + 1", "negation_ignored"),
                ("dg_at", "7", "correct"),
            ],
        ),
        # CAL-Q28: g = 5x² + 4x + 1 at 5: value 146, derivative 54
        (
            [["pow", 0, 2], ["const", 5], ["mul", 2, 1], ["const", 4], ["mul", 4, 0]]
            + [["add", 3, 5], ["const", 1], ["add", 6, 7]],
            5,
            [("g_at", "146", "correct"), ("dg_at", "54", "correct"), ("dg", "10x + 4", "correct")],
        ),
        # CAL-Q27: g = 3x + 2 at 2: value 8, derivative 3
        ([["const", 3], ["mul", 1, 0], ["const", 2], ["add", 2, 3]], 2, [("g_at", "8", "correct")]),
    ],
)
def test_the_books_other_graphs(nodes, x0, cases):
    assert_graded(FAMILY.from_params({"nodes": nodes, "x0": x0}), cases)


def test_hand_worked_graph():
    # g = 3x² − √(2x + 5) at 2, by hand: g = 12 − 3 = 9, g' = 6x − 1/√(2x + 5) = 12 − 1/3.
    # Slips by hand: constants with derivative 1 give 16 − 5/6 = 91/6; the √ node without its
    # inner factor 2 gives 12 − 1/6 = 71/6; u'·w' for each product gives 0.
    nodes = [["pow", 0, 2], ["const", 3], ["mul", 2, 1], ["const", 2], ["mul", 4, 0]]
    nodes += [["const", 5], ["add", 5, 6], ["sqrt", 7], ["sub", 3, 8]]
    assert_graded(
        FAMILY.from_params({"nodes": nodes, "x0": 2}),
        [
            ("g", "3x^2 - sqrt(2x + 5)", "correct"),
            ("dg", "6x - 1/sqrt(2x+5)", "correct"),
            ("dg", "6x - 1/(2 sqrt(2x+5))", "chain_rule_missed"),
            ("g_at", "9", "correct"),
            ("dg_at", "35/3", "correct"),
            ("dg_at", "11.7", "correct"),
            ("dg_at", "91/6", "constant_gradient"),
            ("dg_at", "71/6", "chain_rule_missed"),
            ("dg_at", "0", "product_rule_wrong"),
            ("dg_at", "9", "value_not_slope"),
            ("dg_at", "11.5", "incorrect"),
        ],
    )


def _evaluate(nodes, x):
    """The graph's output at x, in mpmath: an evaluator independent of the family's trace."""
    functions = {
        "neg": lambda a: -a,
        "sqrt": mpmath.sqrt,
        "ln": mpmath.log,
        "recip": lambda a: 1 / a,
    }
    values = [x]
    for op, *args in nodes:
        if op == "const":
            values.append(mpmath.mpf(args[0]))
        elif op == "pow":
            values.append(values[args[0]] ** args[1])
        elif op in functions:
            values.append(functions[op](values[args[0]]))
        else:
            a, b = values[args[0]], values[args[1]]
            values.append(a + b if op == "add" else a - b if op == "sub" else a * b)
    return values[-1]


def test_values_match_numerical_differentiation():
    from interview_sim.answers.check import to_float

    for seed in range(30):
        variant = FAMILY.variant(seed)
        nodes, x0 = variant.params["nodes"], variant.params["x0"]
        with mpmath.workdps(30):
            value = _evaluate(nodes, mpmath.mpf(x0))
            slope = mpmath.diff(lambda x, nodes=nodes: _evaluate(nodes, x), x0)
        assert to_float(variant.part("g_at").answer) == pytest.approx(float(value), rel=1e-12)
        assert to_float(variant.part("dg_at").answer) == pytest.approx(float(slope), rel=1e-9)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("nodes", []),
            ("nodes", [["sqrt", 1]]),
            ("nodes", [["cube", 0]]),
            ("nodes", [["pow", 0, 5]]),
            ("nodes", [["const", 2]]),
            ("nodes", "x"),
        ],
    )
    assert_refused(
        FAMILY, {"nodes": [["const", 3], ["sub", 0, 1], ["ln", 2]], "x0": 5}, [("x0", 2)]
    )
