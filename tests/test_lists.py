"""List readers: strict (never repair), clear refusals, and linear time on hostile lengths."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_sim.answers.errors import AnswerFormatError
from interview_sim.answers.lists import (
    MAX_ENTRIES,
    MAX_LIST_LENGTH,
    read_shape,
    read_vector,
    split_matrix,
    split_vector,
)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("[1, 2, 3]", ["1", "2", "3"]),
        ("(1, 2)", ["1", "2"]),
        ("1 2 3", ["1", "2", "3"]),
        ("1, 2, 3", ["1", "2", "3"]),
        ("[ 1 ,2 ]", ["1", "2"]),
        ("torch.Size([1, 3, 4])", ["1", "3", "4"]),
        ("np.array([0.5, 0.25])", ["0.5", "0.25"]),
        ("[exp(1/2)/(1 + e), log(2, 3)]", ["exp(1/2)/(1 + e)", "log(2, 3)"]),
        ("(1+2)*3", ["(1+2)*3"]),
        ("[0,667]", ["0", "667"]),  # in a list, a comma always separates entries
    ],
)
def test_vectors(text: str, items: list[str]) -> None:
    assert split_vector(text) == items


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("[[1, 2], [3, 4]]", [["1", "2"], ["3", "4"]]),
        ("((1,2),(3,4))", [["1", "2"], ["3", "4"]]),
        ("[1, 2], [3, 4]", [["1", "2"], ["3", "4"]]),
        ("[[1, 2]; [3, 4]]", [["1", "2"], ["3", "4"]]),
        ("[1 2; 3 4]", [["1", "2"], ["3", "4"]]),
        ("1 2; 3 4", [["1", "2"], ["3", "4"]]),
        ("1, 2; 3, 4", [["1", "2"], ["3", "4"]]),
        ("(1+2) 3; 4 5", [["(1+2)", "3"], ["4", "5"]]),
        ("np.array([[1, 2], [3, 4]])", [["1", "2"], ["3", "4"]]),
        ("[[sqrt(2), 1]]", [["sqrt(2)", "1"]]),
        ("[[1 2] [3 4]]", [["1", "2"], ["3", "4"]]),  # as numpy prints a matrix
    ],
)
def test_matrices(text: str, rows: list[list[str]]) -> None:
    assert split_matrix(text) == rows


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[1, 2", 'missing "]"'),
        ("(1, 2", 'missing ")"'),
        ("1, 2]", "never opened"),
        ("[1, 2]]", "never opened"),
        ("[(1, 2]", "brackets must match"),
        ("[1,, 2]", "entry 2 is empty"),
        ("[1, 2,]", "entry 3 is empty"),
        ("[, 1]", "entry 1 is empty"),
        ("[1, 2] 3", "unexpected text"),
        ("[1, 2]x", "unexpected text"),
        ("np.array([1, 2]) + 1", "unexpected text"),
        ("[[1, 2]]", "unexpected brackets"),
        ("[0,5, 0,25]", "use a decimal point"),
        ("[1,2, 3]", "use a decimal point"),
        ("[]", "empty"),
        ("   ", "empty"),
    ],
)
def test_vector_refusals(text: str, fragment: str) -> None:
    with pytest.raises(AnswerFormatError) as error:
        split_vector(text)
    assert fragment in str(error.value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[[1, 2], [3]]", "row 2 has 1 entry but row 1 has 2 entries"),
        ("[[1], [2, 3]]", "row 2 has 2 entries but row 1 has 1 entry"),
        ("1 2; 3", "row 2 has 1 entry"),
        ("[[1, 2], [3, 4]", 'missing "]"'),
        ("[[1, 2], [3, 4]]]", "never opened"),
        ("[[1, 2]x, [3, 4]]", 'unexpected "x'),
        ("[[1, 2] [3, 4] 5]", 'unexpected "5'),
        ("[[1, 2], [3, 4]] foo", 'unexpected text after the matrix: "foo"'),
        ("[[1, 2],, [3, 4]]", "unexpected"),
        ("[[1, 2], [3, 4],]", "expected rows"),
        ("1 2;; 3 4", "row 2 is empty"),
        ("1 2; 3 4;", "row 3 is empty"),
        ("", "expected rows"),
        ("[]", "expected rows"),
    ],
)
def test_matrix_refusals(text: str, fragment: str) -> None:
    with pytest.raises(AnswerFormatError) as error:
        split_matrix(text)
    assert fragment in str(error.value)


def test_stray_text_inside_an_entry_reaches_the_entry_reader() -> None:
    """The splitter never drops text: '2 abc' is handed on whole, for the entry reader to refuse."""
    seen: list[str] = []

    def reader(item: str) -> tuple[str, str]:
        seen.append(item)
        return item, item

    assert read_vector("[1, 2 abc]", reader) == (["1", "2 abc"], "[1, 2 abc]")
    assert seen == ["1", "2 abc"]


def test_entry_cap() -> None:
    assert len(split_vector(", ".join(["1"] * MAX_ENTRIES))) == MAX_ENTRIES
    with pytest.raises(AnswerFormatError, match="too many"):
        split_vector(", ".join(["1"] * (MAX_ENTRIES + 1)))
    with pytest.raises(AnswerFormatError, match="too many"):
        split_matrix("; ".join(["1 2 3 4 5 6 7 8 9"] * 8))


@pytest.mark.parametrize(
    "text",
    [
        " " * 60_000,
        "," * 100_000,
        "[" + " " * 60_000 + "]",
        "[" * 50_000 + "]" * 50_000,
        "(" * 50_000 + ")" * 50_000,
        "[1" + ", 1" * 30_000 + "]",
    ],
    ids=lambda text: f"{text[:3]}…({len(text)} chars)",
)
def test_hostile_lengths_are_refused_fast(text: str) -> None:
    for reader in (split_vector, split_matrix, read_shape):
        start = time.perf_counter()
        with pytest.raises(AnswerFormatError, match="too long"):
            reader(text)
        assert time.perf_counter() - start < 0.05, reader


@pytest.mark.parametrize(
    "text",
    [
        "[" + " " * (MAX_LIST_LENGTH - 2) + "]",
        "[" + "," * (MAX_LIST_LENGTH - 2) + "]",
        "(" * (MAX_LIST_LENGTH // 2) + ")" * (MAX_LIST_LENGTH // 2),
        "[" * (MAX_LIST_LENGTH // 2) + "]" * (MAX_LIST_LENGTH // 2),
        "[" + "(" * (MAX_LIST_LENGTH // 2 - 1) + ")" * (MAX_LIST_LENGTH // 2 - 1) + "]",
        "1 " * (MAX_LIST_LENGTH // 2),
        "1;" * (MAX_LIST_LENGTH // 2),
        "[1]" * (MAX_LIST_LENGTH // 3),
    ],
    ids=lambda text: f"{text[:3]}…({len(text)} chars)",
)
def test_the_longest_allowed_lists_are_split_in_linear_time(text: str) -> None:
    """Up to the length cap the splitters run in one pass: a refusal or a split, in < 50 ms."""
    for reader in (split_vector, split_matrix, read_shape):
        start = time.perf_counter()
        try:
            reader(text)
        except AnswerFormatError as error:
            assert str(error)
        assert time.perf_counter() - start < 0.05, reader


@given(st.lists(st.integers(min_value=-999, max_value=999), min_size=1, max_size=12))
def test_any_written_vector_round_trips(values: list[int]) -> None:
    for text in (
        "[" + ", ".join(map(str, values)) + "]",
        " ".join(map(str, values)),
        "(" + ",".join(map(str, values)) + ")",
    ):
        assert split_vector(text) == [str(value) for value in values]


@given(st.integers(min_value=1, max_value=5), st.integers(min_value=1, max_value=5))
def test_any_rectangular_matrix_round_trips(rows: int, columns: int) -> None:
    cells = [[str(r * 10 + c) for c in range(columns)] for r in range(rows)]
    bracketed = "[" + ", ".join("[" + ", ".join(row) + "]" for row in cells) + "]"
    separated = "; ".join(" ".join(row) for row in cells)
    assert split_matrix(bracketed) == cells
    assert split_matrix(separated) == cells


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("(1, 32, 55, 55)", (1, 32, 55, 55)),
        ("1x32x55x55", (1, 32, 55, 55)),
        ("1 × 32", (1, 32)),
        ("torch.Size([1, 32])", (1, 32)),
        ("[3]", (3,)),
    ],
)
def test_shapes(text: str, shape: tuple[int, ...]) -> None:
    assert read_shape(text)[0] == shape


@pytest.mark.parametrize(
    "text", ["(1, 2.5)", "(1, 2", "1x", "(1, 2, 3, 4, 5, 6, 7, 8, 9)", "(1,, 2)"]
)
def test_shape_refusals(text: str) -> None:
    with pytest.raises(AnswerFormatError):
        read_shape(text)


def test_commas_inside_parentheses_do_not_separate_or_look_like_decimals() -> None:
    assert split_vector("[log(2, 3), 1]") == ["log(2, 3)", "1"]
    assert split_vector("log(8,2) 1") == ["log(8,2)", "1"]  # whitespace separates: no top comma
    assert split_matrix("[[log(8,2), 1], [2, 3]]") == [["log(8,2)", "1"], ["2", "3"]]


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("(7,)", (7,)),
        ("7,", (7,)),
        ("(28, 16,)", (28, 16)),
        ("torch.Size([7,])", (7,)),
        ("[1, 3, 224, 224, ]", (1, 3, 224, 224)),
    ],
)
def test_a_python_trailing_comma_in_a_shape_is_tuple_syntax(text, shape):
    assert read_shape(text)[0] == shape


@pytest.mark.parametrize("text", ["(7,,)", "(,)", "(7, ,)", ",7", "(28,, 16)"])
def test_more_than_one_trailing_comma_or_an_empty_entry_is_still_refused(text):
    with pytest.raises(AnswerFormatError):
        read_shape(text)


def test_a_one_dimensional_shape_is_shown_as_python_prints_it():
    assert read_shape("[10]")[1] == "(10,)"
