"""Forward pass of a one-hidden-layer MLP classifier: ReLU, logits, softmax, cross-entropy.

Varies DL-Q37: an input x in R^2, a hidden layer W (3x2) with a bias and ReLU, an output layer W2
(2x3), then the softmax and the cross-entropy loss. book_families.md records only these shapes:
the book's exact numbers were not available to us, so ``book_params`` below is our own instance
with those shapes (x in R^2, W 3x2 with a bias, W2 2x3, no output bias), not the book's numbers.

Network sizes are drawn (2-3 inputs, 2-4 hidden ReLU units, 2-3 classes), with weights that are
small integers times 0.1 or 0.5, at least one hidden unit clipped by ReLU and at least one passed,
and logits spread enough for a non-degenerate softmax. The true class is given explicitly: the
book prints the loss as -Σ y·ln y with y the softmax output, which is the entropy of the
prediction, not the cross-entropy with a label; that slip is one of the catalogued mistakes, with
skipping the ReLU, not normalising the softmax (or skipping the exp), log10 or log2 instead of ln,
and the loss of the wrong class.
"""

from __future__ import annotations

from fractions import Fraction
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import affine, from_rounded, half_unit, part, real, relu, slip, softmax
from interview_sim.model import AnswerKind

Vector = list[sympy.Rational]


def _entries(name: str, count: int) -> str:
    """The input hint of a vector part: how many numbers, in which order."""
    names = ", ".join(f"{name}{i}" for i in range(1, count + 1))
    return f"{count} numbers in order: [{names}]"


def _log_rounding(p: sympy.Expr) -> Fraction:
    """How far −ln p can move when p is taken as the solution shows it, to 4 decimals."""
    shown = Fraction(f"{float(p):.4f}")
    return half_unit(4) / (shown - half_unit(4)) if shown > 2 * half_unit(4) else Fraction(0)


def _forward(params: dict) -> dict:
    pre = affine(params["W1"], params["x"], params["b1"])
    h = relu(pre)
    z = affine(params["W2"], h, params["b2"])
    return {"pre": pre, "h": h, "z": z}


def draw(rng: Random) -> dict:
    n_in, n_hidden, n_classes = rng.randint(2, 3), rng.randint(2, 4), rng.randint(2, 3)
    steps, reach = rng.choice(((10, 9), (2, 3)))  # 0.1 grid up to ±0.9, or 0.5 grid up to ±1.5

    def weights(count: int) -> Vector:
        return [sympy.Rational(rng.randint(-reach, reach), steps) for _ in range(count)]

    while True:
        x = [sympy.Integer(rng.choice((-2, -1, 1, 1, 2, 2, 3))) for _ in range(n_in)]
        W1 = [weights(n_in) for _ in range(n_hidden)]
        b1 = weights(n_hidden)
        W2 = [weights(n_hidden) for _ in range(n_classes)]
        b2 = weights(n_classes) if rng.random() < 0.5 else [sympy.Integer(0)] * n_classes
        params = {"x": x, "W1": W1, "b1": b1, "W2": W2, "b2": b2}
        values = _forward(params)
        pre, z = values["pre"], values["z"]
        relu_matters = any(p < 0 for p in pre) and any(p > 0 for p in pre)
        spread = max(z) - min(z)
        if relu_matters and len(set(z)) == n_classes and 0 < spread <= 4 and max(pre) <= 4:
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


def solve(params: dict) -> Solved:
    W1, W2, b2 = params["W1"], params["W2"], params["b2"]
    x, label = params["x"], params["label"]
    k = label - 1
    values = _forward(params)
    pre, h, z = values["pre"], values["h"], values["z"]
    p = softmax(z)
    total = sum(sympy.exp(zi) for zi in z)
    ce = sympy.log(total) - z[k]

    # the same network with the ReLU skipped, or with a bias left out
    z_linear = affine(W2, pre, b2)
    h_no_bias = relu(affine(W1, x, [0] * len(W1)))
    z_no_hidden_bias = affine(W2, h_no_bias, b2)
    z_no_output_bias = affine(W2, h, [0] * len(W2))
    p_linear = softmax(z_linear)

    hidden = part(
        AnswerKind.VECTOR,
        "hidden",
        "Hidden activations h = ReLU(W1·x + b1), as a vector",
        tuple(h),
        slip(
            "relu_skipped", "those are the pre-activations; ReLU clips negatives to 0.", tuple(pre)
        ),
        slip("bias_forgotten", "the hidden bias b1 is added before the ReLU.", tuple(h_no_bias)),
        hint=_entries("h", len(h)),
    )
    logits = part(
        AnswerKind.VECTOR,
        "logits",
        "Output logits z = W2·h + b2, as a vector",
        tuple(z),
        slip(
            "relu_skipped",
            "those logits use the pre-activations; apply ReLU to the hidden layer first.",
            tuple(z_linear),
        ),
        slip(
            "bias_forgotten",
            "the hidden bias b1 was left out of the hidden layer.",
            tuple(z_no_hidden_bias),
        ),
        slip("output_bias_forgotten", "the output bias b2 is part of z.", tuple(z_no_output_bias)),
        hint=_entries("z", len(z)),
    )
    softmax_mistakes = [
        slip(
            "not_normalised",
            "those are e^z without the division by Σ e^z; probabilities must add up to 1.",
            tuple(sympy.exp(zi) for zi in z),
        ),
        slip(
            "relu_skipped",
            "that is the softmax of logits computed without the hidden ReLU.",
            tuple(p_linear),
        ),
    ]
    if sum(z) != 0:
        softmax_mistakes.insert(
            1,
            slip(
                "exp_skipped",
                "that divides the logits by their sum; softmax exponentiates first: e^z / Σ e^z.",
                tuple(zi / sum(z) for zi in z),
            ),
        )
    probabilities = part(
        AnswerKind.VECTOR,
        "softmax",
        "Softmax probabilities p = softmax(z), as a vector",
        tuple(p),
        *tuple(softmax_mistakes),
        hint=_entries("p", len(p)),
    )
    loss_mistakes = [
        slip(
            "log10",
            "that uses log10; the cross-entropy uses the natural log: -ln p_y.",
            ce / sympy.log(10),
        ),
        slip(
            "log2",
            "that is the loss in bits (log2); the question asks for nats (ln).",
            ce / sympy.log(2),
        ),
        slip(
            "entropy_of_prediction",
            "that is -Σ p·ln p, the entropy of the prediction; the cross-entropy with the label "
            "is -ln p_y for the true class only.",
            sympy.log(total) - sum(zi * sympy.exp(zi) for zi in z) / total,
        ),
        slip(
            "logit_not_probability",
            "that is minus the logit z_y; the loss is minus the log of the softmax probability.",
            -z[k],
        ),
        slip(
            "relu_skipped",
            "that loss comes from logits computed without the hidden ReLU.",
            sympy.log(sum(sympy.exp(zi) for zi in z_linear)) - z_linear[k],
        ),
    ]
    for j in range(len(z)):
        if j != k:
            loss_mistakes.append(
                slip(
                    "wrong_class",
                    f"that is -ln p_{j + 1}, the loss for class {j + 1}; "
                    f"the true class is {label}.",
                    sympy.log(total) - z[j],
                )
            )
    loss = real(
        "cross_entropy",
        f"Cross-entropy loss for the true class {label} (natural log)",
        ce,
        *tuple(loss_mistakes),
        tolerance=from_rounded(_log_rounding(p[k])),
    )
    facts = {
        "pre": pre,
        "h": h,
        "z": z,
        "exps": [sympy.exp(zi) for zi in z],
        "total": total,
        "p": p,
        "ce": ce,
        "p_label": p[k],
        "has_b2": any(bi != 0 for bi in b2),
    }
    return Solved([hidden, logits, probabilities, loss], facts)


FAMILY = Family(
    id="mlp_forward_softmax_ce",
    chapter="deep_learning",
    title="MLP forward pass: ReLU, softmax and cross-entropy",
    book_refs=("DL-Q37",),
    params=(
        Param("x", "input vector", "numbers", low=-100, high=100, length=(1, 8)),
        Param(
            "W1",
            "hidden-layer weights, one row per hidden unit",
            "matrix",
            -100,
            100,
            length=(1, 8),
            cols=(1, 8),
        ),
        Param("b1", "hidden-layer biases", "numbers", low=-100, high=100, length=(1, 8)),
        Param(
            "W2",
            "output-layer weights, one row per class",
            "matrix",
            -100,
            100,
            length=(2, 8),
            cols=(1, 8),
        ),
        Param(
            "b2",
            "output-layer biases (zeros for none)",
            "numbers",
            low=-100,
            high=100,
            length=(2, 8),
        ),
        Param("label", "the true class, numbered from 1", "integer", low=1, high=8),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "x": [1, 2],
        "W1": [[0.5, -1], [1, 0.5], [-0.5, 1]],
        "b1": [0.5, -1, 0],
        "W2": [[1, -0.5, 0.5], [-1, 1, 0.5]],
        "b2": [0, 0],
        "label": 1,
    },
)
