"""Forward pass of a one-hidden-layer MLP classifier: ReLU, logits, softmax, cross-entropy.

Varies DL-Q37: an input x in R^2, a hidden layer W (3x2) with a bias and ReLU, an output layer W2
(2x3), then the softmax and the cross-entropy loss. book_families.md records only these shapes:
the book's exact numbers were not available to us, so ``book_params`` below is our own instance
with those shapes (x in R^2, W 3x2 with a bias, W2 2x3, no output bias), not the book's numbers.

Network sizes are drawn (2-3 inputs, 2-4 hidden ReLU units, 2-3 classes), with weights that are
small integers times 0.1 or 0.5, at least one hidden unit clipped by ReLU and at least one passed,
and logits spread enough for a non-degenerate softmax. The true class is given explicitly: the
book prints the loss as -Σ y·ln y with y the softmax output, which is the entropy of the
prediction, not the cross-entropy with a label: WHY lists that slip with the others.
"""

from __future__ import annotations

from fractions import Fraction
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import affine, from_rounded, half_unit, real, relu, softmax
from interview_sim.kit.parts import vector
from interview_sim.kit.slips import each, tabled
from interview_sim.model import Part

Vector = list[sympy.Rational]
PROMPTS = {  # the vector parts: what is asked, and the name of its entries in the input hint
    "hidden": ("Hidden activations h = ReLU(W1·x + b1), as a vector", "h"),
    "logits": ("Output logits z = W2·h + b2, as a vector", "z"),
    "softmax": ("Softmax probabilities p = softmax(z), as a vector", "p"),
}


def _log_rounding(p: sympy.Expr) -> Fraction:
    """How far −ln p can move when p is taken as the solution shows it, to 4 decimals."""
    shown = Fraction(f"{float(p):.4f}")
    return half_unit(4) / (shown - half_unit(4)) if shown > 2 * half_unit(4) else Fraction(0)


def _forward(params: dict) -> tuple[Vector, Vector, Vector]:
    """Pre-activations, hidden activations and logits."""
    pre = affine(params["W1"], params["x"], params["b1"])
    h = relu(pre)
    return pre, h, affine(params["W2"], h, params["b2"])


def draw(rng: Random) -> dict:
    n_in, n_hidden, n_classes = rng.randint(2, 3), rng.randint(2, 4), rng.randint(2, 3)
    steps, reach = rng.choice(((10, 9), (2, 3)))  # 0.1 grid up to ±0.9, or 0.5 grid up to ±1.5

    def weights(count: int) -> Vector:
        return [sympy.Rational(rng.randint(-reach, reach), steps) for _ in range(count)]

    while True:
        x = [sympy.Integer(rng.choice((-2, -1, 1, 1, 2, 2, 3))) for _ in range(n_in)]
        W1, b1 = [weights(n_in) for _ in range(n_hidden)], weights(n_hidden)
        W2 = [weights(n_hidden) for _ in range(n_classes)]
        b2 = weights(n_classes) if rng.random() < 0.5 else [sympy.Integer(0)] * n_classes
        params = {"x": x, "W1": W1, "b1": b1, "W2": W2, "b2": b2}
        pre, _, z = _forward(params)
        # ReLU clips some unit and passes another; distinct logits, spread enough for a softmax
        if min(pre) < 0 < max(pre) <= 4 and len(set(z)) == n_classes and max(z) - min(z) <= 4:
            break
    params["label"] = rng.randint(1, n_classes)
    return params


def check(params: dict) -> None:
    n_in, W1, W2 = len(params["x"]), params["W1"], params["W2"]
    if any(len(row) != n_in for row in W1):
        raise ParamError("W1", f"every row needs {n_in} entries, one per input")
    if len(params["b1"]) != len(W1):
        raise ParamError("b1", f"needs one bias per hidden unit ({len(W1)} rows of W1)")
    if any(len(row) != len(W1) for row in W2):
        raise ParamError("W2", f"every row needs {len(W1)} entries, one per hidden unit")
    if len(params["b2"]) != len(W2):
        raise ParamError("b2", f"needs one bias per class ({len(W2)} rows of W2)")
    if not 1 <= params["label"] <= len(W2):
        raise ParamError("label", f"must be a class number from 1 to {len(W2)}")


# How each slip is explained, per part ({j}: a wrong class, {label}: the true one).
WHY = {
    "hidden": {
        "relu_skipped": "those are the pre-activations; ReLU clips negatives to 0.",
        "bias_forgotten": "the hidden bias b1 is added before the ReLU.",
    },
    "logits": {
        "relu_skipped": "those logits use the pre-activations; apply ReLU to the hidden layer "
        "first.",
        "bias_forgotten": "the hidden bias b1 was left out of the hidden layer.",
        "output_bias_forgotten": "the output bias b2 is part of z.",
    },
    "softmax": {
        "not_normalised": "those are e^z without the division by Σ e^z; probabilities must add "
        "up to 1.",
        "exp_skipped": "that divides the logits by their sum; softmax exponentiates first: "
        "e^z / Σ e^z.",
        "relu_skipped": "that is the softmax of logits computed without the hidden ReLU.",
    },
    "cross_entropy": {
        "log10": "that uses log10; the cross-entropy uses the natural log: -ln p_y.",
        "log2": "that is the loss in bits (log2); the question asks for nats (ln).",
        "entropy_of_prediction": "that is -Σ p·ln p, the entropy of the prediction; the "
        "cross-entropy with the label is -ln p_y for the true class only.",
        "logit_not_probability": "that is minus the logit z_y; the loss is minus the log of the "
        "softmax probability.",
        "relu_skipped": "that loss comes from logits computed without the hidden ReLU.",
        "wrong_class": "that is -ln p_{j}, the loss for class {j}; the true class is {label}.",
    },
}


def _vector(id: str, answer: Vector, **slips: Vector | None) -> Part:
    """A vector part: its prompt and entry name from PROMPTS, its slips explained by WHY."""
    prompt, entry = PROMPTS[id]
    return vector(id, prompt, answer, *tabled(WHY[id], **slips), entry=entry)


def solve(params: dict) -> Solved:
    W1, W2, b2, x, label = params["W1"], params["W2"], params["b2"], params["x"], params["label"]
    pre, h, z = _forward(params)
    exps = [sympy.exp(zi) for zi in z]
    total, p, k = sum(exps), softmax(z), label - 1
    # the same network with the ReLU skipped, or with the hidden or the output bias left out
    z_lin, h_no_b1 = affine(W2, pre, b2), relu(affine(W1, x, [0] * len(W1)))
    z_no_b1, z_no_b2 = affine(W2, h_no_b1, b2), affine(W2, h, [0] * len(W2))

    def loss(logits: Vector, j: int = k) -> sympy.Expr:
        """−ln softmax(logits)_j = ln Σ e^logits − logits_j."""
        return sympy.log(sum(sympy.exp(v) for v in logits)) - logits[j]

    ce, why = loss(z), WHY["cross_entropy"]
    own_entropy = sympy.log(total) - sum(zi * e for zi, e in zip(z, exps, strict=True)) / total
    slips = tabled(why, log10=ce / sympy.log(10), log2=ce / sympy.log(2))
    slips += tabled(why, entropy_of_prediction=own_entropy, logit_not_probability=-z[k])
    slips += tabled(why, relu_skipped=loss(z_lin))
    others = [j for j in range(len(z)) if j != k]
    slips += each(why, "wrong_class", [({"j": j + 1, "label": label}, loss(z, j)) for j in others])
    ratios = [zi / sum(z) for zi in z] if sum(z) != 0 else None
    prompt = f"Cross-entropy loss for the true class {label} (natural log)"
    parts = [
        _vector("hidden", h, relu_skipped=pre, bias_forgotten=h_no_b1),
        _vector(
            "logits", z, relu_skipped=z_lin, bias_forgotten=z_no_b1, output_bias_forgotten=z_no_b2
        ),
        _vector("softmax", p, not_normalised=exps, exp_skipped=ratios, relu_skipped=softmax(z_lin)),
        real("cross_entropy", prompt, ce, *slips, tolerance=from_rounded(_log_rounding(p[k]))),
    ]
    facts = dict(pre=pre, h=h, z=z, exps=exps, total=total, p=p, ce=ce, has_b2=any(b2))
    return Solved(parts, facts)


def _matrix(name: str, meaning: str, rows: tuple[int, int]) -> Param:
    return Param(name, meaning, "matrix", -100, 100, length=rows, cols=(1, 8))


BOOK = {"x": [1, 2], "W1": [[0.5, -1], [1, 0.5], [-0.5, 1]], "b1": [0.5, -1, 0]}
BOOK |= {"W2": [[1, -0.5, 0.5], [-1, 1, 0.5]], "b2": [0, 0], "label": 1}
FAMILY = Family(
    id="mlp_forward_softmax_ce",
    chapter="deep_learning",
    title="MLP forward pass: ReLU, softmax and cross-entropy",
    book_refs=("DL-Q37",),
    params=(
        Param("x", "input vector", "numbers", -100, 100, length=(1, 8)),
        _matrix("W1", "hidden-layer weights, one row per hidden unit", rows=(1, 8)),
        Param("b1", "hidden-layer biases", "numbers", -100, 100, length=(1, 8)),
        _matrix("W2", "output-layer weights, one row per class", rows=(2, 8)),
        Param("b2", "output-layer biases (zeros for none)", "numbers", -100, 100, length=(2, 8)),
        Param("label", "the true class, numbered from 1", "integer", low=1, high=8),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params=BOOK,
)
