"""binomial_mle_fisher_se: the book's Ebola numbers, float re-implementation, mistakes, params."""

import math

import pytest

from generators.bayesian.binomial_mle_fisher_se import _CONSTANT, FAMILY, GAMMA
from interview_sim.answers.check import expected_text
from interview_sim.answers.expressions import parse_expression
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_ebola_numbers_forms_and_mistakes():  # PRB-56 / mock exam: n = 10,000, y = 300
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("mle", "0.03", "correct"),
            ("mle", "300/10000", "correct"),
            ("standard_error", "0.001706", "correct"),
            ("log_likelihood", "ln(C) + 300 ln(gamma) + 9700 ln(1 - gamma)", "correct"),
            ("score", "(300 - 10000 gamma)/(gamma (1 - gamma))", "correct"),
            ("fisher_information", "10000/gamma + 10000/(1 - gamma)", "correct"),
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


def test_matches_float_recomputation():
    def oracle(params):
        n, y = params["n"], params["y"]
        assert 100 <= n <= 10**6 and 1 <= y < n
        return {"mle": y / n, "standard_error": math.sqrt(y / n * (1 - y / n) / n)}

    assert_oracle(FAMILY, oracle, seeds=range(25), rel=1e-12)


@pytest.mark.parametrize("seed", range(40))
def test_expressions_match_float_recomputation(seed):
    variant, gamma = FAMILY.variant(seed), 0.37
    n, y = variant.params["n"], variant.params["y"]
    log_c = min(math.lgamma(n + 1) - math.lgamma(y + 1) - math.lgamma(n - y + 1), 700)
    at = {GAMMA: gamma, _CONSTANT: math.exp(log_c)}
    expected = {
        "log_likelihood": log_c + y * math.log(gamma) + (n - y) * math.log(1 - gamma),
        "score": y / gamma - (n - y) / (1 - gamma),
        "fisher_information": n / (gamma * (1 - gamma)),
    }
    for part_id, value in expected.items():
        assert float(variant.part(part_id).answer.subs(at)) == pytest.approx(value, rel=1e-9)


def test_answer_texts_stay_short_and_parseable():
    variant = FAMILY.from_params({"context": "clicks", "n": 1_000_000, "y": 999_999})
    for part in variant.parts:
        text = expected_text(part)
        assert len(text) < 100
        if part.symbols:
            parse_expression(text, [name for name, _ in part.symbols])


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("y", 10_000), ("y", 0), ("n", 99), ("context", "x")])
