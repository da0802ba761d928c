"""The shipped concept bank: every file loads, each chapter keeps its items, book ids are real and
point at the item's own chapter, and items are well-formed beyond what the loader enforces."""

from __future__ import annotations

import re
import tomllib
from collections import Counter

import pytest

from interview_sim.chapters import CHAPTERS
from interview_sim.concepts import load_bank
from interview_sim.concepts.load import ROOT, SHIPPED

# The numbers reached when the bank was written; the bank may grow, never shrink.
MINIMUM_PER_CHAPTER = {
    "logistic_regression": 27,
    "bayesian": 32,
    "information_theory": 34,
    "calculus": 26,
    "ensembles": 23,
    "feature_extraction": 27,
    "deep_learning": 76,
}
ID_FORMAT = re.compile(r"^(PRB-[1-9]\d*|(IT|CAL|ENS|FE|DL)-Q[1-9]\d*|EXAM-[1-6])$")
# book_families.md section 5 numbers its chapter tables 0 (how-to) … 8 (mock exam).
TABLE_CHAPTER = {
    1: "logistic_regression",
    2: "bayesian",
    3: "information_theory",
    4: "calculus",
    5: "ensembles",
    6: "feature_extraction",
    7: "deep_learning",
}
# The mock exam's sections (section 1.8 of book_families.md): the chapter each one draws on and
# its title in sessions/mock-exam.toml.
EXAM_SECTIONS = {
    "EXAM-1": ("deep_learning", "Perceptrons"),
    "EXAM-2": ("deep_learning", "CNN layers"),
    "EXAM-3": ("logistic_regression", "Classification & logistic regression"),
    "EXAM-4": ("information_theory", "Information theory"),
    "EXAM-5": ("feature_extraction", "Feature extraction"),
    "EXAM-6": ("bayesian", "Bayesian deep learning"),
}
CATALOGUE_CANDIDATES = [
    ROOT.parent / "shared" / "book_families.md",
    ROOT.parent.parent / "shared" / "book_families.md",
]


@pytest.fixture(scope="module")
def items():
    return load_bank()


def test_every_chapter_has_its_file_and_every_item_names_it(items):
    assert {path.stem for path in SHIPPED.glob("*.toml")} == set(CHAPTERS)
    for item in items:
        assert item.source == f"{item.chapter}.toml"


def test_load_bank_is_cached_but_returns_a_fresh_list():
    first, second = load_bank(), load_bank()
    assert first == second and first is not second
    assert all(a is b for a, b in zip(first, second, strict=True))


def test_counts_per_chapter_do_not_fall(items):
    counts = Counter(item.chapter for item in items)
    for chapter, minimum in MINIMUM_PER_CHAPTER.items():
        assert counts[chapter] >= minimum, (
            f"{chapter}: {counts[chapter]} items, expected ≥ {minimum}"
        )
    assert len(items) >= 160


def test_each_chapter_mixes_kinds_and_has_rapid_fire_items(items):
    for chapter in CHAPTERS:
        mine = [item for item in items if item.chapter == chapter]
        kinds = Counter(item.kind for item in mine)
        assert {"true_false", "choice", "explain"} <= set(kinds), (chapter, kinds)
        rapid = [
            i for i in mine if i.difficulty <= 2 and i.kind in ("true_false", "choice", "cloze")
        ]
        assert len(rapid) >= 10, f"{chapter}: only {len(rapid)} short items for rapid fire"


def test_book_refs_have_the_catalogue_format(items):
    for item in items:
        for ref in item.book_refs:
            assert ID_FORMAT.match(ref), f"{item.id}: {ref!r}"
        assert len(set(item.book_refs)) == len(item.book_refs), f"{item.id}: repeated book id"


def read_catalogue(text: str) -> dict[str, str]:
    """Book id → chapter id (or "exam"), from the tables of section 5 of book_families.md."""
    section = text.split("\n## 5.", 1)[1].split("\n## ", 1)[0]
    owner: dict[str, str] = {}
    table = None
    for line in section.splitlines():
        heading = re.match(r"### (\d+)\. ", line)
        if heading:
            table = int(heading.group(1))
            continue
        row = re.match(r"\| ((?:PRB|IT|CAL|ENS|FE|DL|EXAM)-Q?\d+) \|", line)
        if row and table is not None:
            owner[row.group(1)] = TABLE_CHAPTER.get(table, "exam" if table == 8 else "how-to")
    return owner


def test_book_refs_exist_in_the_catalogue_and_belong_to_the_items_chapter(items):
    path = next((p for p in CATALOGUE_CANDIDATES if p.is_file()), None)
    if path is None:
        pytest.skip("book_families.md is not available next to the repository")
    owner = read_catalogue(path.read_text(encoding="utf-8"))
    assert len(owner) > 250  # the parse found the tables; a broken parse would pass vacuously
    for item in items:
        for ref in item.book_refs:
            assert ref in owner, f"{item.id}: {ref} is not in section 5 of book_families.md"
            if owner[ref] == "how-to":  # the introduction's samples preview later chapters
                continue
            chapter = EXAM_SECTIONS[ref][0] if owner[ref] == "exam" else owner[ref]
            assert chapter == item.chapter, f"{item.id}: {ref} belongs to {chapter}"


def test_exam_sections_are_real_and_match_exam_refs(items):
    preset = tomllib.loads((ROOT / "sessions" / "mock-exam.toml").read_text(encoding="utf-8"))
    titles = {section["title"] for section in preset["sections"]}
    assert {title for _, title in EXAM_SECTIONS.values()} == titles
    for item in items:
        assert set(item.exam_sections) <= titles, f"{item.id}: {item.exam_sections}"
        for ref in item.book_refs:
            if ref in EXAM_SECTIONS:
                assert EXAM_SECTIONS[ref][1] in item.exam_sections, f"{item.id} cites {ref}"
    feature_code = [
        i for i in items if "Feature extraction" in i.exam_sections and i.kind == "code"
    ]
    assert len(feature_code) >= 5


def test_statements_and_options_are_distinct_and_reasons_short(items):
    for item in items:
        lines = [item.reason_true, item.reason_false, item.explanation]
        lines += [option.why for option in item.options]
        for line in lines:
            assert "\n" not in line.strip() and len(line) <= 260, f"{item.id}: {line[:60]}…"
        if item.kind == "true_false":
            assert item.true_statement.casefold() != item.false_statement.casefold()


def test_code_items_are_short_and_exact_answers_are_plain(items):
    for item in items:
        if item.kind != "code":
            continue
        assert 1 <= len(item.code.strip().splitlines()) <= 20, item.id
        assert item.options or item.answer.strip() == item.answer, item.id


def test_cloze_answers_are_distinct_within_a_blank(items):
    def normal(text: str) -> str:  # the contract's matching: case, spacing, hyphen vs space
        return re.sub(r"[\s\-]+", " ", text.casefold()).strip()

    for item in items:
        for accepted in item.blanks:
            keys = [normal(answer) for answer in accepted]
            assert len(set(keys)) == len(keys), f"{item.id}: {accepted}"
