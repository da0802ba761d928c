"""Bayes' rule where the likelihood is a letter count: which group wrote this word?

Varies PRB-48 (a speech-to-text system writes the same word one way for one group of speakers and
another way for the rest; one letter drawn at random from the transcript is "l": who spoke?). With
the book's numbers (20% agents write "voksal", the others "vauxhall") P(l | agent) = 1/6,
P(l | other) = 2/8 and P(agent | l) = (0.2/6)/(0.2/6 + 0.8/4) = 1/7. A published solution gets
0.272 by giving each group the other's word; that slip is catalogued, and so are counting a
repeated letter once ("vauxhall" has two l's), leaving the prior out, and reporting the
likelihood as the posterior.

The words are parameters (any two lower-case words), so the book's instance is reproduced as
given; the draw picks one of our word pairs and a letter whose count differs between the words.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import prompt, real, slip

R = sympy.Rational
SETTINGS = ("accent", "spelling")
# (setting, group A's word, group B's word)
PAIRS = (
    ("accent", "voksal", "vauxhall"),
    ("accent", "tomahto", "tomato"),
    ("accent", "skedule", "schedule"),
    ("accent", "vitamin", "vaitamin"),
    ("spelling", "colour", "color"),
    ("spelling", "programme", "program"),
    ("spelling", "catalogue", "catalog"),
    ("spelling", "aluminium", "aluminum"),
    ("spelling", "travelled", "traveled"),
    ("spelling", "cheque", "check"),
    ("spelling", "analyse", "analyze"),
    ("spelling", "labelling", "labeling"),
)
_PRIORS = [R(k, 100) for k in (5, 10, 15, 20, 25, 30, 35, 40, 60, 70, 75, 80)]


def _telling_letters(word_a: str, word_b: str) -> list[str]:
    """Letters whose share differs between the words (any other letter leaves the prior as is)."""
    return sorted(
        {
            c
            for c in word_a + word_b
            if word_a.count(c) * len(word_b) != word_b.count(c) * len(word_a)
        }
    )


def draw(rng: Random) -> dict:
    setting, word_a, word_b = rng.choice(PAIRS)
    letters = _telling_letters(word_a, word_b)
    return {
        "setting": setting,
        "prior": rng.choice(_PRIORS),
        "word_a": word_a,
        "word_b": word_b,
        "letter": rng.choice(letters),
    }


def check(params: dict) -> None:
    for name in ("word_a", "word_b"):
        word = params[name]
        if not (isinstance(word, str) and word.isascii() and word.isalpha() and word.islower()):
            raise ParamError(name, f"must be a word of lower-case letters a-z, got {word!r}")
        if not 2 <= len(word) <= 16:
            raise ParamError(name, f"must have 2 to 16 letters, got {len(word)}")
    letter = params["letter"]
    if not (isinstance(letter, str) and len(letter) == 1 and letter.isalpha()):
        raise ParamError("letter", f"must be a single letter, got {letter!r}")
    if letter not in params["word_a"] + params["word_b"]:
        raise ParamError(
            "letter", f"{letter!r} occurs in neither word, so it could not have been drawn"
        )
    if params["word_a"] == params["word_b"]:
        raise ParamError("word_b", "must differ from word_a, or the letter tells nothing")


def _likelihood(letter: str, word: str, distinct: bool = False) -> sympy.Rational:
    """P(letter | word): its share of the word's letters (or, the slip, of its distinct letters)."""
    if distinct:
        return R(int(letter in word), len(set(word)))
    return R(word.count(letter), len(word))


def _posterior(prior, like_a, like_b):
    return prior * like_a / (prior * like_a + (1 - prior) * like_b)


def solve(params: dict) -> Solved:
    prior, letter = params["prior"], params["letter"]
    word_a, word_b = params["word_a"], params["word_b"]
    like_a, like_b = _likelihood(letter, word_a), _likelihood(letter, word_b)
    evidence = prior * like_a + (1 - prior) * like_b
    posterior = prior * like_a / evidence
    distinct_a = _likelihood(letter, word_a, distinct=True)
    distinct_b = _likelihood(letter, word_b, distinct=True)
    groups = _groups(params["setting"])
    parts = [
        real(
            "evidence",
            prompt('P(the drawn letter is "{{ l }}")', l=letter),
            evidence,
            slip(
                "wrong_group",
                "each group was given the other group's word.",
                prior * like_b + (1 - prior) * like_a,
            ),
            slip(
                "prior_ignored",
                "that averages the two likelihoods as if both groups were equally common.",
                (like_a + like_b) / 2,
            ),
        ),
        real(
            "posterior",
            prompt(
                'P(the word came from {{ g }} | the letter is "{{ l }}")', g=groups["a"], l=letter
            ),
            posterior,
            slip(
                "wrong_group",
                "each group was given the other group's word (a published answer made this slip).",
                _posterior(prior, like_b, like_a),
            ),
            slip(
                "letters_counted_once",
                "a repeated letter counts as often as it occurs: P(letter | word) is its count "
                "divided by the word's length.",
                _posterior(prior, distinct_a, distinct_b),
            )
            if (distinct_a, distinct_b) != (like_a, like_b) and (distinct_a or distinct_b)
            else None,
            slip(
                "prior_ignored",
                "the prior share of the group is missing from Bayes' rule.",
                like_a / (like_a + like_b),
            ),
            slip(
                "likelihood_not_posterior",
                "that is P(letter | group), the likelihood; Bayes' rule turns it around.",
                like_a,
            ),
        ),
    ]
    facts = {
        "groups": groups,
        "not_prior": 1 - prior,
        "count_a": word_a.count(letter),
        "count_b": word_b.count(letter),
        "len_a": len(word_a),
        "len_b": len(word_b),
        "like_a": like_a,
        "like_b": like_b,
        "joint_a": prior * like_a,
        "joint_b": (1 - prior) * like_b,
        "evidence": evidence,
        "posterior": posterior,
        "prior_pct": int(prior * 100) if (prior * 100).q == 1 else None,
        "more_likely": posterior > prior,
    }
    return Solved(parts, facts)


def _groups(setting: str) -> dict[str, str]:
    if setting == "accent":
        return {"a": "an agent", "b": "another speaker", "a_plural": "agents", "b_plural": "others"}
    return {
        "a": "a British writer",
        "b": "an American writer",
        "a_plural": "British writers",
        "b_plural": "American writers",
    }


FAMILY = Family(
    id="letter_sampling_bayes",
    chapter="bayesian",
    title="Bayes' rule from a randomly drawn letter",
    book_refs=("PRB-48",),
    params=(
        Param("setting", "scenario wording", "choice", options=SETTINGS),
        Param("prior", "share of group A (agents / British writers)", low=0, high=1, open=True),
        Param("word_a", "the word as group A produces it (lower-case letters)", "data"),
        Param("word_b", "the word as group B produces it (lower-case letters)", "data"),
        Param("letter", "the letter drawn at random from the transcript", "data"),
    ),
    draw=draw,
    solve=solve,
    check=check,
    space=len(_PRIORS) * sum(len(_telling_letters(a, b)) for _, a, b in PAIRS),
    book_params={
        "setting": "accent",
        "prior": 0.2,
        "word_a": "voksal",
        "word_b": "vauxhall",
        "letter": "l",
    },
)
