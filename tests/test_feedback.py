"""Tutor-worded feedback: one sentence per verdict, credit only when earned, per-entry hints."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from interview_sim.answers.feedback import (
    close_3sf,
    credit_text,
    entry_feedback,
    numbers_in,
    shape_feedback,
    tutor_message,
    vector_feedback,
)

MISTAKE = {
    "verdict": "mistake",
    "message": "Not quite: the log base is wrong (partial credit 0%)",
    "tag": "no_bias",
    "explanation": "you used the natural log where the question asks for bits.",
    "credit": 0.0,
}


def test_a_mistake_is_explained_once_without_its_tag_or_zero_credit():
    text = tutor_message(MISTAKE)
    assert text == "A common slip: you used the natural log where the question asks for bits."
    assert "no_bias" not in text and "0%" not in text and "credit" not in text


def test_credit_is_named_only_when_earned():
    assert tutor_message(MISTAKE | {"credit": 0.5}).endswith("— half credit.")
    assert credit_text(0.7) == "70% of the credit"
    assert credit_text(0) == ""


def test_other_verdicts_keep_their_message():
    assert tutor_message({"verdict": "incorrect", "message": "Not correct."}) == "Not correct."


def test_forgotten_padding_names_the_spatial_dimensions_and_the_slip():
    text = shape_feedback((1, 32, 55, 55), (1, 32, 53, 53))
    assert text.startswith("The batch size and the channels are right")
    assert "the height and the width are not" in text
    assert "padding of 1 on each side" in text


def test_off_by_one_and_swapped_and_missing_batch():
    assert "+ 1 of" in shape_feedback((1, 8, 14, 14), (1, 8, 13, 13))
    assert "wrong order" in shape_feedback((1, 8, 14, 14), (1, 14, 14, 8))
    assert "batch dimension is missing" in shape_feedback((1, 8, 14, 14), (8, 14, 14))


@given(
    st.lists(st.integers(1, 512), min_size=1, max_size=5),
    st.data(),
)
def test_shape_feedback_names_exactly_the_wrong_dimensions(expected, data):
    given_shape = [data.draw(st.sampled_from([x, x + 3])) for x in expected]
    text = shape_feedback(expected, given_shape)
    if given_shape == expected:
        assert text == ""
    else:
        assert text  # something is said whenever a dimension is wrong
        if len(expected) == 4 and sorted(given_shape) != sorted(expected):
            names = ("batch size", "channels", "height", "width")
            wrong = [n for n, e, g in zip(names, expected, given_shape, strict=True) if e != g]
            verdicts = text.split("; ")[-1]
            assert all(name in verdicts for name in wrong)


def test_vector_entries_right_and_wrong():
    assert vector_feedback([0.25, 0.5, 0.25], [0.25, 0.4, 0.25]) == (
        "Entry 2 is not right; the others are."
    )
    assert "sign is flipped" in vector_feedback([0.3, -0.2], [0.3, 0.2])
    assert (
        vector_feedback([0.1, 0.2, 0.3], [0.3, 0.2, 0.1]) == "The right entries in reverse order."
    )
    assert vector_feedback([1.0, 2.0], [1.0]) == "The answer has 2 entries; you gave 1."


@given(st.floats(1e-6, 1e6), st.integers(-3, 3))
def test_three_significant_figures_accepts_rounding_and_rejects_the_fourth_digit(x, _):
    rounded = float(f"{x:.3g}")
    assert close_3sf(x, rounded)
    assert not close_3sf(x, x * 1.01)


def test_entry_feedback_reads_canonical_texts_only():
    assert "height" in entry_feedback("shape", "(1, 32, 55, 55)", "(1, 32, 54, 54)")
    assert "Entry 1" in entry_feedback("vector", "[1/4, 1/2]", "[0.3, 0.5]")
    assert entry_feedback("vector", "[ln(2), 1]", "[0.7, 1]") == ""  # symbolic: no claim
    assert entry_feedback("real", "0.25", "0.3") == ""
    assert numbers_in("1x32x55x55") == [1, 32, 55, 55]
