"""letter_sampling_bayes: the book's voksal/vauxhall 1/7, a hand-checked instance, an oracle."""

from fractions import Fraction

from generators.bayesian.letter_sampling_bayes import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_is_one_seventh():  # PRB-48; a published solution prints 0.272
    variant = FAMILY.from_params(BOOK)
    assert_graded(
        variant,
        [
            ("evidence", "7/30", "correct"),
            ("posterior", "1/7", "correct"),
            ("posterior", "0.143", "correct"),
            ("posterior", "3/11", "wrong_group"),  # ≈ 0.2727, printed as 0.272
            # both words have 6 distinct letters: (0.2/6)/(0.2/6 + 0.8/6) = 0.2
            ("posterior", "0.2", "letters_counted_once"),
            ("posterior", "1/6", "likelihood_not_posterior"),
            ("posterior", "0.4", "prior_ignored"),
        ],
    )
    assert "below the prior" in variant.solution


def test_hand_checked_colour_and_color():
    # by hand: P(o | colour) = 2/6, P(o | color) = 2/5; prior 0.4:
    # P(o) = 0.4/3 + 0.6·2/5 = 10/75 + 18/75 = 28/75; P(British | o) = 10/28 = 5/14
    variant = FAMILY.from_params(
        {"setting": "spelling", "prior": 0.4, "word_a": "colour", "word_b": "color", "letter": "o"}
    )
    assert_graded(variant, [("evidence", "28/75", "correct"), ("posterior", "5/14", "correct")])
    assert "below the prior" in variant.solution


def test_matches_a_float_oracle():
    def oracle(params):
        prior = float(Fraction(str(params["prior"])))
        a, b, c = params["word_a"], params["word_b"], params["letter"]
        like_a, like_b = a.count(c) / len(a), b.count(c) / len(b)
        evidence = prior * like_a + (1 - prior) * like_b
        return {"evidence": evidence, "posterior": prior * like_a / evidence}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("letter", "z"),
            ("letter", "ll"),
            ("word_a", "Voksal"),
            ("word_b", "voksal"),
            ("prior", 1),
        ],
    )


def test_the_comparison_with_the_prior_follows_the_numbers():
    for seed in range(0, 300, 3):
        variant = FAMILY.variant(seed)
        prior = Fraction(str(variant.params["prior"]))
        above = Fraction(str(variant.facts["posterior"])) > prior
        assert ("above the prior" in variant.solution) == above, seed
        assert ("below the prior" in variant.solution) == (not above), seed
