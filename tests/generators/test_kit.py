"""The authoring kit: shared arithmetic, the credit policy, templates, matrix parameters."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_sim.answers.check import check
from interview_sim.family import Param, ParamError
from interview_sim.kit import CREDIT, conv_out, slip, softmax, wrong_bases
from interview_sim.registry import all_families
from interview_sim.render import environment
from interview_sim.seeds import SEED_BITS
from tests.kit_helpers import assert_refused, out_of_range

FAMILIES = all_families()
IDS = [family.id for family in FAMILIES]
SEEDS = st.integers(min_value=0, max_value=2**SEED_BITS - 1)
HEADING = re.compile(r"^(\*\*[^*]+[.:]\*\*|#+ )")


def headings_run_into_paragraphs(text: str) -> list[str]:
    lines = text.split("\n")
    return [
        line
        for before, line in zip(lines, lines[1:], strict=False)
        if HEADING.match(line) and before.strip()
    ]


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_no_heading_runs_into_a_paragraph(family):
    @settings(max_examples=15)
    @given(seed=SEEDS)
    def run(seed):
        variant = family.variant(seed)
        for text in (variant.statement, variant.solution):
            assert not headings_run_into_paragraphs(text), text

    run()


def test_a_line_ending_in_a_block_tag_keeps_its_newline():
    template = environment().from_string(
        "a{% if x %} b{% endif %}\n**Next.** c\n{% if x %}\nd\n{% endif %}\ne"
    )
    assert template.render(x=True) == "a b\n**Next.** c\nd\ne"
    assert headings_run_into_paragraphs("a b\n**Next.** c") == ["**Next.** c"]


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_standard_tags_follow_the_one_credit_policy(family):
    for seed in range(30):
        for part in family.variant(seed).parts:
            for mistake in part.mistakes:
                expected = CREDIT.get(mistake.tag)
                if expected is not None:
                    assert mistake.credit == expected, (part.id, mistake.tag, mistake.credit)


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_each_printed_decimal_grades_correct(family):
    """Every decimal a worked solution prints as a part's result (through ``result(...)``) is
    accepted for that part: the solution never shows a number the checker would refuse."""

    @settings(max_examples=15)
    @given(seed=SEEDS)
    def run(seed):
        variant = family.variant(seed)
        for part_id, texts in variant.facts["printed"].items():
            for text in texts:
                assert check(variant.part(part_id), text).status == "correct", (part_id, text)

    run()


NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:/\d+)?(?!\w)")


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_prompts_show_numbers_as_the_statement_does(family):
    """A number in a part's prompt appears in the statement in the same form (3.4 in both, never
    17/5 in the prompt); "0/1" labels an indicator and is no number."""

    @settings(max_examples=15)
    @given(seed=SEEDS)
    def run(seed):
        variant = family.variant(seed)
        for part in variant.parts:
            for number in set(NUMBER.findall(part.prompt)) - {"0/1"}:
                assert number in variant.statement, (part.id, part.prompt, number)

    run()


def test_result_records_what_the_solution_prints():
    printed: dict = {}
    text = (
        environment()
        .from_string("p ≈ {{ result('p', x) }}")
        .render(x=sympy.Rational(2, 3), _printed=printed)
    )
    assert text == "p ≈ 0.6667" and printed == {"p": ["0.6667"]}


@pytest.mark.parametrize(
    ("n", "f", "s", "p", "slip_name", "out"),
    [
        (227, 11, 4, 0, None, 55),  # AlexNet conv1
        (224, 3, 1, 1, None, 224),
        (7, 2, 2, 0, None, 3),
        (7, 2, 2, 0, "no_floor", 4),
        (224, 3, 1, 1, "padding_once", 223),
        (227, 11, 4, 0, "stride_ignored", 217),
    ],
)
def test_conv_out_and_its_slips(n, f, s, p, slip_name, out):
    assert conv_out(n, f, s, p, slip_name) == out


def test_conv_out_refuses_an_unknown_slip():
    with pytest.raises(ValueError, match="unknown size slip"):
        conv_out(5, 3, slip="nofloor")


def test_softmax_is_exact_and_sums_to_one():
    p = softmax([sympy.Integer(0), sympy.log(3)])
    assert p == [sympy.Rational(1, 4), sympy.Rational(3, 4)]


def test_slip_applies_the_policy_and_refuses_a_contradiction():
    assert slip("log10", "x", 1).credit == Fraction(1, 2)
    assert slip("own_tag", "x", 1).credit == 0
    assert slip("own_tag", "x", 1, Fraction(1, 4)).credit == Fraction(1, 4)
    with pytest.raises(ValueError, match="credit policy"):
        slip("log2", "x", 1, Fraction(0))


def test_wrong_bases_gives_the_other_two_bases():
    odds = sympy.Rational(1, 9)
    slips = wrong_bases(lambda base: sympy.log(odds, base) if base else sympy.log(odds), None, "x")
    assert {m.tag: m.value for m in slips} == {
        "log10": sympy.log(odds, 10),
        "log2": sympy.log(odds, 2),
    }


MATRIX = Param("W", "weights", "matrix", low=-5, high=5, length=(1, 3), cols=(2, 2), integer=True)


def test_matrix_param_validates_its_shape_and_entries():
    assert MATRIX.coerce([[1, 2], [3, -4]]) == [[1, 2], [3, -4]]
    for bad, message in (
        ([[1, 2], [3]], "same length"),
        ([[1, 2, 3]], "2 entries"),
        ([[1, 2.5]], "whole number"),
        ([[1, 9]], r"\[-5, 5\]"),
        ([[1, 2]] * 4, "1–3 items"),
    ):
        with pytest.raises(ParamError, match=message):
            MATRIX.coerce(bad)


def test_matrix_param_publishes_its_shape():
    published = MATRIX.to_json()
    assert published["rows"] == [1, 3] and published["cols"] == [2, 2] and published["integer"]
    assert "1–3 rows × 2 columns" in published["range"]


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_values_outside_the_published_range_are_refused_by_name(family):
    """The bad-parameter test every family needs, from its published ranges: a family test keeps
    only the refusals that relate two parameters."""
    bad = [(param.name, value) for param in family.params for value in out_of_range(param)]
    if not bad:
        pytest.skip("only structured ('data') parameters: the family's own test refuses them")
    assert_refused(family, family.book_params, bad)


def test_correlation_convolution_and_pooling_by_hand():
    from interview_sim.kit import convolve, correlate, mean, pool, zero_pad

    x = [[1, 2, 0], [3, 4, 1], [0, 5, 2]]
    k = [[1, 0], [0, -1]]
    # correlation: 1·1 − 4 = −3, 2 − 1 = 1, 3 − 5 = −2, 4 − 2 = 2
    assert correlate(x, k) == [[-3, 1], [-2, 2]]
    # convolution flips the kernel to [[-1, 0], [0, 1]]: the signs turn over
    assert convolve(x, k) == [[3, -1], [2, -2]]
    assert correlate(x, k, stride=(2, 2)) == [[-3]]
    assert zero_pad([[7]], 1) == [[0, 0, 0], [0, 7, 0], [0, 0, 0]]
    assert pool(x, (2, 2), (1, 1)) == [[4, 4], [5, 5]]
    assert pool(x, (2, 2), (2, 2), how=mean) == [[sympy.Rational(5, 2)]]  # floor mode drops 1 row
