"""Every concept item as a family: it builds over many seeds, its answer grades correct, every
wrong option grades wrong (with the option's own reason), and a seed reproduces the variant."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_sim.answers import verdict as v
from interview_sim.answers.check import check, expected_text
from interview_sim.answers.phrases import normalise_phrase, same_phrase
from interview_sim.answers.rubric import TickError, read_ticks, rubric_fraction, self_assessed
from interview_sim.model import AnswerKind
from interview_sim.registry import all_families, get

CONCEPTS = all_families(kind="concept")
SEEDS = range(4)


def _ids(families):
    return [f.id for f in families]


def test_every_bank_item_is_registered_as_a_concept_family():
    from interview_sim.concepts import load_bank

    assert sorted(_ids(CONCEPTS)) == sorted(item.id for item in load_bank())
    assert all(f.kind == "concept" and f.to_json()["kind"] == "concept" for f in CONCEPTS)
    assert not set(_ids(CONCEPTS)) & set(_ids(all_families())), "numeric ids stay apart"


def _wrong_answers(part):
    """Readable answers that must never grade correct, for each kind."""
    if part.kind == AnswerKind.BOOLEAN:
        return ["false" if part.answer else "true"]
    if part.kind == AnswerKind.CHOICE:
        return [key for key, _ in part.options if key != part.answer]
    if part.kind == AnswerKind.CHOICES:
        keys = [key for key, _ in part.options]
        wrong = [k for k in keys if k not in part.answer]
        missing_one = sorted(part.answer)[1:] or wrong[:1]
        return [
            ", ".join(missing_one),
            ", ".join(sorted([*part.answer, wrong[0]])),
            ", ".join(keys),
        ]
    if part.kind == AnswerKind.SHAPE:
        return ["(" + ", ".join(str(int(x) + 1) for x in part.answer) + ")"]
    if part.kind == AnswerKind.INTEGER:
        return [str(int(part.answer) + 1)]
    if part.kind == AnswerKind.REAL:
        return [str(float(part.answer) * 1.5 + 1)]
    if part.kind == AnswerKind.TEXT:
        return ["zebra crossing"]
    return []


@pytest.mark.parametrize("family", CONCEPTS, ids=_ids(CONCEPTS))
def test_item_builds_its_answer_is_correct_and_wrong_answers_are_wrong(family):
    for seed in SEEDS:
        variant = family.variant(seed)
        assert variant.statement and variant.solution and variant.parts
        assert variant.chapter == family.chapter
        for part in variant.parts:
            if part.kind == AnswerKind.EXPLAIN:
                assert check(part, "my own words").status == v.PENDING
                assert 3 <= len(part.rubric) <= 6
                continue
            assert check(part, expected_text(part)).status == v.CORRECT, (seed, part.id)
            for alternative in part.alternatives:
                assert check(part, alternative.upper()).status == v.CORRECT
            for wrong in _wrong_answers(part):
                assert check(part, wrong).status in (v.INCORRECT, v.MISTAKE), (seed, wrong)


@pytest.mark.parametrize("family", CONCEPTS, ids=_ids(CONCEPTS))
def test_a_seed_reproduces_the_variant_and_its_params_rebuild_it(family):
    first, again = family.variant(11), family.variant(11)
    assert first == again
    rebuilt = family.from_params(first.params)
    assert (rebuilt.statement, rebuilt.parts) == (first.statement, first.parts)


def _items(kind):
    return [f for f in CONCEPTS if f.concept.kind == kind]


@settings(max_examples=40, deadline=None)
@given(family=st.sampled_from(_items("true_false")), seed=st.integers(0, 2**48))
def test_true_false_shows_one_claim_and_a_wrong_answer_gets_its_reason(family, seed):
    item = family.concept
    variant = family.variant(seed)
    (part,) = variant.parts
    shown = item.true_statement if part.answer else item.false_statement
    assert shown in variant.statement and variant.statement.startswith("True or false")
    wrong = check(part, "false" if part.answer else "true")
    assert wrong.status == v.MISTAKE and wrong.credit == 0
    assert wrong.explanation == (item.reason_true if part.answer else item.reason_false)


def test_true_false_seeds_show_both_claims():
    family = _items("true_false")[0]
    assert {family.variant(seed).parts[0].answer for seed in range(40)} == {True, False}


@settings(max_examples=40, deadline=None)
@given(family=st.sampled_from(_items("choice")), seed=st.integers(0, 2**48))
def test_choice_options_are_shuffled_and_each_wrong_one_explains_itself(family, seed):
    item = family.concept
    (part,) = family.variant(seed).parts
    assert sorted(label for _, label in part.options) == sorted(o.text for o in item.options)
    by_text = {o.text: o for o in item.options}
    for key, label in part.options:
        verdict = check(part, key)
        if by_text[label].correct:
            assert verdict.status == v.CORRECT
        else:
            assert verdict.status == v.MISTAKE and verdict.explanation == by_text[label].why


def test_choice_orders_vary_with_the_seed():
    family = max(_items("choice"), key=lambda f: len(f.concept.options))
    orders = {tuple(family.variant(seed).params["order"]) for seed in range(30)}
    assert len(orders) > 5


def test_bad_order_params_are_refused_with_a_clear_message():
    from interview_sim.family import ParamError

    family = _items("choice")[0]
    with pytest.raises(ParamError, match="each option index"):
        family.from_params({"order": [0, 0, 1]})


@pytest.mark.parametrize(
    ("typed", "accepted"),
    [
        ("Sigmoid", "sigmoid"),
        ("  logistic   sigmoid ", "logistic sigmoid"),
        ("cross entropy", "cross-entropy"),
        ("Cross-Entropy.", "cross entropy"),
        ("the softmax", "softmax"),
        ("max_pooling", "max pooling"),
    ],
)
def test_phrases_match_across_case_spacing_hyphens_and_articles(typed, accepted):
    assert same_phrase(typed, accepted)


@pytest.mark.parametrize(
    ("typed", "accepted"), [("tanh", "sigmoid"), ("", ""), ("the", "sigmoid"), ("relu6", "relu")]
)
def test_different_words_never_match(typed, accepted):
    assert not same_phrase(typed, accepted)


@settings(max_examples=500)
@given(st.text(max_size=30))
def test_normalising_is_idempotent(text):
    once = normalise_phrase(text)
    assert normalise_phrase(once) == once


def test_cloze_accepts_every_listed_synonym_in_any_case():
    for family in _items("cloze"):
        variant = family.variant(0)
        assert "___" not in variant.statement, "underscores would become Markdown emphasis"
        assert variant.statement.count("[blank") == len(variant.parts)
        for part, accepted in zip(variant.parts, family.concept.blanks, strict=True):
            for answer in accepted:
                assert check(part, answer.upper()).status == v.CORRECT, (family.id, answer)


def test_code_items_show_the_snippet_as_a_fenced_block():
    for family in _items("code"):
        statement = family.variant(0).statement
        assert f"```{family.concept.language}\n" in statement
        assert family.concept.code.strip() in statement


def test_rubric_score_is_the_weighted_fraction_ticked():
    weights = [2, 1, 1]
    assert rubric_fraction(weights, []) == 0
    assert rubric_fraction(weights, [0]) == Fraction(1, 2)
    assert rubric_fraction(weights, [1, 2, 2]) == Fraction(1, 2), "a point counts once"
    assert rubric_fraction(weights, [0, 1, 2]) == 1
    verdict = self_assessed(weights, [0, 2])
    assert verdict.status == v.SELF_ASSESSED and verdict.credit == Fraction(3, 4)
    assert verdict.message.startswith("self-assessed")


def test_ticks_are_read_from_typed_numbers():
    assert read_ticks("1 3 4", 5) == [0, 2, 3]
    assert read_ticks("3,1", 3) == [0, 2]
    assert read_ticks("none", 3) == [] and read_ticks("", 3) == []
    assert read_ticks("all", 3) == [0, 1, 2]
    with pytest.raises(TickError, match="1–3"):
        read_ticks("4", 3)
    with pytest.raises(TickError):
        read_ticks("two", 3)


def test_explain_prose_is_never_graded_correct_by_rule():
    family = _items("explain")[0]
    (part,) = family.variant(0).parts
    assert check(part, part.answer).status == v.PENDING, "even the model answer waits for ticks"
    assert check(part, "   ").status == v.INVALID


def test_show_book_finds_concept_items():
    from interview_sim import book

    family = next(f for f in CONCEPTS if f.book_refs)
    assert family.id in book.families_for(family.book_refs[0])
    covered = {i for c in book.coverage() for p in c.problems for i in p.covered_by}
    assert family.id in covered
    assert get(family.id) is family
