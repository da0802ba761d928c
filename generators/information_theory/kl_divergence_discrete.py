"""KL divergence both ways and the cross-entropy of two pmfs on the same outcomes, plus its facts.

Varies IT-Q15, IT-Q16 and IT-Q17 (the book writes the formula and asks true/false questions about
it; the numbers are ours, so ``book_params`` is our own instance): a "true" pmf P and a model Q on
2–5 outcomes, every probability strictly positive (a zero in Q where P has mass would make the
divergence infinite). Asked: D_KL(P‖Q), D_KL(Q‖P), the cross-entropy H(P, Q) = H(P) + D_KL(P‖Q),
all in bits, and which of four general statements about KL divergence are true (drawn from a pool
that includes the book's: asymmetry, no triangle inequality, not a metric, non-negative).

Slips caught: the direction reversed (the classic), natural log or log10 instead of log2, the sign
of log(p/q) flipped, the cross-entropy given for the divergence (and H(P) alone, or the reversed
cross-entropy H(Q, P), for the cross-entropy).
"""

from math import lcm
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import (
    cross_entropy_terms,
    entropy_terms,
    from_rounded,
    half_unit,
    in_base,
    kl_terms,
    part,
    real,
    slip,
    wrong_bases,
)
from interview_sim.model import AnswerKind

# story: (setting, what P is, what Q is, outcome names)
STORIES = {
    "weather": (
        "A forecaster is checked against a year of records for tomorrow's weather",
        "the observed frequencies",
        "the forecaster's model",
        ("sunny", "cloudy", "rain", "snow", "fog"),
    ),
    "classifier": (
        "An image classifier is compared with the soft labels annotators gave one image",
        "the annotators' label distribution",
        "the classifier's predicted probabilities",
        ("cat", "dog", "fox", "rabbit", "horse"),
    ),
    "language": (
        "A language model's next-word probabilities are compared with a corpus",
        "the corpus frequencies",
        "the model's probabilities",
        ("the", "a", "this", "that", "every"),
    ),
}
# general statements about D_KL, with whether each is true
STATEMENTS = (
    ("D_KL(P‖Q) ≥ 0 for every pair of distributions P and Q", True),
    ("D_KL(P‖Q) = D_KL(Q‖P) for every pair P, Q", False),
    ("D_KL satisfies the triangle inequality", False),
    ("D_KL is a distance metric", False),
    ("D_KL(P‖Q) = 0 exactly when P = Q", True),
    ("D_KL is measured in units of information (bits or nats)", True),
    ("D_KL(P‖Q) = H(P, Q) − H(P)", True),
    ("D_KL(P‖Q) can be negative when Q fits P better than P fits itself", False),
)
KEYS = "abcd"
GRIDS = (10, 20, 8)


def _pmf(rng: Random, n: int, grid: int) -> list[sympy.Rational]:
    cuts = sorted(rng.sample(range(1, grid), n - 1))
    return [sympy.Rational(b - a, grid) for a, b in zip([0, *cuts], [*cuts, grid], strict=True)]


def draw(rng: Random) -> dict:
    story = rng.choice(sorted(STORIES))
    while True:
        n = rng.choices((2, 3, 4, 5), weights=(2, 4, 3, 1))[0]
        grid = rng.choices(GRIDS, weights=(4, 3, 1) if n < 5 else (2, 3, 0))[0]
        if n == 2 and grid == 8:
            continue
        p, q = _pmf(rng, n, grid), _pmf(rng, n, grid)
        picks = rng.sample(range(len(STATEMENTS)), 4)
        truths = {STATEMENTS[i][1] for i in picks}
        params = {"story": story, "p": p, "q": q, "statements": picks}
        if p != q and len(truths) == 2 and _asked_differ(params):
            return params


def _asked_differ(params: dict) -> bool:
    """The two directions (and the cross-entropy) are clearly different numbers."""
    values = [float(v) for v in _values(params)[:3]]
    return all(abs(x - y) >= 0.005 for i, x in enumerate(values) for y in values[i + 1 :])


def check(params: dict) -> None:
    p, q = params["p"], params["q"]
    if len(q) != len(p):
        raise ParamError("q", f"needs one probability per outcome of P ({len(p)}), got {len(q)}")
    for name, pmf in (("p", p), ("q", q)):
        if sum(pmf) != 1:
            raise ParamError(name, f"must sum to exactly 1, it sums to {sum(pmf)}")
    if p == q:
        raise ParamError("q", "must differ from P (every divergence would be 0)")
    picks = params["statements"]
    if len(set(picks)) != len(picks):
        raise ParamError("statements", f"must be distinct statement numbers, got {picks}")


def _weights(params: dict) -> tuple[list[int], list[int]]:
    grid = lcm(*(int(x.q) for x in [*params["p"], *params["q"]]))
    return [int(x * grid) for x in params["p"]], [int(x * grid) for x in params["q"]]


def _values(params: dict) -> tuple:
    a, b = _weights(params)
    pq, qp, cross = kl_terms(a, b), kl_terms(b, a), cross_entropy_terms(a, b)
    return in_base(pq, 2), in_base(qp, 2), in_base(cross, 2), pq, qp, cross, a, b


def _term(x: sympy.Rational, y: sympy.Rational) -> sympy.Expr:
    """x·log2(x/y), one outcome's share of D_KL."""
    return x * (sympy.log(x) - sympy.log(y)) / sympy.log(2)


def solve(params: dict) -> Solved:
    p, q = params["p"], params["q"]
    kl_pq, kl_qp, cross, pq_terms, qp_terms, cross_terms, a, b = _values(params)
    n = len(p)
    h_p, h_q = in_base(entropy_terms(a), 2), in_base(entropy_terms(b), 2)
    cross_qp = in_base(cross_entropy_terms(b, a), 2)
    rounded = from_rounded(n * half_unit(4))  # a sum of n terms, each shown to 4 decimals
    parts = [
        real(
            "kl_pq",
            "D_KL(P‖Q) in bits",
            kl_pq,
            slip(
                "reversed",
                "that is D_KL(Q‖P): the direction is reversed; "
                "D_KL(P‖Q) weights log2(p/q) by the true distribution P.",
                kl_qp,
            ),
            *wrong_bases(lambda base: in_base(pq_terms, base), 2, "the divergence in bits"),
            slip("sign", "the ratio is upside down: Σ p·log2(q/p) = −D_KL(P‖Q).", -kl_pq),
            slip(
                "cross_entropy",
                "that is the cross-entropy H(P, Q) = H(P) + D_KL(P‖Q); "
                "subtract H(P) to get the divergence.",
                cross,
            ),
            tolerance=rounded,
            unit="bits",
        ),
        real(
            "kl_qp",
            "D_KL(Q‖P) in bits",
            kl_qp,
            slip(
                "reversed",
                "that is D_KL(P‖Q): here the weights come from Q and the ratio is q/p.",
                kl_pq,
            ),
            *wrong_bases(lambda base: in_base(qp_terms, base), 2, "the divergence in bits"),
            slip("sign", "the ratio is upside down: Σ q·log2(p/q) = −D_KL(Q‖P).", -kl_qp),
            tolerance=rounded,
            unit="bits",
        ),
        real(
            "cross_entropy",
            "Cross-entropy H(P, Q) in bits",
            cross,
            slip("kl_only", "that is D_KL(P‖Q) alone; H(P, Q) = H(P) + D_KL(P‖Q).", kl_pq),
            slip(
                "entropy_only",
                "that is H(P), the entropy of P alone; coding with the wrong "
                "model Q costs D_KL(P‖Q) more bits.",
                h_p,
            ),
            slip(
                "reversed",
                "that is H(Q, P) = −Σ q·log2 p: the roles of P and Q are swapped.",
                cross_qp,
            ),
            *wrong_bases(lambda base: in_base(cross_terms, base), 2, "the cross-entropy in bits"),
            slip("missing_minus", "the minus sign is missing: H(P, Q) = −Σ p·log2 q ≥ 0.", -cross),
            tolerance=rounded,
            unit="bits",
        ),
    ]
    picks = params["statements"]
    true_keys = frozenset(KEYS[i] for i, pick in enumerate(picks) if STATEMENTS[pick][1])
    parts.append(
        part(
            AnswerKind.CHOICES,
            "facts",
            "Which of these statements about KL divergence are true in general?",
            true_keys,
            options=tuple((KEYS[i], STATEMENTS[pick][0]) for i, pick in enumerate(picks)),
        )
    )
    setting, p_is, q_is, names = STORIES[params["story"]]
    rows = [
        {
            "name": names[i],
            "p": p[i],
            "q": q[i],
            "pq": _term(p[i], q[i]),
            "qp": _term(q[i], p[i]),
        }
        for i in range(n)
    ]
    facts = {
        "setting": setting,
        "p_is": p_is,
        "q_is": q_is,
        "names": list(names[:n]),
        "rows": rows,
        "kl_pq": kl_pq,
        "kl_qp": kl_qp,
        "cross": cross,
        "h_p": h_p,
        "h_q": h_q,
        "larger": "D_KL(P‖Q)" if kl_pq > kl_qp else "D_KL(Q‖P)",
        "statements": [
            {
                "key": KEYS[i],
                "text": STATEMENTS[pick][0],
                "true": STATEMENTS[pick][1],
                "why": WHY[pick],
            }
            for i, pick in enumerate(picks)
        ],
        "true_keys": ", ".join(sorted(true_keys)),
    }
    return Solved(parts, facts)


WHY = (
    "Gibbs' inequality (Jensen applied to the concave log) gives Σ p·log2(q/p) ≤ log2 Σ q = 0.",
    "the two sums weight different logs by different distributions; the numbers above differ.",
    "a divergence need not satisfy it, and KL does not in general.",
    "it is neither symmetric nor does it satisfy the triangle inequality.",
    "Gibbs' inequality is an equality only when q = p on every outcome.",
    "with log2 it counts bits, with ln nats: the extra code length per symbol.",
    "expand Σ p·log2(p/q) = Σ p·log2 p − Σ p·log2 q.",
    "it is never negative (Gibbs' inequality); no model codes P better than P itself.",
)


FAMILY = Family(
    id="kl_divergence_discrete",
    chapter="information_theory",
    title="KL divergence and cross-entropy of two distributions",
    book_refs=("IT-Q15", "IT-Q16", "IT-Q17"),
    params=(
        Param(
            "story",
            "where the two distributions come from",
            "choice",
            options=tuple(sorted(STORIES)),
        ),
        Param(
            "p",
            "the true distribution P (strictly positive, sums to 1)",
            "numbers",
            low=0,
            high=1,
            open=True,
            length=(2, 5),
        ),
        Param(
            "q",
            "the model Q on the same outcomes (strictly positive, sums to 1)",
            "numbers",
            low=0,
            high=1,
            open=True,
            length=(2, 5),
        ),
        Param(
            "statements",
            "which four general statements to ask about (0–7)",
            "integers",
            low=0,
            high=len(STATEMENTS) - 1,
            length=(4, 4),
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    # our own instance: the book gives the formula and the true/false facts, not numbers
    book_params={
        "story": "weather",
        "p": [0.5, 0.3, 0.2],
        "q": [0.4, 0.4, 0.2],
        "statements": [0, 1, 2, 3],
    },
)
