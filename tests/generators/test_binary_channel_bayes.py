"""binary_channel_bayes: the book's 21/22, a hand-checked asymmetric channel, an oracle."""

from fractions import Fraction

from generators.bayesian.binary_channel_bayes import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_21_over_22():  # PRB-49
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("received", "44/63", "correct"),
            ("received", "2/3", "missing_error_path"),
            ("received", "7/9", "prior_not_received"),
            ("posterior", "21/22", "correct"),
            ("posterior", "0.9545", "correct"),
            ("posterior", "1", "missing_error_path"),
            ("posterior", "1/22", "complement"),
            ("posterior", "6/7", "likelihood_not_posterior"),
        ],
    )


def test_hand_checked_asymmetric_bits():
    # by hand: P(0) = 0.3, 0 -> 1 w.p. 0.1, 1 -> 0 w.p. 0.2, a 0 arrives, asked: was a 1 sent?
    # P(0 received) = 0.3·0.9 + 0.7·0.2 = 0.27 + 0.14 = 0.41; P(1 sent | 0) = 0.14/0.41 = 14/41
    params = {
        "context": "bits",
        "p_x": 0.3,
        "flip_xz": 0.1,
        "flip_zx": 0.2,
        "received": "X",
        "asked": "Z",
    }
    assert_graded(
        FAMILY.from_params(params),
        [("received", "0.41", "correct"), ("posterior", "14/41", "correct")],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        px = float(Fraction(str(params["p_x"])))
        fxz, fzx = (float(Fraction(str(params[k]))) for k in ("flip_xz", "flip_zx"))
        # joint[sent][received]
        joint = {
            "X": {"X": px * (1 - fxz), "Z": px * fxz},
            "Z": {"X": (1 - px) * fzx, "Z": (1 - px) * (1 - fzx)},
        }
        r, s = params["received"], params["asked"]
        p_r = joint["X"][r] + joint["Z"][r]
        return {"received": p_r, "posterior": joint[s][r] / p_r}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY, BOOK, [("flip_xz", 0.5), ("flip_zx", 0.7), ("p_x", 0), ("received", "Y")]
    )
