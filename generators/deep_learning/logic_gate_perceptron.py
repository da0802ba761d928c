"""A two-input step perceptron as a logic gate: its sums and outputs on the four binary inputs,
which gate it is, the biases that turn it into another gate, and why XOR needs a hidden layer.

Varies DL-Q46 (can a two-input perceptron be an AND gate: weights, threshold, truth table; the
book's unit has w = (1, 1) and a bias between −2 and −1, here −1.5) and the book's XOR item (no
single perceptron computes XOR; the smallest network has two hidden units). The step outputs 1
when w·x + b ≥ 0, as in perceptron_forward; drawn weights share a sign (AND/OR for positive
weights, NAND/NOR for negative ones) and no sum lands exactly on the threshold. The slips: the
bias left out of the sums, the gate named from that table, the other gate's interval, and the
belief that some weights make XOR.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, slip
from interview_sim.model import AnswerKind

INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
GATES = {
    (0, 0, 0, 1): "AND",
    (0, 1, 1, 1): "OR",
    (1, 1, 1, 0): "NAND",
    (1, 0, 0, 0): "NOR",
    (0, 1, 1, 0): "XOR",
}
OPTIONS = (("a", "AND"), ("b", "OR"), ("c", "NAND"), ("d", "NOR"), ("e", "XOR"), ("f", "none"))
KEY = {name: key for key, name in OPTIONS}
#: the gate whose bias interval is asked, for a perceptron that computes the key gate
OTHER = {"AND": "OR", "OR": "AND", "NAND": "NOR", "NOR": "NAND"}


def _table(w: list, b: sympy.Expr) -> tuple[list, tuple[int, ...]]:
    sums = [w[0] * x1 + w[1] * x2 + b for x1, x2 in INPUTS]
    return sums, tuple(1 if s >= 0 else 0 for s in sums)


def bias_interval(w: list, gate: str) -> tuple[sympy.Expr, sympy.Expr]:
    """[lower, upper) of the biases b for which step(w·x + b) computes ``gate``."""
    w1, w2 = w
    return {
        "AND": (-(w1 + w2), -max(w1, w2)),
        "OR": (-min(w1, w2), sympy.Integer(0)),
        "NAND": (-min(w1, w2), -(w1 + w2)),
        "NOR": (sympy.Integer(0), -max(w1, w2)),
    }[gate]


def draw(rng: Random) -> dict:
    while True:
        sign = rng.choice((1, -1))
        w = [sympy.Rational(sign * rng.randint(1, 6), 2) for _ in range(2)]
        b = sympy.Rational(rng.randint(-16, 16), 4)
        sums, outputs = _table(w, b)
        if GATES.get(outputs) in OTHER and all(sums):
            return {"w": w, "b": b}


def check(params: dict) -> None:
    w = params["w"]
    if len(w) != 2:
        raise ParamError("w", "a two-input perceptron has exactly two weights")
    if not (w[0] > 0 and w[1] > 0 or w[0] < 0 and w[1] < 0):
        raise ParamError("w", "both weights must be non-zero with the same sign")
    if GATES.get(_table(w, params["b"])[1]) not in OTHER:
        raise ParamError("b", "with this bias the unit is not AND, OR, NAND or NOR")


def solve(params: dict) -> Solved:
    w, b = params["w"], params["b"]
    sums, outputs = _table(w, b)
    bare_sums, bare_outputs = _table(w, sympy.Integer(0))
    gate = GATES[outputs]
    other = OTHER[gate]
    interval = bias_interval(w, other)
    bare_gate = GATES.get(bare_outputs, "none")
    parts = [
        part(
            AnswerKind.VECTOR,
            "sums",
            "Weighted sums w·x + b for the inputs (0,0), (0,1), (1,0), (1,1)",
            tuple(sums),
            slip("bias_forgotten", "the bias b is added to every weighted sum.", tuple(bare_sums)),
            hint="4 numbers, for (0,0), (0,1), (1,0), (1,1) in that order",
        ),
        part(
            AnswerKind.VECTOR,
            "outputs",
            "Step outputs for the inputs (0,0), (0,1), (1,0), (1,1)",
            outputs,
            slip(
                "bias_forgotten",
                "those are the outputs without the bias; the step reads w·x + b.",
                bare_outputs,
            ),
            slip(
                "complement",
                "the step outputs 1 when the sum is ≥ 0, not below it.",
                tuple(1 - o for o in outputs),
            ),
            hint="4 values, 0 or 1, for (0,0), (0,1), (1,0), (1,1) in that order",
        ),
        part(
            AnswerKind.CHOICE,
            "gate",
            "Which logic gate does this perceptron compute?",
            KEY[gate],
            slip(
                "bias_forgotten",
                "that gate comes from the table without the bias.",
                KEY[bare_gate],
            ),
            options=OPTIONS,
        ),
        part(
            AnswerKind.INTERVAL,
            "bias_interval",
            f"Keeping the weights, the biases b that make the unit compute {other}: [lower, upper)",
            interval,
            slip(
                "wrong_gate_interval",
                f"that interval gives {gate}, the gate the unit already computes.",
                bias_interval(w, gate),
            ),
            hint="two numbers: [lower, upper], lower included, upper excluded",
        ),
        part(
            AnswerKind.BOOLEAN,
            "xor_possible",
            "Can any choice of w1, w2 and b make this single unit compute XOR?",
            False,
            slip(
                "xor_separable",
                "XOR's 1s, (0,1) and (1,0), and its 0s, (0,0) and (1,1), cannot be separated by "
                "one line; XOR needs a hidden layer (two hidden units and an output unit).",
                True,
            ),
        ),
    ]
    facts = {"sums": sums, "outputs": outputs, "gate": gate, "other": other, "interval": interval}
    return Solved(parts, facts)


FAMILY = Family(
    id="logic_gate_perceptron",
    chapter="deep_learning",
    title="A perceptron as a logic gate",
    book_refs=("DL-Q46", "DL-Q42"),
    params=(
        Param("w", "the two weights", "numbers", low=-100, high=100, length=(2, 2)),
        Param("b", "the bias", low=-100, high=100),
    ),
    draw=draw,
    solve=solve,
    check=check,
    space=524,  # weights on a 0.5 grid up to 3, biases on a 0.25 grid up to 4, one of four gates
    book_params={"w": [1, 1], "b": -1.5},
)
