"""Read a function off an expression graph (a DAG of elementary operations) and differentiate it.

Autodiff frameworks see a function as this graph, and interviewers ask candidates to read one
and push a derivative through it. Varies CAL-Q3 (the graph of g = 1/√x, g'(9) = −1/54), CAL-Q4
(g = 2x² − x + 1) and the graphs of CAL-Q27/CAL-Q28 (g = 3x + 2 at 2; g = 5x² + 4x + 1 at 5: 146
and 54). The graph itself is drawn: constant leaves, +, −, ·, a negation node, powers, √, ln
and reciprocals, wired into one to three terms.

Slips caught (from the book's pitfalls): a constant node given a derivative of 1 instead of 0,
the negation node read as the identity, a chain rule that forgets the inner derivative, and the
product rule replaced by the product of the derivatives.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind, Domain

X = sympy.Symbol("x")
SYMBOLS = (("x", Domain.POSITIVE),)
HINT = "an expression in x: 2x^2 - x + 1, 1/sqrt(x), ln(2x + 1)"
BINARY = {"add": "+", "sub": "−", "mul": "·"}
UNARY = ("neg", "sqrt", "ln", "recip")
OPS = (*BINARY, *UNARY, "pow", "const")
MAX_NODES = 14
# Forward passes that reproduce a slip: which rule of the tangent propagation goes wrong.
SLIPS = ("constant", "negation", "chain", "product")


def trace(nodes: list[list], x: sympy.Expr, wrong: str | None = None) -> list[tuple]:
    """(value, derivative) of every node, v0 = x first, by forward propagation; ``wrong`` names
    the slip to commit on the way (None: the right rules)."""
    out: list[tuple[sympy.Expr, sympy.Expr]] = [(x, sympy.Integer(1))]
    for op, *args in nodes:
        if op == "const":
            c = sympy.Integer(args[0])
            out.append((c, sympy.Integer(1 if wrong == "constant" else 0)))
            continue
        if op in BINARY:
            (u, du), (w, dw) = out[args[0]], out[args[1]]
            if op == "add":
                out.append((u + w, du + dw))
            elif op == "sub":
                out.append((u - w, du - dw))
            else:
                out.append((u * w, du * dw if wrong == "product" else du * w + u * dw))
            continue
        u, du = out[args[0]]
        inner = sympy.Integer(1) if wrong == "chain" else du
        if op == "neg":
            out.append((u, du) if wrong == "negation" else (-u, -du))
        elif op == "pow":
            n = args[1]
            out.append((u**n, n * u ** (n - 1) * inner))
        elif op == "sqrt":
            out.append((sympy.sqrt(u), inner / (2 * sympy.sqrt(u))))
        elif op == "ln":
            out.append((sympy.log(u), inner / u))
        else:  # recip
            out.append((1 / u, -inner / u**2))
    return out


def uses(nodes: list[list], op: str) -> bool:
    return any(node[0] == op for node in nodes)


class _Graph:
    """Nodes appended in order; each method returns the node's index (x is node 0). An
    operation already in the graph is reused, so a repeated x² is one shared node (a DAG, as
    a framework records it); constant leaves stay separate, as the book draws them."""

    def __init__(self) -> None:
        self.nodes: list[list] = []

    def add(self, *node) -> int:
        if node[0] != "const" and list(node) in self.nodes:
            return self.nodes.index(list(node)) + 1
        self.nodes.append(list(node))
        return len(self.nodes)

    def scaled(self, c: int, index: int) -> int:
        return index if c == 1 else self.add("mul", self.add("const", c), index)

    def linear(self, a: int, b: int) -> int:
        ax = self.scaled(a, 0)
        return ax if b == 0 else self.add("add", ax, self.add("const", b))


TERM_KINDS = ("mono", "mono", "mono", "sqrt", "ln", "recip_sqrt", "recip", "x_ln")


def _term(rng: Random, graph: _Graph, x0: int, kind: str, power: int) -> int | None:
    if kind == "mono":
        base = 0 if power == 1 else graph.add("pow", 0, power)
        return graph.scaled(rng.choice((1, 2, 3, 4, 5)), base)
    if kind == "sqrt":
        a = rng.randint(1, 4)
        squares = [s * s - a * x0 for s in range(1, 7) if 0 <= s * s - a * x0 <= 12]
        if not squares:
            return None
        return graph.add("sqrt", graph.linear(a, rng.choice(squares)))
    if kind == "ln":
        return graph.add("ln", graph.linear(rng.randint(1, 3), rng.randint(0, 4)))
    if kind == "recip_sqrt":
        if int(x0**0.5) ** 2 != x0:
            return None
        return graph.add("recip", graph.add("sqrt", 0))
    if kind == "recip":
        return graph.add("recip", graph.linear(1, rng.randint(1, 5)))
    return graph.add("mul", 0, graph.add("ln", 0))


def draw(rng: Random) -> dict:
    while True:
        x0 = rng.randint(1, 9)
        graph = _Graph()
        kinds = [
            (rng.choice(TERM_KINDS), rng.choice((1, 2, 2, 3)))
            for _ in range(rng.choice((1, 2, 2, 3)))
        ]
        # like terms (two x² monomials, two square roots) would just merge: one of each
        if len({kind if kind != "mono" else power for kind, power in kinds}) < len(kinds):
            continue
        terms = [_term(rng, graph, x0, kind, power) for kind, power in kinds]
        if None in terms:
            continue
        total = terms[0]
        for term in terms[1:]:
            joint = rng.choice(("add", "sub", "neg"))
            if joint == "neg":
                total = graph.add("add", total, graph.add("neg", term))
            else:
                total = graph.add(joint, total, term)
        if rng.random() < 0.6:
            total = graph.add(
                rng.choice(("add", "sub")), total, graph.add("const", rng.randint(1, 9))
            )
        params = {"nodes": graph.nodes, "x0": x0}
        try:
            check(params)
        except ParamError:
            continue
        value, slope = trace(graph.nodes, sympy.Integer(x0))[-1]
        if slope != 0 and value != slope and abs(value) + abs(slope) < 500:
            return params


def check(params: dict) -> None:
    nodes, x0 = params["nodes"], params["x0"]
    if not isinstance(nodes, list) or not 1 <= len(nodes) <= MAX_NODES:
        raise ParamError("nodes", f'must be a list of 1–{MAX_NODES} nodes such as ["sqrt", 0]')
    for k, node in enumerate(nodes, start=1):
        ok = isinstance(node, list) and node and node[0] in OPS
        if ok and node[0] == "const":
            ok = len(node) == 2 and type(node[1]) is int and abs(node[1]) <= 100
        elif ok and node[0] == "pow":
            ok = len(node) == 3 and node[2] in (2, 3) and _ref(node[1], k)
        elif ok:
            arity = 2 if node[0] in BINARY else 1
            ok = len(node) == 1 + arity and all(_ref(i, k) for i in node[1:])
        if not ok:
            raise ParamError(
                "nodes",
                f'node v{k} = {node!r} is not one of ["const", c], ["add"|"sub"|"mul", i, j], '
                f'["neg"|"sqrt"|"ln"|"recip", i], ["pow", i, 2 or 3] with i, j < {k}',
            )
    values = trace(nodes, sympy.Integer(x0))
    for op, *args in nodes:
        argument = values[args[0]][0] if op in UNARY else None
        if op == "sqrt" and not argument > 0 or op == "ln" and not argument > 0:
            raise ParamError("x0", f"the {op} node needs a positive input at x = {x0}")
        if op == "recip" and argument == 0:
            raise ParamError("x0", f"a reciprocal node divides by 0 at x = {x0}")
    if X not in trace(nodes, X)[-1][0].free_symbols:
        raise ParamError("nodes", "the output node must depend on x")


def operation_text(op: str, args: list) -> str:
    """A node's operation as it reads on a whiteboard: v1 · v2, √v3, the constant 2."""
    if op == "const":
        return f"the constant {args[0]}"
    if op in BINARY:
        return f"v{args[0]} {BINARY[op]} v{args[1]}"
    return {
        "neg": f"−v{args[0]} (negation)",
        "pow": f"v{args[0]}{'²' if op == 'pow' and args[-1] == 2 else '³'}",
        "sqrt": f"√v{args[0]}",
        "ln": f"ln v{args[0]}",
        "recip": f"1/v{args[0]}",
    }[op]


def _ref(index: object, k: int) -> bool:
    return type(index) is int and 0 <= index < k


TAGS = {
    "constant": "constant_gradient",
    "negation": "negation_ignored",
    "chain": "chain_rule_missed",
    "product": "product_rule_wrong",
}
WHY = {
    "constant": "a constant node has derivative 0; that result gives it derivative 1.",
    "negation": "the negation node flips the sign of its input (and of its derivative).",
    "chain": "the chain rule multiplies by the inner node's derivative: that factor is missing.",
    "product": "the product rule is (uw)' = u'w + uw', not u'·w'.",
}


def solve(params: dict) -> Solved:
    nodes, x0 = params["nodes"], params["x0"]
    g, dg = trace(nodes, X)[-1]
    at = trace(nodes, sympy.Integer(x0))
    g0, dg0 = at[-1]
    wrong = {name: trace(nodes, X, name)[-1] for name in SLIPS}
    wrong_at = {name: trace(nodes, sympy.Integer(x0), name)[-1] for name in SLIPS}
    probe = (("x", x0),)
    parts = [
        part(
            AnswerKind.EXPRESSION,
            "g",
            "The function g(x) the graph computes",
            g,
            slip("negation_ignored", WHY["negation"], wrong["negation"][0])
            if uses(nodes, "neg")
            else None,
            symbols=SYMBOLS,
            hint=HINT,
            probe_values=probe,
        ),
        part(
            AnswerKind.EXPRESSION,
            "dg",
            "Its derivative g'(x)",
            dg,
            *(slip(TAGS[name], WHY[name], wrong[name][1]) for name in SLIPS),
            symbols=SYMBOLS,
            hint=HINT,
            probe_values=probe,
        ),
        real(
            "g_at",
            prompt("The value g({{ x0 }})", x0=x0),
            g0,
            slip("negation_ignored", WHY["negation"], wrong_at["negation"][0])
            if uses(nodes, "neg")
            else None,
        ),
        real(
            "dg_at",
            prompt("The derivative g'({{ x0 }})", x0=x0),
            dg0,
            *(slip(TAGS[name], WHY[name], wrong_at[name][1]) for name in SLIPS),
            slip("value_not_slope", f"that is g({x0}), the value; the slope is g'({x0}).", g0),
        ),
    ]
    symbolic = trace(nodes, X)
    rows = [
        {
            "name": f"v{k}",
            "op": op,
            "text": operation_text(op, args),
            "expr": symbolic[k][0],
            "value": at[k][0],
            "slope": at[k][1],
        }
        for k, (op, *args) in enumerate(nodes, start=1)
    ]
    facts = {"g": g, "dg": dg, "g0": g0, "dg0": dg0, "rows": rows, "output": f"v{len(nodes)}"}
    return Solved(parts, facts)


FAMILY = Family(
    id="expression_graph_derivative",
    chapter="calculus",
    title="Function and derivative from an expression graph",
    book_refs=("CAL-Q3", "CAL-Q4", "CAL-Q27", "CAL-Q28"),
    params=(
        Param(
            "nodes",
            'the graph\'s nodes v1, v2, … in order (v0 is x): ["const", c], ["add", i, j], '
            '["sub", i, j], ["mul", i, j], ["neg", i], ["pow", i, 2|3], ["sqrt", i], '
            '["ln", i], ["recip", i]; the last node is g',
            "data",
        ),
        Param("x0", "the point at which to evaluate", "integer", low=1, high=100),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"nodes": [["sqrt", 0], ["recip", 1]], "x0": 9},
)
