"""Shannon entropy of a discrete source, in bits (and nats), and the maximum for its alphabet.

Varies IT-Q3, IT-Q4, IT-Q9, IT-Q10 and IT-Q11: a pmf with a handful of outcomes, N equally likely
symbols, or a grey-level pixel with L = 2^k equally likely levels (the book's instance: 256 levels
→ 8 bits; its other special case, a certain event → 0 bits, is ``source="pmf"`` with
``probabilities=[1]``). Drawn pmfs use multiples of 1/8, 1/16, 0.05 or 0.1 that sum exactly to 1;
now and then one outcome has probability 0 on purpose, to exercise the convention 0·log 0 = 0.
No part asks another's number again (see ``solve``). The WHY tables list the slips caught; one
transcription of the book prints Shannon's formula without its minus sign, hence missing_minus.
"""

from fractions import Fraction
from math import lcm
from random import Random

import sympy

from interview_sim.answers.numbers import format_exact
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import combine, entropy_terms, from_rounded, half_unit, in_base, real
from interview_sim.kit.slips import each, missing_minus, tabled

SOURCES = ("pmf", "equiprobable", "pixel")
GRIDS = (8, 16, 20, 10)  # probabilities are multiples of 1/8, 1/16, 0.05 or 0.1


def draw(rng: Random) -> dict:
    roll, ask_nats = rng.random(), rng.random() < 0.5
    if roll < 0.9:
        n = rng.choices(range(2, 7), weights=(1, 3, 4, 6, 6))[0]
        # two outcomes on a coarse grid leave too few distinct pmfs: use the finer grids
        grid = rng.choices(GRIDS, weights=(2, 8, 8, 2) if n > 2 else (0, 1, 1, 0))[0]
        with_zero = n >= 3 and rng.random() < 0.1
        cuts = sorted(rng.sample(range(1, grid), n - with_zero - 1))
        weights = [b - a for a, b in zip([0, *cuts], [*cuts, grid], strict=True)]
        if with_zero:
            weights.insert(rng.randint(0, len(weights)), 0)
        probabilities = [sympy.Rational(a, grid) for a in weights]
        return dict(source="pmf", outcomes=n, probabilities=probabilities, ask_nats=ask_nats)
    pixel = roll >= 0.98
    source, n = (
        ("pixel", 2 ** rng.randint(1, 12)) if pixel else ("equiprobable", rng.randint(2, 200))
    )
    return dict(source=source, outcomes=n, probabilities=[], ask_nats=ask_nats)


def check(params: dict) -> None:
    source, n, probabilities = params["source"], params["outcomes"], params["probabilities"]
    if source != "pmf" and probabilities:
        raise ParamError("probabilities", f'must be [] for source "{source}" (only a pmf has them)')
    if source == "pixel" and (n < 2 or n & (n - 1)):
        raise ParamError("outcomes", f"a pixel's number of levels must be a power of two, got {n}")
    if source != "pmf":
        return
    if not probabilities:
        raise ParamError("probabilities", "a pmf needs 1–10 probabilities")
    if n != (count := len(probabilities)):
        raise ParamError("outcomes", f"must equal the number of probabilities ({count})")
    if (total := sum(probabilities)) != 1:
        raise ParamError("probabilities", f"must sum to exactly 1, they sum to {total}")


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
    n, probabilities, pmf = params["outcomes"], params["probabilities"], params["source"] == "pmf"
    grid = lcm(*(int(p.q) for p in probabilities))  # 1 when there are none
    weights = [int(p * grid) for p in probabilities]
    terms = entropy_terms(weights) if pmf else {n: sympy.Integer(1)}
    bits, nats, log2_n = in_base(terms, 2), in_base(terms, None), in_base({n: 1}, 2)
    decimals = all((p * 100).is_integer for p in probabilities)  # a 0.05 grid: shown as decimals
    shown = [format_exact(Fraction(str(p))) if decimals else str(p) for p in probabilities]
    contributions = [
        -in_base(combine((sympy.Rational(a, grid), {a: 1}), (-p, {grid: 1})), 2) if a else 0
        for p, a in zip(probabilities, weights, strict=True)
    ]
    missing = {text: term for text, term, a in zip(shown, contributions, weights, strict=True) if a}
    words = {"n": n}
    slips = [
        *tabled(WHY_BITS, nats=nats, log10=in_base(terms, 10)),
        missing_minus(-bits, "H = −Σ p·log2 p"),
        *each(WHY_BITS, "missing_term", [({"p": p}, bits - t) for p, t in missing.items()]),
        *tabled(WHY_BITS, words=words, uniform=log2_n if pmf else None),
        *tabled(WHY_BITS, words=words, outcomes=None if pmf else n),
        *tabled(WHY_BITS, words=words, whole_bits=None if pmf else sympy.ceiling(log2_n)),
    ]
    # a pmf's entropy is worked as the sum of its terms, each shown to 4 decimals
    tol = from_rounded(sum(1 for a in weights if a) * half_unit(4))
    parts = [real("entropy_bits", "Entropy H(X) in bits", bits, *slips, tolerance=tol, unit="bits")]
    asks_nats = params["ask_nats"] and bits != 0  # a certain source: 0 bits = 0 nats, asked once
    if asks_nats:
        slips = tabled(WHY_NATS, bits_not_nats=bits, wrong_conversion=bits / sympy.log(2))
        slips.append(missing_minus(-nats, "H = −Σ p·ln p"))
        # worked as H_bits (4 decimals) × 0.6931: both roundings carry over
        tol = from_rounded(half_unit(4) + half_unit(4) * int(sympy.ceiling(bits)))
        prompt = "Entropy H(X) in nats"
        parts.append(real("entropy_nats", prompt, nats, *slips, tolerance=tol, unit="nats"))
    uniform = not pmf or len(set(probabilities)) == 1  # its entropy is the maximum: asked once
    if not uniform:
        prompt = f"Largest possible entropy of any source with {n} outcomes, in bits"
        slips = tabled(WHY_MAX, words=words, nats=in_base({n: 1}, None), this_source=bits)
        slips += tabled(WHY_MAX, words=words, one_bit=1, outcomes=n)
        parts.append(real("max_entropy", prompt, log2_n, *slips, unit="bits"))
    facts = {"bits": bits, "nats": nats, "maximum": log2_n, "shown": shown}
    facts["symbols"] = [f"x{i}" for i in range(1, n + 1)] if pmf else []
    facts |= {"contributions": contributions, "is_uniform": uniform, "asks_nats": asks_nats}
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
