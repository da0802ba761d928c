"""Shannon entropy of a discrete source, in bits (and nats), and the maximum for its alphabet.

Varies IT-Q3, IT-Q4, IT-Q9, IT-Q10 and IT-Q11: a pmf with a handful of outcomes, N equally likely
symbols, or a grey-level pixel with L = 2^k equally likely levels (the book's instance: 256 levels
→ 8 bits; its other special case, a certain event → 0 bits, is ``source="pmf"`` with
``probabilities=[1]``). Drawn pmfs use multiples of 1/8, 1/16, 0.05 or 0.1 that sum exactly to 1;
now and then one outcome has probability 0 on purpose, to exercise the convention 0·log 0 = 0.
No two parts ask for the same number: the maximum for the alphabet is asked only of a pmf that is
not uniform (for a uniform one it is the entropy itself), and the entropy in nats only when it is
not 0 (a certain event has 0 bits and 0 nats).

Slips caught: natural log (nats) or log10 instead of log2, the missing minus sign (a negative
"entropy" — one transcription of the book prints Shannon's formula without it), a forgotten term,
confusing N (or the whole bits ⌈log2 N⌉ of a fixed-length code) with log2 N, and answering the
source's own entropy (or 1 bit) for the maximum.
"""

from fractions import Fraction
from math import lcm
from random import Random

import sympy

from interview_sim.answers.numbers import format_exact
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import combine, entropy_terms, from_rounded, half_unit, in_base, real, slip
from interview_sim.kit.slips_nets import missing_minus, tabled

SOURCES = ("pmf", "equiprobable", "pixel")
GRIDS = (8, 16, 20, 10)  # probabilities are multiples of 1/8, 1/16, 0.05 or 0.1


def draw(rng: Random) -> dict:
    roll, ask_nats = rng.random(), rng.random() < 0.5
    if roll < 0.9:
        outcomes = rng.choices(range(2, 7), weights=(1, 3, 4, 6, 6))[0]
        # two outcomes on a coarse grid leave too few distinct pmfs: use the finer grids
        grid = rng.choices(GRIDS, weights=(2, 8, 8, 2) if outcomes > 2 else (0, 1, 1, 0))[0]
        with_zero = outcomes >= 3 and rng.random() < 0.1
        cuts = sorted(rng.sample(range(1, grid), outcomes - with_zero - 1))
        weights = [b - a for a, b in zip([0, *cuts], [*cuts, grid], strict=True)]
        if with_zero:
            weights.insert(rng.randint(0, len(weights)), 0)
        probabilities = [sympy.Rational(a, grid) for a in weights]
        return {
            "source": "pmf",
            "outcomes": outcomes,
            "probabilities": probabilities,
            "ask_nats": ask_nats,
        }
    if roll < 0.98:
        source, outcomes = "equiprobable", rng.randint(2, 200)
    else:
        source, outcomes = "pixel", 2 ** rng.randint(1, 12)
    return {"source": source, "outcomes": outcomes, "probabilities": [], "ask_nats": ask_nats}


def check(params: dict) -> None:
    source, n, probabilities = params["source"], params["outcomes"], params["probabilities"]
    if source != "pmf" and probabilities:
        only = f'must be [] for source "{source}" (only a pmf has them)'
        raise ParamError("probabilities", only)
    if source == "pixel" and (n < 2 or n & (n - 1)):
        raise ParamError("outcomes", f"a pixel's number of levels must be a power of two, got {n}")
    if source != "pmf":
        return
    if not probabilities:
        raise ParamError("probabilities", "a pmf needs 1–10 probabilities")
    if n != len(probabilities):
        raise ParamError(
            "outcomes", f"must equal the number of probabilities ({len(probabilities)})"
        )
    if sum(probabilities) != 1:
        raise ParamError(
            "probabilities", f"must sum to exactly 1, they sum to {sum(probabilities)}"
        )


def _shown(probabilities: list) -> list[str]:
    """Decimals when every probability is a whole percent or tenth (0.05 grid), else fractions."""
    if all((p * 100).is_integer for p in probabilities):
        return [format_exact(Fraction(int(p.p), int(p.q))) for p in probabilities]
    return [str(p) for p in probabilities]


# How each slip is explained, per part ({n}: the number of outcomes, {p}: a forgotten one's p).
WHY_BITS = {
    "nats": "that is the entropy in nats (natural log); bits need log2.",
    "log10": "that uses log10 (hartleys); bits need log base 2.",
    "missing_term": "a term is missing (the outcome with p = {p}): every outcome with p > 0 adds "
    "−p·log2 p.",
    "uniform": "that is log2 {n}, the entropy only if all {n} outcomes were equally likely.",
    "outcomes": "that is N = {n}; the entropy is log2 N bits.",
    "whole_bits": "that is ⌈log2 {n}⌉, the whole bits a fixed-length code needs; log2 {n} need "
    "not be whole.",
}
WHY_NATS = {
    "bits_not_nats": "that is the entropy in bits; H_nats = H_bits · ln 2.",
    "wrong_conversion": "that divides by ln 2: H_nats = H_bits · ln 2.",
}
WHY_MAX = {
    "nats": "that is ln {n} (nats); in bits the maximum is log2 {n}.",
    "this_source": "that is this source's own entropy; the maximum over all pmfs on {n} outcomes "
    "is reached by the uniform one: log2 {n}.",
    "one_bit": "1 bit is the maximum only for two outcomes; here it is log2 {n}.",
    "outcomes": "that is N = {n} itself, not log2 N.",
}


def solve(params: dict) -> Solved:
    source, n, probabilities = params["source"], params["outcomes"], params["probabilities"]
    pmf = source == "pmf"
    grid = lcm(*(int(p.q) for p in probabilities)) if pmf else 1
    weights = [int(p * grid) for p in probabilities]
    terms = entropy_terms(weights) if pmf else {n: sympy.Integer(1)}
    bits, nats, log2_n = in_base(terms, 2), in_base(terms, None), in_base({n: 1}, 2)
    shown = _shown(probabilities) if pmf else []
    contributions = [
        -in_base(combine((sympy.Rational(a, grid), {a: 1}), (-p, {grid: 1})), 2) if a else 0
        for p, a in zip(probabilities, weights, strict=True)
    ]
    missing = {text: term for text, term, a in zip(shown, contributions, weights, strict=True) if a}
    words = {"n": n}
    parts = [
        real(
            "entropy_bits",
            "Entropy H(X) in bits",
            bits,
            *tabled(WHY_BITS, nats=nats, log10=in_base(terms, 10)),
            missing_minus(-bits, "H = −Σ p·log2 p"),
            *(
                slip("missing_term", WHY_BITS["missing_term"].format(p=text), bits - term)
                for text, term in missing.items()
            ),
            *tabled(WHY_BITS, words=words, uniform=log2_n if pmf else None),
            *tabled(WHY_BITS, words=words, outcomes=None if pmf else n),
            *tabled(WHY_BITS, words=words, whole_bits=None if pmf else sympy.ceiling(log2_n)),
            # a pmf's entropy is worked as the sum of its terms, each shown to 4 decimals
            tolerance=from_rounded(sum(1 for a in weights if a) * half_unit(4)),
            unit="bits",
        ),
    ]
    asks_nats = params["ask_nats"] and bits != 0  # a certain source: 0 bits = 0 nats, asked once
    if asks_nats:
        parts.append(
            real(
                "entropy_nats",
                "Entropy H(X) in nats",
                nats,
                *tabled(WHY_NATS, bits_not_nats=bits, wrong_conversion=bits / sympy.log(2)),
                missing_minus(-nats, "H = −Σ p·ln p"),
                # worked as H_bits (4 decimals) × 0.6931: both roundings carry over
                tolerance=from_rounded(half_unit(4) + half_unit(4) * int(sympy.ceiling(bits))),
                unit="nats",
            )
        )
    uniform = not pmf or len(set(probabilities)) == 1
    if not uniform:  # a uniform pmf's entropy is already the maximum: the same number
        parts.append(
            real(
                "max_entropy",
                f"Largest possible entropy of any source with {n} outcomes, in bits",
                log2_n,
                *tabled(WHY_MAX, words=words, nats=in_base({n: 1}, None), this_source=bits),
                *tabled(WHY_MAX, words=words, one_bit=1, outcomes=n),
                unit="bits",
            )
        )
    facts = {"bits": bits, "nats": nats, "maximum": log2_n, "shown": shown}
    facts["symbols"] = [f"x{i}" for i in range(1, n + 1)] if pmf else []
    facts |= {"contributions": contributions, "has_zero": 0 in probabilities}
    facts |= {"is_uniform": uniform, "asks_nats": asks_nats}
    return Solved(parts, facts)


N_MEANS = "number of outcomes N (pmf: its length; equiprobable: symbols; pixel: grey levels)"
PMF_MEANS = 'the pmf (exactly summing to 1); [] unless source is "pmf"'
FAMILY = Family(
    id="entropy_discrete",
    chapter="information_theory",
    title="Entropy of a discrete source",
    version=3,
    book_refs=("IT-Q3", "IT-Q4", "IT-Q9", "IT-Q10", "IT-Q11"),
    params=(
        Param("source", "what emits the symbol", "choice", options=SOURCES),
        Param("outcomes", N_MEANS, "integer", low=1, high=65536),
        Param("probabilities", PMF_MEANS, "numbers", low=0, high=1, length=(0, 10)),
        Param("ask_nats", "also ask for the entropy in nats", "choice", options=(False, True)),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"source": "pixel", "outcomes": 256, "probabilities": [], "ask_nats": False},
)
