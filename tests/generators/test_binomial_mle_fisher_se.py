"""binomial_mle_fisher_se: the book's Ebola numbers, float re-implementation, mistakes, params."""

import math

import pytest

from generators.bayesian.binomial_mle_fisher_se import _CONSTANT, FAMILY, GAMMA
from interview_sim.answers.check import check, to_float
from interview_sim.family import ParamError

BOOK = FAMILY.book_params


@pytest.fixture(scope="module")
def book():
    return FAMILY.from_params(BOOK)


def test_book_ebola_mle_and_se(book):  # PRB-56 / mock exam: n = 10,000, y = 300
    assert to_float(book.part("mle").answer) == pytest.approx(0.03)
    assert to_float(book.part("standard_error").answer) == pytest.approx(0.001706, rel=1e-3)
    assert check(book.part("standard_error"), "0.001706").status == "correct"
    assert check(book.part("mle"), "300/10000").status == "correct"


def test_book_expressions_accept_equivalent_forms(book):
    accepted = {
        "log_likelihood": "ln(C) + 300 ln(gamma) + 9700 ln(1 - gamma)",
        "score": "(300 - 10000 gamma)/(gamma (1 - gamma))",
        "fisher_information": "10000/gamma + 10000/(1 - gamma)",
    }
    for part_id, typed in accepted.items():
        assert check(book.part(part_id), typed).status == "correct", part_id


@pytest.mark.parametrize(
    ("part_id", "typed", "tag", "credit"),
    [
        (
            "log_likelihood",
            "300 log(gamma) + 9700 log(1 - gamma)",
            "dropped_binomial_coefficient",
            0.5,
        ),
        ("score", "300/gamma + 9700/(1 - gamma)", "score_sign", 0),
        ("fisher_information", "1/(gamma (1 - gamma))", "single_trial_information", 0),
        ("fisher_information", "300/gamma^2 + 9700/(1-gamma)^2", "observed_information", 0.5),
        ("fisher_information", "-10000/(gamma (1 - gamma))", "information_sign", 0),
        ("mle", "10000/300", "inverted_mle", 0),
        ("mle", "0.97", "failure_fraction", 0),
        ("standard_error", "0.03*0.97/10000", "variance_not_se", 0),
        ("standard_error", "sqrt(0.03*0.97)/10000", "sqrt_numerator_only", 0),
        ("standard_error", "sqrt(0.03*0.97)", "single_trial_se", 0),
        ("standard_error", "586.2", "sqrt_information", 0),
    ],
)
def test_mistakes_are_recognised(book, part_id, typed, tag, credit):
    verdict = check(book.part(part_id), typed)
    assert verdict.status == "mistake", verdict
    assert verdict.tag == tag
    assert float(verdict.credit) == credit


@pytest.mark.parametrize("seed", range(25))
def test_matches_float_recomputation(seed):
    variant = FAMILY.variant(seed)
    n, y = variant.params["n"], variant.params["y"]
    assert 100 <= n <= 10**6 and 1 <= y < n
    g_hat = y / n
    assert to_float(variant.part("mle").answer) == pytest.approx(g_hat, rel=1e-12)
    fisher_at_mle = n / (g_hat * (1 - g_hat))
    assert to_float(variant.part("standard_error").answer) == pytest.approx(
        1 / math.sqrt(fisher_at_mle), rel=1e-12
    )
    gamma = 0.37
    ll = variant.part("log_likelihood").answer
    log_c = math.lgamma(n + 1) - math.lgamma(y + 1) - math.lgamma(n - y + 1)
    value = float(ll.subs({GAMMA: gamma, _CONSTANT: math.exp(min(log_c, 700))}))
    expected = min(log_c, 700) + y * math.log(gamma) + (n - y) * math.log(1 - gamma)
    assert value == pytest.approx(expected, rel=1e-9)
    score = float(variant.part("score").answer.subs(GAMMA, gamma))
    assert score == pytest.approx(y / gamma - (n - y) / (1 - gamma), rel=1e-9)
    info = float(variant.part("fisher_information").answer.subs(GAMMA, gamma))
    assert info == pytest.approx(n / (gamma * (1 - gamma)), rel=1e-12)


def test_answer_texts_stay_short_and_parseable():
    from interview_sim.answers.check import expected_text
    from interview_sim.answers.expressions import parse_expression

    variant = FAMILY.from_params({"context": "clicks", "n": 1_000_000, "y": 999_999})
    for part in variant.parts:
        text = expected_text(part)
        assert len(text) < 100
        if part.symbols:
            parse_expression(text, [name for name, _ in part.symbols])


@pytest.mark.parametrize(
    ("override", "name"),
    [
        ({"y": 10_000}, "y"),
    ],
)
def test_related_bad_params_name_the_parameter(override, name):
    with pytest.raises(ParamError) as error:
        FAMILY.from_params({**BOOK, **override})
    assert error.value.name == name
