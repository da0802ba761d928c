"""The book's catalogue, what covers each problem, and choosing the family for a book id."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_sim import book
from interview_sim.book import (
    BOOK_CHAPTERS,
    PROBLEM_TYPES,
    CatalogueError,
    NoPracticeProblem,
    UnknownBookRef,
)
from interview_sim.registry import all_families

ROOT = Path(__file__).resolve().parents[1]
# CI has ../shared beside the clone; a developer's worktree may only see the workplace's copy
REFERENCE = next(
    (
        path
        for path in (
            ROOT.parent / "shared" / "book_families.md",
            Path("/work/shared/book_families.md"),
        )
        if path.is_file()
    ),
    None,
)
ROW = re.compile(r"^\| ((?:PRB|EXAM)-\d+|(?:IT|CAL|ENS|FE|DL)-Q\d+) \| .*? \| ([a-z/-]+) \|")

CATALOGUE = book.catalogue()
PRACTISED = {ref for ref in CATALOGUE if book.families_for(ref)}  # numeric or concept
SHARED_REF = next(  # a problem several families vary (PRB-22 today), found rather than assumed
    (ref for ref in CATALOGUE if len(book.families_for(ref)) > 1), None
)
UNCOVERED = next(ref for ref, p in CATALOGUE.items() if p.type != "unknown" and not p.reuses
                 and not book.families_for(ref))  # fmt: skip


def reference_rows() -> list[tuple[str, str]]:
    """(id, type) of every row of section 5 of the reference, in its order."""
    text = REFERENCE.read_text(encoding="utf-8")
    section = text[text.index("\n## 5.") : text.index("\n### Summary")]
    return [m.groups() for line in section.splitlines() if (m := ROW.match(line))]


# -- the catalogue -----------------------------------------------------------------------------
@pytest.mark.skipif(REFERENCE is None, reason="../shared/book_families.md is not beside the clone")
def test_catalogue_lists_every_problem_of_the_reference_in_order_with_its_type():
    rows = reference_rows()
    assert len(rows) > 200, "the reference's table format changed: fix ROW"
    assert [ref for ref, _ in rows] == list(CATALOGUE)
    assert [kind for _, kind in rows] == [p.type for p in CATALOGUE.values()]


def test_every_entry_has_a_known_chapter_a_type_and_a_one_line_title():
    for entry in CATALOGUE.values():
        assert entry.chapter in BOOK_CHAPTERS and entry.type in PROBLEM_TYPES
        assert entry.title.strip() == entry.title and entry.title and "\n" not in entry.title
    # every family chapter appears, in the book's order, the introduction first, the exam last
    order = list(dict.fromkeys(p.chapter for p in CATALOGUE.values()))
    assert order == list(BOOK_CHAPTERS)


def test_the_catalogue_ships_with_the_package():
    """An installed (non-editable) copy needs the file in package-data, not just in the tree."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"].get("interview_sim", [])
    assert any(fnmatch("data/book_problems.toml", pattern) for pattern in patterns)


GOOD = """
[[chapter]]
id = "logistic_regression"
problems = [
  { ref = "PRB-4", type = "true/false", title = "More predictors at a fixed sample size" },
  { ref = "PRB-5", type = "explain", title = "Odds in words and symbols" },
]
[[chapter]]
id = "mock_exam"
problems = [{ ref = "EXAM-3", type = "numeric", title = "LR section", reuses = ["PRB-5"] }]
"""


def test_a_well_formed_catalogue_loads_in_order():
    problems = book.parse_catalogue(GOOD)
    assert list(problems) == ["PRB-4", "PRB-5", "EXAM-3"]
    assert problems["EXAM-3"].reuses == ("PRB-5",)
    assert problems["PRB-5"].chapter == "logistic_regression"


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (GOOD.replace('"PRB-5", type', '"PRB-4", type'), "PRB-4 is listed twice"),
        (GOOD.replace('"logistic_regression"', '"logistics"'), "unknown chapter id 'logistics'"),
        (
            GOOD.replace('title = "Odds in words and symbols"', 'title = "  "'),
            "logistic_regression, problem 2 (PRB-5): missing title",
        ),
        (
            GOOD.replace(', title = "Odds in words and symbols"', ""),
            "problem 2 (PRB-5): missing title",
        ),
        (GOOD.replace('"explain"', '"essay"'), "(PRB-5): bad or missing type 'essay'"),
        (GOOD.replace('"PRB-5"', '"PRB5"'), "problem 2: bad or missing ref 'PRB5'"),
        (GOOD.replace('"PRB-5"', '"IT-5"'), "bad or missing ref 'IT-5'; book ids look like"),
        (GOOD.replace("reuses", "uses"), "(EXAM-3): unknown key 'uses'"),
        (GOOD.replace('reuses = ["PRB-5"]', 'reuses = ["PRB-9"]'), "EXAM-3 reuses PRB-9"),
        (GOOD.replace('id = "mock_exam"', 'id = "logistic_regression"'), "listed twice; merge"),
        (GOOD.replace("problems = [{", "problems = [[{").replace("] }]", "] }]]"), "expected {"),
        ("[[chapter]\n", "not valid TOML"),
        ('title = "x"\n', "unknown key 'title'"),
    ],
)
def test_a_damaged_catalogue_is_refused_naming_the_entry(broken, message):
    with pytest.raises(CatalogueError) as error:
        book.parse_catalogue(broken, source="test.toml")
    assert message in str(error.value)
    assert str(error.value).startswith("test.toml: ")


# -- book ids as people type them --------------------------------------------------------------
@given(
    ref=st.sampled_from(list(CATALOGUE)),
    case=st.sampled_from([str.upper, str.lower, str.title]),
    separator=st.sampled_from(["-", " ", "", "_", " - ", "\u2013", "\u2212"]),
    zeros=st.integers(0, 2),
)
def test_loose_spellings_of_every_id_find_it(ref, case, separator, zeros):
    prefix, number = ref.split("-")
    q = "Q" if number.startswith("Q") else ""
    typed = f" {case(prefix)}{separator}{case(q)}{'0' * zeros}{number.lstrip('Q')} "
    assert book.problem(typed) is CATALOGUE[ref]


def test_the_books_own_chapter_labels_find_the_problem_at_that_position():
    # anchors the reference confirms from the book itself
    assert book.problem("CH.PRB-2.4").ref == "PRB-7"
    assert book.problem("ch.prb-3.4").ref == "PRB-33"
    assert book.problem("CH.PRB- 1.1").ref == "PRB-1"
    numbered = list(BOOK_CHAPTERS)[:-1]  # the mock exam has sections, not numbered problems
    for index, chapter in enumerate(numbered, start=1):
        rows = [p for p in CATALOGUE.values() if p.chapter == chapter]
        for position, entry in enumerate(rows, start=1):
            assert book.problem(f"CH.PRB-{index}.{position}") is entry
        with pytest.raises(
            UnknownBookRef, match=rf"has problems {index}\.1 to {index}\.{len(rows)}"
        ):
            book.problem(f"CH.PRB-{index}.{len(rows) + 1}")
    with pytest.raises(UnknownBookRef, match="chapters 1 to 8 have numbered problems"):
        book.problem(f"CH.PRB-{len(numbered) + 1}.1")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("PRB-67", "PRB-67 is not a problem of the book: its PRB ids run from PRB-1 to PRB-66"),
        ("PRB-80", "the later chapters number their problems within the chapter"),
        ("22", "did you mean PRB-22, IT-Q22, CAL-Q22, ENS-Q22, DL-Q22?"),
        ("²", "'²' is not a book id"),
        ("PRB-²", "'PRB-²' is not a book id"),
        ("", "'' is not a book id"),
        ("it-q33", "IT-Q33 is not a problem of the book: its IT ids run from IT-Q1 to IT-Q32"),
        ("EXAM-0", "its EXAM ids run from EXAM-1 to EXAM-6"),
        ("chapter 3", "'chapter 3' is not a book id: book ids look like PRB-22"),
        ("PRB22a", "did you mean PRB-22"),
    ],
)
def test_an_unknown_id_says_what_exists(typed, expected):
    with pytest.raises(UnknownBookRef, match=re.escape(expected)):
        book.problem(typed)


@given(
    text=st.one_of(
        st.text(max_size=60),
        st.from_regex(r"(CH\.)?(PRB|IT|EXAM|DL)[ -]?Q?[0-9\u0660-\u0669\u00b2]{0,4}(\.[0-9]+)?"),
    )
)
def test_any_text_either_finds_a_problem_or_says_why_in_one_short_line(text):
    try:
        found = book.problem(text)
    except UnknownBookRef as error:
        message = str(error)
        assert "\n" not in message and len(message) < 400
    else:
        assert found is CATALOGUE[found.ref]


def test_a_pasted_page_is_quoted_short_in_the_error():
    with pytest.raises(UnknownBookRef) as error:
        book.problem("PRB" * 30_000)
    assert str(error.value).startswith("'" + ("PRB" * 13)[:39] + "…' is not a book id")
    assert len(str(error.value)) < 200


# -- coverage ----------------------------------------------------------------------------------
def test_every_family_ref_is_a_problem_of_the_book():
    assert book.unknown_refs() == [], "a family's book_refs names an id the catalogue lacks"


def test_an_item_claiming_a_made_up_id_is_reported():
    items = [("good", ("PRB-22",)), ("bad", ("FE VGG19 table", "PRB-22", "PRB-99"))]
    assert book.unknown_refs(items) == [("bad", "FE VGG19 table"), ("bad", "PRB-99")]


def test_coverage_is_exactly_what_the_families_and_concept_items_declare():
    declared = {}
    for family in all_families(kind=None):
        for ref in family.book_refs:
            declared.setdefault(ref, set()).add(family.id)
    chapters = book.coverage()
    assert [c.chapter for c in chapters] == list(BOOK_CHAPTERS)
    rows = [p for chapter in chapters for p in chapter.problems]
    assert [p.ref for p in rows] == list(CATALOGUE)
    for p in rows:
        reused = CATALOGUE[p.ref].reuses
        expected = set().union(*(declared.get(r, set()) for r in (p.ref, *reused)))
        assert set(p.covered_by) == expected, p.ref
        assert len(p.covered_by) == len(set(p.covered_by))
    for chapter in chapters:
        assert chapter.total == len(chapter.problems)
        assert chapter.covered == sum(bool(p.covered_by) for p in chapter.problems)


def test_a_mock_exam_section_is_covered_by_what_covers_the_problems_it_reuses():
    section = next(p for p in CATALOGUE.values() if p.reuses)
    items = [("direct", (section.ref,)), ("reused", (section.reuses[-1],)), ("other", ("PRB-4",))]
    (exam,) = book.coverage(section.chapter, items)
    row = next(p for p in exam.problems if p.ref == section.ref)
    assert row.covered_by == ("direct", "reused")


def test_a_new_source_of_items_is_one_line(monkeypatch):
    """The concept bank will add its collector to REF_SOURCES; coverage then counts its items."""
    uncovered = next(ref for ref in CATALOGUE if ref not in PRACTISED and ref != "DL-Q77")
    concepts = lambda: [("concept_item", (uncovered,))]  # noqa: E731
    monkeypatch.setattr(book, "REF_SOURCES", (*book.REF_SOURCES, concepts))
    chapter = CATALOGUE[uncovered].chapter
    (row,) = [p for c in book.coverage(chapter) for p in c.problems if p.ref == uncovered]
    assert row.covered_by == ("concept_item",)
    assert ("concept_item", uncovered) not in book.unknown_refs()


def test_an_unknown_chapter_is_refused_with_the_list():
    with pytest.raises(book.BookLookupError, match="the book's chapters are: how_to_use, logistic"):
        book.coverage("logistics")


# -- choosing the family for a book id ---------------------------------------------------------
@pytest.mark.skipif(SHARED_REF is None, reason="no book problem is varied by two families yet")
def test_the_seed_picks_among_all_families_of_a_problem_reproducibly():
    families = book.families_for(SHARED_REF)
    picks = {book.choose_family(SHARED_REF, seed)[1] for seed in range(200)}
    assert picks == set(families)
    assert all(
        book.choose_family(SHARED_REF, s) == book.choose_family(SHARED_REF, s) for s in (0, 7)
    )


@given(ref=st.sampled_from([p.ref for p in book.practisable()]), seed=st.integers(0, 2**48))
def test_the_chosen_family_declares_the_problem_or_what_it_reuses(ref, seed):
    entry, family_id, families = book.choose_family(ref, seed)
    (family,) = [f for f in all_families(kind=None) if f.id == family_id]
    assert family_id in families
    assert {ref, *entry.reuses} & set(family.book_refs)


def test_a_problem_without_a_family_names_the_chapters_practised_ids():
    entry = CATALOGUE[UNCOVERED]
    with pytest.raises(NoPracticeProblem) as error:
        book.choose_family(UNCOVERED.lower(), 1)
    message = str(error.value)
    assert message.startswith(f"{UNCOVERED} ({entry.title}) has no practice problem yet; ")
    practised = [r for r, p in CATALOGUE.items() if p.chapter == entry.chapter and r in PRACTISED]
    for ref in practised:
        assert ref in message
    assert ("covered ids in this chapter" in message) == bool(practised)
