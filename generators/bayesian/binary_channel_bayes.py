"""A noisy binary channel read backwards: which symbol was sent, given the one received?

Varies PRB-49 (an Enigma-like link sends X and Z with probabilities 2/9 and 7/9 and flips each
symbol with probability 1/7; given that Z arrives, Z was sent with probability
(7/9)(6/7)/[(7/9)(6/7) + (2/9)(1/7)] = 21/22). Draws vary the source probabilities, whether the two
flip probabilities are equal, which symbol arrives and which sent symbol is asked about, and the
setting (Enigma letters, bits on a wire, Morse dots and dashes).

Slips caught: leaving the error path (the other symbol flipped into this one) out of P(received),
reporting the channel's reliability 1 − ε or the prior as the posterior, and the complement
(asking about the other sent symbol).
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import prompt, real, slip

R = sympy.Rational
CONTEXTS = ("enigma", "bits", "morse")
SYMBOLS = ("X", "Z")
# setting -> what X and Z are called in it
NAMES = {
    "enigma": {"X": "X", "Z": "Z"},
    "bits": {"X": "a 0", "Z": "a 1"},
    "morse": {"X": "a dot", "Z": "a dash"},
}
_SOURCE = (
    [R(k, 9) for k in (1, 2, 4, 5, 7, 8)]
    + [R(k, 10) for k in range(1, 10) if k != 5]
    + [R(1, 4), R(3, 4), R(1, 3), R(2, 3)]
)
_FLIPS = [R(1, k) for k in (4, 5, 6, 7, 8, 9, 10, 12, 20)] + [R(k, 100) for k in (2, 5, 15)]


def draw(rng: Random) -> dict:
    flip_xz = rng.choice(_FLIPS)
    flip_zx = flip_xz if rng.random() < 0.6 else rng.choice([f for f in _FLIPS if f != flip_xz])
    received = rng.choice(SYMBOLS)
    return {
        "context": rng.choice(CONTEXTS),
        "p_x": rng.choice(_SOURCE),
        "flip_xz": flip_xz,
        "flip_zx": flip_zx,
        "received": received,
        "asked": received if rng.random() < 0.7 else ("X" if received == "Z" else "Z"),
    }


def check(params: dict) -> None:
    for name in ("flip_xz", "flip_zx"):
        if params[name] >= R(1, 2):
            raise ParamError(
                name, "a flip probability of 1/2 or more makes the channel useless or inverting"
            )


def solve(params: dict) -> Solved:
    names = NAMES[params["context"]]
    r, s = params["received"], params["asked"]
    other = {"X": "Z", "Z": "X"}
    prior = {"X": params["p_x"], "Z": 1 - params["p_x"]}
    flip = {"X": params["flip_xz"], "Z": params["flip_zx"]}  # flip[a]: a sent, the other arrives

    def arrives(sent: str) -> sympy.Rational:  # P(r received | sent)
        return 1 - flip[sent] if sent == r else flip[sent]

    direct = prior[r] * arrives(r)  # r sent and kept
    crossed = prior[other[r]] * arrives(other[r])  # the other sent and flipped into r
    received = direct + crossed
    joint = prior[s] * arrives(s)
    posterior = joint / received
    parts = [
        real(
            "received",
            prompt("P({{ r }} is received)", r=names[r]),
            received,
            slip(
                "missing_error_path",
                f"that is only the path where {names[r]} is sent and kept; {names[other[r]]} "
                f"flipped into {names[r]} also arrives as {names[r]}.",
                direct,
            ),
            slip(
                "prior_not_received",
                "that is the probability that it is *sent*; the channel changes the mix.",
                prior[r],
            ),
        ),
        real(
            "posterior",
            prompt("P({{ s }} was sent | {{ r }} is received)", s=names[s], r=names[r]),
            posterior,
            slip(
                "missing_error_path",
                "the denominator P(received) leaves out the path through the other symbol.",
                joint / direct,
            ),
            slip(
                "complement",
                f"that is the probability that {names[other[s]]} was sent.",
                1 - posterior,
            ),
            slip(
                "likelihood_not_posterior",
                "that is P(received | sent), a property of the channel; Bayes' rule turns it "
                "around.",
                arrives(s),
            ),
            slip(
                "prior_not_posterior", "that is the prior: the received symbol is unused.", prior[s]
            ),
        ),
    ]
    facts = {
        "names": names,
        "prior_r": prior[r],
        "prior_o": prior[other[r]],
        "keep_r": arrives(r),
        "flip_o": arrives(other[r]),
        "direct": direct,
        "crossed": crossed,
        "received": received,
        "joint": joint,
        "posterior": posterior,
        "other": other,
        "symmetric": params["flip_xz"] == params["flip_zx"],
        "same": s == r,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="binary_channel_bayes",
    chapter="bayesian",
    title="Bayes' rule on a noisy binary channel",
    book_refs=("PRB-49",),
    params=(
        Param("context", "scenario wording", "choice", options=CONTEXTS),
        Param("p_x", "probability that X is sent (Z is sent otherwise)", low=0, high=1, open=True),
        Param("flip_xz", "probability that a sent X arrives as Z", low=0, high=1, open=True),
        Param("flip_zx", "probability that a sent Z arrives as X", low=0, high=1, open=True),
        Param("received", "the symbol that arrives", "choice", options=SYMBOLS),
        Param("asked", "the sent symbol asked about", "choice", options=SYMBOLS),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "context": "enigma",
        "p_x": "2/9",
        "flip_xz": "1/7",
        "flip_zx": "1/7",
        "received": "Z",
        "asked": "Z",
    },
)
