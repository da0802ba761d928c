"""How answers are judged: 3 significant figures, "close", check order, alternatives, hints,
non-real values, one budget per answer, the length cap, and a worker that is warm when ready."""

from __future__ import annotations

import math
import time
from fractions import Fraction
from typing import Any

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from interview_sim.answers import verdict as v
from interview_sim.answers.check import (
    MAX_ANSWER_LENGTH,
    check,
    coincide,
    input_hint,
    preview,
    read,
    readable,
    significant_figures,
)
from interview_sim.answers.errors import AnswerFormatError
from interview_sim.answers.worker import SymbolicWorker, default_worker, handle
from interview_sim.model import AnswerKind, Domain, Mistake, Part, Tolerance

K = AnswerKind


def part(kind: AnswerKind, answer: Any, **fields: Any) -> Part:
    return Part(id="p", prompt="?", kind=kind, answer=answer, **fields)


@pytest.fixture(scope="module", autouse=True)
def warm_worker() -> None:
    assert default_worker().request({"op": "ping"}) == {"ok": True}


# -- 3 significant figures ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("truth", "typed"),
    [
        (Fraction(34927, 10**6), "0.0349"),  # the information gain
        (Fraction(99951, 10**5), "1.00"),  # rounding carries into a new decade
        (Fraction(99951, 10**5), "1"),
        (Fraction(99951, 10**7), "0.0100"),
        (Fraction(345, 10**4), "0.0345"),  # the truth is itself a 3-figure decimal
        (Fraction(1, 8), "0.125"),
        (Fraction(1, 8), "0.1250"),
        (Fraction(1, 8), "0.125000"),
        (Fraction(-2715, 1000), "-2.72"),
        (Fraction(7193210000), "7.19e9"),
        (Fraction(7193210000), "7190000000"),
    ],
)
def test_the_truth_rounded_to_3_figures_is_correct(truth: Fraction, typed: str) -> None:
    assert check(part(K.REAL, sympy.Rational(truth)), typed).status == v.CORRECT


@given(
    numerator=st.integers(min_value=1, max_value=10**12),
    exponent=st.integers(min_value=-12, max_value=12),
    negative=st.booleans(),
    figures=st.sampled_from([3, 4, 6]),
)
def test_any_truth_rounded_to_3_4_6_figures_is_correct(
    numerator: int, exponent: int, negative: bool, figures: int
) -> None:
    truth = sympy.Rational(numerator, 7919) * sympy.Rational(10) ** exponent
    value = float(-truth if negative else truth)
    typed = f"{value:.{figures - 1}e}"
    the_part = part(K.REAL, -truth if negative else truth)
    assert check(the_part, typed).status == v.CORRECT, typed


@given(
    numerator=st.integers(min_value=1, max_value=10**9),
    exponent=st.integers(min_value=-9, max_value=9),
    digit=st.integers(min_value=1, max_value=9),
)
def test_a_one_figure_guess_more_than_10_percent_off_is_never_correct(
    numerator: int, exponent: int, digit: int
) -> None:
    truth = sympy.Rational(numerator, 104729) * sympy.Rational(10) ** exponent
    value = float(truth)
    guess = digit * 10.0 ** math.floor(math.log10(value))
    for candidate in (guess, guess * 10):
        if abs(candidate - value) > 0.1 * value:
            for slack in (Fraction(0), Fraction(1, 10**4)):
                the_part = part(K.REAL, truth, tolerance=Tolerance(slack=slack))
                assert check(the_part, f"{candidate:.0e}").status != v.CORRECT


def test_a_fourth_figure_off_by_more_than_half_a_unit_is_wrong() -> None:
    real = part(K.REAL, sympy.Rational(34927, 10**6))
    assert check(real, "0.0351").status == v.INCORRECT  # 3 figures, and wrong
    assert check(real, "0.03498").status == v.INCORRECT


def test_slack_widens_the_window_for_step_by_step_results() -> None:
    # a difference of two entropies each rounded to 4 decimals: 0.9710 - 0.9361 = 0.0349
    truth = sympy.Rational(34927, 10**6) + sympy.Rational(7, 10**5)
    plain, slack = (
        part(K.REAL, truth),
        part(K.REAL, truth, tolerance=Tolerance(slack=Fraction(1, 10**4))),
    )
    assert check(plain, "0.0349").status != v.CORRECT
    assert check(slack, "0.0349").status == v.CORRECT
    assert check(slack, "0.0352").status != v.CORRECT


def test_the_rule_is_in_words_with_an_example_that_is_not_the_answer() -> None:
    rule = Tolerance().describe()
    assert rule == "correct to 3 significant figures (e.g. 0.0123 or 45.7)"
    real = part(K.REAL, sympy.Rational(123, 10**4))  # the example's own number
    assert "accepted correct to 3 significant figures" in input_hint(real)
    assert (
        Tolerance(digits=4).describe().startswith("correct to 4 significant figures (e.g. 0.01235")
    )


def test_exact_kinds_stay_exact() -> None:
    assert check(part(K.INTEGER, sympy.Integer(370698)), "370700").status == v.INCORRECT
    assert check(part(K.FRACTION, sympy.Rational(1, 3)), "0.333").status == v.INCORRECT
    assert check(part(K.SHAPE, (1, 32, 55, 55)), "(1, 32, 55, 54)").status == v.INCORRECT


@pytest.mark.parametrize(
    ("typed", "figures"),
    [("0.0350", 3), ("350", 2), ("3.5e-2", 2), ("0.035", 2), ("1234.0", 5), ("7%", 1)],
)
def test_significant_figures_as_typed(typed: str, figures: int) -> None:
    assert significant_figures(typed) == figures


# -- close -------------------------------------------------------------------------------------
def test_close_with_too_few_figures_costs_no_attempt() -> None:
    real = part(K.REAL, sympy.Rational(34927, 10**6))
    close = check(real, "0.035")
    assert close.status == v.INVALID and not close.counts_as_attempt
    assert "Close" in close.message and "3 significant figures" in close.message
    assert check(real, "0.04").status == v.INCORRECT  # 15% off: not close
    assert check(real, "0.0345").status == v.INCORRECT  # 3 figures given: simply wrong
    assert check(real, "ln(1.036)").status == v.INCORRECT  # an exact form is never "close"
    assert check(part(K.REAL, sympy.Rational(9, 4)), "ln(9)").status == v.INCORRECT


def test_a_catalogued_mistake_wins_over_close() -> None:
    real = part(
        K.REAL, sympy.Rational(34927, 10**6), mistakes=(Mistake("m", "a slip", Fraction(36, 1000)),)
    )
    assert check(real, "0.036").status == v.MISTAKE


def test_a_vector_entry_rounded_too_early_is_close() -> None:
    vector = part(K.VECTOR, (sympy.Rational(7633, 10**4), sympy.Rational(2187, 10**4)))
    assert check(vector, "[0.7633, 0.2187]").status == v.CORRECT
    assert check(vector, "[0.763, 0.22]").status == v.INVALID
    assert check(vector, "[0.763, 0.3]").status == v.INCORRECT


# -- order, alternatives, hints ----------------------------------------------------------------
def test_a_value_matching_the_truth_and_a_mistake_is_correct() -> None:
    truth = sympy.Rational(34927, 10**6)
    real = part(
        K.REAL, truth, mistakes=(Mistake("near", "a slip", truth + sympy.Rational(1, 10**5)),)
    )
    assert check(real, "0.0349").status == v.CORRECT
    x = sympy.Symbol("x")
    expression = part(
        K.EXPRESSION, x + 1, symbols=(("x", Domain.REAL),), mistakes=(Mistake("same", "?", 1 + x),)
    )
    assert check(expression, "x + 1").status == v.CORRECT


def test_alternatives_grade_like_the_answer() -> None:
    odds = part(
        K.REAL,
        sympy.Rational(5, 2),
        alternatives=(sympy.Rational(2, 5),),
        mistakes=(Mistake("log", "log odds", sympy.log(sympy.Rational(5, 2))),),
    )
    assert check(odds, "2.5").status == v.CORRECT
    assert check(odds, "0.4").status == v.CORRECT
    assert check(odds, "0.916").status == v.MISTAKE
    x = sympy.Symbol("x")
    expression = part(K.EXPRESSION, x / 2, alternatives=(2 / x,), symbols=(("x", Domain.POSITIVE),))
    assert check(expression, "x/2").status == v.CORRECT
    assert check(expression, "2x^-1").status == v.CORRECT
    assert check(expression, "x").status == v.INCORRECT


def test_a_part_hint_overrides_the_generic_example() -> None:
    hinted = part(K.REAL, sympy.Integer(2), hint="the odds ratio, e.g. 1.5")
    assert input_hint(hinted).startswith("the odds ratio, e.g. 1.5")


def test_the_generic_shape_hint_uses_the_answers_rank() -> None:
    flat = input_hint(part(K.SHAPE, (64, 10)))
    assert "(32, 10)" in flat and "55, 55" not in flat
    assert "(1, 32, 55, 55)" in input_hint(part(K.SHAPE, (1, 3, 224, 224)))


def test_coincide_uses_the_new_tolerance() -> None:
    real = part(K.REAL, sympy.Rational(34927, 10**6))
    assert coincide(real, real.answer, sympy.Rational(3493, 10**5))
    assert not coincide(real, real.answer, sympy.Rational(3510, 10**5))
    x = sympy.Symbol("x")
    expression = part(K.EXPRESSION, x**2, symbols=(("x", Domain.REAL),))
    assert coincide(expression, x**2, (x + 1) ** 2 - 2 * x - 1)
    assert not coincide(expression, x**2, x**2 + sympy.sin(1000 * sympy.pi * x))


# -- values that are not real -----------------------------------------------------------------
@pytest.mark.parametrize("typed", ["sqrt(-2)", "log(0)", "log(-1)", "1/0"])
def test_a_constant_without_a_real_value_is_invalid_with_the_reason(typed: str) -> None:
    verdict = check(part(K.REAL, sympy.Rational(1, 4)), typed)
    assert verdict.status == v.INVALID, verdict
    assert "time" not in verdict.message


def test_an_expression_not_real_on_the_domain_is_invalid_with_the_reason() -> None:
    x = sympy.Symbol("x")
    real_x = part(K.EXPRESSION, sympy.log(x**2) / 2, symbols=(("x", Domain.REAL),))
    verdict = check(real_x, "log(x)")
    assert verdict.status == v.INVALID
    assert "no real value" in verdict.message and "x is any real number" in verdict.message
    positive = part(K.EXPRESSION, sympy.log(x**2) / 2, symbols=(("x", Domain.POSITIVE),))
    assert check(positive, "log(x)").status == v.CORRECT


# -- cost: one budget per answer, a length cap on every path ----------------------------------
class SlowWorker(SymbolicWorker):
    """Every request would take 0.5 s; it honours the time it is given, as the real one does."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def request(self, payload: dict[str, Any], timeout: float | None = None) -> dict | None:
        self.calls += 1
        if timeout is not None and timeout < 0.5:
            time.sleep(max(timeout, 0))
            return None
        time.sleep(0.5)
        return {"ok": True, "value": "0.25"}


def test_twelve_slow_entries_share_one_budget() -> None:
    vector = part(K.VECTOR, tuple(sympy.Rational(1, 4) for _ in range(12)))
    text = "[" + ", ".join(["exp(log(1/4))"] * 12) + "]"
    worker = SlowWorker()
    start = time.monotonic()
    verdict = check(vector, text, worker=worker)
    elapsed = time.monotonic() - start
    assert verdict.status == v.UNVERIFIED and not verdict.counts_as_attempt
    assert elapsed < 2.3, elapsed  # 12 × 0.5 s would be 6 s
    assert worker.calls <= 5


def test_twelve_hostile_entries_with_the_real_worker_stay_within_the_budget() -> None:
    vector = part(K.VECTOR, tuple(sympy.Rational(1, 4) for _ in range(12)))
    text = "[" + ", ".join(["sin(exp(exp(exp(3))))"] * 12) + "]"
    start = time.monotonic()
    verdict = check(vector, text)
    assert time.monotonic() - start < 2.5
    assert verdict.status == v.UNVERIFIED


@pytest.mark.parametrize("kind", [K.REAL, K.VECTOR, K.EXPRESSION, K.SHAPE, K.MATRIX])
def test_the_length_cap_applies_to_check_read_and_preview(kind: AnswerKind) -> None:
    answer = {K.VECTOR: (1, 2), K.SHAPE: (1, 2), K.MATRIX: ((1, 2), (3, 4))}.get(kind, 1)
    the_part = part(kind, answer, symbols=(("x", Domain.REAL),))
    text = "1" + " " * 60_000
    start = time.monotonic()
    verdict = check(the_part, text)
    assert verdict.status == v.INVALID and "60,001 characters" in verdict.message
    with pytest.raises(AnswerFormatError, match="at most"):
        read(the_part, text)
    assert readable(the_part, text)[0] is False
    assert "at most" in preview(the_part, text)
    assert time.monotonic() - start < 0.05 * 3
    at_the_cap = check(the_part, "1" + " " * (MAX_ANSWER_LENGTH - 1))
    assert "characters long" not in at_the_cap.message


# -- the worker is warm when it says ready ------------------------------------------------------
def test_the_warmup_is_a_real_equivalence_check() -> None:
    from interview_sim.answers.worker import _WARMUP

    reply = handle(_WARMUP)
    assert reply["ok"] and reply["match"] == 1 and reply["layer"] in ("numeric", "structural")


def test_start_in_background_returns_at_once_and_warms_the_worker() -> None:
    from interview_sim.answers.worker import start_in_background

    worker = SymbolicWorker()
    try:
        start = time.monotonic()
        start_in_background(worker)
        assert time.monotonic() - start < 0.5
        assert worker.request({"op": "ping"}) == {"ok": True}
    finally:
        worker.stop()
