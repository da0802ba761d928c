"""Fair grading over every registered family and many seeds.

For every numeric part: the truth rounded to 3, 4 and 6 significant figures grades correct (as
many figures as the part's rule asks, when it asks for more); every decimal the worked solution
prints as the part's result (``facts["printed"]``) grades correct; a one-figure guess more than
10% off does not; and every catalogued mistake grades as a mistake or wrong, never correct.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_sim.answers import verdict as v
from interview_sim.answers.check import check, to_float, value_text
from interview_sim.model import AnswerKind, Part
from interview_sim.registry import all_families
from interview_sim.seeds import SEED_BITS

FAMILIES = all_families()
IDS = [family.id for family in FAMILIES]
SEEDS = st.integers(min_value=0, max_value=2**SEED_BITS - 1)
NUMERIC = (AnswerKind.REAL, AnswerKind.VECTOR, AnswerKind.INTERVAL, AnswerKind.MATRIX)


def entries(part: Part) -> list[Any]:
    if part.kind == AnswerKind.REAL:
        return [part.answer]
    if part.kind == AnswerKind.MATRIX:
        return [x for row in part.answer for x in row]
    return list(part.answer)


def typed(part: Part, values: list[str]) -> str:
    """Entry texts laid out as the part's kind expects."""
    if part.kind == AnswerKind.REAL:
        return values[0]
    if part.kind == AnswerKind.MATRIX:
        width = len(part.answer[0])
        rows = [values[i : i + width] for i in range(0, len(values), width)]
        return "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]"
    return "[" + ", ".join(values) + "]"


def figures_needed(part: Part) -> int:
    tolerance = part.tolerance
    return tolerance.digits if tolerance.mode == "sigfig" else 6


def rounded(value: float, figures: int) -> str:
    return f"{value:.{figures - 1}e}"


def bad_guesses(value: float) -> list[str]:
    """One-significant-figure numbers more than 10% away from the value."""
    if value == 0:
        return []
    scale = 10.0 ** math.floor(math.log10(abs(value)))
    sign = -1 if value < 0 else 1
    guesses = [sign * d * scale for d in range(1, 10)] + [sign * scale * 10]
    return [f"{g:.0e}" for g in guesses if abs(g - value) > 0.1 * abs(value)]


def assert_fairly_graded(variant) -> None:
    printed = variant.facts.get("printed", {})
    for part in variant.parts:
        for decimal in printed.get(part.id, []):
            assert check(part, decimal).status == v.CORRECT, (part.id, decimal)
        for mistake in part.mistakes:
            verdict = check(part, value_text(part, mistake.value))
            assert verdict.status in (v.MISTAKE, v.INCORRECT), (part.id, mistake.tag, verdict)
        if part.kind not in NUMERIC:
            continue
        exact = [to_float(x) for x in entries(part)]
        for figures in (3, 4, 6):
            figures = max(figures, figures_needed(part))
            text = typed(part, [rounded(x, figures) for x in exact])
            assert check(part, text).status == v.CORRECT, (part.id, text)
        precise = [rounded(x, 8) for x in exact]
        for index, value in enumerate(exact):
            for guess in bad_guesses(value):
                text = typed(part, precise[:index] + [guess] + precise[index + 1 :])
                assert check(part, text).status != v.CORRECT, (part.id, text)


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_book_instance_is_graded_fairly(family) -> None:
    assert_fairly_graded(family.from_params(family.book_params))


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_seeded_variants_are_graded_fairly(family) -> None:
    @settings(max_examples=12)
    @given(seed=SEEDS)
    def run(seed: int) -> None:
        assert_fairly_graded(family.variant(seed))

    run()
