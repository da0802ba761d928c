"""Backpropagation through unusual transfer functions: the weight updates of a two-layer chain.

Deriving Δw by the chain rule for activations one has not memorised is the test of actually
understanding backprop. Varies CAL-Q22 (hidden transfer function x³, output sin(2x): Δw_jk =
−η·∂E/∂y_k·2cos(2a_k)·h_j with h_j = a_j³, and Δw_ij = −η·∂E/∂y_k·2cos(2a_k)·w_jk·3a_j²·x_i).
The book derives the formulas symbolically; our variants put numbers on one path x → a_j = w_ij·x
→ h_j → a_k = w_jk·h_j → y, with E = ½(y − t)², so book_params is our instance with the book's
x³ and sin(2x): x = 1, w_ij = 0.5, w_jk = 2, t = 0, η = 0.1. The two transfer functions and the
numbers are drawn.

Slips caught: the output's transfer derivative left out, the hidden one left out, w_jk left out of
the hidden weight's update, and the update's sign (the gradient instead of −η·gradient).
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.answers.check import exact_text
from interview_sim.answers.expressions import parse_expression, to_sympy
from interview_sim.family import Family, Param, Solved
from interview_sim.kit import real, slip

U = sympy.Symbol("u")
R = sympy.Rational
TRANSFERS = {
    "cube": U**3,
    "sin2": sympy.sin(2 * U),
    "tanh": sympy.tanh(U),
    "sigmoid": 1 / (1 + sympy.exp(-U)),
    "square": U**2,
    "identity": U,
}
SHOWN = {
    "cube": "u³",
    "sin2": "sin(2u)",
    "tanh": "tanh(u)",
    "sigmoid": "σ(u)",
    "square": "u²",
    "identity": "u",
}


def canonical(value: sympy.Expr) -> sympy.Expr:
    """The value as the answer checker reads its own text back: nested transfer functions give
    products that sympy re-associates when parsed, and a stored answer must read back as itself."""
    if value.is_Rational:  # already canonical (and its decimal text may be too long to parse)
        return value
    return to_sympy(parse_expression(exact_text(value), []).tree, {})


def draw(rng: Random) -> dict:
    hidden = rng.choice(("cube", "tanh", "sigmoid", "square", "sin2"))
    output = rng.choice(("sin2", "tanh", "sigmoid", "identity", "cube"))
    params = {
        "hidden": hidden,
        "output": output,
        "x": R(rng.choice((1, 2, 3, -1, -2, 4)), 2),
        "w_ij": R(rng.choice((1, 2, 3, -1, -2, -3)), 4),
        "w_jk": R(rng.choice((1, 2, 3, 4, -1, -2, -3)), 2),
        # a target the output can reach: σ in (0, 1), tanh and sin(2u) in [−1, 1]
        "target": R(rng.randint(0, 4) if output == "sigmoid" else rng.randint(-4, 4), 4),
        "eta": rng.choice((R(1, 10), R(1, 100), R(1, 2), R(1, 20))),
    }
    facts = solve(params).facts
    # y = t leaves nothing to learn; cube after cube can shrink an update below what a person
    # would write down (0.000000000931…): keep every answer above 10⁻⁴ in size
    answers = (facts["error"], facts["y"], facts["update_jk"], facts["update_ij"])
    if any(abs(float(value)) < 1e-4 for value in answers):
        return draw(rng)
    return params


def solve(params: dict) -> Solved:
    g, f = TRANSFERS[params["hidden"]], TRANSFERS[params["output"]]
    x, w_ij, w_jk, t, eta = (params[n] for n in ("x", "w_ij", "w_jk", "target", "eta"))
    a_j = w_ij * x
    h_j = g.subs(U, a_j)
    a_k = w_jk * h_j
    y = f.subs(U, a_k)
    d_out = sympy.diff(f, U).subs(U, a_k)
    d_hidden = sympy.diff(g, U).subs(U, a_j)
    error = y - t  # ∂E/∂y for E = ½(y − t)²
    delta_k = error * d_out
    update_jk = canonical(-eta * delta_k * h_j)
    update_ij = canonical(-eta * delta_k * w_jk * d_hidden * x)
    parts = [
        real("output", "The network's output y", canonical(y)),
        real(
            "update_jk",
            "The update Δw_jk of the hidden-to-output weight",
            update_jk,
            slip(
                "sign",
                "that is η·∂E/∂w_jk; the update goes against the gradient: −η·∂E/∂w_jk.",
                -update_jk,
            ),
            slip(
                "output_derivative_missing",
                "the chain passes through the output's transfer function: multiply by f'(a_k).",
                -eta * error * h_j,
            ),
        ),
        real(
            "update_ij",
            "The update Δw_ij of the input-to-hidden weight",
            update_ij,
            slip("sign", "that is η·∂E/∂w_ij; the update is −η·∂E/∂w_ij.", -update_ij),
            slip(
                "hidden_derivative_missing",
                "the chain passes through the hidden transfer function: multiply by g'(a_j).",
                -eta * delta_k * w_jk * x,
            ),
            slip(
                "weight_missing",
                "the error reaches h_j through the weight w_jk: multiply by it.",
                -eta * delta_k * d_hidden * x,
            ),
            slip(
                "output_derivative_missing",
                "the chain passes through the output's transfer function: multiply by f'(a_k).",
                -eta * error * w_jk * d_hidden * x,
            ),
        ),
    ]
    facts = {
        "g": SHOWN[params["hidden"]],
        "f": SHOWN[params["output"]],
        "g_prime": sympy.diff(g, U),
        "f_prime": sympy.diff(f, U),
        "a_j": a_j,
        "h_j": h_j,
        "a_k": a_k,
        "y": y,
        "error": error,
        "d_out": d_out,
        "d_hidden": d_hidden,
        "delta_k": delta_k,
        "update_jk": update_jk,
        "update_ij": update_ij,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="custom_transfer_backprop",
    chapter="calculus",
    title="Backprop through custom transfer functions",
    book_refs=("CAL-Q22",),
    params=(
        Param("hidden", "the hidden transfer function g", "choice", options=tuple(TRANSFERS)),
        Param("output", "the output transfer function f", "choice", options=tuple(TRANSFERS)),
        Param("x", "the input x_i", low=-10, high=10),
        Param("w_ij", "the input-to-hidden weight", low=-10, high=10),
        Param("w_jk", "the hidden-to-output weight", low=-10, high=10),
        Param("target", "the target t", low=-10, high=10),
        Param("eta", "the learning rate η", low=0, high=10, open=True),
    ),
    draw=draw,
    solve=solve,
    book_params={
        "hidden": "cube",
        "output": "sin2",
        "x": 1,
        "w_ij": 0.5,
        "w_jk": 2,
        "target": 0,
        "eta": 0.1,
    },
)
