"""fisher_information_closed_form: the book's Bernoulli and Poisson, hand-checked values, oracle."""

from fractions import Fraction

from generators.bayesian.fisher_information_closed_form import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_bernoulli_and_poisson():  # PRB-57: 1/(γ(1 − γ)) and 1/θ
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("information", "1/(gamma*(1-gamma))", "correct"),
            ("information", "1/gamma + 1/(1 - gamma)", "correct"),
            ("information", "-1/(gamma*(1-gamma))", "sign"),
            ("information", "gamma*(1-gamma)", "variance_not_information"),
            # γ0 = 0.3, m = 10 (our choice): 10/0.21 = 47.62, bound 0.021
            ("information_m", "47.62", "correct"),
            ("information_m", "4.762", "single_observation"),
            ("crlb", "0.021", "correct"),
            ("crlb", "0.1449", "standard_error"),
            ("crlb", "0.21", "single_observation"),
        ],
    )
    poisson = FAMILY.from_params({**BOOK, "dist": "poisson", "theta0": 4})
    assert_graded(poisson, [("information", "1/theta", "correct"), ("crlb", "0.4", "correct")])


def test_hand_checked_geometric_and_normal():
    # geometric: I(p) = 1/(p²(1-p)); at p = 1/2, m = 3: 3·8 = 24, bound 1/24
    geometric = FAMILY.from_params({"dist": "geometric", "sigma": 1, "theta0": 0.5, "m": 3})
    assert_graded(
        geometric,
        [
            ("information", "1/(p^2*(1-p))", "correct"),
            ("information_m", "24", "correct"),
            ("crlb", "1/24", "correct"),
        ],
    )
    # normal, σ = 3: I = 1/9 whatever μ; m = 18: information 2, bound 1/2
    normal = FAMILY.from_params({"dist": "normal", "sigma": 3, "theta0": -2, "m": 18})
    assert_graded(
        normal,
        [
            ("information", "1/9", "correct"),
            ("information_m", "2", "correct"),
            ("crlb", "0.5", "correct"),
        ],
    )


def test_matches_a_float_oracle():
    per_one = {
        "bernoulli": lambda t, s: 1 / (t * (1 - t)),
        "poisson": lambda t, s: 1 / t,
        "exponential": lambda t, s: 1 / t**2,
        "normal": lambda t, s: 1 / s**2,
        "geometric": lambda t, s: 1 / (t**2 * (1 - t)),
    }

    def oracle(params):
        t = float(Fraction(str(params["theta0"])))
        info = params["m"] * per_one[params["dist"]](t, params["sigma"])
        return {"information_m": info, "crlb": 1 / info}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("theta0", 1), ("theta0", 0), ("sigma", 2), ("m", 0)])
    assert_refused(FAMILY, {**BOOK, "dist": "poisson", "theta0": 2}, [("theta0", -1)])


def test_no_two_parts_ask_for_the_same_number():
    for seed in range(0, 400, 2):
        variant = FAMILY.variant(seed)
        assert variant.part("information_m").answer != variant.part("crlb").answer, seed
