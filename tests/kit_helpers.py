"""Test helpers for family tests: slips recognised, bad parameters refused, an independent oracle.

A family test states data (typed answers and the tag each must get; bad values and the parameter
each must be blamed on; a float re-implementation) and these helpers do the checking, so the same
loop is not rewritten in every test file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any

import pytest

from interview_sim.answers.check import check, to_float
from interview_sim.family import Family, Param, ParamError
from interview_sim.model import Variant


def assert_graded(variant: Variant, cases: Iterable[tuple]) -> None:
    """Each (part id, typed text, expected[, credit]) grades as expected: "correct", "incorrect",
    or the tag of a catalogued mistake; a fourth entry is the credit that answer must earn."""
    for part_id, typed, expected, *credit in cases:
        verdict = check(variant.part(part_id), typed)
        got = verdict.tag if verdict.status == "mistake" else verdict.status
        assert got == expected, (part_id, typed, verdict)
        if credit:
            assert verdict.credit == Fraction(credit[0]), (part_id, typed, verdict)


def assert_refused(family: Family, good: Mapping[str, Any], bad: Iterable[tuple[str, Any]]) -> None:
    """Replacing one parameter of ``good`` by a bad value, for each (name, value) of ``bad``,
    raises a ParamError that names that parameter (``good`` itself must be accepted, or every
    refusal would prove nothing)."""
    family.from_params(good)
    for name, value in bad:
        with pytest.raises(ParamError) as error:
            family.from_params({**good, name: value})
        assert error.value.name == name, (name, value, str(error.value))


def assert_oracle(
    family: Family,
    oracle: Callable[[dict], Mapping[str, float]],
    seeds: Iterable[int] = range(40),
    rel: float = 1e-9,
) -> None:
    """An independent float implementation agrees with every part it computes, over seeds (a
    list of floats stands for a vector or interval part, compared entry by entry)."""
    for seed in seeds:
        variant = family.variant(seed)
        for part_id, expected in oracle(variant.params).items():
            answer = variant.part(part_id).answer
            got = [to_float(x) for x in answer] if isinstance(expected, list) else to_float(answer)
            assert got == pytest.approx(expected, rel=rel, abs=1e-12), (seed, part_id)


def out_of_range(param: Param) -> list[Any]:
    """Values a parameter's published range refuses: below, above, the wrong type."""
    if param.kind == "choice":
        return ["no such option", ["a list"]]
    if param.kind == "data":
        return []
    if param.kind in ("numbers", "integers", "matrix"):
        bad: list[Any] = ["not a list", [None] * param.length[0] or [None]]
        if param.length[1] < 64:
            bad.append([0] * (param.length[1] + 1))
        return bad
    bad = ["not a number", True]
    if param.kind == "integer":
        bad.append("1.5")
    if param.low is not None:
        bad.append(Fraction(str(param.low)) - (0 if param.open else 1))
    if param.high is not None:
        bad.append(Fraction(str(param.high)) + (0 if param.open else 1))
    return bad
