"""The book's own numbering as a way in: its problems as data, and which practice items cover them.

The catalogue (``data/book_problems.toml``) lists every problem of the book once, in the book's
order, with its chapter, the kind of answer it asks for and a title in our own words. What covers a
problem is declared by the practice items themselves (a family's ``book_refs``), so adding a family
updates coverage with no edit here. Pure domain code: no UI, and no I/O beyond the shipped file.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from interview_sim.chapters import CHAPTERS
from interview_sim.registry import all_families
from interview_sim.seeds import derive_seed

# The book's parts in order: the family chapters, plus the introduction and the mock exam, which
# have problems (PRB-1…3, EXAM-1…6) but no families of their own.
BOOK_CHAPTERS: dict[str, str] = {
    "how_to_use": "How to use this book",
    **CHAPTERS,
    "mock_exam": "Job interview mock exam",
}
PROBLEM_TYPES = (
    "numeric",
    "true/false",
    "choice",
    "cloze",
    "code-reading",
    "explain",
    "derivation/proof",
    "drawing",
    "unknown",
)
ID_FORMAT = "book ids look like PRB-22, IT-Q10, CAL-Q3, ENS-Q6, FE-Q8, DL-Q37 or EXAM-3"

_CANONICAL = re.compile(r"(PRB|EXAM)-[1-9][0-9]*|(IT|CAL|ENS|FE|DL)-Q[1-9][0-9]*")
_LOOSE = re.compile(r"(PRB|EXAM|IT|CAL|ENS|FE|DL)[\s_-]*(?:Q[\s_-]*)?0*([0-9]+)", re.IGNORECASE)
# The book's own label "CH.PRB-2.4": the 4th problem of chapter 2 (PRB-7). Chapters 1-8 by number.
_CHAPTER_FORM = re.compile(r"(?:CH[\s.]*)?PRB[\s_-]*([0-9]+)\s*\.\s*([0-9]+)", re.IGNORECASE)
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_Q_PREFIXES = ("IT", "CAL", "ENS", "FE", "DL")
_CATALOGUE_FILE = "book_problems.toml"


class CatalogueError(ValueError):
    """The catalogue file is malformed; the message names the entry and says what to fix."""


class BookLookupError(LookupError):
    """A book id the user asked for cannot be served; the message says why and what to try."""


class UnknownBookRef(BookLookupError):
    """Not a problem of the book (a typo, a wrong number, or not an id at all)."""


class NoPracticeProblem(BookLookupError):
    """A problem of the book that no family varies yet."""


@dataclass(frozen=True)
class BookProblem:
    ref: str
    chapter: str
    type: str  # the dominant kind of answer, one of PROBLEM_TYPES
    title: str  # one line, our own words
    reuses: tuple[str, ...] = ()  # a mock-exam section: the chapter problems it is made of


# -- the catalogue -----------------------------------------------------------------------------
def parse_catalogue(text: str, source: str = _CATALOGUE_FILE) -> dict[str, BookProblem]:
    """Read and validate a catalogue; every defect is an error naming the entry at fault."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{source}: not valid TOML: {error}") from None
    _only_keys(data, {"chapter"}, source)
    chapters = data.get("chapter")
    if not isinstance(chapters, list) or not chapters:
        raise CatalogueError(f"{source}: expected [[chapter]] tables, found none")
    problems: dict[str, BookProblem] = {}
    seen_chapters: set[str] = set()
    for index, chapter in enumerate(chapters, start=1):
        where = f"{source}: chapter {index}"
        if not isinstance(chapter, dict):
            raise CatalogueError(f"{where}: expected a [[chapter]] table")
        _only_keys(chapter, {"id", "problems"}, where)
        chapter_id = chapter.get("id")
        if chapter_id not in BOOK_CHAPTERS:
            raise CatalogueError(
                f"{where}: unknown chapter id {chapter_id!r}; expected one of "
                + ", ".join(BOOK_CHAPTERS)
            )
        if chapter_id in seen_chapters:
            raise CatalogueError(f"{where}: chapter {chapter_id!r} is listed twice; merge them")
        seen_chapters.add(chapter_id)
        entries = chapter.get("problems")
        if not isinstance(entries, list) or not entries:
            raise CatalogueError(f"{where} ({chapter_id}): expected a non-empty problems list")
        for number, entry in enumerate(entries, start=1):
            problem = _problem(entry, chapter_id, f"{source}: {chapter_id}, problem {number}")
            if problem.ref in problems:
                raise CatalogueError(
                    f"{source}: {problem.ref} is listed twice ({problems[problem.ref].chapter} "
                    f"and {chapter_id}); each book problem appears once"
                )
            problems[problem.ref] = problem
    for problem in problems.values():
        missing = [ref for ref in problem.reuses if ref not in problems or ref == problem.ref]
        if missing:
            raise CatalogueError(
                f"{source}: {problem.ref} reuses {missing[0]}, which is not another problem "
                "of the catalogue; name the chapter problem the section is made of"
            )
    return problems


def _problem(entry: Any, chapter: str, where: str) -> BookProblem:
    if not isinstance(entry, dict):
        raise CatalogueError(f"{where}: expected {{ ref = …, type = …, title = … }}")
    ref = entry.get("ref")
    if not isinstance(ref, str) or not _CANONICAL.fullmatch(ref):
        raise CatalogueError(f"{where}: bad or missing ref {ref!r}; {ID_FORMAT}")
    where = f"{where} ({ref})"
    _only_keys(entry, {"ref", "type", "title", "reuses"}, where)
    kind = entry.get("type")
    if kind not in PROBLEM_TYPES:
        raise CatalogueError(
            f"{where}: bad or missing type {kind!r}; expected one of {', '.join(PROBLEM_TYPES)}"
        )
    title = entry.get("title")
    if not isinstance(title, str) or not title.strip() or "\n" in title:
        raise CatalogueError(f"{where}: missing title; give a one-line title in our own words")
    reuses = entry.get("reuses", [])
    if not isinstance(reuses, list) or not all(isinstance(r, str) for r in reuses):
        raise CatalogueError(f"{where}: reuses must be a list of book ids, got {reuses!r}")
    return BookProblem(ref, chapter, kind, title.strip(), tuple(reuses))


def _only_keys(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise CatalogueError(
            f"{where}: unknown key {unknown[0]!r}; expected only {', '.join(sorted(allowed))}"
        )


@lru_cache(maxsize=1)
def catalogue() -> dict[str, BookProblem]:
    """Every problem of the book by id, in the book's order (the shipped file, validated)."""
    text = resources.files("interview_sim").joinpath("data", _CATALOGUE_FILE).read_text("utf-8")
    return parse_catalogue(text)


def canonical_ref(text: str) -> str | None:
    """The catalogue spelling of a book id typed loosely ("prb22", "dl q37", "IT-3"), else None."""
    match = _LOOSE.fullmatch(text.translate(_DASHES).strip())
    if not match:
        return None
    prefix, number = match.group(1).upper(), int(match.group(2))
    return f"{prefix}-Q{number}" if prefix in _Q_PREFIXES else f"{prefix}-{number}"


def problem(text: str) -> BookProblem:
    """The catalogue entry for a book id, or for the book's own "CH.PRB-2.4" label; an unknown id
    raises with a suggestion."""
    problems = catalogue()
    label = _CHAPTER_FORM.fullmatch(text.translate(_DASHES).strip())
    if label:
        return _by_position(int(label.group(1)), int(label.group(2)), _shown(text), problems)
    ref = canonical_ref(text)
    if ref in problems:
        return problems[ref]
    raise UnknownBookRef(_unknown_message(text, ref, problems))


def _by_position(
    chapter: int, number: int, typed: str, problems: Mapping[str, BookProblem]
) -> BookProblem:
    """The ``number``-th problem of the book's chapter ``chapter`` (1 = how to use the book …
    8 = deep learning; the mock exam, chapter 9, has sections rather than numbered problems)."""
    numbered = list(BOOK_CHAPTERS)[:-1]
    if not 1 <= chapter <= len(numbered):
        raise UnknownBookRef(
            f"{typed}: chapters 1 to {len(numbered)} have numbered problems; the mock exam's "
            "sections are EXAM-1 to EXAM-6"
        )
    rows = [p for p in problems.values() if p.chapter == numbered[chapter - 1]]
    if not 1 <= number <= len(rows):
        raise UnknownBookRef(
            f"{typed}: chapter {chapter} ({BOOK_CHAPTERS[numbered[chapter - 1]]}) has problems "
            f"{chapter}.1 to {chapter}.{len(rows)} ({rows[0].ref} to {rows[-1].ref})"
        )
    return rows[number - 1]


def _shown(text: str, limit: int = 40) -> str:
    """The user's text quoted in a message, cut short so a pasted page does not flood it."""
    text = text.strip()
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _unknown_message(text: str, ref: str | None, problems: Mapping[str, BookProblem]) -> str:
    typed = text.strip()
    if ref is None:
        if re.fullmatch(r"[0-9]+", typed):  # a bare number: every id with that number
            close = [r for r in problems if re.fullmatch(rf"[A-Z]+-Q?{int(typed)}", r)]
        else:
            close = difflib.get_close_matches(typed.upper(), list(problems), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return f"{_shown(text)} is not a book id: {ID_FORMAT}{hint}"
    prefix = ref.split("-")[0]
    same = [r for r in problems if r.split("-")[0] == prefix]
    later = (
        "; the later chapters number their problems within the chapter (IT-Q1, CAL-Q1, …, or "
        "the book's label, e.g. CH.PRB-4.1)"
        if prefix == "PRB"
        else ""
    )
    return (
        f"{ref} is not a problem of the book: its {prefix} ids run from {same[0]} to {same[-1]}"
        f"{later}; `interview-sim coverage` lists them all"
    )


# -- what covers a problem ---------------------------------------------------------------------
ItemRefs = tuple[str, tuple[str, ...]]


def family_refs() -> list[ItemRefs]:
    """(family id, the book ids it varies) for every registered family."""
    return [(family.id, tuple(family.book_refs)) for family in all_families()]


# Every kind of practice item that can stand for a book problem, each a function returning
# (item id, book ids). The concept bank joins by adding its own collector to this tuple; coverage,
# the unknown-id check and the CLI need nothing else.
def concept_refs() -> list[ItemRefs]:
    """(item id, the book ids it asks about) for every item of the concept bank."""
    return [(family.id, tuple(family.book_refs)) for family in all_families(kind="concept")]


REF_SOURCES: tuple[Callable[[], Iterable[ItemRefs]], ...] = (family_refs, concept_refs)


def covering_items() -> list[ItemRefs]:
    """(item id, book ids) from every registered source."""
    return [item for source in REF_SOURCES for item in source()]


def unknown_refs(items: Iterable[ItemRefs] | None = None) -> list[tuple[str, str]]:
    """(item id, ref) for every claimed book id that is not in the catalogue: always a bug."""
    problems = catalogue()
    items = covering_items() if items is None else items
    return [(item, ref) for item, refs in items for ref in refs if ref not in problems]


@dataclass(frozen=True)
class ProblemCoverage:
    ref: str
    title: str
    covered_by: tuple[str, ...]


@dataclass(frozen=True)
class ChapterCoverage:
    chapter: str
    problems: tuple[ProblemCoverage, ...]

    @property
    def total(self) -> int:
        return len(self.problems)

    @property
    def covered(self) -> int:
        return sum(1 for p in self.problems if p.covered_by)

    def to_json(self) -> dict[str, Any]:
        return {
            "chapter": self.chapter,
            "total": self.total,
            "covered": self.covered,
            "problems": [
                {"ref": p.ref, "title": p.title, "covered_by": list(p.covered_by)}
                for p in self.problems
            ],
        }


def coverage(
    chapter: str | None = None, items: Iterable[ItemRefs] | None = None
) -> list[ChapterCoverage]:
    """Per chapter of the book, each problem with the items that cover it; a mock-exam section is
    covered by whatever covers the problems it reuses. (Ids not in the catalogue are ignored here:
    ``unknown_refs`` reports them.)"""
    if chapter is not None and chapter not in BOOK_CHAPTERS:
        raise BookLookupError(
            f"unknown chapter {chapter!r}; the book's chapters are: {', '.join(BOOK_CHAPTERS)}"
        )
    covered_by: dict[str, list[str]] = {}
    for item, refs in covering_items() if items is None else items:
        for ref in dict.fromkeys(refs):
            covered_by.setdefault(ref, []).append(item)
    rows: dict[str, list[ProblemCoverage]] = {c: [] for c in BOOK_CHAPTERS}
    for entry in catalogue().values():
        covers = [item for ref in (entry.ref, *entry.reuses) for item in covered_by.get(ref, ())]
        rows[entry.chapter].append(ProblemCoverage(entry.ref, entry.title, _unique(covers)))
    return [
        ChapterCoverage(c, tuple(problems))
        for c, problems in rows.items()
        if problems and chapter in (None, c)
    ]


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


# -- practising a book problem -----------------------------------------------------------------
def families_for(ref: str) -> list[str]:
    """The families and concept items that cover a book problem (catalogue spelling), in
    registry order; for a mock-exam section, those of the problems it reuses."""
    wanted = {ref, *catalogue()[ref].reuses}
    return [family_id for family_id, refs in covering_items() if wanted & set(refs)]


def practisable() -> list[BookProblem]:
    """The book problems at least one family varies, in the book's order."""
    return [entry for ref, entry in catalogue().items() if families_for(ref)]


def choose_family(text: str, seed: int) -> tuple[BookProblem, str, list[str]]:
    """(problem, the family picked by ``seed``, all families covering it) for a book id.

    Raises ``UnknownBookRef`` for an id the book does not have and ``NoPracticeProblem`` for one
    that no family varies yet (naming the ids of its chapter that do have one).
    """
    entry = problem(text)
    families = families_for(entry.ref)
    if not families:
        raise NoPracticeProblem(_no_practice_message(entry))
    pick = derive_seed(f"book:{entry.ref}", 0, seed, 0) % len(families)
    return entry, families[pick], families


def _no_practice_message(entry: BookProblem) -> str:
    same_chapter = [r for r, p in catalogue().items() if p.chapter == entry.chapter]
    covered = [r for r in same_chapter if families_for(r)]
    chapter = BOOK_CHAPTERS[entry.chapter]
    where = (
        f"covered ids in this chapter: {', '.join(covered)}"
        if covered
        else f"no problem of {chapter} has one yet; `interview-sim coverage` shows what has"
    )
    return f"{entry.ref} ({entry.title}) has no practice problem yet; {where}"
