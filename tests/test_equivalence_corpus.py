"""A generated corpus of expression pairs: non-equivalent ones are never ``correct``, equivalent
ones always are.

Each non-equivalent pair is a base answer plus a perturbation of a class that fooled the old
probe: a junk term vanishing on a rational grid, a difference living outside a narrow probe range
(or only near 0 or 1 for probabilities), cancellation that floating point rounds away, a tiny
offset on a large value. Bases and perturbations are crossed, so the corpus covers the classes,
not a list of examples.
"""

from __future__ import annotations

import itertools
import time

import pytest
import sympy

from interview_sim.answers import verdict as v
from interview_sim.answers.check import check
from interview_sim.answers.expressions import parse_expression, to_sympy
from interview_sim.answers.worker import default_worker
from interview_sim.model import AnswerKind, Domain, Part

# base answers per domain, written in the input syntax
BASES = {
    Domain.REAL: ["X^2 - 1", "3X/(X^2 + 1)", "exp(-X^2/2)"],
    Domain.POSITIVE: ["log(X) + X", "X*sqrt(X)", "1/(1 + X)"],
    Domain.UNIT: ["X(1 - X)", "-X*log(X)", "log(X/(1 - X))"],
}

# perturbations that change the function somewhere in its domain; ({B} is the base)
JUNK_ON_GRIDS = [
    "{B} + sin(1000*pi*X)",
    "{B} + sin(360*pi*X)/1000",
    "{B} + X*sin(100*pi*X)",
    "{B} + sin(pi*X)^2",
]
OUTSIDE_A_RANGE = {
    Domain.REAL: [
        "{B} + abs(X - 3) + X - 3",
        "{B} + abs(X + 7) - X - 7",
        "{B} + abs(X - 50) + X - 50",
    ],
    Domain.POSITIVE: ["{B} + abs(X - 5) + X - 5", "{B} + abs(X - 1/100) - X + 1/100"],
    Domain.UNIT: ["{B} + abs(X - 1/100) - X + 1/100", "{B} + abs(X - 99/100) + X - 99/100"],
}
CANCELLATION = [
    "{B} + log(1 + exp(-1000))*exp(1000)",
    "{B} + log(1 + exp(-60))*exp(60)",
    "{B} + (sqrt(10^40 + 1) - 10^20)*10^20",
    "{B} + (exp(1/10^30) - 1)*10^30",
]
TINY_OFFSETS = [
    "{B} + 10^-12",
    "{B} + 10^-40",
    "({B})*(1 + 10^-20)",
    "({B})*10^15 + 1 - 10^15*({B})+{B}-1+10^-9",
]

EQUIVALENT = {
    Domain.REAL: [
        ("(X + 1)^2", "X^2 + 2X + 1"),
        ("sigmoid(X)", "1/(1 + exp(-X))"),
        ("log(1 + exp(X))", "X + log(1 + exp(-X))"),
        ("1 - cos(X)", "2 sin(X/2)^2"),
        ("sqrt(X^2)", "abs(X)"),
        ("tanh(X)", "2 sigmoid(2X) - 1"),
        ("exp(X)*exp(-X) + X", "1 + X"),
    ],
    Domain.POSITIVE: [
        ("log(X^3)", "3 log(X)"),
        ("sqrt(X)*sqrt(X)", "X"),
        ("exp(log(X)/2)", "sqrt(X)"),
    ],
    Domain.UNIT: [
        ("log(X/(1 - X))", "log(X) - log(1 - X)"),
        ("X(1 - X)", "X - X^2"),
        ("-X log(X) - (1 - X) log(1 - X)", "-(X log(X) + (1 - X) log(1 - X))"),
    ],
}


def _part(domain: Domain, answer_text: str, statement_values: tuple = ()) -> Part:
    symbol = sympy.Symbol("X")
    answer = to_sympy(parse_expression(answer_text, ["X"]).tree, {"X": symbol})
    return Part(
        "p",
        "?",
        AnswerKind.EXPRESSION,
        answer,
        symbols=(("X", domain),),
        probe_values=statement_values,
    )


def _non_equivalent() -> list[tuple[Domain, str, str]]:
    cases = []
    for domain, bases in BASES.items():
        templates = JUNK_ON_GRIDS + OUTSIDE_A_RANGE[domain] + CANCELLATION + TINY_OFFSETS
        for base, template in itertools.product(bases, templates):
            cases.append((domain, base, template.replace("{B}", f"({base})")))
    return cases


NON_EQUIVALENT = _non_equivalent()


@pytest.fixture(scope="module", autouse=True)
def warm_worker() -> None:
    assert default_worker().request({"op": "ping"}) == {"ok": True}


def test_the_corpus_covers_every_class_and_domain() -> None:
    assert len(NON_EQUIVALENT) >= 100
    assert {domain for domain, _, _ in NON_EQUIVALENT} == set(Domain)


@pytest.mark.parametrize(("domain", "base", "typed"), NON_EQUIVALENT)
def test_a_non_equivalent_expression_is_never_correct(
    domain: Domain, base: str, typed: str
) -> None:
    start = time.monotonic()
    verdict = check(_part(domain, base), typed)
    assert time.monotonic() - start < 2.5
    assert verdict.status != v.CORRECT, (typed, verdict)


@pytest.mark.parametrize(("domain", "pair"), [(d, p) for d, ps in EQUIVALENT.items() for p in ps])
def test_an_equivalent_expression_is_correct(domain: Domain, pair: tuple[str, str]) -> None:
    answer, typed = pair
    assert check(_part(domain, answer), typed).status == v.CORRECT, pair
    assert check(_part(domain, typed), answer).status == v.CORRECT, pair


def test_the_statements_own_values_are_probed() -> None:
    # differs only above X = 500, which random points rarely reach; the statement uses X = 600
    the_part = _part(Domain.POSITIVE, "X^2", statement_values=(("X", sympy.Integer(600)),))
    for shift in range(500, 520):
        verdict = check(the_part, f"X^2 + abs(X - {shift}) + X - {shift}")
        assert verdict.status == v.INCORRECT, shift


def test_a_fractional_statement_value_is_probed() -> None:
    # a bump of width 2·10^-6 around the statement's X = 1/3, zero everywhere else
    the_part = _part(Domain.UNIT, "X", statement_values=(("X", sympy.Rational(1, 3)),))
    bump = "(1/10^6 - abs(X - 1/3) + abs(1/10^6 - abs(X - 1/3)))"
    assert check(the_part, f"X + {bump}").status == v.INCORRECT


@pytest.mark.parametrize(
    "typed",
    [
        "2/3 + log(1+exp(-1000))*exp(1000)",  # 5/3, not 2/3
        "2/3 + (sqrt(10^40 + 1) - 10^20)*10^20",  # 2/3 + 1/2
        "2/3 + sin(10^20*pi)",  # 2/3 exactly: sympy knows sin(k*pi) = 0
    ],
)
def test_numbers_typed_as_expressions_are_never_wrongly_correct(typed: str) -> None:
    real = Part("p", "?", AnswerKind.REAL, sympy.Rational(2, 3))
    verdict = check(real, typed)
    if "sin" in typed:
        assert verdict.status == v.CORRECT
    else:
        assert verdict.status != v.CORRECT, verdict
