"""Bayes' rule with two hypotheses: total probability of the evidence, then the posterior.

Varies PRB-44, PRB-45, PRB-46 and PRB-47 (and the PRB-38 style medical test): a hypothesis H with
prior P(H), the likelihoods P(E|H) and P(E|not H), and the questions P(E) by total probability,
P(H|E) and optionally P(H|not E). The prior is quoted the way the book quotes it: as a rate
("0.5% of ..."), as "1 in k" (the book's "1 in 15" gives 1/15) or as a ratio of the two groups
(the book's "twice as many in state 1 as in state 0" gives 2/3 and 1/3; "19 times as many sound
chips as defective ones" gives 1/20). Each setting draws only base rates it makes plausible
(``MAX_PRIOR``), and every comparison the solution states in words is computed from the values.
A test that is "correct whether or not the condition is present" has P(E|not H) = 1 - P(E|H).

Likelihoods are taken as given (0.0025, 1/15, 0.9) and quoted as the book quotes them: a
percentage when they have one (0.25%), "1 in k" for 1/k, otherwise the exact fraction.

Book instance: the prior 1/15 ("1 in 15") is the book's number as recorded in book_families.md;
the test accuracy is not recorded there, so ``book_params`` pairs that prior with a test that is
correct 90% of the time whether or not the condition is present (our choice). With it
P(E) = 0.9/15 + 0.1·14/15 = 23/150 and P(H|E) = 9/23.

The classic slips: reporting the likelihood P(E|H) as the posterior (base-rate neglect), leaving
the not-H path out of P(E), putting P(not H) where P(H) belongs, and answering P(E) when the
posterior is asked.
"""

from __future__ import annotations

from fractions import Fraction
from random import Random

import sympy

from interview_sim.answers.numbers import format_exact
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import real, slip

R = sympy.Rational

# Wording per scenario. ``h``/``e`` are short labels used in the prompts; the template builds
# the narrative from the longer phrases.
CONTEXTS: dict[str, dict[str, str]] = {
    "medical": {
        "h": "has the condition",
        "not_h": "does not have the condition",
        "e": "tests positive",
        "not_e": "tests negative",
        "unit": "person",
        "units": "people",
        "h_plural": "have the condition",
        "h_group": "people with the condition",
        "not_h_group": "people without it",
        "not_h_group_full": "people without the condition",
        "e_plural": "test positive",
        "test": "a screening test",
    },
    "spam": {
        "h": "is spam",
        "not_h": "is legitimate",
        "e": "is flagged by the filter",
        "not_e": "is not flagged",
        "unit": "e-mail",
        "units": "incoming e-mails",
        "h_plural": "are spam",
        "h_group": "spam e-mails",
        "not_h_group": "legitimate e-mails",
        "not_h_group_full": "legitimate e-mails",
        "e_plural": "get flagged",
        "test": "a keyword filter",
    },
    "fraud": {
        "h": "is fraudulent",
        "not_h": "is genuine",
        "e": "raises an alert",
        "not_e": "raises no alert",
        "unit": "card transaction",
        "units": "card transactions",
        "h_plural": "are fraudulent",
        "h_group": "fraudulent transactions",
        "not_h_group": "genuine ones",
        "not_h_group_full": "genuine transactions",
        "e_plural": "raise an alert",
        "test": "an anomaly detector",
    },
    "inspection": {
        "h": "is defective",
        "not_h": "is sound",
        "e": "fails the optical inspection",
        "not_e": "passes the inspection",
        "unit": "chip",
        "units": "chips off the line",
        "h_plural": "are defective",
        "h_group": "defective chips",
        "not_h_group": "sound chips",
        "not_h_group_full": "sound chips",
        "e_plural": "fail the inspection",
        "test": "an optical inspection camera",
    },
    "particle": {
        "h": "is in state 1",
        "not_h": "is in state 0",
        "e": "makes the detector click",
        "not_e": "leaves the detector silent",
        "unit": "particle",
        "units": "particles in the source",
        "h_plural": "are in state 1",
        "h_group": "particles in state 1",
        "not_h_group": "particles in state 0",
        "not_h_group_full": "particles in state 0",
        "e_plural": "make the detector click",
        "test": "a state detector",
    },
}

# The largest prior each setting makes plausible: a screening programme, a fraud detector or a
# production line deals with a minority of cases (nobody screens a population where 75% are ill);
# spam and particle states can be the majority. Only those two read "k times as many H as not-H";
# the others quote a ratio the other way round ("19 times as many sound chips as defective ones").
MAX_PRIOR: dict[str, sympy.Rational] = {
    "medical": R(1, 5),
    "spam": R(9, 10),
    "fraud": R(1, 20),
    "inspection": R(1, 10),
    "particle": R(9, 10),
}

# How the prior is quoted: as a rate, as "1 in k", or as a ratio of the two groups.
PHRASES = ("rate", "one_in", "times_as_many")

_RATE_GRID = (
    [R(k, 1000) for k in (1, 2, 3, 5)]
    + [R(k, 100) for k in range(1, 10)]
    + [R(k, 100) for k in range(10, 91, 5)]
)
_ONE_IN_GRID = list(range(3, 21)) + [25, 30, 40, 50, 100, 200, 250, 500, 1000]
_RATIO_GRID = (2, 3, 4, 5, 6, 9, 19, 24, 49, 99)


def draw(rng: Random) -> dict:
    context = rng.choice(sorted(CONTEXTS))
    limit = MAX_PRIOR[context]
    phrase = rng.choices(PHRASES, weights=(5, 3, 2))[0]
    if phrase == "rate":
        prior = rng.choice([r for r in _RATE_GRID if r <= limit])
    elif phrase == "one_in":
        prior = R(1, rng.choice([k for k in _ONE_IN_GRID if R(1, k) <= limit]))
    else:
        times = rng.choice([k for k in _RATIO_GRID if R(1, k + 1) <= limit])
        majority = limit > R(1, 2) and rng.random() < 0.5
        prior = R(times, times + 1) if majority and times <= 6 else R(1, times + 1)
    while True:
        sensitivity = R(rng.randint(60, 99), 100)
        if rng.random() < 0.25:  # "correct x% of the time whether or not H holds"
            false_positive = 1 - sensitivity
        else:
            false_positive = R(rng.randint(1, min(40, int(sensitivity * 100) - 10)), 100)
        evidence = sensitivity * prior + false_positive * (1 - prior)
        if evidence != prior:  # else P(H|E) = P(E|H): base-rate neglect would go unnoticed
            break
    return {
        "context": context,
        "prior_phrase": phrase,
        "prior": prior,
        "p_e_given_h": sensitivity,
        "p_e_given_not_h": false_positive,
        "ask_negative": rng.random() < 0.5,
    }


def check(params: dict) -> None:
    if not isinstance(params["ask_negative"], bool):
        raise ParamError("ask_negative", "must be true or false")
    prior, phrase = params["prior"], params["prior_phrase"]
    if phrase == "rate" and (prior * 1000).q != 1:
        raise ParamError("prior", "a prior quoted as a rate must be a multiple of 0.001")
    if phrase == "one_in" and prior.p != 1:
        raise ParamError("prior", 'a prior quoted as "1 in k" must be 1/k for a whole number k')
    if phrase == "times_as_many" and not (
        (prior.q == prior.p + 1 and prior.p >= 2) or (prior.p == 1 and prior.q >= 3)
    ):
        raise ParamError(
            "prior",
            'a prior quoted as "k times as many" must be k/(k + 1) or 1/(k + 1) for a whole k >= 2',
        )
    if params["p_e_given_h"] == params["p_e_given_not_h"]:
        raise ParamError(
            "p_e_given_not_h", "equals P(E|H): the evidence would carry no information about H"
        )


def solve(params: dict) -> Solved:
    words = CONTEXTS[params["context"]]
    prior, like_h, like_not_h = params["prior"], params["p_e_given_h"], params["p_e_given_not_h"]
    not_prior = 1 - prior
    joint_h = like_h * prior
    joint_not_h = like_not_h * not_prior
    evidence = joint_h + joint_not_h
    posterior = joint_h / evidence
    swapped_evidence = like_h * not_prior + like_not_h * prior
    h, e, not_e, unit = words["h"], words["e"], words["not_e"], words["unit"]
    parts = [
        real(
            "evidence",
            f"P(E): the probability that the {unit} {e}",
            evidence,
            slip(
                "missing_not_h_path",
                f"that is only P({e} and {h}) = P(E|H)·P(H); by total probability P(E) also "
                "includes the path through not-H, P(E|not H)·P(not H).",
                joint_h,
            ),
            slip(
                "priors_swapped",
                "the priors are swapped: P(E|H) must be weighted by P(H), and P(E|not H) by "
                "P(not H) = 1 - P(H).",
                swapped_evidence,
            ),
            slip(
                "posterior_not_evidence",
                "that is the posterior P(H|E); this part asks for the total probability "
                "of the evidence, P(E).",
                posterior,
            ),
            slip(
                "prior_ignored",
                "that averages the two likelihoods as if P(H) = 1/2; weight them by the "
                "prior P(H) and 1 - P(H).",
                (like_h + like_not_h) / 2,
            ),
        ),
        real(
            "posterior",
            f"P(H|E): the probability that the {unit} {h}, given E",
            posterior,
            slip(
                "base_rate_neglect",
                f"that is the likelihood P({e} | {h}); the posterior turns it around with "
                "Bayes' rule, P(H|E) = P(E|H)·P(H)/P(E), and with this prior it comes out "
                f"{'lower' if posterior < like_h else 'higher'} than P(E|H).",
                like_h,
            ),
            slip(
                "joint_not_conditional",
                "that is the joint probability P(E and H) = P(E|H)·P(H); divide it by P(E) "
                "to condition on the evidence.",
                joint_h,
            ),
            slip(
                "priors_swapped",
                "P(not H) was used where P(H) belongs (and vice versa).",
                like_h * not_prior / swapped_evidence,
            ),
            slip(
                "evidence_not_posterior",
                "that is P(E), the probability of the evidence, not the posterior P(H|E).",
                evidence,
            ),
            slip(
                "prior_not_posterior",
                "that is the prior P(H): the evidence has not been used.",
                prior,
            ),
            slip(
                "one_minus_false_positive_rate",
                "that is 1 - P(E|not H), the specificity; the posterior needs Bayes' rule.",
                1 - like_not_h,
            ),
        ),
    ]
    negative_posterior = (1 - like_h) * prior / (1 - evidence)
    if params["ask_negative"]:
        parts.append(
            real(
                "negative_posterior",
                f"P(H|not E): the probability that the {unit} {h}, given that this {unit} {not_e}",
                negative_posterior,
                slip(
                    "complement_of_posterior",
                    "that is 1 - P(H|E) = P(not H|E); conditioning on not-E needs Bayes' "
                    "rule again: P(not E|H)·P(H)/P(not E).",
                    1 - posterior,
                ),
                slip(
                    "base_rate_neglect",
                    f"that is the likelihood P({not_e} | {h}) = 1 - P(E|H), not the posterior.",
                    1 - like_h,
                ),
                slip(
                    "joint_not_conditional",
                    "that is the joint P(not E and H) = P(not E|H)·P(H); divide by "
                    "P(not E) = 1 - P(E).",
                    (1 - like_h) * prior,
                ),
                slip(
                    "divided_by_evidence",
                    "the denominator must be P(not E) = 1 - P(E), not P(E).",
                    (1 - like_h) * prior / evidence,
                ),
            )
        )
    facts = {
        "words": words,
        "not_prior": not_prior,
        "joint_h": joint_h,
        "joint_not_h": joint_not_h,
        "evidence": evidence,
        "posterior": posterior,
        "not_evidence": 1 - evidence,
        "joint_h_not_e": (1 - like_h) * prior,
        "negative_posterior": negative_posterior,
        "symmetric": like_not_h == 1 - like_h,
        "one_in": int(prior.q) if prior.p == 1 else None,
        "times": _times(prior),
        "h_majority": prior > R(1, 2),
        "below": _below(posterior, like_h),
        "prior_pct": _percent(prior),
        "like_h_share": _share(like_h),
        "like_not_h_share": _share(like_not_h),
    }
    return Solved(parts, facts)


def _times(prior: sympy.Rational) -> int | None:
    """k of "k times as many H as not-H" (prior k/(k+1)) or of not-H as H (prior 1/(k+1))."""
    if prior.q == prior.p + 1 and prior.p >= 2:
        return int(prior.p)
    if prior.p == 1 and prior.q >= 3:
        return int(prior.q) - 1
    return None


def _below(posterior: sympy.Rational, like_h: sympy.Rational) -> str:
    """How the posterior compares with P(E|H), in words the solution can stand behind: "well
    below" only when it is under four fifths of P(E|H), "just below" within 2% of it."""
    if posterior >= like_h:
        return "above"
    if posterior < R(4, 5) * like_h:
        return "well below"
    if posterior > R(98, 100) * like_h:
        return "just below"
    return "below"


def _share(value: sympy.Rational) -> str:
    """A likelihood quoted as the book gives it: 92%, 0.25% (0.0025), 1 in 15, or exactly 7/15."""
    if (value * 10000).q == 1:
        return _percent(value) + "%"
    if value.p == 1:
        return f"1 in {value.q}"
    return format_exact(Fraction(int(value.p), int(value.q)))


def _percent(value: sympy.Rational) -> str:
    """A probability as percentage text: 1/200 -> '0.5', 0.92 -> '92'."""
    return format_exact(Fraction(int(value.p) * 100, int(value.q)))


FAMILY = Family(
    id="bayes_two_hypotheses",
    chapter="bayesian",
    title="Bayes' rule with two hypotheses",
    book_refs=("PRB-44", "PRB-45", "PRB-46", "PRB-47"),
    version=2,
    params=(
        Param("context", "scenario wording", "choice", options=tuple(sorted(CONTEXTS))),
        Param(
            "prior_phrase",
            'how the prior is quoted: a rate, "1 in k", or "k times as many H as not-H"',
            "choice",
            options=PHRASES,
        ),
        Param("prior", "prior probability P(H)", low=0, high=1, open=True),
        Param("p_e_given_h", "likelihood P(E|H), e.g. the sensitivity", low=0, high=1, open=True),
        Param(
            "p_e_given_not_h",
            "likelihood P(E|not H), e.g. the false-positive rate",
            low=0,
            high=1,
            open=True,
        ),
        Param("ask_negative", "also ask P(H|not E)", "choice", options=(True, False)),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "context": "medical",
        "prior_phrase": "one_in",
        "prior": "1/15",
        "p_e_given_h": 0.9,
        "p_e_given_not_h": 0.1,
        "ask_negative": True,
    },
)
