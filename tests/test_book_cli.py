"""The book commands through the real entry point: `coverage`, `show --book`, `run --book`."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

import pytest

from interview_sim import book
from interview_sim.book import BOOK_CHAPTERS
from interview_sim.cli import main
from interview_sim.store.sessions import SessionStore

from .test_book import CATALOGUE, PRACTISED, REFERENCE, SHARED_REF, UNCOVERED, reference_rows


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_coverage_json_has_exactly_the_documented_shape_and_every_id():
    process = subprocess.run(
        [sys.executable, "-m", "interview_sim.cli", "coverage", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(process.stdout)
    assert list(data) == ["chapters"]
    for chapter in data["chapters"]:
        assert list(chapter) == ["chapter", "total", "covered", "problems"]
        assert chapter["total"] == len(chapter["problems"])
        assert chapter["covered"] == sum(bool(p["covered_by"]) for p in chapter["problems"])
        for problem in chapter["problems"]:
            assert list(problem) == ["ref", "title", "covered_by"]
            assert CATALOGUE[problem["ref"]].chapter == chapter["chapter"]
    refs = [p["ref"] for c in data["chapters"] for p in c["problems"]]
    assert refs == list(CATALOGUE)
    if REFERENCE is not None:
        assert refs == [ref for ref, _ in reference_rows()]
    assert process.stderr == ""


def test_coverage_text_has_a_bar_per_chapter_then_the_uncovered_ids(capsys):
    code, out, _ = run(capsys, "coverage")
    assert code == 0
    chapters = book.coverage()
    covered = sum(c.covered for c in chapters)
    assert out.startswith(f"{covered} of {len(CATALOGUE)} book problems have a practice")
    for chapter in chapters:
        line = next(x for x in out.splitlines() if x.startswith(BOOK_CHAPTERS[chapter.chapter]))
        assert line.endswith(f"{chapter.covered:>3}/{chapter.total}")
        assert line.count("█") + line.count("░") == 20
        assert line.count("█") == round(20 * chapter.covered / chapter.total)
    assert f" {UNCOVERED} " in out.replace("\n", " ")
    assert not any(f" {ref} " in out.replace("\n", " ") + " " for ref in PRACTISED)


def test_coverage_of_one_chapter_lists_every_problem_and_its_families(capsys):
    chapter = CATALOGUE[min(PRACTISED)].chapter
    code, out, _ = run(capsys, "coverage", "--chapter", chapter)
    assert code == 0
    (expected,) = book.coverage(chapter)
    for p in expected.problems:
        (line,) = [x for x in out.splitlines() if re.match(rf"  . {re.escape(p.ref)} ", x)]
        assert p.title in line
        assert line.startswith("  ✓" if p.covered_by else "  ·")
        assert all(item in line for item in p.covered_by)


def test_coverage_json_of_one_chapter(capsys):
    code, out, _ = run(capsys, "coverage", "--json", "--chapter", "mock_exam")
    assert code == 0
    assert [c["chapter"] for c in json.loads(out)["chapters"]] == ["mock_exam"]


@pytest.mark.skipif(SHARED_REF is None, reason="no book problem is varied by two families yet")
def test_show_book_says_which_family_it_picked_and_the_seed_reproduces_it(capsys):
    families = book.families_for(SHARED_REF)
    code, out, _ = run(capsys, "show", "--book", SHARED_REF.lower(), "--seed", "7")
    assert code == 0
    header, title = out.splitlines()[:2]
    chosen = book.choose_family(SHARED_REF, 7)[1]
    assert header == (
        f"{SHARED_REF} is covered by {len(families)} families; showing {chosen} (seed 7)"
    )
    assert f"({chosen} v" in title and "seed 7)" in title
    assert run(capsys, "show", "--book", SHARED_REF, "--seed", "7")[1] == out


def test_show_book_json_is_the_variant_plus_the_book_problem(capsys):
    ref = book.practisable()[0].ref
    code, out, _ = run(capsys, "show", "--book", ref, "--seed", "11", "--json")
    assert code == 0
    data = json.loads(out)
    entry, family_id, families = book.choose_family(ref, 11)
    assert data["book"] == {"ref": ref, "title": entry.title, "families": families}
    assert data["family"] == family_id and data["seed"] == 11
    _, plain, _ = run(capsys, "show", family_id, "--seed", "11", "--json")
    assert {k: v for k, v in data.items() if k != "book"} == json.loads(plain)


def test_show_book_without_a_seed_names_the_fresh_seed_it_used(capsys):
    ref = book.practisable()[0].ref
    code, out, _ = run(capsys, "show", "--book", ref)
    seed = int(re.search(r"\(seed (\d+)\)$", out.splitlines()[0]).group(1))
    assert run(capsys, "show", "--book", ref, "--seed", str(seed))[1] == out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "--book", "PRB-300"], "PRB-300 is not a problem of the book: its PRB ids run"),
        (["show", "--book", "vgg"], "'vgg' is not a book id: book ids look like PRB-22"),
        (["show", "--book", UNCOVERED], f"{UNCOVERED} ({CATALOGUE[UNCOVERED].title}) has no"),
        (["show", "--book", "PRB-22", "lr_odds_logodds"], "--book picks the family"),
        (["show", "--book", "PRB-22", "--params", "{}"], "--book picks the family"),
        (["show"], "show needs a family id"),
        (["check", "--part", "a", "--answer", "1"], "check needs a family id"),
        (["check", "--book", "PRB-22", "--part", "a", "--answer", "1"], "needs the --seed"),
        (["show", "prb22"], "'prb22' is a book problem id, not a family: use show --book PRB-22"),
        (["check", "DL-Q37", "--part", "a", "--answer", "1"], "use check --book DL-Q37"),
        (["run", "practice", "--family", "IT-Q22"], "use run practice --book IT-Q22"),
        (["coverage", "--chapter", "nope"], "unknown chapter 'nope'; the book's chapters are"),
        (["run", "practice", "--book", "PRB-22", "--family", "x"], "give --book or --family"),
        (["run", "practice", "--plain", "--book", UNCOVERED], f"{UNCOVERED} ("),
        (["show", "--book", "PRB-22", "--book-instance"], "--book-instance needs the family"),
        (["show", "lr_sigmoid_range", "--book-instance"], "has no instance printed in the book"),
    ],
)
def test_book_errors_are_one_line_exit_2(tmp_path, capsys, args, message):
    code, out, err = run(capsys, "--data-dir", str(tmp_path), *args)
    assert code == 2 and out == ""
    assert err.startswith("interview-sim: ") and message in err and err.count("\n") == 1


def test_run_practice_from_a_book_id(tmp_path, capsys, monkeypatch):
    ref = book.practisable()[0].ref
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    code, out, err = run(
        capsys, "--data-dir", str(tmp_path), "run", "practice", "--plain", "--book", ref,
        "--seed", "5",
    )  # fmt: skip
    entry, family_id, families = book.choose_family(ref, 5)
    assert code == 0
    assert f"practising {family_id} (seed 5)" in err
    (transcript,) = SessionStore(tmp_path).transcripts()[0]
    assert transcript.family == family_id and transcript.exam_seed == 5
    assert transcript.questions[0].family == family_id


def test_check_book_grades_the_variant_show_book_printed(capsys):
    ref = SHARED_REF or book.practisable()[0].ref
    _, out, _ = run(capsys, "show", "--book", ref, "--seed", "3", "--json")
    shown = json.loads(out)
    part = shown["parts"][0]
    args = [
        "check",
        "--book",
        ref,
        "--seed",
        "3",
        "--part",
        part["id"],
        f"--answer={part['answer']}",
    ]
    code, out, _ = run(capsys, *args, "--json")
    assert code == 0 and json.loads(out)["verdict"] == "correct"
    code, out, _ = run(capsys, *args)
    first, verdict = out.splitlines()[:2]
    assert first.endswith(f"checking {shown['family']} (seed 3)")
    assert verdict.startswith("correct")


def test_book_instance_shows_the_books_numbers_or_says_they_are_ours(capsys):
    from interview_sim.answers.check import expected_text
    from interview_sim.registry import all_families

    families = all_families()
    printed = next(f for f in families if f.book_numbers)
    ours = next(f for f in families if not f.book_numbers)
    code, out, _ = run(capsys, "show", printed.id, "--book-instance")
    assert code == 0 and f"the book's own numbers, {printed.book_refs[0]}" in out.splitlines()[0]
    assert printed.from_params(dict(printed.book_params)).statement in out
    code, out, _ = run(capsys, "show", ours.id, "--book-instance")
    assert code == 0 and "our instance: the book prints no numbers" in out.splitlines()[0]
    # the instance's own exact answer checks correct, so the book's problem can be self-marked
    part = printed.from_params(dict(printed.book_params)).parts[0]
    args = ["check", printed.id, "--book-instance", "--part", part.id, "--json"]
    code, out, _ = run(capsys, *args, f"--answer={expected_text(part)}")
    assert code == 0 and json.loads(out)["verdict"] == "correct"


def test_families_json_names_each_book_instance_and_whether_the_book_prints_it(capsys):
    code, out, _ = run(capsys, "families", "--json")
    entries = {entry["id"]: entry for entry in json.loads(out)}
    from interview_sim.registry import all_families

    for family in all_families():
        instance = entries[family.id]["book_instance"]
        assert instance["printed_in_book"] == family.book_numbers
        assert family.from_params(instance["params"]).parts  # the JSON params rebuild it
