"""Forward-mode autodiff by hand: the evaluation trace, the tangent trace and the role of the seed.

Interviewers ask for the table an AD engine fills in: every intermediate value vᵢ and its tangent
v̇ᵢ, one pass per seeded input. Varies CAL-Q31 (f(x1, x2) = x1·x2 + ln x1 at (e², π) seeded
on x1: f = 2 + πe² ≈ 25.2134, ∂f/∂x1 = π + e⁻² ≈ 3.27693; book_params) and the cost facts of
CAL-Q30 (forward mode needs one pass per input, reverse mode one per output). f is drawn as two or
three weighted elementary terms in x1 and x2, at points where ln, sin and cos read exactly.

Slips caught: seeding the other input (the book's pitfall), the product rule replaced by the
product of the tangents, the seeded derivative given for the other input, and forward/reverse
pass counts swapped.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, part, prompt, real, slip
from interview_sim.model import AnswerKind

E, PI = sympy.E, sympy.pi
POINTS = {  # all positive, so ln is defined at every point
    "1": sympy.Integer(1),
    "2": sympy.Integer(2),
    "3": sympy.Integer(3),
    "1/2": sympy.Rational(1, 2),
    "e": E,
    "e^2": E**2,
    "e^3": E**3,
    "pi": PI,
    "pi/2": PI / 2,
    "pi/3": PI / 3,
    "pi/4": PI / 4,
    "pi/6": PI / 6,
}
# term kinds: (node text with a, b standing for the input nodes, needs x1, needs x2)
KINDS = {
    "x1*x2": "v₋₁ · v₀",
    "x1/x2": "v₋₁ / v₀",
    "ln(x1)": "ln v₋₁",
    "ln(x2)": "ln v₀",
    "sin(x1)": "sin v₋₁",
    "sin(x2)": "sin v₀",
    "cos(x1)": "cos v₋₁",
    "cos(x2)": "cos v₀",
    "exp(x1)": "exp v₋₁",
    "x1^2": "v₋₁²",
    "x2^2": "v₀²",
}
NICE = {"ln": ("1", "e", "e^2", "e^3"), "trig": ("pi", "pi/2", "pi/3", "pi/4", "pi/6")}
PLAIN = ("1", "2", "3", "1/2", "e", "e^2", "pi", "pi/2")
COSTS = ((1000, 1), (10**6, 1), (3, 1000), (784, 10), (10, 784), (2, 500), (50000, 1), (4, 4096))


def primitive(kind: str, x1: sympy.Expr, x2: sympy.Expr, d1, d2, wrong: str | None = None):
    """(value, tangent) of a term kind from its inputs' values and tangents."""
    if kind == "x1*x2":
        return x1 * x2, d1 * d2 if wrong == "product" else d1 * x2 + x1 * d2
    if kind == "x1/x2":
        return x1 / x2, (d1 * x2 - x1 * d2) / x2**2
    u, du = (x1, d1) if kind.endswith("x1)") or kind.startswith("x1") else (x2, d2)
    if kind.startswith("ln"):
        return sympy.log(u), du / u
    if kind.startswith("sin"):
        return sympy.sin(u), sympy.cos(u) * du
    if kind.startswith("cos"):
        return sympy.cos(u), -sympy.sin(u) * du
    if kind.startswith("exp"):
        return sympy.exp(u), sympy.exp(u) * du
    return u**2, 2 * u * du


def trace(params: dict, seed: str, wrong: str | None = None) -> list[dict]:
    """The forward pass: one row per node v1, v2, … with its definition, value and tangent."""
    x1, x2 = POINTS[params["x1"]], POINTS[params["x2"]]
    one, zero = sympy.Integer(1), sympy.Integer(0)
    d1, d2 = (one, zero) if seed == "x1" else (zero, one)
    rows: list[dict] = []
    total = None
    for c, kind in params["terms"]:
        value, tangent = primitive(kind, x1, x2, d1, d2, wrong)
        rows.append({"text": KINDS[kind], "value": value, "tangent": tangent})
        term = len(rows)
        if c != 1:
            value, tangent = c * value, c * tangent
            text = f"−v{term}" if c == -1 else f"{c} · v{term}".replace("-", "−")
            rows.append({"text": text, "value": value, "tangent": tangent})
            term = len(rows)
        if total is not None:
            previous = rows[total - 1]
            rows.append(
                {
                    "text": f"v{total} + v{term}",
                    "value": previous["value"] + value,
                    "tangent": previous["tangent"] + tangent,
                }
            )
        total = len(rows)
    return rows


def check(params: dict) -> None:
    terms = params["terms"]
    if not isinstance(terms, list) or not 1 <= len(terms) <= 4:
        raise ParamError(
            "terms", 'must be a list of 1–4 [coefficient, kind] pairs, e.g. [1, "ln(x1)"]'
        )
    for term in terms:
        if not (
            isinstance(term, list)
            and len(term) == 2
            and type(term[0]) is int
            and 1 <= abs(term[0]) <= 9
            and term[1] in KINDS
        ):
            raise ParamError(
                "terms",
                f"{term!r} is not [coefficient 1–9 or −1…−9, kind]; kinds: {', '.join(KINDS)}",
            )
    if len({kind for _, kind in terms}) != len(terms):
        raise ParamError("terms", "each kind at most once: add the coefficients instead")
    if params["inputs"] == params["outputs"]:
        raise ParamError("outputs", "must differ from inputs, or the cost question has no point")


def draw(rng: Random) -> dict:
    while True:
        count = rng.choice((2, 2, 3))
        kinds = rng.sample(list(KINDS), count)
        terms = [[rng.choice((1, 1, 1, 2, 3, -1, -2)), kind] for kind in kinds]
        points = []
        for name in ("x1", "x2"):
            trig = any(kind in (f"sin({name})", f"cos({name})") for kind in kinds)
            if trig and f"ln({name})" in kinds:
                break  # no point makes both ln and sin of one input read exactly
            if f"ln({name})" in kinds:
                points.append(rng.choice(NICE["ln"]))
            elif trig:
                points.append(rng.choice(NICE["trig"]))
            else:
                points.append(rng.choice(PLAIN))
        if len(points) < 2:
            continue
        inputs, outputs = rng.choice(COSTS)
        params = {
            "terms": terms,
            "x1": points[0],
            "x2": points[1],
            "seed": rng.choice(("x1", "x2")),
            "inputs": inputs,
            "outputs": outputs,
        }
        check(params)
        seeded = trace(params, params["seed"])[-1]
        other = trace(params, "x1" if params["seed"] == "x2" else "x2")[-1]
        if (
            seeded["tangent"] != 0
            and other["tangent"] != 0
            and seeded["tangent"] != other["tangent"]
        ):
            return params


def solve(params: dict) -> Solved:
    seed = params["seed"]
    other = "x2" if seed == "x1" else "x1"
    rows = trace(params, seed)
    values = tuple(row["value"] for row in rows)
    tangents = tuple(row["tangent"] for row in rows)
    swapped = tuple(row["tangent"] for row in trace(params, other))
    product = tuple(row["tangent"] for row in trace(params, seed, "product"))
    n, m = params["inputs"], params["outputs"]
    count = f"{len(rows)} numbers, v1 to v{len(rows)}"
    parts = [
        part(
            AnswerKind.VECTOR,
            "values",
            f"The evaluation trace: the values v1, …, v{len(rows)}",
            values,
            hint=f"{count}: [2, 3.14, …]; exact forms such as pi*e^2 or ln(3) are fine",
        ),
        part(
            AnswerKind.VECTOR,
            "tangents",
            prompt(
                "The tangent trace v̇1, …, v̇{{ n }} with the seed on {{ seed }}",
                n=len(rows),
                seed=seed,
            ),
            tangents,
            slip(
                "wrong_seed",
                f"that trace seeds {other} (ẋ = 1 on {other}, 0 on {seed}); the question seeds "
                f"{seed}.",
                swapped,
            ),
            slip(
                "product_rule_wrong",
                "the tangent of a product is u̇·w + u·ẇ, not u̇·ẇ.",
                product,
            ),
            hint=f"{count}: [1, 0.5, …]",
        ),
        real(
            "other_partial",
            f"∂f/∂{other} at the same point (a second forward pass)",
            swapped[-1],
            slip(
                "wrong_seed",
                f"that is ∂f/∂{seed}, the derivative the first pass gave; ∂f/∂{other} needs the "
                f"seed on {other}.",
                tangents[-1],
            ),
        ),
        integer(
            "forward_passes",
            f"A function has {counted(n, 'input')} and {counted(m, 'output')}. How many "
            "forward-mode passes give its full Jacobian?",
            n,
            slip(
                "forward_reverse_swapped",
                "that is the reverse-mode count: one forward pass per input gives one column "
                "of the Jacobian.",
                m,
            ),
        ),
        integer(
            "reverse_passes",
            "And how many reverse-mode (backpropagation) passes?",
            m,
            slip(
                "forward_reverse_swapped",
                "that is the forward-mode count: one reverse pass per output gives one row "
                "of the Jacobian.",
                n,
            ),
        ),
    ]
    f = values[-1]
    facts = {
        "rows": [{**row, "name": f"v{k}"} for k, row in enumerate(rows, start=1)],
        "other_rows": [{"name": f"v{k}", "tangent": t} for k, t in enumerate(swapped, start=1)],
        "point": (POINTS[params["x1"]], POINTS[params["x2"]]),
        "f": f,
        "derivative": tangents[-1],
        "other_derivative": swapped[-1],
        "other": other,
        "last": f"v{len(rows)}",
        "inputs_text": counted(n, "input"),
        "outputs_text": counted(m, "output"),
        "function": function_text(params),
    }
    return Solved(parts, facts)


def counted(n: int, noun: str) -> str:
    """1 output, 1,000 inputs."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def function_text(params: dict) -> sympy.Expr:
    """f(x1, x2) as a formula, from the same primitives as the trace."""
    x1, x2 = sympy.symbols("x1 x2")
    zero = sympy.Integer(0)
    return sum((c * primitive(kind, x1, x2, zero, zero)[0] for c, kind in params["terms"]), zero)


FAMILY = Family(
    id="forward_mode_ad_table",
    chapter="calculus",
    title="Forward-mode AD: evaluation and tangent traces",
    book_refs=("CAL-Q31", "CAL-Q30"),
    params=(
        Param(
            "terms",
            f"f as [coefficient, kind] pairs; kinds: {', '.join(KINDS)}",
            "data",
        ),
        Param("x1", "the value of x1", "choice", options=tuple(POINTS)),
        Param("x2", "the value of x2", "choice", options=tuple(POINTS)),
        Param("seed", "the input whose tangent is seeded with 1", "choice", options=("x1", "x2")),
        Param(
            "inputs", "inputs of the function in the cost question", "integer", low=1, high=10**9
        ),
        Param(
            "outputs", "outputs of the function in the cost question", "integer", low=1, high=10**9
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "terms": [[1, "ln(x1)"], [1, "x1*x2"]],
        "x1": "e^2",
        "x2": "pi",
        "seed": "x1",
        "inputs": 1000,
        "outputs": 1,
    },
)
