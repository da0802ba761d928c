"""``interview-sim new-family``: write a new family's four files from the kit, ready to fill in.

The skeleton is valid Python and valid jinja, but ``draw`` and ``solve`` raise until they are
written, so a half-done family fails the generic tests loudly instead of passing with fake content.
"""

from __future__ import annotations

import re
from pathlib import Path

from interview_sim.chapters import CHAPTERS

ID = re.compile(r"[a-z][a-z0-9_]*[a-z0-9]")

MODULE = '''"""{title}: TODO say why this family exists, in one or two sentences.

Varies {refs} (see ../shared/book_families.md: given, asked, formulas, pitfalls, the book's own
numbers). TODO name the slips the mistakes catalogue catches.
"""

from random import Random

import sympy

from interview_sim.family import Family, Param, Solved
from interview_sim.kit import prompt, real, slip


def draw(rng: Random) -> dict:
    """Whiteboard-friendly parameters, displayed exactly as used; only ``rng`` is random."""
    raise NotImplementedError("{family_id}.draw: TODO draw the parameters")


def solve(params: dict) -> Solved:
    """Exact answers from the parameters as displayed, with the slips people make."""
    raise NotImplementedError("{family_id}.solve: TODO compute the parts")


FAMILY = Family(
    id="{family_id}",
    chapter="{chapter}",
    title="{title}",
    book_refs=({refs_tuple}),
    params=(Param("x", "TODO what x means", low=0, high=100),),
    draw=draw,
    solve=solve,
    book_params=None,  # TODO the book's own instance, e.g. {{"x": 3}}
    book_numbers=True,  # TODO False if the book prints no numbers and book_params are ours
)
'''

STATEMENT = """TODO the problem in your own words, with the variant's numbers: **{{ x | num }}**.

1. TODO the first question (one numbered question per part).
"""

SOLUTION = """**TODO the first step.** Work the part with the variant's own numbers:
TODO = {{ result("TODO_part", facts.TODO_value, exact=True) }}.
"""

TEST = '''"""{family_id}: the book's numbers, a float oracle, slips and bad parameters."""

from generators.{chapter}.{family_id} import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused


def test_book_instance_gives_the_books_numbers():
    variant = FAMILY.from_params(FAMILY.book_params)
    assert_graded(variant, [])  # TODO (part, typed, "correct" or a mistake tag), book's numbers


def test_matches_a_float_oracle():
    def oracle(params):
        return {{}}  # TODO {{part id: the same answer computed with math floats}}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, FAMILY.book_params, [])  # TODO [(name, bad value), ...]
'''


class ScaffoldError(ValueError):
    """The id or chapter cannot take a new family, or its files already exist."""


def family_files(root: Path, family_id: str, chapter: str) -> dict[Path, str]:
    """The four files of a new family (paths under ``root``) and their skeleton text."""
    if not ID.fullmatch(family_id):
        raise ScaffoldError(
            f"family id {family_id!r} must be snake_case (lower-case letters, digits, _), "
            "e.g. sigmoid_derivative"
        )
    if chapter not in CHAPTERS:
        raise ScaffoldError(
            f"unknown chapter {chapter!r}; chapters are: {', '.join(CHAPTERS)} "
            "(a new chapter is added to interview_sim/chapters.py first)"
        )
    title = family_id.replace("_", " ").capitalize()
    names = {"family_id": family_id, "chapter": chapter, "title": title}
    names |= {"refs": "TODO-PRB-n", "refs_tuple": '"TODO-PRB-n",'}
    templates = root / "templates" / "families"
    return {
        root / "generators" / chapter / f"{family_id}.py": MODULE.format(**names),
        templates / f"{family_id}.statement.md.j2": STATEMENT,
        templates / f"{family_id}.solution.md.j2": SOLUTION,
        root / "tests" / "generators" / f"test_{family_id}.py": TEST.format(**names),
    }


def write_family(root: Path, family_id: str, chapter: str) -> list[Path]:
    """Write the skeleton; refuses to overwrite anything. Creates the chapter's package if new."""
    files = family_files(root, family_id, chapter)
    existing = [str(path) for path in files if path.exists()]
    if existing:
        raise ScaffoldError(f"{family_id} already has files: {', '.join(existing)}")
    package = root / "generators" / chapter / "__init__.py"
    if not package.exists():
        files = {package: f'"""Chapter: {CHAPTERS[chapter]}."""\n', **files}
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return list(files)
