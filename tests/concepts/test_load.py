"""The concept-bank loader: good files build typed items, and every authoring mistake is reported
with the file, the item and the field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from interview_sim.concepts import ConceptError, ConceptItem, Option, RubricPoint, load_bank

GOOD_TF = """
[[items]]
id = "lr_odds_vs_probability"
kind = "true_false"
topic = "odds"
difficulty = 1
book_refs = ["PRB-12"]
true_statement = "Odds of 4 mean a probability of 0.8."
false_statement = "Odds of 4 mean a probability of 0.25."
reason_true = "p = o/(1+o) = 4/5."
reason_false = "0.25 is 1/4, the reciprocal odds read as a probability."
"""

GOOD_CHOICE = """
[[items]]
id = "lr_choice"
kind = "choice"
topic = "sigmoid"
difficulty = 2
book_refs = []
question = "What is the sigmoid at 0?"
options = [
  { text = "1/2", correct = true, why = "e^0 = 1, so 1/(1+1)." },
  { text = "0", correct = false, why = "That is the logit of 1/2." },
  { text = "1", correct = false, why = "The sigmoid only tends to 1." },
]
"""

GOOD_CLOZE = """
[[items]]
id = "lr_cloze"
kind = "cloze"
topic = "logit"
difficulty = 1
book_refs = []
text = "The inverse of the logit is the ___ function."
blanks = [["sigmoid", "logistic"]]
"""

GOOD_CODE = """
[[items]]
id = "lr_code"
kind = "code"
topic = "shapes"
difficulty = 1
book_refs = ["PRB-26"]
exam_sections = ["Feature extraction"]
question = "What is printed?"
code = '''
print(x.shape)
'''
answer = "torch.Size([3, 7])"
answer_kind = "shape"
explanation = "A linear layer maps the last axis."
"""

GOOD_EXPLAIN = """
[[items]]
id = "lr_explain"
kind = "explain"
topic = "odds"
difficulty = 2
book_refs = ["PRB-5"]
question = "What are odds?"
model_answer = "The ratio of the probability of success to that of failure."
rubric = [
  { point = "ratio p/(1-p)", weight = 2 },
  { point = "range 0 to infinity", weight = 1 },
  { point = "example", weight = 1 },
]
"""


def write(directory: Path, body: str, chapter: str = "logistic_regression") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{chapter}.toml"
    path.write_text(f'chapter = "{chapter}"\n' + textwrap.dedent(body), encoding="utf-8")
    return path


def test_a_good_file_builds_typed_items(tmp_path):
    write(tmp_path, GOOD_TF + GOOD_CHOICE + GOOD_CLOZE + GOOD_CODE + GOOD_EXPLAIN)
    tf, choice, cloze, code, explain = load_bank(tmp_path)
    assert isinstance(tf, ConceptItem) and tf.book_refs == ("PRB-12",) and tf.exam_sections == ()
    assert tf.chapter == "logistic_regression" and tf.source == "logistic_regression.toml"
    assert choice.options[0] == Option("1/2", True, "e^0 = 1, so 1/(1+1).")
    assert cloze.blanks == (("sigmoid", "logistic"),)
    assert code.answer_kind == "shape" and code.language == "python"
    assert code.exam_sections == ("Feature extraction",)
    assert explain.rubric[0] == RubricPoint("ratio p/(1-p)", 2)


def replace(body: str, old: str, new: str) -> str:
    assert old in body, old  # a fixture edit that matches nothing would test nothing
    return body.replace(old, new, 1)


# (fixture body, expected fragment of the message): each row breaks exactly one rule.
BROKEN = {
    "unknown key": (replace(GOOD_TF, "topic =", "topik ="), "field 'topik': unknown key"),
    "wrong type": (replace(GOOD_TF, "difficulty = 1", 'difficulty = "1"'), "must be an integer"),
    "bool as int": (replace(GOOD_TF, "difficulty = 1", "difficulty = true"), "must be an integer"),
    "difficulty range": (replace(GOOD_TF, "difficulty = 1", "difficulty = 4"), "must be 1, 2 or 3"),
    "missing reason": (
        GOOD_TF.replace(
            'reason_false = "0.25 is 1/4, the reciprocal odds read as a probability."', ""
        ),
        "field 'reason_false': missing",
    ),
    "unknown kind": (replace(GOOD_TF, '"true_false"', '"essay"'), "field 'kind': must be one of"),
    "identical pair": (
        replace(
            GOOD_TF, "Odds of 4 mean a probability of 0.25.", "Odds of 4 mean a probability of 0.8."
        ),
        "identical to true_statement",
    ),
    "empty statement": (
        replace(
            GOOD_TF,
            'false_statement = "Odds of 4 mean a probability of 0.25."',
            'false_statement = " "',
        ),
        "field 'false_statement': is empty",
    ),
    "id prefix": (replace(GOOD_TF, '"lr_odds_vs_probability"', '"odds"'), "start with 'lr_'"),
    "id case": (replace(GOOD_TF, '"lr_odds_vs_probability"', '"lr_Odds"'), "snake_case"),
    "book ref format": (replace(GOOD_TF, '"PRB-12"', '"PRB12"'), "not a book id"),
    "too few options": (
        replace(
            GOOD_CHOICE,
            '  { text = "1", correct = false, why = "The sigmoid only tends to 1." },\n',
            "",
        ),
        "needs 3–6 options, got 2",
    ),
    "no correct option": (
        replace(GOOD_CHOICE, "correct = true", "correct = false"),
        "no option is marked correct",
    ),
    "two correct in choice": (
        replace(GOOD_CHOICE, '"0", correct = false', '"0", correct = true'),
        "2 options are correct; exactly one may be",
    ),
    "multi_choice all correct": (
        replace(
            replace(
                replace(GOOD_CHOICE, '"choice"', '"multi_choice"'),
                '"0", correct = false',
                '"0", correct = true',
            ),
            '"1", correct = false',
            '"1", correct = true',
        ).replace("options = [", 'options = [\n  { text = "0.5", correct = true, why = "same" },'),
        "every option is correct",
    ),
    "multi_choice too few": (
        replace(GOOD_CHOICE, '"choice"', '"multi_choice"'),
        "needs 4–6 options, got 3",
    ),
    "option key": (
        replace(GOOD_CHOICE, 'why = "e^0', 'because = "e^0'),
        "unknown option key 'because'",
    ),
    "duplicate option": (replace(GOOD_CHOICE, '{ text = "0",', '{ text = "1/2",'), "same text"),
    "blank count": (
        replace(GOOD_CLOZE, '[["sigmoid", "logistic"]]', '[["sigmoid"], ["x"]]'),
        "text has 1 blank (___)",
    ),
    "no blank": (replace(GOOD_CLOZE, "the ___ function", "the sigmoid function"), "has no blank"),
    "four underscores": (
        replace(GOOD_CLOZE, "the ___ function", "the ____ function"),
        "exactly three",
    ),
    "empty accepted list": (
        replace(GOOD_CLOZE, '[["sigmoid", "logistic"]]', "[[]]"),
        "non-empty list",
    ),
    "unknown answer_kind": (
        replace(GOOD_CODE, '"shape"', '"vector"'),
        "field 'answer_kind': must be one of",
    ),
    "bad shape": (replace(GOOD_CODE, '"torch.Size([3, 7])"', '"3 by 7"'), "is not a shape"),
    "bad integer": (
        replace(replace(GOOD_CODE, '"torch.Size([3, 7])"', '"12.5"'), '"shape"', '"integer"'),
        "is not an integer",
    ),
    "code without answer": (
        replace(GOOD_CODE, 'answer = "torch.Size([3, 7])"\nanswer_kind = "shape"\n', ""),
        "either options (as in choice) or answer + answer_kind, not neither",
    ),
    "rubric too short": (
        replace(GOOD_EXPLAIN, '  { point = "example", weight = 1 },\n', ""),
        "needs 3–6 points, got 2",
    ),
    "rubric weight": (replace(GOOD_EXPLAIN, "weight = 2", "weight = 0"), "positive integers"),
    "rubric shape": (
        replace(GOOD_EXPLAIN, "weight = 2", "weight = 2, extra = 1"),
        "{ point, weight }",
    ),
}


@pytest.mark.parametrize("body, expected", BROKEN.values(), ids=BROKEN.keys())
def test_each_rule_rejects_its_mistake_naming_file_and_item(tmp_path, body, expected):
    write(tmp_path, body)
    with pytest.raises(ConceptError) as error:
        load_bank(tmp_path)
    message = str(error.value)
    assert message.startswith(f"{tmp_path / 'logistic_regression.toml'}: item ")
    assert expected in message


def test_duplicate_ids_are_reported(tmp_path):
    # Ids carry their chapter's prefix, so a duplicate can only occur within one file.
    write(tmp_path, GOOD_TF + replace(GOOD_CHOICE, '"lr_choice"', '"lr_odds_vs_probability"'))
    with pytest.raises(
        ConceptError, match="item 'lr_odds_vs_probability': field 'id': duplicate id"
    ):
        load_bank(tmp_path)


def test_chapter_key_must_match_the_file_name(tmp_path):
    (tmp_path / "bayesian.toml").write_text('chapter = "calculus"\n' + GOOD_TF, encoding="utf-8")
    with pytest.raises(ConceptError, match=r"bayesian\.toml: chapter = 'calculus' does not match"):
        load_bank(tmp_path)


def test_a_file_named_after_no_chapter_is_rejected(tmp_path):
    write(tmp_path, GOOD_TF, chapter="statistics")
    with pytest.raises(ConceptError, match="the file name must be a chapter id"):
        load_bank(tmp_path)


def test_invalid_toml_is_reported_with_the_file(tmp_path):
    (tmp_path / "calculus.toml").write_text("chapter = \n", encoding="utf-8")
    with pytest.raises(ConceptError, match=r"calculus\.toml: not valid TOML"):
        load_bank(tmp_path)


def test_an_item_without_an_id_is_named_by_its_position(tmp_path):
    write(tmp_path, GOOD_TF + replace(GOOD_CHOICE, 'id = "lr_choice"\n', ""))
    with pytest.raises(ConceptError, match=r"item #2: field 'id': missing"):
        load_bank(tmp_path)
