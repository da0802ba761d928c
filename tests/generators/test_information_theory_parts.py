"""Information theory: no two parts of a variant ask for the same number (issue 14).

A candidate who is asked for the same value twice (the entropy of a uniform source and the largest
entropy for its alphabet) learns nothing from the second box and suspects a trick; over many seeds
every numeric answer of a variant must differ from every other one, in every family of the chapter.
"""

import itertools

import pytest

from interview_sim.answers.check import coincide
from interview_sim.model import AnswerKind
from interview_sim.registry import all_families
from interview_sim.seeds import rng_for

NUMERIC = {AnswerKind.REAL, AnswerKind.INTEGER, AnswerKind.FRACTION}
FAMILIES = all_families("information_theory")


@pytest.mark.parametrize("family", FAMILIES, ids=[family.id for family in FAMILIES])
def test_no_two_parts_ask_for_the_same_number(family):
    # solve() without rendering gives a seeded variant's parts cheaply. Rare coincidences (a
    # uniform pmf: 3 draws in 1,000) are pinned by explicit cases in the family's own tests.
    drawn = [family.draw(rng_for(family.id, seed)) for seed in range(100)]
    if family.book_params is not None:
        drawn.append(family.book_params)
    for seed, raw in enumerate(drawn):
        numeric = [part for part in family.solve(family.coerce(raw)).parts if part.kind in NUMERIC]
        for first, second in itertools.combinations(numeric, 2):
            # judged by a real part's rule when there is one (an integer part compares exactly)
            judge = first if first.kind == AnswerKind.REAL else second
            assert not coincide(judge, first.answer, second.answer), (
                seed,
                first.id,
                second.id,
                first.answer,
            )
