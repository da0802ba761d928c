"""kit.slips_stats: each statistics slip keeps its tag, its credit and its wording in one place."""

import subprocess
import sys
from fractions import Fraction

import pytest
from sympy import Rational

from interview_sim.kit import slips_stats
from interview_sim.kit.slips import CREDIT, tabled


def test_tabled_keeps_the_order_fills_the_words_and_skips_absent_slips():
    why = {"a_slip": "first {x}.", "b_slip": "second {y}.", "sign": "flipped."}
    found = tabled(why, {"x": "one"}, sign=-1, a_slip=2, b_slip=None)
    assert [(m.tag, m.explanation, m.value, m.credit) for m in found] == [
        ("sign", "flipped.", -1, CREDIT["sign"]),
        ("a_slip", "first one.", 2, 0),
    ]  # b_slip is absent: its missing word {y} is never needed


def test_tabled_refuses_a_missing_word_or_a_tag_without_an_explanation():
    with pytest.raises(KeyError):
        tabled({"a_slip": "first {x}."}, a_slip=1)
    with pytest.raises(KeyError):
        tabled({}, typo=1)


def test_standard_slips_carry_their_tag_credit_and_the_family_words():
    cases = [
        (slips_stats.variance_for_se(1, "1/I", "1/√I"), "variance_not_se", 0, "1/√I."),
        (slips_stats.inverted(2, "the odds against"), "inverted", 0, "the odds against."),
        (slips_stats.sign(3), "sign", 0, "moving the terms across."),
        (slips_stats.scale_mixup("logit", "odds", 4), "logit_not_odds", 0, "the odds are e^z."),
        (
            slips_stats.dropped_binomial_coefficient(5, "ln L"),
            "dropped_binomial_coefficient",
            Fraction(1, 2),
            "ln L itself is ln C(n, y)",
        ),
        (
            slips_stats.observed_information(6, "it is n/γ"),
            "observed_information",
            Fraction(1, 2),
            "over Y: it is n/γ.",
        ),
        (
            slips_stats.one_sided_z((7, 8), Rational("1.645"), Rational("1.960"), 95),
            "one_sided_z",
            0,
            "one-sided z = 1.645; a two-sided 95% interval needs z = 1.96.",
        ),
        (slips_stats.no_z((9, 10), Rational("2.576")), "no_z", 0, "with z = 2.576."),
        (slips_stats.sigma_minus_z(11), "sigma_minus_z", 0, "the probability of y = 0."),
        (
            slips_stats.rounded_coefficients(12),
            "rounded_coefficients",
            CREDIT["rounded_coefficients"],
            "rounded to two decimals",
        ),
    ]
    for mistake, tag, credit, words in cases:
        assert (mistake.tag, mistake.credit) == (tag, credit)
        assert words in mistake.explanation, (tag, mistake.explanation)


def test_odds_ratio_interval_slips_build_the_interval_they_name():
    exponentiated_se = slips_stats.exponentiated_se(3, Rational(1, 2))
    margin = slips_stats.margin_not_exponentiated(3, Rational(1, 4), "e^β")
    assert exponentiated_se.value == (Rational(5, 2), Rational(7, 2))
    assert margin.value == (Rational(11, 4), Rational(13, 4))
    assert "around e^β;" in margin.explanation
    assert slips_stats.exponentiated((1, 2)).tag == "exponentiated"
    log_scale = slips_stats.not_exponentiated((0, 1), "the log odds ratio β·Δx")
    assert log_scale.explanation.startswith("that is the interval for the log odds ratio β·Δx;")


def test_carried_slips_keep_tag_explanation_and_credit_under_a_later_step():
    why = {"no_intercept": "β0 = {b0} left out.", "coefficient_sign": "a minus lost."}
    in_z = tabled(why, {"b0": "-2"}, no_intercept=3, coefficient_sign=None)
    in_odds = slips_stats.carried(lambda v: 10 * v, in_z)
    assert len(in_odds) == 1  # the absent slip stays absent
    assert (in_odds[0].tag, in_odds[0].explanation, in_odds[0].value) == (
        "no_intercept",
        "β0 = -2 left out.",
        30,
    )
    assert in_odds[0].credit == in_z[0].credit


@pytest.mark.parametrize("first", ["interview_sim.render", "interview_sim.kit.slips_stats"])
def test_each_side_imports_first_without_a_cycle(first):  # render loads the kit and vice versa
    command = [sys.executable, "-c", f"import {first}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
